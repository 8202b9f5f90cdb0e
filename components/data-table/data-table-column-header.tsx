"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/cn";
import type { Header } from "@tanstack/react-table";
import type { ReactNode } from "react";

type SortState = "asc" | "desc" | false;

function SortIcon({ sorted }: { sorted: SortState }) {
  if (sorted === "asc") return <ArrowUp aria-hidden className="size-3.5" />;
  if (sorted === "desc") return <ArrowDown aria-hidden className="size-3.5" />;
  return <ArrowUpDown aria-hidden className="size-3.5 text-muted" />;
}

/**
 * A column heading. Sorted on the server, it is a link to the same view in the other order (the
 * sort lives in the URL); sorted in the browser, a button; otherwise plain text.
 */
export function DataTableColumnHeader<TRow>({
  header,
  label,
  mode,
  serverSort,
  sortHref,
}: {
  header: Header<TRow, unknown>;
  label: ReactNode;
  mode: "server" | "client" | "none";
  serverSort?: { id: string; desc: boolean };
  sortHref?: (id: string, desc: boolean) => string;
}) {
  const sortable = mode !== "none" && header.column.getCanSort();
  const sorted: SortState =
    mode === "server" ? (serverSort?.id === header.column.id ? (serverSort.desc ? "desc" : "asc") : false) : header.column.getIsSorted();
  return (
    <th
      scope="col"
      aria-sort={sortable && sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
      className={cn("px-3 py-2 align-bottom font-semibold text-ink", header.column.columnDef.meta?.headerClassName ?? "whitespace-nowrap")}
    >
      {!sortable ? (
        label
      ) : mode === "server" ? (
        <Link href={sortHref!(header.column.id, sorted === "asc")} className="inline-flex items-center gap-1 hover:underline" scroll={false}>
          {label}
          <SortIcon sorted={sorted} />
        </Link>
      ) : (
        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 text-left hover:text-brand">
          {label}
          <SortIcon sorted={sorted} />
        </button>
      )}
    </th>
  );
}
