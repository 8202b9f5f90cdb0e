import { addIsoDays, isInWindow, windowEnding, type DateWindow, type IsoDate } from "./dates";

/**
 * One partner's value (e.g. trust 0–10 from the daily check-in) on one calendar day.
 * Series are expected to hold at most one point per date, as check-ins are one per partner per day.
 */
export type DailyPoint = { date: IsoDate; value: number };

/** Length in days of the windows compared by {@link trustChange}. */
export const TRUST_WINDOW_DAYS = 7;

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Mean of the values whose date lies in the inclusive window; days without a point are skipped
 * (a missed check-in is missing data, not a trust of 0).
 *
 * @returns `null` when no point falls in the window.
 */
export function meanOverWindow(points: DailyPoint[], window: DateWindow): number | null {
  return mean(points.filter((p) => isInWindow(p.date, window)).map((p) => p.value));
}

/**
 * Trailing mean for each point, sorted by date ascending: `mean` is the average of the values
 * dated within the `days` calendar days ending on that point's date, both ends included
 * (date − (days − 1) ≤ d ≤ date). Days with no point are skipped, so after a gap the mean rests on
 * fewer values rather than being pulled toward 0; it always includes at least the point itself.
 * SQL equivalent: `avg(value) over (order by date range between interval '6 days' preceding and current row)`.
 */
export function rollingMean(
  points: DailyPoint[],
  days = TRUST_WINDOW_DAYS,
): { date: IsoDate; value: number; mean: number }[] {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted.map((p) => ({
    date: p.date,
    value: p.value,
    // Never null: the point's own date is in its window.
    mean: meanOverWindow(sorted, windowEnding(p.date, days)) as number,
  }));
}

/**
 * Week-on-week change in a partner's trust:
 * - `current`  = {@link meanOverWindow} over [today − 6, today] (7 days ending today, inclusive);
 * - `previous` = mean over [today − 13, today − 7] (the 7 days just before);
 * - `change`   = current − previous, `null` if either mean is null (no point in that week).
 */
export function trustChange(
  points: DailyPoint[],
  today: IsoDate,
): { current: number | null; previous: number | null; change: number | null } {
  const current = meanOverWindow(points, windowEnding(today, TRUST_WINDOW_DAYS));
  const previous = meanOverWindow(
    points,
    windowEnding(addIsoDays(today, -TRUST_WINDOW_DAYS), TRUST_WINDOW_DAYS),
  );
  return { current, previous, change: current === null || previous === null ? null : current - previous };
}

/**
 * The two partners' series side by side: one row per date that either partner has (union),
 * ascending; `a`/`b` are null on a day that partner has no point, and `gap` = |a − b| only on days
 * both have one (a full outer join on date). If a series repeats a date, its last point wins.
 */
export function partnerGap(
  a: DailyPoint[],
  b: DailyPoint[],
): { date: IsoDate; a: number | null; b: number | null; gap: number | null }[] {
  const byDateA = new Map(a.map((p) => [p.date, p.value]));
  const byDateB = new Map(b.map((p) => [p.date, p.value]));
  const dates = [...new Set([...byDateA.keys(), ...byDateB.keys()])].sort();
  return dates.map((date) => {
    const va = byDateA.get(date) ?? null;
    const vb = byDateB.get(date) ?? null;
    return { date, a: va, b: vb, gap: va === null || vb === null ? null : Math.abs(va - vb) };
  });
}
