import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import type { Viewer } from "@/lib/dal/viewer";
import { ROLE_LABELS } from "@/lib/labels";
import { IdleWarningSlot } from "./idle-warning-slot";
import { NavLinks, type NavItem } from "./nav-links";
import type { ReactNode } from "react";

/** Header, navigation and sign-out around every signed-in page. */
export function AppShell({
  viewer,
  nav,
  children,
  wide = false,
}: {
  viewer: Viewer;
  nav: NavItem[];
  children: ReactNode;
  /** The full width of a laptop screen, for wide tables (the caseload). */
  wide?: boolean;
}) {
  const width = wide ? "max-w-screen-xl" : "max-w-6xl";
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line bg-surface">
        <div className={`mx-auto flex ${width} flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3`}>
          <Link href="/" prefetch={false} className="text-xl font-semibold tracking-tight text-brand">
            Mend
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/account" prefetch={false} className="rounded-md px-2 py-1 text-muted hover:text-ink" title="Your account">
              <span className="font-medium text-ink">{viewer.name}</span>
              <span className="hidden sm:inline"> · {ROLE_LABELS[viewer.role]}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 font-medium text-brand underline-offset-2 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className={`mx-auto w-full ${width} flex-1 px-4 py-6`}>
        {children}
      </main>
      <IdleWarningSlot />
    </div>
  );
}
