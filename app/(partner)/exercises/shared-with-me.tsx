import { AnswerView } from "@/components/exercise-form/answer-view";
import { Card, CardTitle } from "@/components/ui/card";
import type { SharedWithMe } from "@/lib/dal/shared-answers";
import { EXERCISE_KINDS } from "@/lib/program";

/** What the other partner shared from work that was theirs alone, as their visibility choice promised. */
export function SharedWithMeCard({ answers }: { answers: SharedWithMe[] }) {
  if (answers.length === 0) return null;
  return (
    <Card aria-labelledby="shared-with-me-heading" className="mt-4">
      <CardTitle id="shared-with-me-heading">Shared with you by your partner</CardTitle>
      <p className="mt-1 text-sm text-muted">Answers your partner chose to share from exercises that were for them alone.</p>
      <ul className="mt-2 divide-y divide-line">
        {answers.map((a) => (
          <li key={a.id} className="py-3">
            <p className="text-sm font-semibold">
              {a.title} · {a.submittedAt ? a.submittedAt.slice(0, 10) : a.occurrenceOn}
            </p>
            <div className="mt-1">
              <AnswerView fields={EXERCISE_KINDS[a.kind].fields} payload={a.payload} />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
