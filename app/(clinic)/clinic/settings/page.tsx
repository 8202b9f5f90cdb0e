import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/dal/viewer";
import { formatDay } from "@/lib/format";
import { listTimeZones, todayIn } from "@/lib/time/zone";
import { ClinicTimeZoneForm } from "./time-zone-form";
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
        <ClinicTimeZoneForm current={viewer.clinicTimeZone} zones={listTimeZones()} />
      </Card>
    </>
  );
}
