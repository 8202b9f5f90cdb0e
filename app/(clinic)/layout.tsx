import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/viewer";

// `exact` keeps Overview from also reading as current on /clinic/…, once NavLinks honours it.
const NAV = [
  { href: "/clinic", label: "Overview", exact: true },
  { href: "/clinic/counsellors", label: "Counsellors" },
  { href: "/clinic/couples", label: "Couples" },
  { href: "/clinic/audit", label: "Audit log" },
  { href: "/clinic/measures", label: "Measures" },
  { href: "/clinic/settings", label: "Settings" },
];

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireRole("clinic_admin");
  return (
    <AppShell viewer={viewer} nav={NAV}>
      {children}
    </AppShell>
  );
}
