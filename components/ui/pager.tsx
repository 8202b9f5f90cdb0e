import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  total: number;
  /** What is being counted, singular and plural ("couple", "couples"). */
  noun: [string, string];
  /** Links are plain hrefs built by the server page, so paging works without JavaScript. */
  hrefs: { previous: string; next: string };
  labels?: { previous: string; next: string };
};

/** "N things · page X of Y" with previous/next links, for server-paged lists. */
export function Pager({ page, pageCount, total, noun, hrefs, labels = { previous: "Previous page", next: "Next page" } }: Props) {
  const link = "font-medium text-brand underline underline-offset-2";
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-4 text-sm">
      <span className="text-muted">
        {total} {total === 1 ? noun[0] : noun[1]} · page {page} of {pageCount}
      </span>
      {page > 1 ? (
        <Link href={hrefs.previous} className={link}>
          {labels.previous}
        </Link>
      ) : null}
      {page < pageCount ? (
        <Link href={hrefs.next} className={link}>
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
