"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingFn,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import type { CounsellorFigures } from "@/lib/dal/clinic-aggregates";
import { formatClinicFigure, type FigureFormat } from "@/lib/format";

// Suppressed figures (null) sort below every real one, whichever the direction.
const nullsLow: SortingFn<CounsellorFigures> = (a, b, id) => {
  const x = a.getValue<number | null>(id);
  const y = b.getValue<number | null>(id);
  return (x ?? -1) - (y ?? -1);
};

const figureColumn = (
  id: keyof CounsellorFigures,
  header: string,
  kind: FigureFormat,
): ColumnDef<CounsellorFigures> => ({
  id,
  accessorFn: (row) => row[id] as number | null,
  header,
  sortingFn: nullsLow,
  cell: ({ getValue }) => formatClinicFigure(getValue<number | null>(), kind),
});

const columns: ColumnDef<CounsellorFigures>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Counsellor",
    cell: ({ row }) => (
      <>
        {row.original.name}
        {row.original.active ? null : <span className="ml-2 text-muted">(deactivated)</span>}
      </>
    ),
  },
  figureColumn("couples", "Couples", "count"),
  figureColumn("activeCouples", "Active couples", "count"),
  figureColumn("medianAdherence", "Median check-in adherence", "percent"),
  figureColumn("medianKeepRate", "Median promise keep rate", "percent"),
  figureColumn("roseShare", "Trust rose from baseline", "percent"),
];

/** The range's figures per counsellor, sortable in the browser (a clinic has few counsellors). */
export function ByCounsellorTable({ rows }: { rows: CounsellorFigures[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack's table instance is rebuilt per render on purpose; the compiler rightly skips memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.counsellorId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Figures by counsellor</caption>
        <thead className="bg-bg">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-3 py-2 font-medium"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="inline-flex items-center gap-1 text-left hover:text-brand"
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <Icon aria-hidden="true" className="size-3.5 text-muted" />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-4 text-muted">
                No counsellors yet.
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-line">
                {row.getVisibleCells().map((cell, i) =>
                  i === 0 ? (
                    <th key={cell.id} scope="row" className="px-3 py-2 font-medium">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className="px-3 py-2 tabular-nums">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
