import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { getPartnerToday } from "@/lib/dal/partner";
import { getExerciseKind, getStep } from "@/lib/program";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const today = await getPartnerToday();
  if (!today.couple) {
    return (
      <Card>
        <h1 className="text-xl font-semibold">Welcome to Mend</h1>
        <p className="mt-2 text-muted">Your counsellor hasn&apos;t linked your account to a couple yet. They&apos;ll be in touch.</p>
      </Card>
    );
  }
  const { couple } = today;
  const step = getStep(couple.currentStep);
  const partner = couple.partners.find((p) => !p.isViewer);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Today</h1>
        <p className="text-muted">
          {partner ? `You and ${partner.name}` : couple.name} · with {couple.counsellor.name}
        </p>
      </div>
      <Card aria-labelledby="checkin-heading">
        <CardTitle id="checkin-heading">Daily check-in</CardTitle>
        <p className="mt-1 text-muted">
          {today.checkedInToday ? "You've checked in today. Thank you." : "You haven't checked in yet today."}
        </p>
      </Card>
      <Card aria-labelledby="step-heading">
        <CardTitle id="step-heading">
          Step {couple.currentStep}: {step?.title}
        </CardTitle>
        <p className="mt-1 text-muted">{step?.aim}</p>
      </Card>
      <Card aria-labelledby="due-heading">
        <CardTitle id="due-heading">What&apos;s due</CardTitle>
        {today.due.length === 0 ? (
          <p className="mt-1 text-muted">Nothing is due right now.</p>
        ) : (
          <ul className="mt-2 divide-y divide-line">
            {today.due.map((a) => (
              <li key={a.id} className="py-2">
                <p className="font-medium">{getExerciseKind(a.exerciseKind)?.title ?? a.exerciseKind}</p>
                <p className="text-sm text-muted">
                  {a.recurrence === "once" ? `Due ${a.dueOn}` : a.recurrence === "daily" ? "Every day" : "Every week"}
                  {a.overdue ? " · overdue" : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
