import type { ReactNode } from "react";

export type TableColumn<T> = { header: string; cell: (row: T) => ReactNode };

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
 */
export function ChartFrame<T>({
  title,
  description,
  chart,
  rows,
  columns,
  tableCaption,
  empty,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  rows: T[];
  columns: TableColumn<T>[];
  tableCaption: string;
  empty?: string;
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
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer font-medium text-brand">Show as a table</summary>
            <div className="mt-2 max-h-80 overflow-auto">
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{tableCaption}</caption>
                <thead>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.header} scope="col" className="border-b border-line px-2 py-1 font-semibold">
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={i} className="border-b border-line last:border-0">
                      {columns.map((c, j) =>
                        j === 0 ? (
                          <th key={c.header} scope="row" className="px-2 py-1 font-normal">
                            {c.cell(row)}
                          </th>
                        ) : (
                          <td key={c.header} className="px-2 py-1">
                            {c.cell(row)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

