import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/viewer";

// The layout picks the navigation; every page and action authorizes again in the data layer.
export default async function CounsellorLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireRole("counsellor");
  return (
    <AppShell
      wide
      viewer={viewer}
      nav={[
        { href: "/caseload", label: "Caseload" },
        { href: "/couples/new", label: "New couple" },
      ]}
    >
      {children}
    </AppShell>
  );
}
