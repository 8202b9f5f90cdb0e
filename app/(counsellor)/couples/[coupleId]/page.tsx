import type { Metadata } from "next";
import Link from "next/link";
import { AdherenceChart } from "@/components/charts/adherence-chart";
import { PromisesChart } from "@/components/charts/promises-chart";
import { StepTimeline } from "@/components/charts/step-timeline";
import { TrustChart } from "@/components/charts/trust-chart";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getCaseloadRow } from "@/lib/dal/caseload";
import { CHART_RANGE_LABELS, CHART_RANGES, getCoupleCharts, type ChartRange } from "@/lib/dal/couple-charts";
import { getCouple, getCoupleActivity } from "@/lib/dal/couples";
import { listCoupleInvitations } from "@/lib/dal/invitations";
import { listNotes } from "@/lib/dal/notes";
import { requireRole } from "@/lib/dal/viewer";
import { todayIso } from "@/lib/dates";
import { STATUS_LABELS, STATUS_TONES } from "@/lib/labels";
import { FLAG_DESCRIPTIONS, FLAG_LABELS } from "@/lib/metrics/flags";
import { assignableKindsForStep, getExerciseKind, getStep, STEPS } from "@/lib/program";
import { RECURRENCE_LABELS } from "@/lib/validations/assignments";
import { noteSearchSchema } from "@/lib/validations/notes";
import { cancelAssignmentAction, clearSafetyAction, completeStepAction, reissueInvitationAction, updateAssignmentAction, assignAction } from "./actions";
import { ActivitySections } from "./activity-sections";
import { AssignmentForm, type StepOption } from "./assignment-form";
import { CompleteStepForm, PendingButton, ReissueForm } from "./couple-controls";
import { NotesSection } from "./notes-section";

export const metadata: Metadata = { title: "Couple" };

