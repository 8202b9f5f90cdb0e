import Link from "next/link";

/**
 * "Show more" under a long list: a plain link that opens one more page of it, so it works before
 * (and without) JavaScript. The page keeps its place when it can; without JavaScript the link's
 * #anchor brings the reader back to the list.
 */
export function ShowMoreLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="mt-3 text-sm">
      <Link href={href} scroll={false} className="font-medium text-brand hover:underline">
        {children}
      </Link>
    </p>
  );
}
