"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/today", label: "Today" },
  { href: "/check-in", label: "Check-in" },
  { href: "/exercises", label: "Exercises" },
  { href: "/agreements", label: "Agreements" },
  { href: "/promises", label: "Promises" },
  { href: "/progress", label: "My progress" },
];

/**
 * The partner's sections: three to a row on a phone, one row on wider screens, and a link to their own
 * record below; every link a full 44 px target.
 */
export function PartnerNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="mx-auto mb-5 max-w-xl">
      <ul className="grid grid-cols-3 gap-1 rounded-lg border border-line bg-surface p-1 sm:grid-cols-6">
        {ITEMS.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                // Not fetched ahead: every partner page is rendered per person on request, so fetching
                // ahead buys little and costs a phone seven requests and their work while the page loads.
                prefetch={false}
                aria-current={current ? "page" : undefined}
                // Plain strings rather than `cn`: no classes conflict here, and this is the one client
                // component on most partner pages, so it would bring the class-merging library alone.
                className={`flex min-h-11 items-center justify-center rounded-md px-1 text-center text-sm font-medium ${
                  current ? "bg-brand text-white" : "text-ink hover:bg-brand-soft"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {/* Less often needed than the sections above, so a quieter link of its own, still a full 44 px target. */}
      <p className="mt-1 flex justify-end">
        <Link
          href="/record"
          prefetch={false}
          aria-current={pathname === "/record" || pathname.startsWith("/record/") ? "page" : undefined}
          className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand underline-offset-2 hover:underline aria-[current=page]:text-ink"
        >
          My record and who has seen it
        </Link>
      </p>
    </nav>
  );
}
