import { MeasureChart } from "@/components/charts/measure-chart";
import { formatScore, MARK_WORDS, measureSeries, type MeasureSeries, type PartnerTrack, type Slot } from "@/components/charts/measure-series";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { LazyDetails } from "@/components/ui/lazy-details";
import type { CouplePageMeasures } from "@/lib/dal/couple-measures";
import type { CoupleSummary } from "@/lib/dal/couples";
import type { CoupleMeasureSchedule } from "@/lib/dal/measure-schedules";
import { formatShortDay } from "@/lib/format";
import { scheduleMeasureAction, stopMeasureScheduleAction } from "./measures-actions";
import { MeasuresScheduleForm } from "./measures-schedule-form";
import { MeasuresStopForm } from "./measures-stop-form";

const NOT_VALIDATED = "Not validated: no cut-off or reliable-change threshold. Scores only.";

/** How the schedule runs, in a line. */
function cadence(s: CoupleMeasureSchedule): string {
  const every = s.everyWeeks === 1 ? "every week" : `every ${s.everyWeeks} weeks`;
  const until = s.endsOn ? ` until ${formatShortDay(s.endsOn)}` : "";
  if (s.stoppedAt) return `${every} from ${formatShortDay(s.startsOn)}${until} · stopped`;
  return `${every} from ${formatShortDay(s.startsOn)}${until} · ${s.nextOccasionOn ? `next ${formatShortDay(s.nextOccasionOn)}` : "no occasion left"}`;
}

/** One partner's first-to-latest story in a sentence. */
function trackWords(t: PartnerTrack, validated: boolean): string {
  if (t.first === null) return `${t.name}: no answer yet.`;
  if (t.latest === t.first && t.change === null) return `${t.name}: first score ${formatScore(t.first)}.`;
  const parts = [`${t.name}: ${formatScore(t.first)} → ${formatScore(t.latest)}`];
  if (validated && t.change) parts.push(t.change === "no_reliable_change" ? "no reliable change yet" : MARK_WORDS[t.change]);
  if (t.crossing) parts.push(MARK_WORDS[t.crossing]);
  else if (t.inClinicalRange !== null) parts.push(t.inClinicalRange ? "in the clinical range" : "outside the clinical range");
  return `${parts.join(" · ")}.`;
}

function ScoresTable({ series, title }: { series: MeasureSeries; title: string }) {
  const [a, b] = series.partners;
  const marks = (slot: Slot, list: MeasureSeries["occasions"][number]["marks"]) => list[slot].map((m) => `${slot === "A" ? a.name : b.name}: ${MARK_WORDS[m]}`);
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-brand">Show as a table</summary>
      <div className="mt-2 max-h-80 overflow-auto focus:outline-2 focus:outline-brand" tabIndex={0} role="region" aria-label={`${title}: scores by occasion`}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{`${title}: each partner's score by occasion, the gap between them, and what changed`}</caption>
          <thead>
            <tr>
              {["Occasion", a.name, b.name, "Gap", "What changed since the first score"].map((h) => (
                <th key={h} scope="col" className="border-b border-line px-2 py-1 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.occasions.map((o) => (
              <tr key={o.date} className="border-b border-line last:border-0">
                <th scope="row" className="px-2 py-1 font-normal">
                  {formatShortDay(o.date)}
                </th>
                <td className="px-2 py-1">{formatScore(o.a)}</td>
                <td className="px-2 py-1">{formatScore(o.b)}</td>
                <td className="px-2 py-1">{formatScore(o.gap)}</td>
                <td className="px-2 py-1">{[...marks("A", o.marks), ...marks("B", o.marks)].join("; ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function ScheduleScores({ schedule, names }: { schedule: CoupleMeasureSchedule; names: Record<Slot, string> }) {
  const latest = Math.max(0, ...Object.keys(schedule.versions).map(Number));
  const judgement = schedule.versions[latest];
  if (!judgement) return null;
  const series = measureSeries(judgement, schedule.responses, names);
  const { range, direction, cutOff, reliableChangeThreshold } = judgement;
  const facts = [
    `Scores ${formatScore(range.min)}–${formatScore(range.max)}, ${direction === "higher_is_better" ? "higher is better" : "higher is worse"}`,
    ...(cutOff !== null ? [`cut-off ${formatScore(cutOff)}`] : []),
    ...(reliableChangeThreshold !== null ? [`a change of ${reliableChangeThreshold.toFixed(2)} or more is reliable`] : []),
  ];
  const gaps = series.occasions.filter((o) => o.gap !== null);
  const lastGap = gaps.at(-1);
  return (
    <div className="mt-2">
      <p className="text-sm text-muted">{facts.join(" · ")}.</p>
      {!schedule.validated ? <p className="text-sm font-medium">{NOT_VALIDATED}</p> : null}
      {series.mixedVersions ? <p className="text-sm">Answers were given under more than one version of this measure; compare them with care.</p> : null}
      {series.occasions.length === 0 ? (
        <p className="py-4 text-muted">No answers yet.</p>
      ) : (
        <>
          <MeasureChart series={series} />
          <ul className="mt-2 space-y-0.5 text-sm">
            {series.partners.map((t) => (
              <li key={t.slot}>{trackWords(t, schedule.validated)}</li>
            ))}
            {lastGap ? <li>{`Gap between them on ${formatShortDay(lastGap.date)}: ${formatScore(lastGap.gap)} points.`}</li> : null}
          </ul>
          <ScoresTable series={series} title={schedule.title} />
        </>
      )}
    </div>
  );
}

/**
 * Measures: schedule one for both partners, stop a live schedule, each partner's scores over
 * time with what changed reliably, and the couple's answers as a FHIR file.
 */
export function MeasuresSection({ couple, measures }: { couple: CoupleSummary; measures: CouplePageMeasures }) {
  const names: Record<Slot, string> = {
    A: couple.partners.find((p) => p.slot === "A")?.name ?? "Partner A",
    B: couple.partners.find((p) => p.slot === "B")?.name ?? "Partner B",
  };
  const answered = measures.schedules.some((s) => s.responses.length > 0);
  return (
    <Card aria-labelledby="measures-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="measures-heading">Measures</CardTitle>
        {answered ? (
          <a className="text-sm font-medium text-brand underline" href={`/couples/${couple.id}/measures/export`} download>
            Export answers (FHIR)
          </a>
        ) : null}
      </div>
      <LazyDetails className="rounded-md border border-line p-3" summary="Schedule a measure">
        <div className="mt-3">
          <MeasuresScheduleForm action={scheduleMeasureAction.bind(null, couple.id)} options={measures.options} today={measures.today} />
        </div>
      </LazyDetails>
      {measures.schedules.length === 0 ? (
        <p className="text-muted">No measure scheduled yet.</p>
      ) : (
        <ul className="divide-y divide-line" aria-label="Scheduled measures">
          {measures.schedules.map((s) => (
            <li key={s.id} className="py-3">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{s.title}</span>
                <Badge tone={s.validated ? "ok" : "neutral"}>{s.validated ? "Validated instrument" : "Mend's own, not validated"}</Badge>
                <span className="text-muted">{cadence(s)}</span>
              </p>
              {s.stoppedAt ? null : <MeasuresStopForm action={stopMeasureScheduleAction.bind(null, couple.id, s.id)} title={s.title} />}
              <ScheduleScores schedule={s} names={names} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
