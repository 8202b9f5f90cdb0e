"use client";

import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { DirectoryCouple, DirectoryPage } from "@/lib/dal/clinic-couples";
import type { CounsellorOption } from "@/lib/dal/clinic-staff";
import { formatDay } from "@/lib/format";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { ReassignForm } from "./reassign-form";
import type { ColumnDef } from "@tanstack/react-table";

/** The clinic's couples, a page at a time: who each works with, and a control to hand them to another counsellor. */
export function CouplesTable({ page, counsellors }: { page: DirectoryPage; counsellors: CounsellorOption[] }) {
  const columns: ColumnDef<DirectoryCouple, unknown>[] = [
    { id: "name", header: "Couple", cell: ({ row }) => row.original.name },
    { id: "counsellor", header: "Counsellor", cell: ({ row }) => row.original.counsellorName },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => <Badge tone={STATUS_TONES[row.original.status]}>{STATUS_LABELS[row.original.status]}</Badge>,
    },
    {
      id: "startedOn",
      header: "Started",
      cell: ({ row }) => <time dateTime={row.original.startedOn}>{formatDay(row.original.startedOn)}</time>,
    },
    {
      id: "reassign",
      header: "Reassign to",
      cell: ({ row }) => (
        <ReassignForm
          coupleId={row.original.id}
          coupleName={row.original.name}
          currentCounsellorId={row.original.counsellorId}
          counsellors={counsellors}
        />
      ),
    },
  ];
  return (
    <DataTable
      caption="Couples of the clinic"
      columns={columns}
      data={page.rows}
      getRowId={(row) => row.id}
      rowHeader="name"
      emptyMessage="No couples match this view."
      pagination={{ page, noun: ["couple", "couples"] }}
    />
  );
}
