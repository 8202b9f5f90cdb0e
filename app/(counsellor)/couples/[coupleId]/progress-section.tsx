import Link from "next/link";
import { AdherenceChart } from "@/components/charts/adherence-chart";
import { PromisesChart } from "@/components/charts/promises-chart";
import { StepTimeline } from "@/components/charts/step-timeline";
import { TrustChart } from "@/components/charts/trust-chart";
import type { CouplePageCharts } from "@/lib/dal/couple-page";
import { CHART_RANGE_LABELS } from "@/lib/labels";
import { DEFAULT_CONTACT_LABEL } from "@/lib/validations/agreements";
import { CHART_RANGES } from "@/lib/validations/couple-page";

/** The range picker (links, so it works without JavaScript) and the couple's charts. */
export function ProgressSection({ coupleId, charts }: { coupleId: string; charts: CouplePageCharts }) {
  return (
    <section aria-labelledby="progress-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="progress-heading" className="text-xl font-semibold">
          Progress
        </h2>
        <nav aria-label="Chart range" className="flex gap-1">
          {CHART_RANGES.map((r) => (
            <Link
              key={r}
              href={`/couples/${coupleId}?range=${r}`}
              scroll={false}
              aria-current={r === charts.range ? "true" : undefined}
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
          rows={charts.trust}
          names={charts.names}
          showGap
        />
        <TrustChart
          title="Closeness"
          description="Each partner's daily closeness (0–10) as dots, with the 7-day mean as a line."
          rows={charts.closeness}
          names={charts.names}
          showGap={false}
        />
        <AdherenceChart rows={charts.adherence} names={charts.names} expectation={charts.defaultContact ? DEFAULT_CONTACT_LABEL : `${charts.checkInsPerWeek} check-ins a week agreed`} />
        <PromisesChart rows={charts.promises} names={charts.names} />
      </div>
      <StepTimeline steps={charts.steps} />
    </section>
  );
}
