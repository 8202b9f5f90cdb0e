import {
  daysBetweenInclusive,
  isInWindow,
  isoWeeksOverlapping,
  type DateWindow,
  type IsoDate,
} from "./dates";

/**
 * Check-ins per week expected when the couple has no accepted agreement that sets a frequency.
 * Step 4 of the program asks for daily contact, so daily is the default.
 */
export const DEFAULT_CHECK_INS_PER_WEEK = 7;

/**
 * How many check-ins a span of `windowDays` calendar days asks for at `perWeek` per week:
 * `windowDays * perWeek / 7`, deliberately NOT rounded, so a 3-day stretch of a 3-per-week
 * agreement expects 9/7 ≈ 1.29 rather than a rounding artefact. Never negative.
 */
export function expectedCheckIns(windowDays: number, perWeek: number): number {
  return Math.max(0, (windowDays * perWeek) / 7);
}

/** Input of {@link checkInAdherence}. */
export type CheckInAdherenceInput = {
  /** Days on which this partner checked in. Duplicates and days outside the window are ignored. */
  checkInDates: IsoDate[];
  /** Inclusive window the figure covers. */
  window: DateWindow;
  /** Check-ins per week the couple's accepted agreement asks for; default {@link DEFAULT_CHECK_INS_PER_WEEK}. */
  perWeek?: number;
  /** Day the couple started; days of the window before it expect nothing. Omitted = whole window counts. */
  startedOn?: IsoDate;
};

/** Distinct days of `dates` that fall inside the inclusive window. */
function distinctDaysInside(dates: IsoDate[], window: DateWindow): number {
  return new Set(dates.filter((d) => isInWindow(d, window))).size;
}

/**
 * Check-in adherence of one partner over an inclusive window, in [0, 1]:
 *
 *   min(1, distinct check-in days with window.start ≤ day ≤ window.end
 *          ÷ expectedCheckIns(active days, perWeek))
 *
 * where "active days" are the days of the window on or after `startedOn`
 * (= daysBetweenInclusive(max(window.start, startedOn), window.end)).
 * The numerator counts every check-in inside the window, including any before `startedOn`.
 * Capped at 1 because checking in more often than agreed is not "more than full" adherence.
 *
 * @returns `null` when nothing was expected (no active days, e.g. the couple started after the
 * window, or `perWeek` ≤ 0) — "not applicable", which is different from 0 ("expected, not done").
 */
export function checkInAdherence(input: CheckInAdherenceInput): number | null {
  const { checkInDates, window, perWeek = DEFAULT_CHECK_INS_PER_WEEK, startedOn } = input;
  const activeStart = startedOn !== undefined && startedOn > window.start ? startedOn : window.start;
  const expected = expectedCheckIns(daysBetweenInclusive(activeStart, window.end), perWeek);
  if (expected <= 0) return null;
  return Math.min(1, distinctDaysInside(checkInDates, window) / expected);
}

/** One ISO week of {@link weeklyAdherence}. */
export type WeeklyAdherenceRow = {
  /** Monday of the ISO week. */
  weekStart: IsoDate;
  /** Distinct check-in days in the part of this week inside [from, to]. */
  checkIns: number;
  /** Expected check-ins for the active days of that part (unrounded, see {@link expectedCheckIns}). */
  expected: number;
  /** {@link checkInAdherence} over that part; `null` when `expected` is 0. */
  adherence: number | null;
};

/**
 * Adherence per ISO week (Monday–Sunday) for every week overlapping the inclusive range
 * [from, to], ascending. A week only partly inside the range is clipped to the range, and its
 * expectation prorated by the days inside it (and on/after `startedOn`), so a range starting on
 * a Thursday gives that first week 4 days × perWeek / 7 expected.
 */
export function weeklyAdherence(input: {
  checkInDates: IsoDate[];
  from: IsoDate;
  to: IsoDate;
  perWeek?: number;
  startedOn?: IsoDate;
}): WeeklyAdherenceRow[] {
  const { checkInDates, from, to, perWeek = DEFAULT_CHECK_INS_PER_WEEK, startedOn } = input;
  return isoWeeksOverlapping(from, to).map(({ weekStart, start, end }) => {
    const window = { start, end };
    const activeStart = startedOn !== undefined && startedOn > start ? startedOn : start;
    return {
      weekStart,
      checkIns: distinctDaysInside(checkInDates, window),
      expected: expectedCheckIns(daysBetweenInclusive(activeStart, end), perWeek),
      adherence: checkInAdherence({ checkInDates, window, perWeek, startedOn }),
    };
  });
}
