"use client";

import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { usePathname, useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { DataTableColumnHeader } from "./data-table-column-header";
import { DataTablePagination, type ServerPage } from "./data-table-pagination";
import { ColumnVisibilityMenu, useStoredVisibility } from "./data-table-view-options";

export type { ServerPage };

declare module "@tanstack/react-table" {
  // Per-column presentation, read by DataTable's cells.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Extra classes for the column's cells (tabular figures, monospace, no wrapping). */
    className?: string;
    /** Classes for the column's header instead of "no wrapping": a long header may wrap to fit a laptop. */
    headerClassName?: string;
  }
}

/**
 * Renders a column's header or cell template by calling it. TanStack's flexRender would mount a
 * template function as a component, so a template re-created on each render (columns built inside
 * a component) would remount its cell and lose the state of anything in it, such as a form's
 * result message. Templates are therefore plain render functions: no hooks in them; put stateful
 * UI in a component the template returns.
 */
function renderTemplate<TContext>(template: unknown, context: TContext): ReactNode {
  return typeof template === "function" ? (template as (context: TContext) => ReactNode)(context) : (template as ReactNode);
}

type Props<TRow> = {
  /** Accessible name of the table (a visually hidden caption). */
  caption: string;
  columns: ColumnDef<TRow, unknown>[];
  data: TRow[];
  getRowId: (row: TRow) => string;
  emptyMessage: string;
  /** The column whose cell names its row (`<th scope="row">`), if any. */
  rowHeader?: string;
  /**
   * Sorting: "server" when the sort lives in the URL (`sort`, `dir`) and the server orders the
   * rows; "client" for a short list that is all on the page; omitted, the table does not sort.
   * Columns whose `enableSorting` is false never sort.
   */
  sorting?: { mode: "server"; sort: { id: string; desc: boolean } } | { mode: "client" };
  /** A server-paged list: the page shown, and what its rows are called; renders the pager. */
  pagination?: { page: ServerPage; noun: [string, string]; labels?: { previous: string; next: string }; pageSizes?: readonly number[] };
  /**
   * localStorage key under which hidden columns are remembered on this device; omit to show every
   * column always. Columns with `enableHiding: false` cannot be hidden.
   */
  visibilityStorageKey?: string;
  /** Drop the table's own border and background, for a table inside a card. */
  bare?: boolean;
};

/**
 * The one table for every list, composed like shadcn's tasks example: view options, the table
 * with its column headers, and the pager are separate parts. Paging and server sorting live in the
 * URL, so a shared link shows the same view and everything works before hydration.
 */
export function DataTable<TRow>({
  caption,
  columns,
  data,
  getRowId,
  emptyMessage,
  rowHeader,
  sorting,
  pagination,
  visibilityStorageKey,
  bare = false,
}: Props<TRow>) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [clientSorting, setClientSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(visibilityStorageKey);
  const mode = sorting?.mode ?? "none";
  const serverSort = sorting?.mode === "server" ? sorting.sort : undefined;
  // TanStack's table instance is rebuilt per render on purpose; the compiler rightly skips memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: {
      sorting: serverSort ? [{ id: serverSort.id, desc: serverSort.desc }] : clientSorting,
      columnVisibility: columnVisibility as VisibilityState,
    },
    onSortingChange: setClientSorting,
    manualSorting: mode !== "client",
    manualPagination: true,
    manualFiltering: true,
    pageCount: pagination?.page.pageCount,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: mode === "client" ? getSortedRowModel() : undefined,
  });

  const sortHref = (id: string, desc: boolean) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("sort", id);
    params.set("dir", desc ? "desc" : "asc");
    params.delete("page");
    return `${pathname}?${params}`;
  };

  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());
  const rows = table.getRowModel().rows;

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
      <div className={cn("overflow-x-auto", !bare && "rounded-lg border border-line bg-surface")}>
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-bg">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <DataTableColumnHeader
                    key={header.id}
                    header={header}
                    label={renderTemplate(header.column.columnDef.header, header.getContext())}
                    mode={mode}
                    serverSort={serverSort}
                    sortHref={sortHref}
                  />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-muted">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className="border-t border-line hover:bg-bg/60">
                  {row.getVisibleCells().map((cell) => {
                    const content = renderTemplate(cell.column.columnDef.cell, cell.getContext());
                    const extra = cell.column.columnDef.meta?.className;
                    return cell.column.id === rowHeader ? (
                      <th key={cell.id} scope="row" className={cn("px-3 py-2 text-left align-top font-medium", extra)}>
                        {content}
                      </th>
                    ) : (
                      <td key={cell.id} className={cn("px-3 py-2 align-top", extra)}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pagination ? <DataTablePagination page={pagination.page} noun={pagination.noun} labels={pagination.labels} pageSizes={pagination.pageSizes} /> : null}
    </div>
  );
}
