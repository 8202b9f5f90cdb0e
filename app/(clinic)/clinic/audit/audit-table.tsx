"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { auditActionLabel, AUDIT_ENTITY_TYPES, type AuditEntityType } from "@/lib/audit/actions";
import type { AuditLogPage, AuditLogRow } from "@/lib/dal/audit-log";
import { isoMinute } from "@/lib/format";
import { AUDIT_ENTITY_LABELS, AUDIT_OUTCOME_LABELS, AUDIT_OUTCOME_TONES } from "@/lib/labels";
import type { ColumnDef } from "@tanstack/react-table";

const entityLabel = (type: string) =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type) ? AUDIT_ENTITY_LABELS[type as AuditEntityType] : type;

// Times are shown on the admin's clock, named by its zone so no one mistakes whose clock it is.
const columnsIn = (zone: string): ColumnDef<AuditLogRow, unknown>[] => [
  {
    id: "at",
    header: `When (${zone})`,
    cell: ({ row }) => <time dateTime={row.original.at.toISOString()}>{isoMinute(row.original.at, zone)}</time>,
    meta: { className: "whitespace-nowrap" },
  },
  { id: "actor", header: "Person", cell: ({ row }) => row.original.actorName ?? <span className="text-muted">Unknown</span> },
  {
    id: "action",
    header: "Action",
    cell: ({ row }) => (
      <span title={row.original.action}>{auditActionLabel(row.original.action)}</span>
    ),
  },
  {
    id: "record",
    header: "Record",
    cell: ({ row }) => (
      <>
        <span className="text-muted">{entityLabel(row.original.entityType)}</span>
        {row.original.recordName ? <span className="block font-medium">{row.original.recordName}</span> : null}
      </>
    ),
  },
  { id: "couple", header: "Couple", cell: ({ row }) => row.original.coupleName ?? "" },
  {
    id: "outcome",
    header: "Outcome",
    cell: ({ row }) => <Badge tone={AUDIT_OUTCOME_TONES[row.original.outcome]}>{AUDIT_OUTCOME_LABELS[row.original.outcome]}</Badge>,
  },
  {
    // Where the request came from, for answering "was this me?"; none for scheduled work.
    id: "address",
    header: "Address",
    cell: ({ row }) =>
      row.original.address ? (
        <span className="font-mono text-xs break-all">{row.original.address}</span>
      ) : (
        <span className="text-muted">Not recorded</span>
      ),
  },
];

/** The clinic's audit events, newest first, a page at a time. */
export function AuditTable({ page, zone = "UTC" }: { page: AuditLogPage; zone?: string }) {
  const columns = useMemo(() => columnsIn(zone), [zone]);
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
