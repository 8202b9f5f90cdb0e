import { AppShell } from "@/components/app-shell/app-shell";
import { TimeZoneForm } from "@/components/time-zone-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { getMyTimeZoneChoice } from "@/lib/dal/time-zones";
import { HOME_BY_ROLE, requireViewer } from "@/lib/dal/viewer";
import { listTimeZones } from "@/lib/time/zone";
import { CLINIC_ZONE_CHOICE } from "@/lib/validations/time-zone";
import { PasswordForm } from "./password-form";
import { setMyTimeZoneAction } from "./time-zone-actions";
import { TwoFactorCard } from "./two-factor-card";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ changed?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { changed } = await searchParams;
  const zone = await getMyTimeZoneChoice();
  return (
    <AppShell viewer={viewer} nav={[{ href: HOME_BY_ROLE[viewer.role], label: "Home" }]}>
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-muted">
          Signed in as <span className="font-medium text-ink">{viewer.email}</span>
        </p>
        {changed ? <Alert tone="success">Your password has been changed. Any other devices have been signed out.</Alert> : null}
        <Card>
          <CardTitle>Change password</CardTitle>
          <p className="mt-1 mb-4 text-sm text-muted">Changing it signs you out everywhere else.</p>
          <PasswordForm email={viewer.email} />
        </Card>
        <TwoFactorCard />
        <Card>
          <CardTitle>Time zone</CardTitle>
          <p className="mt-1 mb-4 text-sm text-muted">
            Your day starts at midnight here: your daily check-in, what is due today or overdue, and your streak follow it.
          </p>
          <TimeZoneForm
            action={setMyTimeZoneAction}
            label="Your time zone"
            current={zone.own ?? CLINIC_ZONE_CHOICE}
            zones={listTimeZones()}
            fallback={{ value: CLINIC_ZONE_CHOICE, label: `Use my clinic's time zone (${zone.clinic})` }}
          />
        </Card>
      </div>
    </AppShell>
  );
}
