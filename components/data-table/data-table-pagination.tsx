"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Pager } from "@/components/ui/pager";

/** `totalAtLeast`: more rows match than `total`, which is how many were counted. */
export type ServerPage = { page: number; pageSize: number; pageCount: number; total: number; totalAtLeast?: boolean };

/** The pager under a server-paged table: each link is the current URL with another `page`. */
export function DataTablePagination({
  page,
  noun,
  labels,
  pageSizes,
}: {
  page: ServerPage;
  noun: [string, string];
  labels?: { previous: string; next: string };
  /** Page sizes to offer; choosing one goes back to the first page under `pageSize`. */
  pageSizes?: readonly number[];
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("page", String(n));
    return `${pathname}?${params}`;
  };
  const hrefForSize = (size: number) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("pageSize", String(size));
    params.delete("page");
    return `${pathname}?${params}`;
  };
  return (
    <Pager
      page={page.page}
      pageCount={page.pageCount}
      total={page.total}
      totalAtLeast={page.totalAtLeast}
      pageSize={page.pageSize}
      noun={noun}
      labels={labels}
      hrefs={{ previous: hrefFor(page.page - 1), next: hrefFor(page.page + 1) }}
      pageSizes={pageSizes ? { sizes: pageSizes, href: hrefForSize } : undefined}
    />
  );
}
