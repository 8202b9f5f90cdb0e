"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import type { CounsellorLoad } from "@/lib/dal/clinic-staff";
import type { ColumnDef } from "@tanstack/react-table";

const nameColumn: ColumnDef<CounsellorLoad, unknown> = {
  id: "name",
  header: "Counsellor",
  cell: ({ row }) => (
    <>
      <Link href={`/clinic/counsellors/${row.original.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
        {row.original.name}
      </Link>
      {row.original.active ? null : <span className="ml-2 text-muted">(deactivated)</span>}
    </>
  ),
};
const emailColumn: ColumnDef<CounsellorLoad, unknown> = { id: "email", header: "Email", cell: ({ row }) => row.original.email };
const countColumns: ColumnDef<CounsellorLoad, unknown>[] = [
  { id: "activeCouples", header: "Active couples", cell: ({ row }) => row.original.activeCouples },
  // Counts every couple they carry, paused, invited and finished ones too, so it can exceed the active count.
  { id: "totalCouples", header: "All couples (any status)", cell: ({ row }) => row.original.totalCouples },
];
const actionsColumn: ColumnDef<CounsellorLoad, unknown> = {
  id: "actions",
  header: () => <span className="sr-only">Actions</span>,
  cell: ({ row }) =>
    row.original.active ? (
      <Link href={`/clinic/counsellors/${row.original.id}`} className="font-medium text-brand underline underline-offset-2">
        Deactivate<span className="sr-only"> {row.original.name}</span>
      </Link>
    ) : null,
};

/**
 * Counsellors and how many couples each carries; each name opens that counsellor's page. `manage`
 * adds each counsellor's email and a link to deactivate them (the counsellors page).
 */
export function CounsellorLoadTable({
  counsellors,
  caption,
  manage = false,
  bare = false,
}: {
  counsellors: CounsellorLoad[];
  caption: string;
  manage?: boolean;
  /** Inside a card: no frame of its own. */
  bare?: boolean;
}) {
  const columns = manage ? [nameColumn, emailColumn, ...countColumns, actionsColumn] : [nameColumn, ...countColumns];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={counsellors}
      getRowId={(row) => row.id}
      rowHeader="name"
      emptyMessage="No counsellors yet."
      bare={bare}
    />
  );
}
