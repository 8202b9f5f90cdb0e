import { TimeZoneForm } from "@/components/time-zone-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getClinicTwoFactorRequirement } from "@/lib/dal/second-factor";
import { requireRole } from "@/lib/dal/viewer";
import { formatDay } from "@/lib/format";
import { listTimeZones, todayIn } from "@/lib/time/zone";
import { setClinicTimeZoneAction } from "./actions";
import { ClinicTwoFactorForm } from "./two-factor-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  const viewer = await requireRole("clinic_admin");
  return (
    <>
      <PageHeader title="Clinic settings" description="How the clinic's calendar works for everyone in it." />
      <Card className="max-w-2xl">
        <CardTitle>Time zone</CardTitle>
        <div className="mt-1 mb-4 space-y-2 text-sm text-muted">
          <p>
            The clinic&apos;s calendar. A day starts at midnight here for the clinic&apos;s figures, for each couple&apos;s
            charts and shared exercises, and for anyone who hasn&apos;t chosen a time zone of their own on their account
            page: their check-in, what is due or overdue, and their streak all follow it.
          </p>
          <p>
            Today in {viewer.clinicTimeZone} is <span className="font-medium text-ink">{formatDay(todayIn(viewer.clinicTimeZone))}</span>.
          </p>
        </div>
        <TimeZoneForm action={setClinicTimeZoneAction} label="Clinic time zone" current={viewer.clinicTimeZone} zones={listTimeZones()} />
      </Card>
      <Card className="mt-4 max-w-2xl" aria-labelledby="two-factor-heading">
        <CardTitle id="two-factor-heading">Two-factor sign-in for staff</CardTitle>
        <p className="mt-1 mb-4 text-sm text-muted">
          When required, every counsellor and admin confirms each sign-in with a code from an app on their phone. Anyone without it sets it
          up at their next sign-in, before anything else. Partners can choose it for themselves on their account page.
        </p>
        <ClinicTwoFactorForm required={await getClinicTwoFactorRequirement()} />
      </Card>
    </>
  );
}
