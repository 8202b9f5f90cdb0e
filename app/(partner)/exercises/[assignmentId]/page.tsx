import Link from "next/link";
import { AnswerView } from "@/components/exercise-form/answer-view";
import { ExerciseForm } from "@/components/exercise-form/exercise-form";
import { SafetyHelp } from "@/components/exercise-form/safety-help";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getExercise } from "@/lib/dal/exercises";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { formatShortDay, formatSubmitted } from "@/lib/format";
import { EXERCISE_KINDS, VISIBILITY_LABELS } from "@/lib/program";
import { saveExerciseAction } from "./actions";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Exercise" };

type Props = { params: Promise<{ assignmentId: string }> };

export default async function ExercisePage({ params }: Props) {
  const { assignmentId } = await params;
  const exercise = await getExercise(assignmentId);
  const kind = EXERCISE_KINDS[exercise.kind];
  const fields = kind.fields;
  const sent = exercise.mine?.status === "submitted";
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link href="/exercises" className="inline-block py-2 text-brand underline underline-offset-2">
          Back to exercises
        </Link>
      </p>
      <PageHeader title={exercise.title} description={exercise.summary} />
      {exercise.instructions ? (
        <Card>
          <CardTitle>From your counsellor</CardTitle>
          <p className="mt-1 whitespace-pre-wrap">{exercise.instructions}</p>
        </Card>
      ) : null}
      {exercise.question ? (
        <Card>
          <CardTitle>Today&apos;s question</CardTitle>
          <p className="mt-1 text-lg">{exercise.question}</p>
        </Card>
      ) : null}

      {exercise.onHold ? (
        <Alert tone="info">{JOINT_WORK_PAUSED_MESSAGE}</Alert>
      ) : kind.sealedOnceSent && sent ? (
        // Shown to everyone who has sent the screen, whatever they answered: the page never hints at the answers.
        <Card>
          <CardTitle>Thank you</CardTitle>
          <p className="mt-1">Your answers have gone to your counsellor, and only they can read them.</p>
          <div className="mt-3">
            <SafetyHelp />
          </div>
        </Card>
      ) : (
        <Card>
          <CardTitle>Your answer</CardTitle>
          {sent ? (
            <p className="mt-1 text-sm text-muted">
              {exercise.mine?.submittedOn ? `Sent ${formatShortDay(exercise.mine.submittedOn)}` : "Sent"}. Seen by:{" "}
              {VISIBILITY_LABELS[exercise.mine!.visibility].toLowerCase()}. You can change it below.
            </p>
          ) : null}
          <div className="mt-3">
            <ExerciseForm
              fields={fields}
              action={saveExerciseAction.bind(null, exercise.id)}
              initialValues={exercise.mine?.payload ?? null}
              visibility={exercise.mine?.visibility ?? exercise.defaultVisibility}
              visibilityLocked={exercise.visibilityLocked}
              submitted={sent}
            />
          </div>
        </Card>
      )}

      {/* Work for me alone, or answers only the counsellor reads, have no partner's answer to wait for. */}
      {!kind.counsellorOnly && !exercise.forMeAlone ? (
        <Card aria-labelledby="partner-answer-heading">
          <CardTitle id="partner-answer-heading">Your partner&apos;s answer</CardTitle>
          {exercise.partners ? (
            <div className="mt-2">
              <AnswerView fields={fields} payload={exercise.partners.payload ?? {}} />
            </div>
          ) : exercise.partnerWaiting ? (
            <p className="mt-1 text-muted">Your partner has answered. You&apos;ll see their answer once you have sent yours.</p>
          ) : exercise.revealWhenBothAnswered ? (
            <p className="mt-1 text-muted">You&apos;ll see each other&apos;s answers once you have both replied.</p>
          ) : (
            <p className="mt-1 text-muted">Nothing shared with you yet.</p>
          )}
        </Card>
      ) : null}

      {!kind.counsellorOnly && exercise.earlier.length > 0 ? (
        <Card aria-labelledby="earlier-heading">
          <CardTitle id="earlier-heading">Earlier answers</CardTitle>
          <ul className="mt-2 divide-y divide-line">
            {exercise.earlier.slice(0, 20).map((r) => (
              <li key={r.id} className="py-3">
                <p className="text-sm font-semibold">
                  {formatSubmitted(r.submittedOn, exercise.recurrence === "once" ? r.occurrenceOn : null)} · {r.mine ? "You" : "Your partner"}
                </p>
                {kind.questionFor ? <p className="text-sm text-muted">{kind.questionFor(r.occurrenceOn)}</p> : null}
                <div className="mt-1">
                  <AnswerView fields={fields} payload={r.payload ?? {}} />
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
