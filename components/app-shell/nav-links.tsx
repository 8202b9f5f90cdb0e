"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `exact`: current only on its own path, not on the pages below it (an overview beside its sections). */
export type NavItem = { href: string; label: string; exact?: boolean };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const current = pathname === item.href || (!item.exact && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                // Plain strings rather than `cn`: no classes conflict here, and every signed-in page
                // loads this component, which would otherwise bring the class-merging library along.
                className={`inline-flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium ${
                  current ? "bg-brand-soft text-brand-strong" : "text-muted hover:text-ink"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
