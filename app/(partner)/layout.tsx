import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/viewer";
import { PartnerNav } from "./partner-nav";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireRole("partner");
  return (
    // The shell's own nav row is left empty: on a phone the partner sections need bigger targets than it draws.
    <AppShell viewer={viewer} nav={[]}>
      <PartnerNav />
      {children}
    </AppShell>
  );
}
