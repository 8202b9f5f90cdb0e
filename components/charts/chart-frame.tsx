import { ChartTable } from "./chart-table";
import type { ReactNode } from "react";

export type TableColumn<T> = { header: string; cell: (row: T) => ReactNode };

/** One legend entry: its words and the look of its series (a solid or dashed line, a dot, a block). */
export type LegendItem = { label: string; colour: string; mark: "line" | "dashed" | "dot" | "block" };

/** The colours of the two partners and of a third series, from the theme (app/globals.css). */
export const SERIES_COLOURS = {
  a: "var(--color-chart-1)",
  b: "var(--color-chart-2)",
  third: "var(--color-chart-3)",
  ok: "var(--color-ok)",
  danger: "var(--color-danger)",
} as const;

/**
 * A chart with its title, a sentence on how to read it, and the same figures as a table for
 * screen readers and anyone who prefers numbers (charts are hidden from assistive technology).
 * Only chart components that run in the browser use it: its columns are functions.
 */
export function ChartFrame<T>({
  title,
  description,
  chart,
  rows,
  columns,
  tableCaption,
  empty,
  legend,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  rows: T[];
  columns: TableColumn<T>[];
  tableCaption: string;
  empty?: string;
  /** Drawn as HTML under the chart, each entry with a swatch in its series' colour. */
  legend?: LegendItem[];
}) {
  return (
    <figure className="rounded-lg border border-line bg-surface p-4">
      <figcaption>
        <h3 className="font-semibold text-ink">{title}</h3>
        <p className="text-sm text-muted">{description}</p>
      </figcaption>
      {rows.length === 0 ? (
        <p className="py-8 text-center text-muted">{empty ?? "Nothing to show for this range yet."}</p>
      ) : (
        <>
          <div aria-hidden className="mt-3 h-64 w-full">
            {chart}
          </div>
          {legend ? <ChartLegend items={legend} /> : null}
          <ChartTable rows={rows} columns={columns} caption={tableCaption} />
        </>
      )}
    </figure>
  );
}

/**
 * The legend as a list with a swatch in each series' colour and shape. It is plain HTML rather
 * than recharts' legend, whose icons vanish for series drawn as dots only (stroke "none").
 */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg aria-hidden="true" focusable="false" width="18" height="10" viewBox="0 0 18 10" className="shrink-0">
            {item.mark === "dot" ? (
              <circle cx="9" cy="5" r="3.5" fill={item.colour} />
            ) : item.mark === "block" ? (
              <rect x="2" y="1" width="14" height="8" rx="1" fill={item.colour} />
            ) : (
              <line
                x1="1"
                y1="5"
                x2="17"
                y2="5"
                stroke={item.colour}
                strokeWidth="2.5"
                strokeDasharray={item.mark === "dashed" ? "5 2" : undefined}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
