import { daysFrom, windowEnding, addIsoDays, type IsoDate } from "./dates";
import { meanOverWindow, type DailyPoint } from "./trust";

/** Smallest group of couples a clinic admin may see an aggregate for (re-identification risk). */
export const MIN_GROUP_SIZE = 5;

/** What to show in place of a suppressed aggregate. */
export const SUPPRESSED_LABEL = "fewer than 5";

/**
 * Returns `value` when the group it describes has at least {@link MIN_GROUP_SIZE} couples,
 * otherwise `null` (show {@link SUPPRESSED_LABEL}). 4 → null, 5 → value.
 */
export function suppress<T>(groupSize: number, value: T): T | null {
  return groupSize < MIN_GROUP_SIZE ? null : value;
}

/**
 * The median: the middle value of the sorted values, or the mean of the two middle ones when the
 * count is even (as Postgres `percentile_cont(0.5)`). `null` for no values.
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One bucket of {@link distribution}. */
export type DistributionBucket = { label: string; from: number; to: number; count: number };

/**
 * Histogram of `values` over buckets bounded by `bucketEdges` (strictly increasing, at least 2):
 * bucket i holds edges[i] ≤ v < edges[i+1], except the last, which also includes its upper edge
 * (edges[n−1] ≤ v ≤ edges[n]) so that a rate of exactly 1 is counted. Values outside
 * [edges[0], edges[n]] and NaN are not counted. Edges [0, 0.2, 0.4, 0.6, 0.8, 1] give five buckets.
 *
 * @param formatEdge renders an edge in the label (`"0–0.2"` by default); pass e.g. a percent
 * formatter for rates.
 */
export function distribution(
  values: number[],
  bucketEdges: number[],
  formatEdge: (edge: number) => string = String,
): DistributionBucket[] {
  if (bucketEdges.length < 2 || bucketEdges.some((e, i) => i > 0 && !(e > bucketEdges[i - 1]))) {
    throw new RangeError("bucketEdges must hold at least two strictly increasing numbers");
  }
  const last = bucketEdges.length - 2;
  const buckets: DistributionBucket[] = [];
  for (let i = 0; i <= last; i++) {
    const from = bucketEdges[i];
    const to = bucketEdges[i + 1];
    buckets.push({ label: `${formatEdge(from)}–${formatEdge(to)}`, from, to, count: 0 });
  }
  for (const v of values) {
    if (!(v >= bucketEdges[0] && v <= bucketEdges[last + 1])) continue;
    // The first bucket whose upper edge lies above v; v equal to the top edge lands in the last one.
    let i = 0;
    while (i < last && v >= buckets[i].to) i++;
    buckets[i].count++;
  }
  return buckets;
}

/** Length in days of the baseline and of the recent window in {@link roseFromBaseline}. */
export const BASELINE_DAYS = 28;

/**
 * Whether a couple's trust rose from its own baseline (step 10 of the program):
 * - baseline = mean of `points` dated [startedOn, startedOn + 27] (the first 28 days, inclusive);
 * - recent   = mean of `points` dated [today − 27, today] (the 28 days ending today, inclusive);
 * - `true` when recent > baseline (strictly), `false` otherwise.
 *
 * @returns `null` when today − startedOn < 56 calendar days (too early to compare two separate
 * periods) or when either window has no point.
 * Pass both partners' points to get the couple's figure: each window then averages all their values.
 */
export function roseFromBaseline(input: {
  points: DailyPoint[];
  startedOn: IsoDate;
  today: IsoDate;
}): boolean | null {
  const { points, startedOn, today } = input;
  if (daysFrom(startedOn, today) < 2 * BASELINE_DAYS) return null;
  const baseline = meanOverWindow(points, { start: startedOn, end: addIsoDays(startedOn, BASELINE_DAYS - 1) });
  const recent = meanOverWindow(points, windowEnding(today, BASELINE_DAYS));
  if (baseline === null || recent === null) return null;
  return recent > baseline;
}