type Props = {
  params: Promise<{ coupleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const INVITATION_STATUS = { pending: "Waiting", accepted: "Joined", expired: "Link expired", revoked: "Link replaced" } as const;

export default async function CouplePage({ params, searchParams }: Props) {
  const { coupleId } = await params;
  const query = await searchParams;
  const range: ChartRange = (CHART_RANGES as readonly string[]).includes(String(query.range)) ? (query.range as ChartRange) : "12w";
  const noteSearch = noteSearchSchema.parse({ q: query.nq, from: query.nfrom, to: query.nto });
  const viewer = await requireRole("counsellor");
  const couple = await getCouple(coupleId, viewer);
  const today = todayIso();
  const [figures, charts, activity, notes, invitations] = await Promise.all([
    getCaseloadRow(couple.id, today),
    getCoupleCharts(couple.id, range, today),
    getCoupleActivity(couple.id),
    listNotes(couple.id, noteSearch),
    listCoupleInvitations(couple.id),
  ]);
  const step = getStep(couple.currentStep);
  const names: [string, string] = [charts.partners[0]?.name ?? "Partner A", charts.partners[1]?.name ?? "Partner B"];
  const stepOptions: StepOption[] = STEPS.map((s) => ({
    number: s.number,
    title: s.title,
    kinds: assignableKindsForStep(s.number).map((k) => ({ id: k.id, title: k.title })),
  }));
  const firstAssignable = stepOptions.find((s) => s.number >= couple.currentStep && s.kinds.length > 0) ?? stepOptions.find((s) => s.kinds.length > 0)!;
  const partners = couple.partners.map((p) => ({ id: p.id, name: p.name }));
  const base = `/couples/${couple.id}`;
  const trustRows = charts.trust.map((d) => ({ date: d.date, a: d.trustA, b: d.trustB, meanA: d.trustMeanA, meanB: d.trustMeanB, gap: d.trustGap }));
  const closenessRows = charts.trust.map((d) => ({
    date: d.date,
    a: d.closenessA,
    b: d.closenessB,
    meanA: d.closenessMeanA,
    meanB: d.closenessMeanB,
    gap: null,
  }));
  const activeAssignments = activity.assignments.filter((a) => a.status === "active");
  // Newest first from the DAL: keep each person's latest invitation.
  const latestInvitations = invitations.filter((inv, i) => invitations.findIndex((other) => other.email === inv.email) === i);

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/caseload" className="font-medium text-brand hover:underline">
            ← Caseload
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{couple.name}</h1>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-muted">
          <Badge tone={STATUS_TONES[couple.status]}>{STATUS_LABELS[couple.status]}</Badge>
          <span>Started {couple.startedOn}</span>
          <span>·</span>
          <span>
            Step {couple.currentStep}: {step?.title}
          </span>
          <span>·</span>
          <span>{couple.checkInsPerWeek} check-ins a week agreed</span>
        </div>
        <ul aria-label="Flags" className="mt-2 flex flex-wrap gap-2">
          {figures.flags.length === 0 ? (
            <li className="text-sm text-muted">No flags</li>
          ) : (
            figures.flags.map((flag) => (
              <li key={flag}>
                <Badge tone={flag === "safety_concern" ? "danger" : "warn"} title={FLAG_DESCRIPTIONS[flag]}>
                  {FLAG_LABELS[flag]}
                </Badge>
              </li>
            ))
          )}
        </ul>
      </div>

      {activity.openSafetyConcerns.length > 0 ? (
        <div className="space-y-2 rounded-lg border border-danger bg-danger-soft p-4">
          <h2 className="font-semibold text-danger">A safety concern is open</h2>
          <p className="text-sm">
            A safety screen raised a concern on {activity.openSafetyConcerns[0]!.raisedAt.slice(0, 10)}. Couple exercises are on hold until
            you have spoken with each partner on their own and marked it reviewed.
          </p>
          <form action={clearSafetyAction.bind(null, couple.id)}>
            <PendingButton size="sm" variant="danger" pendingLabel="Saving…">
              Mark as reviewed
            </PendingButton>
          </form>
        </div>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardTitle>Partners</CardTitle>
          <ul className="mt-2 space-y-1">
            {figures.partners.map((p) => (
              <li key={p.slot}>
                <span className="font-medium">{p.name}</span>{" "}
                <span className="text-sm text-muted">
                  last check-in {p.lastCheckIn ?? "never"} · trust this week {p.trust === null ? "—" : p.trust.toFixed(1)}
                </span>
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
          {charts.steps[couple.currentStep - 1]?.status !== "done" ? (
            <div className="mt-3">
              <CompleteStepForm action={completeStepAction.bind(null, couple.id)} step={couple.currentStep} />
            </div>
          ) : null}
        </Card>
      </div>

      <section aria-labelledby="progress-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="progress-heading" className="text-xl font-semibold">
            Progress
          </h2>
          <nav aria-label="Chart range" className="flex gap-1">
            {CHART_RANGES.map((r) => (
              <Link
                key={r}
                href={`${base}?range=${r}`}
                scroll={false}
                aria-current={r === range ? "true" : undefined}
                className="rounded-md border border-line px-3 py-1.5 text-sm font-medium aria-[current=true]:bg-brand aria-[current=true]:text-white"
              >
                {CHART_RANGE_LABELS[r]}
              </Link>
            ))}
          </nav>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <TrustChart
            title="Trust"
            description="Each partner's daily trust (0–10) as dots, the 7-day mean as a line, and the gap between them as bars."
            rows={trustRows}
            names={names}
            showGap
          />
          <TrustChart
            title="Closeness"
            description="Each partner's daily closeness (0–10) as dots, with the 7-day mean as a line."
            rows={closenessRows}
            names={names}
            showGap={false}
          />
          <AdherenceChart rows={charts.adherence} names={names} perWeek={charts.checkInsPerWeek} />
          <PromisesChart rows={charts.promises} names={names} />
        </div>
        <StepTimeline steps={charts.steps} />
      </section>

      <Card aria-labelledby="assign-heading" className="space-y-4">
        <CardTitle id="assign-heading">Assignments</CardTitle>
        <details className="rounded-md border border-line p-3" open={activeAssignments.length === 0}>
          <summary className="cursor-pointer font-medium text-brand">
            Assign work
          </summary>
          <div className="mt-3">
            <AssignmentForm
              action={assignAction.bind(null, couple.id)}
              steps={stepOptions}
              partners={partners}
              today={today}
              defaults={{ step: firstAssignable.number }}
              submitLabel="Assign"
              pendingLabel="Assigning…"
              label="Assign work"
            />
          </div>
        </details>
        {activity.assignments.length === 0 ? (
          <p className="text-muted">Nothing assigned yet.</p>
        ) : (
          <ul className="divide-y divide-line" aria-label="Assigned work">
            {activity.assignments.map((a) => (
              <li key={a.id} className="py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{getExerciseKind(a.exerciseKind)?.title ?? a.exerciseKind}</span>
                  <span className="text-muted">
                    step {a.step} · {a.forName ? `${a.forName} only` : "both partners"} · {RECURRENCE_LABELS[a.recurrence]} · due {a.dueOn}
                  </span>
                  <Badge tone={a.status === "active" ? "brand" : "ok"}>{a.status === "active" ? "Active" : "Done"}</Badge>
                </p>
                {a.instructions ? <p className="whitespace-pre-wrap">{a.instructions}</p> : null}
                {a.status === "active" ? (
                  <div className="mt-1 flex flex-wrap items-start gap-3">
                    <details>
                      <summary className="cursor-pointer font-medium text-brand">Edit</summary>
                      <div className="mt-2 max-w-2xl">
                        <AssignmentForm
                          action={updateAssignmentAction.bind(null, couple.id, a.id)}
                          steps={stepOptions}
                          partners={partners}
                          today={today}
                          defaults={{
                            step: a.step,
                            exerciseKind: a.exerciseKind,
                            forUserId: a.forUserId ?? "both",
                            dueOn: a.dueOn < today ? today : a.dueOn,
                            recurrence: a.recurrence,
                            instructions: a.instructions,
                          }}
                          submitLabel="Save changes"
                          pendingLabel="Saving…"
                          label="Edit assignment"
                        />
                      </div>
                    </details>
                    <form action={cancelAssignmentAction.bind(null, couple.id, a.id)}>
                      <PendingButton size="sm" variant="ghost" pendingLabel="Cancelling…">
                        Cancel assignment
                      </PendingButton>
                    </form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <NotesSection coupleId={couple.id} notes={notes} search={noteSearch} />

      {latestInvitations.length > 0 ? (
        <Card aria-labelledby="invitations-heading">
          <CardTitle id="invitations-heading">Invitations</CardTitle>
          <ul className="mt-2 divide-y divide-line">
            {latestInvitations.map((inv) => (
              // Keyed by address: a reissued link replaces the row's invitation but keeps the new link on screen.
              <li key={inv.email} className="space-y-1 py-2 text-sm">
                <p>
                  <span className="font-medium">{inv.name}</span> <span className="text-muted">{inv.email}</span>{" "}
                  <Badge tone={inv.status === "accepted" ? "ok" : inv.status === "pending" ? "brand" : "neutral"}>{INVITATION_STATUS[inv.status]}</Badge>
                </p>
                {inv.status === "pending" || inv.status === "expired" ? (
                  <ReissueForm action={reissueInvitationAction.bind(null, couple.id, inv.id)} name={inv.name} />
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <ActivitySections activity={activity} />
    </div>
  );
}
