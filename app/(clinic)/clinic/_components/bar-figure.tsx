"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatClinicFigure, formatPercent, type FigureFormat } from "@/lib/format";
import { MIN_GROUP_SIZE, SUPPRESSED_LABEL } from "@/lib/metrics/clinic";

export type BarDatum = { label: string; value: number | null; description?: string };

/**
 * A small bar chart of one clinic figure, with the same numbers as a table for screen readers.
 * A suppressed value (null) draws no bar and is labelled "fewer than 5".
 */
export function BarFigure({
  title,
  description,
  data,
  format,
  labelHeader,
  valueHeader,
}: {
  title: string;
  description?: string;
  data: BarDatum[];
  format: FigureFormat;
  labelHeader: string;
  valueHeader: string;
}) {
  // Bar labels stay short (no unit) so they fit above narrow bars; the table carries the full wording.
  const chartData = data.map((d) => ({
    label: d.label,
    value: d.value ?? 0,
    display: formatClinicFigure(d.value, format),
    short: d.value === null ? "" : format === "weeks" ? String(Math.round(d.value * 10) / 10) : formatClinicFigure(d.value, format),
  }));
  const suppressed = data.filter((d) => d.value === null).map((d) => d.label);
  const allSuppressed = data.length > 0 && suppressed.length === data.length;
  const headingId = `fig-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <figure className="rounded-lg border border-line bg-surface p-4" aria-labelledby={headingId}>
      <figcaption>
        <h3 id={headingId} className="font-semibold text-ink">
          {title}
        </h3>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </figcaption>
      {allSuppressed ? (
        // An empty drawing would read as "no activity"; say why nothing is drawn instead.
        <p className="mt-3 rounded-md bg-bg px-3 py-6 text-center text-sm text-muted">
          Every group has fewer than {MIN_GROUP_SIZE} couples, so nothing is shown to protect privacy.
        </p>
      ) : (
      <div className="mt-3 h-56" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {/* No accessibility layer: inside aria-hidden, its focusable svg would be a trap for keyboard users. */}
          <BarChart accessibilityLayer={false} data={chartData} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--color-line)" />
            <XAxis dataKey="label" tick={{ fill: "var(--color-muted)", fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis
              tick={{ fill: "var(--color-muted)", fontSize: 12 }}
              width={40}
              tickFormatter={(v: number) => (format === "percent" ? formatPercent(v) : String(v))}
              allowDecimals={format !== "count"}
            />
            <Tooltip
              formatter={(_value, _name, item) => [(item.payload as { display: string }).display, valueHeader]}
              cursor={{ fill: "var(--color-brand-soft)" }}
            />
            <Bar dataKey="value" fill="var(--color-chart-1)" radius={[3, 3, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="short" position="top" fill="var(--color-ink)" fontSize={11} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      )}
      {suppressed.length > 0 && !allSuppressed ? (
        <p className="mt-2 text-sm text-muted" aria-hidden="true">
          {SUPPRESSED_LABEL[0]!.toUpperCase() + SUPPRESSED_LABEL.slice(1)} couples, so not shown: {suppressed.join(", ")}
        </p>
      ) : null}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.description ?? d.label}</th>
              <td>{formatClinicFigure(d.value, format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
