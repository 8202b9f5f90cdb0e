import { tz, TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { IsoDate } from "@/lib/metrics/dates";

/**
 * Calendar days in a time zone. A person's "today" is the day on their own wall clock (their own
 * zone, else their clinic's), never the server's: the server may run in UTC while a partner in
 * Auckland is already in tomorrow. Every "what day is it" question in Mend goes through here.
 */

/** The zone every clinic starts with until its admin chooses one. */
export const DEFAULT_TIME_ZONE = "UTC";

let knownZones: ReadonlySet<string> | null = null;

/** Every IANA zone name this runtime knows, for pickers; "UTC" is always included. */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/**
 * Whether `zone` is an IANA zone name this runtime can use. Only canonical names from
 * `Intl.supportedValuesOf` plus "UTC" are accepted, so a stored zone always matches a picker entry
 * and Postgres (which reads the same tz database) understands it too.
 */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  knownZones ??= new Set(listTimeZones());
  return knownZones.has(zone);
}

/** The calendar day (yyyy-MM-dd) that `instant` falls on in `zone`. */
export function dayOf(instant: Date | string | number, zone: string): IsoDate {
  return format(new Date(instant), "yyyy-MM-dd", { in: tz(zone) });
}

/** Today's calendar day in `zone`; `now` is a parameter so tests can move the clock. */
export function todayIn(zone: string, now: Date = new Date()): IsoDate {
  return dayOf(now, zone);
}

/**
 * The instant `day` begins in `zone` (local midnight, or the first moment of the day when a
 * daylight-saving change skips midnight).
 */
export function startOfDayIn(day: IsoDate, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date, 0, 0, 0, 0, zone).getTime());
}

/** The instant `day` ends in `zone`: the start of the next local day (exclusive bound). */
export function endOfDayIn(day: IsoDate, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date + 1, 0, 0, 0, 0, zone).getTime());
}

/** The zone that applies to a person: their own when set, else their clinic's. */
export function effectiveTimeZone(userZone: string | null | undefined, clinicZone: string | null | undefined): string {
  if (userZone && isValidTimeZone(userZone)) return userZone;
  if (clinicZone && isValidTimeZone(clinicZone)) return clinicZone;
  return DEFAULT_TIME_ZONE;
}
