import { addIsoDays, daysFrom, type IsoDate } from "./dates";
import { meanOverWindow, type DailyPoint } from "./trust";

/**
 * The expected trust trajectory: how partners of this clinic who started from a similar place
 * went on, week by week, and whether a partner is falling behind it. Counsellors and the clinic
 * see this; partners never do.
 */

/** A partner's baseline is their mean trust over this many days from the couple's start. */
export const TRAJECTORY_BASELINE_DAYS = 14;
/** Reference partners started within this many trust points of the partner's baseline (inclusive). */
export const REFERENCE_BASELINE_DISTANCE = 1;
/** Fewer reference partners than this (in a week) and the band is not shown for it. */
export const MIN_REFERENCE_PARTNERS = 20;
/** The band runs from this percentile of the reference partners' weekly means … */
export const BAND_LOW_PERCENTILE = 0.25;
/** … to this one. */
export const BAND_HIGH_PERCENTILE = 0.75;
/** Weeks up to and including this one never count toward "Not on track" (early weeks are noisy). */
export const NOT_ON_TRACK_AFTER_WEEK = 3;
/** How many complete weeks running a partner must sit below the band to be "Not on track". */
export const NOT_ON_TRACK_WEEKS = 2;

/**
 * The p-th percentile with linear interpolation between the two nearest ranks, as Postgres
 * `percentile_cont(p)`: for 1, 2, 3, 4 the 25th percentile is 1.75. `null` for no values.
 */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

/** Week 1 is the start day and the six after it; day 8 opens week 2. */
export function weekSinceStart(startedOn: IsoDate, day: IsoDate): number {
  return Math.floor(daysFrom(startedOn, day) / 7) + 1;
}

/** A partner's baseline: mean trust over the first {@link TRAJECTORY_BASELINE_DAYS} days, or `null` with no check-in then. */
export function trajectoryBaseline(points: DailyPoint[], startedOn: IsoDate): number | null {
  return meanOverWindow(points, { start: startedOn, end: addIsoDays(startedOn, TRAJECTORY_BASELINE_DAYS - 1) });
}

/**
 * Mean trust of each week since start that has a check-in, up to and including week `throughWeek`
 * (pass the last complete week so a week still in progress is not judged). Days before the start are ignored.
 */
export function weeklyMeans(points: DailyPoint[], startedOn: IsoDate, throughWeek: number): Map<number, number> {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    if (p.date < startedOn) continue;
    const week = weekSinceStart(startedOn, p.date);
    if (week > throughWeek) continue;
    const s = sums.get(week) ?? { sum: 0, n: 0 };
    s.sum += p.value;
    s.n += 1;
    sums.set(week, s);
  }
  return new Map([...sums].sort(([a], [b]) => a - b).map(([week, s]) => [week, s.sum / s.n]));
}

/** One partner of the clinic as the band sees them. */
export type ReferencePartner = { baseline: number | null; weekly: Map<number, number> };

export type BandWeek = { week: number; low: number; high: number; partners: number };

export type ExpectedBand =
  | { shown: true; reference: number; weeks: BandWeek[] }
  | { shown: false; reason: "no_baseline" }
  | { shown: false; reason: "too_few"; reference: number };

/**
 * The band for a partner with `baseline`: the reference partners are the `others` (the clinic's
 * partners outside this couple) whose baseline lies within ±{@link REFERENCE_BASELINE_DISTANCE};
 * each week's band is the 25th–75th percentile of their weekly means, shown for weeks where at least
 * {@link MIN_REFERENCE_PARTNERS} of them have one. Not shown without a baseline or with fewer than
 * that many reference partners in all.
 */
export function expectedBand(baseline: number | null, others: ReferencePartner[]): ExpectedBand {
  if (baseline === null) return { shown: false, reason: "no_baseline" };
  const reference = others.filter((o) => o.baseline !== null && Math.abs(o.baseline - baseline) <= REFERENCE_BASELINE_DISTANCE + 1e-9);
  if (reference.length < MIN_REFERENCE_PARTNERS) return { shown: false, reason: "too_few", reference: reference.length };
  const byWeek = new Map<number, number[]>();
  for (const r of reference) {
    for (const [week, mean] of r.weekly) {
      const means = byWeek.get(week);
      if (means) means.push(mean);
      else byWeek.set(week, [mean]);
    }
  }
  const weeks = [...byWeek]
    .filter(([, means]) => means.length >= MIN_REFERENCE_PARTNERS)
    .sort(([a], [b]) => a - b)
    .map(([week, means]) => ({
      week,
      low: percentileCont(means, BAND_LOW_PERCENTILE)!,
      high: percentileCont(means, BAND_HIGH_PERCENTILE)!,
      partners: means.length,
    }));
  return { shown: true, reference: reference.length, weeks };
}

/**
 * "Not on track": in each of the last {@link NOT_ON_TRACK_WEEKS} complete weeks, all after week
 * {@link NOT_ON_TRACK_AFTER_WEEK}, the partner's weekly mean was below the band's low edge. A week
 * with no check-in, or with no band, breaks the run (missing check-ins are flagged on their own).
 *
 * @param lastCompleteWeek the last week since start that has fully passed in the partner's own calendar.
 */
export function notOnTrack(weekly: Map<number, number>, band: ExpectedBand, lastCompleteWeek: number): boolean {
  if (!band.shown) return false;
  const low = new Map(band.weeks.map((w) => [w.week, w.low]));
  for (let week = lastCompleteWeek - NOT_ON_TRACK_WEEKS + 1; week <= lastCompleteWeek; week++) {
    if (week <= NOT_ON_TRACK_AFTER_WEEK) return false;
    const mean = weekly.get(week);
    const edge = low.get(week);
    if (mean === undefined || edge === undefined || !(mean < edge)) return false;
  }
  return true;
}

/** The last week since start that has fully passed on `today` (0 while week 1 is still running). */
export function lastCompleteWeek(startedOn: IsoDate, today: IsoDate): number {
  return weekSinceStart(startedOn, today) - 1;
}
