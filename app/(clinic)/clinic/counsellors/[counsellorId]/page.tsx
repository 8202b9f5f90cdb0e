import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCounsellorForDeactivation, listActiveCounsellors } from "@/lib/dal/clinic-staff";
import { hasSecondFactor } from "@/lib/dal/second-factor";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { DeactivateForm } from "./deactivate-form";
import { ResetSecondFactorForm } from "../../settings/two-factor-form";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Counsellor" };

type Props = { params: Promise<{ counsellorId: string }> };

/** One counsellor: the couples they carry (names and status only), and deactivating them. */
export default async function CounsellorPage({ params }: Props) {
  const { counsellorId } = await params;
  const [counsellor, active] = await Promise.all([getCounsellorForDeactivation(counsellorId), listActiveCounsellors()]);
  const candidates = active.filter((c) => c.id !== counsellor.id);
  const activeCount = counsellor.couples.filter((c) => c.status === "active").length;
  return (
    <>
      <PageHeader
        title={counsellor.name}
        description={
          counsellor.active
            ? `Counsellor · ${activeCount} active ${activeCount === 1 ? "couple" : "couples"}, ${counsellor.couples.length} in all (any status)`
            : "Counsellor · deactivated"
        }
      />
      <Card className="mb-4 max-w-2xl" aria-labelledby="carried-heading">
        <CardTitle id="carried-heading" className="mb-2">
          Couples they carry
        </CardTitle>
        {counsellor.couples.length === 0 ? (
          <p className="text-muted">No couples.</p>
        ) : (
          <ul className="divide-y divide-line">
            {counsellor.couples.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 py-2">
                <span>{c.name}</span>
                <Badge tone={STATUS_TONES[c.status]}>{STATUS_LABELS[c.status]}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {counsellor.active && (await hasSecondFactor(counsellor.id)) ? (
        <Card className="mb-4 max-w-2xl" aria-labelledby="second-factor-heading">
          <CardTitle id="second-factor-heading" className="mb-1">
            Two-factor sign-in
          </CardTitle>
          <p className="mb-3 text-sm text-muted">
            {counsellor.name} signs in with a code from their phone. If they have lost it and their recovery codes, reset it: they are signed
            out everywhere and set it up again.
          </p>
          <ResetSecondFactorForm counsellorId={counsellor.id} name={counsellor.name} />
        </Card>
      ) : null}
      <Card className="max-w-2xl" aria-labelledby="deactivate-heading">
        <CardTitle id="deactivate-heading" className="mb-1">
          Deactivate {counsellor.name}
        </CardTitle>
        {counsellor.active ? (
          <>
            <p className="mb-3 text-sm text-muted">
              They are signed out at once and can no longer sign in. Their couples keep their history with the new counsellor.
            </p>
            <DeactivateForm counsellor={counsellor} couples={counsellor.couples} candidates={candidates} />
          </>
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
