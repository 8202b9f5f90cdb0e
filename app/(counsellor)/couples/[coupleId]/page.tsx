import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCouple } from "@/lib/dal/couples";
import { requireRole } from "@/lib/dal/viewer";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { getStep } from "@/lib/program";

export const metadata: Metadata = { title: "Couple" };

type Props = { params: Promise<{ coupleId: string }> };

export default async function CouplePage({ params }: Props) {
  const { coupleId } = await params;
  const viewer = await requireRole("counsellor");
  const couple = await getCouple(coupleId, viewer);
  const step = getStep(couple.currentStep);
  return (
    <>
      <PageHeader
        title={couple.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONES[couple.status]}>{STATUS_LABELS[couple.status]}</Badge>
            <span>Started {couple.startedOn}</span>
          </span>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Partners</CardTitle>
          <ul className="mt-2 space-y-1">
            {couple.partners.map((p) => (
              <li key={p.id}>
                {p.name} <span className="text-muted">(partner {p.slot})</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardTitle>Current step</CardTitle>
          <p className="mt-2 font-medium">
            Step {couple.currentStep}: {step?.title}
          </p>
          <p className="mt-1 text-sm text-muted">{step?.guidance}</p>
        </Card>
      </div>
    </>
  );
}
