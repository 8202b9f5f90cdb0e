import type { MeasureJudgement } from "@/lib/dal/measures";
import type { MeasureDefinition } from "@/lib/measures/definition";
import { cutOffCrossing, inClinicalRange, reliableChange, reliableChangeBand, type CutOffCrossing, type ReliableChange } from "@/lib/metrics/measures";

/**
 * One scheduled measure's scores shaped for the couple page: each partner's scores by occasion,
 * judged against that partner's FIRST score with the reference functions of lib/metrics, and the
 * gap between the partners where both answered. Pure, so the chart and its table read one truth.
 */

export type Slot = "A" | "B";

/** What a later score means against the partner's first one; empty when nothing changed reliably. */
export type ScoreMark = Exclude<ReliableChange, "no_reliable_change"> | Exclude<CutOffCrossing, null>;

export type MeasureOccasion = {
  date: string;
  a: number | null;
  b: number | null;
  /** |A − B| when both answered this occasion. */
  gap: number | null;
  marks: Record<Slot, ScoreMark[]>;
};

export type PartnerTrack = {
  slot: Slot;
  name: string;
  first: number | null;
  latest: number | null;
  /** Where a later score must land outside of for the change from the first to be reliable. */
  band: { low: number; high: number } | null;
  /** First to latest: null when the measure claims no threshold or there is only one score. */
  change: ReliableChange | null;
  crossing: CutOffCrossing;
  /** Whether the latest score is in the clinical range (null: no cut-off, or no score). */
  inClinicalRange: boolean | null;
};

export type MeasureSeries = {
  judgement: MeasureJudgement;
  occasions: MeasureOccasion[];
  partners: [PartnerTrack, PartnerTrack];
  /** Whether the answers were given under more than one version of the measure. */
  mixedVersions: boolean;
};

type Response = { slot: Slot; occasionOn: string; total: number; version: number };

/** The reference functions take a definition's facts; a judgement carries the same facts, worked out. */
function judged(j: MeasureJudgement): Pick<MeasureDefinition, "direction" | "cutOff" | "reliableChange"> {
  return {
    direction: j.direction,
    cutOff: j.cutOff ?? undefined,
    reliableChange: j.reliableChangeThreshold === null ? undefined : { threshold: j.reliableChangeThreshold },
  };
}

/** Shapes a schedule's responses (oldest occasion first) under the judgement of the measure's latest version. */
export function measureSeries(judgement: MeasureJudgement, responses: Response[], names: Record<Slot, string>): MeasureSeries {
  const m = judged(judgement);
  const dates = [...new Set(responses.map((r) => r.occasionOn))].sort();
  const score = (slot: Slot, date: string) => responses.find((r) => r.slot === slot && r.occasionOn === date)?.total ?? null;
  const firstOf = (slot: Slot) => responses.find((r) => r.slot === slot)?.total ?? null;
  const first: Record<Slot, number | null> = { A: firstOf("A"), B: firstOf("B") };
  const marksFor = (slot: Slot, value: number | null, isFirst: boolean): ScoreMark[] => {
    const from = first[slot];
    if (value === null || from === null || isFirst) return [];
    const out: ScoreMark[] = [];
    const change = reliableChange(m, from, value);
    if (change === "improved" || change === "deteriorated") out.push(change);
    const crossing = cutOffCrossing(m, from, value);
    if (crossing) out.push(crossing);
    return out;
  };
  const seen: Record<Slot, boolean> = { A: false, B: false };
  const occasions = dates.map((date) => {
    const a = score("A", date);
    const b = score("B", date);
    const marks = { A: marksFor("A", a, !seen.A), B: marksFor("B", b, !seen.B) };
    if (a !== null) seen.A = true;
    if (b !== null) seen.B = true;
    return { date, a, b, gap: a !== null && b !== null ? Math.abs(a - b) : null, marks };
  });
  const track = (slot: Slot): PartnerTrack => {
    const own = responses.filter((r) => r.slot === slot);
    const from = first[slot];
    const latest = own.at(-1)?.total ?? null;
    const later = own.length > 1 && from !== null && latest !== null;
    return {
      slot,
      name: names[slot],
      first: from,
      latest,
      band: from === null ? null : reliableChangeBand(m, from),
      change: later ? reliableChange(m, from, latest) : null,
      crossing: later ? cutOffCrossing(m, from, latest) : null,
      inClinicalRange: latest === null ? null : inClinicalRange(m, latest),
    };
  };
  return {
    judgement,
    occasions,
    partners: [track("A"), track("B")],
    mixedVersions: new Set(responses.map((r) => r.version)).size > 1,
  };
}

/** Plain words for a mark, for a counsellor. */
export const MARK_WORDS: Record<ScoreMark, string> = {
  improved: "reliable improvement",
  deteriorated: "reliable deterioration",
  left_clinical_range: "crossed the cut-off out of the clinical range",
  entered_clinical_range: "crossed the cut-off into the clinical range",
};

/** A score as shown: whole numbers plain, others to one decimal. */
export function formatScore(value: number | null): string {
  if (value === null) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
