"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type ServerPage } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { CaseloadRow } from "@/lib/dal/caseload";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";

function formatDay(iso: string | null, today: string): string {
  if (!iso) return "Never";
  if (iso === today) return "Today";
  const days = Math.round((Date.parse(today) - Date.parse(iso)) / 86_400_000);
  if (days === 1) return "Yesterday";
  return `${days} days ago`;
}

export function CaseloadTable({
  rows,
  page,
  sort,
  today,
  stepTitles,
}: {
  rows: CaseloadRow[];
  page: ServerPage;
  sort: { id: string; desc: boolean };
  today: string;
  stepTitles: Record<number, string>;
}) {
  const columns: ColumnDef<CaseloadRow, unknown>[] = [
    {
      id: "name",
      header: "Couple",
      cell: ({ row }) => (
        <Link href={`/couples/${row.original.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => <Badge tone={STATUS_TONES[row.original.status]}>{STATUS_LABELS[row.original.status]}</Badge>,
    },
    {
      id: "step",
      header: "Current step",
      cell: ({ row }) => (
        <span>
          <span className="font-medium">Step {row.original.currentStep}</span>
          <span className="block text-muted">{stepTitles[row.original.currentStep]}</span>
        </span>
      ),
    },
    {
      id: "lastCheckIn",
      header: "Last check-in",
      cell: ({ row }) => (
        <time dateTime={row.original.lastCheckIn ?? undefined}>{formatDay(row.original.lastCheckIn, today)}</time>
      ),
    },
  ];
  return (
    <DataTable
      caption="Your couples"
      columns={columns}
      data={rows}
      page={page}
      sort={sort}
      getRowId={(row) => row.id}
      emptyMessage="No couples match this view."
    />
  );
}
