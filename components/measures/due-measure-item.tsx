import Link from "next/link";
import type { DueMeasure } from "@/lib/dal/measure-responses";

/** How long a questionnaire takes, from its length: about ten seconds a question on a phone. */
export function measureLength(items: number): string {
  const minutes = Math.max(1, Math.round(items / 6));
  return `${items} ${items === 1 ? "question" : "questions"} · ${minutes === 1 ? "about a minute" : `about ${minutes} minutes`}`;
}

/**
 * A questionnaire due today, as one row of Today's list: its title, how long it takes, and a way
 * in. Nothing about scores: a partner never sees them.
 */
export function DueMeasureItem({ measure }: { measure: Pick<DueMeasure, "scheduleId" | "title" | "items"> }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
      <span>
        <span className="block font-medium">{measure.title}</span>
        <span className="block text-sm text-muted">{measureLength(measure.items)}</span>
      </span>
      <Link
        href={`/measures/${measure.scheduleId}`}
        className="inline-flex min-h-11 items-center rounded-md px-3 font-medium text-brand ring-1 ring-line hover:bg-brand-soft"
      >
        Answer<span className="sr-only"> the {measure.title.toLowerCase()}</span>
      </Link>
    </li>
  );
}
