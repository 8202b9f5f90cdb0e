"use client";

import { useState } from "react";
import type { TableColumn } from "./chart-frame";

/**
 * A chart's figures as a table behind "Show as a table". The rows are drawn when it is opened, not
 * with the page: a year of days is hundreds of cells per chart that most views never open, and the
 * figures are already in the page for the chart itself. Used by the chart components, which run in
 * the browser, so `columns` may hold functions.
 */
export function ChartTable<T>({ rows, columns, caption }: { rows: T[]; columns: TableColumn<T>[]; caption: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-2 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-brand">Show as a table</summary>
      {open ? (
        // A scrolling region must be reachable by keyboard, so it takes focus and names itself.
        <div className="mt-2 max-h-80 overflow-auto focus:outline-2 focus:outline-brand" tabIndex={0} role="region" aria-label={caption}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{caption}</caption>
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
      ) : null}
    </details>
  );
}
