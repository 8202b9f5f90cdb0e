import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/viewer";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireRole("partner");
  return (
    <AppShell viewer={viewer} nav={[{ href: "/today", label: "Today" }]}>
      {children}
    </AppShell>
  );
}
