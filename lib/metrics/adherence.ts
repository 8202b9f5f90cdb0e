import {
  daysBetweenInclusive,
  eachDay,
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

/**
 * A contact agreement (one that sets a check-in frequency) while it was in force: from its first
 * day `from` up to, not including, `until` (null while it is still current). Accepting a new one
 * ends the one it replaces on the day it starts, so a couple's spans never overlap.
 */
export type ContactAgreementSpan = { from: IsoDate; until: IsoDate | null; perWeek: number };

/**
 * Check-ins per week asked for on `day`: the frequency of the contact agreement in force that day,
 * else {@link DEFAULT_CHECK_INS_PER_WEEK}. Should spans ever overlap, the one that started last wins.
 */
export function perWeekOn(day: IsoDate, agreements: readonly ContactAgreementSpan[]): number {
  let inForce: ContactAgreementSpan | undefined;
  for (const a of agreements) {
    if (a.from <= day && (a.until === null || day < a.until) && (!inForce || a.from >= inForce.from)) inForce = a;
  }
  return inForce ? inForce.perWeek : DEFAULT_CHECK_INS_PER_WEEK;
}

/**
 * Check-ins expected over the inclusive window, counting only days on or after `startedOn`:
 *
 *   Σ over active days d of perWeek(d) / 7
 *
 * with perWeek(d) from {@link perWeekOn}, or the constant `perWeek` when given instead of
 * agreements. Unrounded and never negative, like {@link expectedCheckIns}.
 */
export function expectedCheckInsOver(input: {
  window: DateWindow;
  startedOn?: IsoDate;
  perWeek?: number;
  agreements?: readonly ContactAgreementSpan[];
}): number {
  const { window, startedOn, agreements } = input;
  const activeStart = startedOn !== undefined && startedOn > window.start ? startedOn : window.start;
  if (agreements === undefined) {
    return expectedCheckIns(daysBetweenInclusive(activeStart, window.end), input.perWeek ?? DEFAULT_CHECK_INS_PER_WEEK);
  }
  let total = 0;
  for (const day of eachDay(activeStart, window.end)) total += perWeekOn(day, agreements);
  return Math.max(0, total / 7);
}

/** Input of {@link checkInAdherence}. */
export type CheckInAdherenceInput = {
  /** Days on which this partner checked in. Duplicates and days outside the window are ignored. */
  checkInDates: IsoDate[];
  /** Inclusive window the figure covers. */
  window: DateWindow;
  /** A fixed check-ins per week for every day; default {@link DEFAULT_CHECK_INS_PER_WEEK}. Ignored when `agreements` is given. */
  perWeek?: number;
  /** The couple's contact agreements with the days each was in force: each day expects its own frequency. */
  agreements?: readonly ContactAgreementSpan[];
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
 *          ÷ Σ over active days d of perWeek(d) / 7)
 *
 * where "active days" are the days of the window on or after `startedOn`, and perWeek(d) is the
 * frequency of the contact agreement in force on d, else the default (see {@link expectedCheckInsOver}).
 * Accepting a new agreement therefore never changes the figure of a day before it started.
 * The numerator counts every check-in inside the window, including any before `startedOn`.
 * Capped at 1 because checking in more often than agreed is not "more than full" adherence.
 *
 * @returns `null` when nothing was expected (no active days, e.g. the couple started after the
 * window, or `perWeek` ≤ 0) — "not applicable", which is different from 0 ("expected, not done").
 */
export function checkInAdherence(input: CheckInAdherenceInput): number | null {
  const { checkInDates, window } = input;
  const expected = expectedCheckInsOver(input);
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
 * a Thursday gives that first week 4 days × perWeek / 7 expected. Each day expects the frequency
 * of the agreement in force that day.
 */
export function weeklyAdherence(input: {
  checkInDates: IsoDate[];
  from: IsoDate;
  to: IsoDate;
  perWeek?: number;
  agreements?: readonly ContactAgreementSpan[];
  startedOn?: IsoDate;
}): WeeklyAdherenceRow[] {
  const { checkInDates, from, to, perWeek, agreements, startedOn } = input;
  return isoWeeksOverlapping(from, to).map(({ weekStart, start, end }) => {
    const window = { start, end };
    return {
      weekStart,
      checkIns: distinctDaysInside(checkInDates, window),
      expected: expectedCheckInsOver({ window, perWeek, agreements, startedOn }),
      adherence: checkInAdherence({ checkInDates, window, perWeek, agreements, startedOn }),
    };
  });
}
