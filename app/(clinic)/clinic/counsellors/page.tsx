import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getClinicOverview } from "@/lib/dal/clinic-staff";
import { InviteCounsellorForm } from "./invite-form";
import { CounsellorLoadTable } from "../_components/counsellor-load-table";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Counsellors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CounsellorsPage({ searchParams }: Props) {
  const [overview, params] = await Promise.all([getClinicOverview(), searchParams]);
  return (
    <>
      <PageHeader title="Counsellors" description="Who works in the clinic, and how many couples each one supports." />
      {params.deactivated === "1" ? (
        <Alert tone="success" className="mb-4">
          The counsellor is deactivated and signed out everywhere. Their couples have their new counsellors.
        </Alert>
      ) : null}
      <div className="mb-6">
        <CounsellorLoadTable counsellors={overview.counsellors} caption="Counsellors of the clinic" manage />
      </div>
      <Card>
        <CardTitle className="mb-1">Invite a counsellor</CardTitle>
        <p className="mb-3 text-sm text-muted">They get a link to set their password. It works once and expires after a week.</p>
        <InviteCounsellorForm />
      </Card>
    </>
  );
}
