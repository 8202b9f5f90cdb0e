"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatNumber, formatShortDay } from "@/lib/format";
import { ChartFrame, SERIES_COLOURS } from "./chart-frame";

export type TrustChartRow = {
  date: string;
  a: number | null;
  b: number | null;
  meanA: number | null;
  meanB: number | null;
  gap: number | null;
};

/**
 * One partner-pair measure over time (trust or closeness, 0–10): each partner's daily answers as
 * dots, their 7-day means as lines, and, when given, the gap between the partners as bars.
 */
export function TrustChart({
  title,
  description,
  rows,
  names,
  showGap,
}: {
  title: string;
  description: string;
  rows: TrustChartRow[];
  names: [string, string];
  showGap: boolean;
}) {
  const [nameA, nameB] = names;
  return (
    <ChartFrame
      title={title}
      description={description}
      tableCaption={`${title}, by day`}
      rows={rows}
      legend={[
        ...(showGap ? [{ label: "Gap between partners", colour: SERIES_COLOURS.third, mark: "block" as const }] : []),
        { label: `${nameA} (daily)`, colour: SERIES_COLOURS.a, mark: "dot" },
        { label: `${nameB} (daily)`, colour: SERIES_COLOURS.b, mark: "dot" },
        { label: `${nameA} (7-day mean)`, colour: SERIES_COLOURS.a, mark: "line" },
        { label: `${nameB} (7-day mean)`, colour: SERIES_COLOURS.b, mark: "dashed" },
      ]}
      columns={[
        { header: "Day", cell: (r) => formatDay(r.date) },
        { header: nameA, cell: (r) => formatNumber(r.a, 0) },
        { header: `${nameA}, 7-day mean`, cell: (r) => formatNumber(r.meanA) },
        { header: nameB, cell: (r) => formatNumber(r.b, 0) },
        { header: `${nameB}, 7-day mean`, cell: (r) => formatNumber(r.meanB) },
        ...(showGap ? [{ header: "Gap", cell: (r: TrustChartRow) => formatNumber(r.gap, 0) }] : []),
      ]}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} tick={{ fontSize: 12 }} />
            <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(v) => (typeof v === "number" ? formatNumber(v) : String(v))} />
            {showGap ? <Bar dataKey="gap" name="Gap between partners" fill={SERIES_COLOURS.third} opacity={0.35} barSize={4} /> : null}
            <Line dataKey="a" name={`${nameA} (daily)`} stroke="none" dot={{ r: 2, fill: SERIES_COLOURS.a }} isAnimationActive={false} />
            <Line dataKey="b" name={`${nameB} (daily)`} stroke="none" dot={{ r: 2, fill: SERIES_COLOURS.b }} isAnimationActive={false} />
            <Line dataKey="meanA" name={`${nameA} (7-day mean)`} stroke={SERIES_COLOURS.a} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            <Line
              dataKey="meanB"
              name={`${nameB} (7-day mean)`}
              stroke={SERIES_COLOURS.b}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
    />
  );
}
