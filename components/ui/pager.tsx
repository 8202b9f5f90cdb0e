import Link from "next/link";
import { cn } from "@/lib/cn";

type Props = {
  page: number;
  pageCount: number;
  total: number;
  /** More match than `total` (a long list counted only so far): "more than 10000", "Page 1 of 200+". */
  totalAtLeast?: boolean;
  pageSize: number;
  /** What is being counted, singular and plural ("couple", "couples"). */
  noun: [string, string];
  /** Plain hrefs, so paging works before (and without) JavaScript. */
  hrefs: { previous: string; next: string };
  labels?: { previous: string; next: string };
  /** Offer these page sizes, each a plain link to its first page. */
  pageSizes?: { sizes: readonly number[]; href: (size: number) => string };
};

/**
 * The one pager for every server-paged list: "Showing 21–40 of 57 couples", previous and next,
 * and "Page 2 of 3". A link that leads nowhere stays in place, marked disabled, so the controls
 * do not move between pages.
 */
export function Pager({
  page,
  pageCount,
  total,
  totalAtLeast = false,
  pageSize,
  noun,
  hrefs,
  labels = { previous: "Previous page", next: "Next page" },
  pageSizes,
}: Props) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-muted" aria-live="polite">
        {total === 0
          ? `No ${noun[1]}`
          : `Showing ${first}–${last} of ${totalAtLeast ? "more than " : ""}${total} ${total === 1 && !totalAtLeast ? noun[0] : noun[1]}`}
      </p>
      {pageSizes ? (
        <div className="flex items-center gap-1">
          <span className="text-muted" aria-hidden="true">
            Per page
          </span>
          <ul className="flex gap-1" aria-label="Page size">
            {pageSizes.sizes.map((size) => (
              <li key={size}>
                <Link
                  href={pageSizes.href(size)}
                  aria-current={size === pageSize ? "true" : undefined}
                  aria-label={`${size} ${noun[1]} per page`}
                  className="inline-flex min-h-8 min-w-8 items-center justify-center rounded-md px-2 font-medium text-brand hover:bg-brand-soft aria-[current=true]:bg-brand-soft aria-[current=true]:text-ink"
                  scroll={false}
                >
                  {size}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        <PageLink href={hrefs.previous} disabled={page <= 1}>
          {labels.previous}
        </PageLink>
        <span className="text-muted">
          Page {page} of {pageCount}
          {totalAtLeast ? "+" : ""}
        </span>
        <PageLink href={hrefs.next} disabled={page >= pageCount}>
          {labels.next}
        </PageLink>
      </div>
    </nav>
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
