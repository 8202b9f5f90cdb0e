import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCounsellorForDeactivation, listActiveCounsellors } from "@/lib/dal/clinic-staff";
import { DeactivateForm } from "./deactivate-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Deactivate a counsellor" };

type Props = { params: Promise<{ counsellorId: string }> };

export default async function DeactivateCounsellorPage({ params }: Props) {
  const { counsellorId } = await params;
  const [counsellor, active] = await Promise.all([getCounsellorForDeactivation(counsellorId), listActiveCounsellors()]);
  const candidates = active.filter((c) => c.id !== counsellor.id);
  return (
    <>
      <PageHeader
        title={`Deactivate ${counsellor.name}`}
        description="They are signed out at once and can no longer sign in. Their couples keep their history with the new counsellor."
      />
      <Card className="max-w-2xl">
        {counsellor.active ? (
          <DeactivateForm counsellor={counsellor} couples={counsellor.couples} candidates={candidates} />
        ) : (
          <p>{counsellor.name} is already deactivated.</p>
        )}
      </Card>
      <p className="mt-4 text-sm">
        <Link href="/clinic/counsellors" className="font-medium text-brand underline underline-offset-2">
          Back to counsellors
        </Link>
      </p>
    </>
  );
}
