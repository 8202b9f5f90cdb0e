"use client";

import { DataTable } from "@/components/data-table/data-table";
import type { CounsellorFigures } from "@/lib/dal/clinic-aggregates";
import { formatClinicFigure, type FigureFormat } from "@/lib/format";
import type { ColumnDef, SortingFn } from "@tanstack/react-table";

// Suppressed figures (null) sort below every real one, whichever the direction.
const nullsLow: SortingFn<CounsellorFigures> = (a, b, id) => {
  const x = a.getValue<number | null>(id);
  const y = b.getValue<number | null>(id);
  return (x ?? -1) - (y ?? -1);
};

const figureColumn = (id: keyof CounsellorFigures, header: string, kind: FigureFormat): ColumnDef<CounsellorFigures, unknown> => ({
  id,
  accessorFn: (row) => row[id] as number | null,
  header,
  sortingFn: nullsLow,
  cell: ({ getValue }) => formatClinicFigure(getValue<number | null>(), kind),
  meta: { className: "tabular-nums" },
});

const columns: ColumnDef<CounsellorFigures, unknown>[] = [
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
  return (
    <DataTable
      caption="Figures by counsellor"
      columns={columns}
      data={rows}
      getRowId={(row) => row.counsellorId}
      rowHeader="name"
      sorting={{ mode: "client" }}
      emptyMessage="No counsellors yet."
    />
  );
}
