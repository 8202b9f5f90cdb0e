import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/viewer";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireRole("clinic_admin");
  return (
    <AppShell viewer={viewer} nav={[{ href: "/clinic", label: "Overview" }]}>
      {children}
    </AppShell>
  );
}
