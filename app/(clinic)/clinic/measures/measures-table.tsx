"use client";

import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { ClinicMeasure } from "@/lib/dal/measures";
import { formatNumber } from "@/lib/format";
import type { ColumnDef } from "@tanstack/react-table";

/** How a measure's standing reads: Mend's own are never validated instruments, and say so. */
function standing(m: ClinicMeasure) {
  if (m.source === "mend") return <Badge>Mend&apos;s own, not validated</Badge>;
  return m.validated ? <Badge tone="ok">Validated instrument</Badge> : <Badge tone="warn">Imported, not validated</Badge>;
}

/** A score as its instrument states it: 21, 13.5 (never 13.50). */
const trim = (n: number) => String(Math.round(n * 100) / 100);

const columns: ColumnDef<ClinicMeasure, unknown>[] = [
  {
    id: "title",
    header: "Measure",
    cell: ({ row }) => (
      <>
        <span className="font-medium text-ink">{row.original.title}</span>
        <span className="block text-xs text-muted">{row.original.key}</span>
      </>
    ),
  },
  {
    id: "version",
    header: "Version",
    cell: ({ row }) => (
      <>
        {row.original.version}
        {row.original.versions > 1 ? <span className="block text-xs text-muted">{row.original.versions} versions kept</span> : null}
      </>
    ),
  },
  { id: "standing", header: "Standing", cell: ({ row }) => standing(row.original) },
  { id: "items", header: "Items", cell: ({ row }) => row.original.items },
  {
    id: "range",
    header: "Score range",
    cell: ({ row }) => (
      <>
        {trim(row.original.range.min)}–{trim(row.original.range.max)}
        <span className="block text-xs text-muted">{row.original.direction === "higher_is_better" ? "Higher is better" : "Higher is worse"}</span>
      </>
    ),
  },
  {
    id: "cutOff",
    header: "Cut-off",
    cell: ({ row }) => (row.original.cutOff === null ? <span className="text-muted">None claimed</span> : trim(row.original.cutOff)),
  },
  {
    id: "reliableChange",
    header: "Reliable change",
    cell: ({ row }) =>
      row.original.reliableChangeThreshold === null ? (
        <span className="text-muted">None claimed</span>
      ) : (
        <>± {formatNumber(row.original.reliableChangeThreshold, 2)}</>
      ),
  },
];

/** The measures the clinic's counsellors can schedule: Mend's own, then the clinic's imports. */
export function MeasuresTable({ measures }: { measures: ClinicMeasure[] }) {
  return (
    <DataTable
      caption="Measures of the clinic"
      columns={columns}
      data={measures}
      getRowId={(row) => row.id}
      rowHeader="title"
      emptyMessage="No measures yet."
    />
  );
}
