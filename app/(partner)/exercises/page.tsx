import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listMyExercises, type MyExercise } from "@/lib/dal/exercises";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { listSharedWithMe } from "@/lib/dal/shared-answers";
import { formatShortDay } from "@/lib/format";
import { RECURRENCE_LABELS } from "@/lib/labels";
import { SharedWithMeCard } from "./shared-with-me";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Exercises" };

function when(e: MyExercise): string {
  return e.recurrence === "once" ? `Due ${formatShortDay(e.dueOn)}` : RECURRENCE_LABELS[e.recurrence];
}

function StatusBadge({ exercise }: { exercise: MyExercise }) {
  if (exercise.onHold) return <Badge>Paused</Badge>;
  if (exercise.myStatus === "submitted") {
    const on = exercise.mySubmittedOn ? ` ${formatShortDay(exercise.mySubmittedOn)}` : "";
    return <Badge tone="ok">{exercise.recurrence === "once" ? `Sent${on}` : "Done for now"}</Badge>;
  }
  if (exercise.myStatus === "draft") return <Badge tone="brand">Draft saved</Badge>;
  return <Badge>To do</Badge>;
}

export default async function ExercisesPage() {
  const [exercises, shared] = await Promise.all([listMyExercises(), listSharedWithMe()]);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Exercises" description="What your counsellor has asked you to do. Take them at your own pace." />
      {exercises.length === 0 ? (
        <Card>
          <p className="text-muted">There are no exercises for you right now.</p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {exercises.map((e) => (
            <li key={e.id}>
              <Link
                href={`/exercises/${e.id}`}
                className="block min-h-11 rounded-lg border border-line bg-surface p-4 hover:border-brand"
              >
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold text-ink">{e.title}</span>
                  <StatusBadge exercise={e} />
                </span>
                <span className="mt-1 block text-sm text-muted">
                  Step {e.step} · {when(e)}
                </span>
                {e.onHold ? (
                  <span className="mt-1 block text-sm text-muted">{JOINT_WORK_PAUSED_MESSAGE}</span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <SharedWithMeCard answers={shared} />
    </div>
  );
}
