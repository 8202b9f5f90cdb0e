import type { PromiseStatus } from "@/db/schema/enums";
import { isoWeeksOverlapping, type IsoDate } from "./dates";

/** What happened to a promise, as far as the figures care. */
export type PromiseOutcome = {
  status: PromiseStatus;
  /** Day the other partner confirmed kept/broken (or it was released); null while open. */
  resolvedOn: IsoDate | null;
};

function rate(kept: number, broken: number): number | null {
  const resolved = kept + broken;
  return resolved === 0 ? null : kept / resolved;
}

/**
 * Promise keep rate: kept ÷ (kept + broken), in [0, 1].
 * Open promises are not decided yet and released ones were withdrawn by agreement, so neither
 * counts either way. `resolvedOn` is not looked at here.
 *
 * @returns `null` when no promise is kept or broken — "no record yet", never 0, because 0 would
 * read as "broke every promise".
 */
export function keepRate(promises: PromiseOutcome[]): number | null {
  let kept = 0;
  let broken = 0;
  for (const p of promises) {
    if (p.status === "kept") kept++;
    else if (p.status === "broken") broken++;
  }
  return rate(kept, broken);
}

/** One ISO week of {@link weeklyKeepRate}. */
export type WeeklyKeepRateRow = {
  /** Monday of the ISO week. */
  weekStart: IsoDate;
  /** Promises kept with resolvedOn in this week's part of [from, to]. */
  kept: number;
  /** Promises broken with resolvedOn in this week's part of [from, to]. */
  broken: number;
  /** kept ÷ (kept + broken) for this week; null when none was resolved this week. */
  rate: number | null;
  /**
   * Keep rate of every kept/broken promise resolved on or before this row's last day
   * (the Sunday, or `to` if earlier) — including ones resolved before `from`; null when none.
   */
  cumulativeRate: number | null;
};

/**
 * Keep rate per ISO week (Monday–Sunday) for every week overlapping the inclusive range
 * [from, to], ascending, bucketed by `resolvedOn`. First and last weeks are clipped to the range.
 * Kept/broken promises with a null `resolvedOn` cannot be placed in time and are left out.
 * The last row's `cumulativeRate` equals {@link keepRate} of everything resolved up to `to`.
 */
export function weeklyKeepRate(promises: PromiseOutcome[], from: IsoDate, to: IsoDate): WeeklyKeepRateRow[] {
  const resolved = promises.filter(
    (p): p is PromiseOutcome & { status: "kept" | "broken"; resolvedOn: IsoDate } =>
      (p.status === "kept" || p.status === "broken") && p.resolvedOn !== null,
  );
  return isoWeeksOverlapping(from, to).map(({ weekStart, start, end }) => {
    let kept = 0;
    let broken = 0;
    let keptSoFar = 0;
    let brokenSoFar = 0;
    for (const p of resolved) {
      if (p.resolvedOn > end) continue;
      const isKept = p.status === "kept";
      if (isKept) keptSoFar++;
      else brokenSoFar++;
      if (p.resolvedOn >= start) {
        if (isKept) kept++;
        else broken++;
      }
    }
    return { weekStart, kept, broken, rate: rate(kept, broken), cumulativeRate: rate(keptSoFar, brokenSoFar) };
  });
}
