import { addIsoDays, type IsoDate } from "./dates";

/**
 * Consecutive days with a check-in, counting back from today — or from yesterday when today's
 * isn't done yet, so the streak doesn't read 0 all morning.
 */
export function checkInStreak(checkInDates: IsoDate[], today: IsoDate): number {
  const days = new Set(checkInDates);
  let day = days.has(today) ? today : addIsoDays(today, -1);
  let streak = 0;
  while (days.has(day)) {
    streak++;
    day = addIsoDays(day, -1);
  }
  return streak;
}
