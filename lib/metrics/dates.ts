import { addDays, differenceInCalendarDays, format, isValid, parseISO, startOfISOWeek } from "date-fns";

/**
 * A calendar day written as `yyyy-MM-dd` (e.g. `"2025-03-14"`), with no time and no zone.
 *
 * Every derived figure works on calendar days so that the same numbers come out of TypeScript
 * and of SQL (`date` columns). Because the format is fixed-width, two IsoDates compare correctly
 * as plain strings (`a < b` means "a is earlier").
 */
export type IsoDate = string;

/** An inclusive range of calendar days: both `start` and `end` belong to it. */
export type DateWindow = { start: IsoDate; end: IsoDate };

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses an IsoDate to a local-midnight Date for date-fns arithmetic.
 * Throws a RangeError on anything that is not a real `yyyy-MM-dd` day, because a silently
 * invalid date would turn every figure into NaN far from the cause.
 */
export function parseIsoDate(d: IsoDate): Date {
  const parsed = ISO_DATE_PATTERN.test(d) ? parseISO(d) : new Date(Number.NaN);
  // parseISO rolls nothing over, but re-formatting catches days like 2025-02-30.
  if (!isValid(parsed) || format(parsed, "yyyy-MM-dd") !== d) {
    throw new RangeError(`Not a calendar date (yyyy-MM-dd): ${JSON.stringify(d)}`);
  }
  return parsed;
}

function formatDay(d: Date): IsoDate {
  return format(d, "yyyy-MM-dd");
}

/** The day `days` calendar days after `d` (negative `days` goes back). */
export function addIsoDays(d: IsoDate, days: number): IsoDate {
  return formatDay(addDays(parseIsoDate(d), days));
}

/**
 * Signed number of calendar days from `earlier` to `later` (`later − earlier`):
 * 0 for the same day, 1 for the next day, negative when `later` is before `earlier`.
 */
export function daysFrom(earlier: IsoDate, later: IsoDate): number {
  return differenceInCalendarDays(parseIsoDate(later), parseIsoDate(earlier));
}

/**
 * Number of calendar days in the inclusive range [start, end]:
 * 1 when `start === end`, 0 when `end` is before `start` (an empty range, never negative).
 */
export function daysBetweenInclusive(start: IsoDate, end: IsoDate): number {
  return Math.max(0, daysFrom(start, end) + 1);
}

/** Every calendar day from `start` to `end`, both included, ascending; `[]` when `end < start`. */
export function eachDay(start: IsoDate, end: IsoDate): IsoDate[] {
  const n = daysBetweenInclusive(start, end);
  const first = parseIsoDate(start);
  const days: IsoDate[] = [];
  for (let i = 0; i < n; i++) days.push(formatDay(addDays(first, i)));
  return days;
}

/**
 * The inclusive window of `days` calendar days that ends on `end`:
 * `{ start: end − (days − 1), end }`. `windowEnding("2025-03-14", 7)` is 03-08..03-14.
 * `days` must be a positive integer.
 */
export function windowEnding(end: IsoDate, days: number): DateWindow {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`A window needs a positive whole number of days, got ${days}`);
  }
  return { start: addIsoDays(end, -(days - 1)), end };
}

/** The Monday of the ISO week (Monday–Sunday) that contains `d`. */
export function isoWeekStart(d: IsoDate): IsoDate {
  return formatDay(startOfISOWeek(parseIsoDate(d)));
}

/**
 * The UTC calendar date of an instant. UTC, not the server's zone, so the same timestamp gives
 * the same day on every machine (matches `(ts AT TIME ZONE 'UTC')::date` in SQL).
 */
export function toIsoDate(d: Date): IsoDate {
  if (!isValid(d)) throw new RangeError("Cannot take the calendar date of an invalid Date");
  return d.toISOString().slice(0, 10);
}

/** Whether `d` lies in the inclusive window. */
export function isInWindow(d: IsoDate, window: DateWindow): boolean {
  return d >= window.start && d <= window.end;
}

/**
 * One entry per ISO week (Monday start) that overlaps [from, to], ascending, each with the part of
 * that week that lies inside the range. Partial first/last weeks are clipped to the range.
 * `[]` when `to < from`.
 */
export function isoWeeksOverlapping(
  from: IsoDate,
  to: IsoDate,
): { weekStart: IsoDate; start: IsoDate; end: IsoDate }[] {
  if (to < from) return [];
  const weeks: { weekStart: IsoDate; start: IsoDate; end: IsoDate }[] = [];
  for (let weekStart = isoWeekStart(from); weekStart <= to; weekStart = addIsoDays(weekStart, 7)) {
    const weekEnd = addIsoDays(weekStart, 6);
    weeks.push({
      weekStart,
      start: weekStart < from ? from : weekStart,
      end: weekEnd > to ? to : weekEnd,
    });
  }
  return weeks;
}
