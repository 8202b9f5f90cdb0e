import type { StepStatus } from "@/db/schema/enums";
import { cn } from "@/lib/cn";
import { formatDay } from "@/lib/format";
import { STEP_STATUS_LABELS } from "@/lib/labels";

export type StepTimelineItem = {
  step: number;
  title: string;
  status: StepStatus;
  startedOn: string | null;
  completedOn: string | null;
};

/** The ten steps in order, each with its state and dates; a list reads well without a chart. */
export function StepTimeline({ steps }: { steps: StepTimelineItem[] }) {
  return (
    <figure className="rounded-lg border border-line bg-surface p-4">
      <figcaption>
        <h3 className="font-semibold text-ink">The ten steps</h3>
        <p className="text-sm text-muted">Where the couple is on the path, with the day each step began and ended.</p>
      </figcaption>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {steps.map((s) => (
          <li
            key={s.step}
            className={cn(
              "rounded-md border p-2 text-sm",
              s.status === "done" && "border-ok bg-ok-soft",
              s.status === "in_progress" && "border-brand bg-brand-soft",
              s.status === "not_started" && "border-line bg-bg",
            )}
          >
            <p className="font-semibold">
              {s.step}. {s.title}
            </p>
            <p className={s.status === "in_progress" ? "font-medium text-brand-strong" : "text-muted"}>{STEP_STATUS_LABELS[s.status]}</p>
            {s.startedOn ? <p className="text-muted">From {formatDay(s.startedOn)}</p> : null}
            {s.completedOn ? <p className="text-muted">To {formatDay(s.completedOn)}</p> : null}
          </li>
        ))}
      </ol>
    </figure>
  );
}
