import { AnswerView } from "@/components/exercise-form/answer-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { LazyDetails } from "@/components/ui/lazy-details";
import type { CoupleActivity, CoupleSummary } from "@/lib/dal/couples";
import type { AssignmentWork, CoupleWork } from "@/lib/dal/work-status";
import { formatShortDay, formatSubmissions } from "@/lib/format";
import { RECURRENCE_LABELS } from "@/lib/labels";
import { assignableKindsForStep, getExerciseKind, STEPS } from "@/lib/program";
import { INSTRUCTIONS_MAX } from "@/lib/validations/assignments";
import { assignAction, cancelAssignmentAction, updateAssignmentAction } from "./actions";
import { AssignmentForm, type StepOption } from "./assignment-form";
import { CancelAssignmentForm } from "./cancel-assignment-form";
import { CancelledWork } from "./cancelled-work";

/** Every step with the exercise kinds a counsellor can assign in it. */
const STEP_OPTIONS: StepOption[] = STEPS.map((s) => ({
  number: s.number,
  title: s.title,
  kinds: assignableKindsForStep(s.number).map((k) => ({ id: k.id, title: k.title })),
}));

/** The step the "Assign work" form starts on: the current step, or the next one that has something to assign. */
function firstAssignableStep(currentStep: number): number {
  return (STEP_OPTIONS.find((s) => s.number >= currentStep && s.kinds.length > 0) ?? STEP_OPTIONS.find((s) => s.kinds.length > 0)!).number;
}

const OCCURRENCE_NAMES = { once: "", daily: "Today: ", weekly: "This week: " } as const;

/** Where an assignment stands: who has sent it and when, instead of a bare "Active". */
function WorkStatus({ assignment, work }: { assignment: CoupleActivity["assignments"][number]; work: AssignmentWork | undefined }) {
  if (assignment.status !== "active") return <Badge tone="ok">Done</Badge>;
  const sent = work ? formatSubmissions(work.partners) : null;
  if (!sent) return <Badge tone="brand">{assignment.recurrence === "once" ? "Not sent yet" : `${OCCURRENCE_NAMES[assignment.recurrence]}not sent yet`}</Badge>;
  return <Badge tone={work?.allSubmitted ? "ok" : "brand"}>{`${OCCURRENCE_NAMES[assignment.recurrence]}${sent}`}</Badge>;
}

/** Recurring work's latest answer (who, when), opened in place. */
function LastAnswer({ kindId, work }: { kindId: string; work: AssignmentWork | undefined }) {
  const last = work?.lastAnswer;
  if (!last) return <p className="text-muted">No answer yet.</p>;
  const kind = getExerciseKind(kindId);
  return (
    <details>
      <summary className="cursor-pointer font-medium text-brand">
        Last answer: {last.name}, {formatShortDay(last.submittedOn)}
      </summary>
      <div className="mt-2 max-w-2xl rounded-md border border-line p-3">
        {kind ? <AnswerView fields={kind.fields} payload={last.payload} /> : null}
      </div>
    </details>
  );
}

/** Assign work, and the assignments made so far: active ones can be edited or cancelled (after a confirmation); cancelled ones are listed with who cancelled them. */
export function AssignmentsSection({
  couple,
  assignments,
  work,
  hasActiveAssignments,
  today,
}: {
  couple: CoupleSummary;
  assignments: CoupleActivity["assignments"];
  work: CoupleWork;
  hasActiveAssignments: boolean;
  today: string;
}) {
  const partners = couple.partners.map((p) => ({ id: p.id, name: p.name }));
  return (
    <Card aria-labelledby="assign-heading" className="space-y-4">
      <CardTitle id="assign-heading">Assignments</CardTitle>
      <LazyDetails className="rounded-md border border-line p-3" defaultOpen={!hasActiveAssignments} summary="Assign work">
        <div className="mt-3">
          <AssignmentForm
            action={assignAction.bind(null, couple.id)}
            steps={STEP_OPTIONS}
            partners={partners}
            today={today}
            defaults={{ step: firstAssignableStep(couple.currentStep) }}
            submitLabel="Assign"
            pendingLabel="Assigning…"
            label="Assign work"
            instructionsMax={INSTRUCTIONS_MAX}
          />
        </div>
      </LazyDetails>
      {assignments.length === 0 ? (
        <p className="text-muted">Nothing assigned yet.</p>
      ) : (
        <ul className="divide-y divide-line" aria-label="Assigned work">
          {assignments.map((a) => (
            <li key={a.id} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{getExerciseKind(a.exerciseKind)?.title ?? a.exerciseKind}</span>
                <span className="text-muted">
                  step {a.step} · {a.forName ? `${a.forName} only` : "both partners"} · {RECURRENCE_LABELS[a.recurrence]} · due {formatShortDay(a.dueOn)}
                </span>
                <WorkStatus assignment={a} work={work.byAssignment[a.id]} />
              </p>
              {a.instructions ? <p className="whitespace-pre-wrap">{a.instructions}</p> : null}
              {a.recurrence !== "once" ? <LastAnswer kindId={a.exerciseKind} work={work.byAssignment[a.id]} /> : null}
              {a.status === "active" ? (
                <div className="mt-1 flex flex-wrap items-start gap-3">
                  <LazyDetails summary="Edit">
                    <div className="mt-2 max-w-2xl">
                      <AssignmentForm
                        action={updateAssignmentAction.bind(null, couple.id, a.id)}
                        steps={STEP_OPTIONS}
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
                        instructionsMax={INSTRUCTIONS_MAX}
                      />
                    </div>
                  </LazyDetails>
                  <CancelAssignmentForm
                    action={cancelAssignmentAction.bind(null, couple.id, a.id)}
                    title={getExerciseKind(a.exerciseKind)?.title ?? a.exerciseKind}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <CancelledWork cancelled={work.cancelled} />
    </Card>
  );
}
