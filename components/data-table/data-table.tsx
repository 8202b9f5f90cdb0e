"use client";

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "@/lib/cn";
import { ColumnVisibilityMenu, useStoredVisibility } from "./column-visibility";

export type ServerPage = { page: number; pageSize: number; pageCount: number; total: number };

type Props<TRow> = {
  /** Accessible name of the table. */
  caption: string;
  columns: ColumnDef<TRow, unknown>[];
  data: TRow[];
  page: ServerPage;
  sort: { id: string; desc: boolean };
  getRowId: (row: TRow) => string;
  emptyMessage: string;
  /**
   * localStorage key under which hidden columns are remembered on this device; omit to show every
   * column always. Columns with `enableHiding: false` cannot be hidden.
   */
  visibilityStorageKey?: string;
};

/**
 * One table for every list: sorting and paging live in the URL and run on the server, so a
 * shared link shows the same view. Columns whose `enableSorting` is false are not sortable.
 */
export function DataTable<TRow>({ caption, columns, data, page, sort, getRowId, emptyMessage, visibilityStorageKey }: Props<TRow>) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const sorting: SortingState = [{ id: sort.id, desc: sort.desc }];
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(visibilityStorageKey);
  // TanStack's table instance is rebuilt per render on purpose; the compiler rightly skips memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, columnVisibility: columnVisibility as VisibilityState },
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    pageCount: page.pageCount,
    getCoreRowModel: getCoreRowModel(),
  });

  const hrefWith = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);

  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  const visibleCount = table.getVisibleLeafColumns().length;

  return (
    <div className="space-y-3">
      {visibilityStorageKey && hideable.length > 0 ? (
        <ColumnVisibilityMenu
          columns={hideable.map((c) => ({
            id: c.id,
            label: typeof c.columnDef.header === "string" ? c.columnDef.header : c.id,
            visible: c.getIsVisible(),
          }))}
          onChange={(id, visible) => setColumnVisibility({ ...columnVisibility, [id]: visible })}
          onReset={() => setColumnVisibility({})}
        />
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-bg">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.getCanSort();
                  const active = sort.id === header.column.id;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={active ? (sort.desc ? "descending" : "ascending") : undefined}
                      className="px-3 py-2 font-semibold whitespace-nowrap text-ink"
                    >
                      {sortable ? (
                        <Link
                          href={hrefWith({ sort: header.column.id, dir: active && !sort.desc ? "desc" : "asc", page: null })}
                          className="inline-flex items-center gap-1 hover:underline"
                          scroll={false}
                        >
                          {label}
                          {active ? (
                            sort.desc ? <ArrowDown aria-hidden className="size-3.5" /> : <ArrowUp aria-hidden className="size-3.5" />
                          ) : (
                            <ArrowUpDown aria-hidden className="size-3.5 text-muted" />
                          )}
                        </Link>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={visibleCount} className="px-3 py-8 text-center text-muted">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-t border-line hover:bg-bg/60">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-top">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-muted" aria-live="polite">
          {page.total === 0 ? "No results" : `Showing ${first}–${last} of ${page.total}`}
        </p>
        <div className="flex items-center gap-2">
          <PageLink href={hrefWith({ page: String(page.page - 1) })} disabled={page.page <= 1}>
            Previous
          </PageLink>
          <span className="text-muted">
            Page {page.page} of {page.pageCount}
          </span>
          <PageLink href={hrefWith({ page: String(page.page + 1) })} disabled={page.page >= page.pageCount}>
            Next
          </PageLink>
        </div>
      </nav>
    </div>
  );
}

function PageLink({ href, disabled, children }: { href: string; disabled: boolean; children: React.ReactNode }) {
  const className = "rounded-md border border-line bg-surface px-3 py-1.5 font-medium";
  if (disabled) {
    return (
      <span aria-disabled="true" className={cn(className, "text-muted opacity-60")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={cn(className, "text-brand hover:bg-brand-soft")} scroll={false}>
      {children}
    </Link>
  );
}
