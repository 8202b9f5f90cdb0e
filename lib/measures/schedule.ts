import { addIsoDays, daysFrom, type IsoDate } from "@/lib/metrics/dates";

/**
 * When a scheduled measure is answered: on the start day, then every N weeks after it, and on the
 * end day if one is set (whether or not it falls on the N-week rhythm). Days are calendar days of
 * whoever answers, so "today" is the partner's own day.
 */

/** A schedule may ask every 1 to 12 weeks; every two weeks unless the counsellor says otherwise. */
export const MEASURE_EVERY_WEEKS_MIN = 1;
export const MEASURE_EVERY_WEEKS_MAX = 12;
export const MEASURE_EVERY_WEEKS_DEFAULT = 2;

export type OccasionRule = { startsOn: IsoDate; everyWeeks: number; endsOn: IsoDate | null };

/** True when `day` is one of the schedule's occasions. */
export function isOccasion(s: OccasionRule, day: IsoDate): boolean {
  if (day < s.startsOn) return false;
  if (s.endsOn !== null) {
    if (day > s.endsOn) return false;
    if (day === s.endsOn) return true;
  }
  return daysFrom(s.startsOn, day) % (7 * s.everyWeeks) === 0;
}

/**
 * The latest occasion on or before `today`: the one a partner answers now. `null` before the
 * start day. Once the end day has come, it stays the end day.
 */
export function latestOccasion(s: OccasionRule, today: IsoDate): IsoDate | null {
  if (today < s.startsOn) return null;
  if (s.endsOn !== null && today >= s.endsOn) return s.endsOn;
  const period = 7 * s.everyWeeks;
  return addIsoDays(s.startsOn, Math.floor(daysFrom(s.startsOn, today) / period) * period);
}

/** The first occasion after `today`, or `null` when the schedule has none left. */
export function nextOccasion(s: OccasionRule, today: IsoDate): IsoDate | null {
  if (today < s.startsOn) return s.startsOn;
  if (s.endsOn !== null && today >= s.endsOn) return null;
  const period = 7 * s.everyWeeks;
  const next = addIsoDays(s.startsOn, (Math.floor(daysFrom(s.startsOn, today) / period) + 1) * period);
  return s.endsOn !== null && next > s.endsOn ? s.endsOn : next;
}
