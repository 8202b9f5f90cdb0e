"use client";

import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { AuditLogPage, AuditLogRow } from "@/lib/dal/audit-log";
import { isoMinute } from "@/lib/format";
import { AUDIT_OUTCOME_TONES } from "@/lib/labels";
import type { ColumnDef } from "@tanstack/react-table";

const columns: ColumnDef<AuditLogRow, unknown>[] = [
  {
    id: "at",
    header: "When",
    cell: ({ row }) => <time dateTime={row.original.at.toISOString()}>{`${isoMinute(row.original.at)} UTC`}</time>,
    meta: { className: "whitespace-nowrap" },
  },
  { id: "actor", header: "Person", cell: ({ row }) => row.original.actorName ?? <span className="text-muted">Unknown</span> },
  { id: "action", header: "Action", cell: ({ row }) => row.original.action, meta: { className: "font-mono text-xs" } },
  {
    id: "record",
    header: "Record",
    cell: ({ row }) => (
      <>
        {row.original.entityType}
        {row.original.entityId ? <span className="block font-mono text-xs text-muted">{row.original.entityId}</span> : null}
      </>
    ),
  },
  { id: "couple", header: "Couple", cell: ({ row }) => row.original.coupleName ?? "" },
  {
    id: "outcome",
    header: "Outcome",
    cell: ({ row }) => <Badge tone={AUDIT_OUTCOME_TONES[row.original.outcome]}>{row.original.outcome}</Badge>,
  },
];

/** The clinic's audit events, newest first, a page at a time. */
export function AuditTable({ page }: { page: AuditLogPage }) {
  return (
    <DataTable
      caption="Audit events"
      columns={columns}
      data={page.rows}
      getRowId={(row) => String(row.id)}
      emptyMessage="No events match these filters."
      pagination={{ page, noun: ["event", "events"], labels: { previous: "Newer events", next: "Older events" } }}
    />
  );
}
