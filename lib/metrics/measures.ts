import { combineScores, itemRange, reliableChangeThreshold, type MeasureDefinition, type ScoredShape } from "@/lib/measures/definition";

/**
 * Scoring a measure and reading change in its scores. Pure functions over a validated
 * definition (lib/measures/definition.ts); the data layer's SQL is tested equal to them.
 */

/** One partner's answer: the chosen option's value for every item, by item id. */
export type MeasureAnswers = Record<string, number>;

export type MeasureScore = { total: number; subscales: Record<string, number> };

/** Why an answer cannot be scored, naming the item. */
export class MeasureAnswerError extends Error {
  constructor(
    message: string,
    readonly itemId: string,
  ) {
    super(message);
  }
}

/**
 * The value an item contributes: the chosen option's value, or (lowest + highest) − value for a
 * reverse-keyed item, so 0 on a 0–5 reverse-keyed item counts as 5.
 */
export function itemScore(item: MeasureDefinition["items"][number], value: number): number {
  if (!item.reverseKeyed) return value;
  const { min, max } = itemRange(item);
  return min + max - value;
}

/**
 * Scores one complete answer: every item answered with one of its options' values. The total is
 * the sum (or mean) of the items' scores; each subscale the sum (or mean) of its own items.
 *
 * @throws MeasureAnswerError for a missing item, an unknown item, or a value that is not an option.
 */
export function scoreMeasure(m: ScoredShape, answers: MeasureAnswers): MeasureScore {
  const known = new Set(m.items.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) throw new MeasureAnswerError(`"${key}" is not an item of this measure.`, key);
  }
  const scores = new Map<string, number>();
  for (const item of m.items) {
    const value = answers[item.id];
    if (value === undefined) throw new MeasureAnswerError("Please answer this question.", item.id);
    if (!item.options.some((o) => o.value === value)) throw new MeasureAnswerError("Please choose one of the answers given.", item.id);
    scores.set(item.id, itemScore(item, value));
  }
  const combine = (values: number[]) => combineScores(m.scoring.rule, values);
  const subscales: Record<string, number> = {};
  for (const s of m.scoring.subscales) {
    subscales[s.id] = combine(m.items.filter((i) => i.subscale === s.id).map((i) => scores.get(i.id)!));
  }
  return { total: combine([...scores.values()]), subscales };
}

type Judged = Pick<MeasureDefinition, "direction" | "cutOff" | "reliableChange">;

/** "better" when a score moved in the measure's good direction. */
function signedImprovement(m: Pick<MeasureDefinition, "direction">, from: number, to: number): number {
  return m.direction === "higher_is_better" ? to - from : from - to;
}

/**
 * Whether a score is in the clinical range: strictly on the worse side of the cut-off (below it
 * when higher is better). `null` when the measure has no cut-off.
 */
export function inClinicalRange(m: Judged, score: number): boolean | null {
  if (m.cutOff === undefined) return null;
  return m.direction === "higher_is_better" ? score < m.cutOff : score > m.cutOff;
}

export type ReliableChange = "improved" | "deteriorated" | "no_reliable_change";

/**
 * Jacobson–Truax reliable change from a first score to a later one: a change at least as large
 * as the measure's threshold, in its good direction ("improved") or its bad one. `null` when the
 * measure claims no threshold (Mend's own measures, which are not validated).
 */
export function reliableChange(m: Judged, first: number, later: number): ReliableChange | null {
  if (!m.reliableChange) return null;
  const threshold = reliableChangeThreshold(m.reliableChange);
  const moved = signedImprovement(m, first, later);
  // Scores and thresholds are decimals; compare with a tolerance so 8.32 − 0 ≥ 8.32 holds.
  if (moved >= threshold - 1e-9) return "improved";
  if (-moved >= threshold - 1e-9) return "deteriorated";
  return "no_reliable_change";
}

/** The band a later score must leave for its change from `first` to be reliable, or `null`. */
export function reliableChangeBand(m: Judged, first: number): { low: number; high: number } | null {
  if (!m.reliableChange) return null;
  const threshold = reliableChangeThreshold(m.reliableChange);
  return { low: first - threshold, high: first + threshold };
}

export type CutOffCrossing = "left_clinical_range" | "entered_clinical_range" | null;

/**
 * Whether a later score crossed the cut-off from the first: out of the clinical range
 * ("left_clinical_range", the recovered side) or into it. `null` when neither, or no cut-off.
 */
export function cutOffCrossing(m: Judged, first: number, later: number): CutOffCrossing {
  const before = inClinicalRange(m, first);
  const after = inClinicalRange(m, later);
  if (before === null || after === null || before === after) return null;
  return before ? "left_clinical_range" : "entered_clinical_range";
}
