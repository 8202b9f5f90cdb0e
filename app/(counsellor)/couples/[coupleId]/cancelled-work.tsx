import type { CancelledAssignment } from "@/lib/dal/work-status";
import { formatDay, formatShortDay } from "@/lib/format";
import { RECURRENCE_LABELS } from "@/lib/labels";
import { getExerciseKind } from "@/lib/program";

/** The couple's cancelled work, kept as history: what it was, who cancelled it and when. */
export function CancelledWork({ cancelled }: { cancelled: CancelledAssignment[] }) {
  if (cancelled.length === 0) return null;
  return (
    <details className="rounded-md border border-line p-3">
      <summary className="cursor-pointer font-medium text-brand">Cancelled work ({cancelled.length})</summary>
      <ul className="mt-2 divide-y divide-line" aria-label="Cancelled work">
        {cancelled.map((c) => (
          <li key={c.id} className="py-2 text-sm">
            <p className="font-medium">{getExerciseKind(c.exerciseKind)?.title ?? c.exerciseKind}</p>
            <p className="text-muted">
              step {c.step} · {c.forName ? `${c.forName} only` : "both partners"} · {RECURRENCE_LABELS[c.recurrence]} · due{" "}
              {formatShortDay(c.dueOn)}
            </p>
            <p>
              {c.cancelledOn
                ? `Cancelled by ${c.cancelledByName ?? "a former counsellor"} on ${formatDay(c.cancelledOn)}`
                : "Cancelled (before who and when were recorded)"}
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}
