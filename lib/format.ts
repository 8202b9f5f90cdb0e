import { format, parseISO } from "date-fns";
import { SUPPRESSED_LABEL } from "@/lib/metrics/clinic";

/**
 * Every number and date the product shows, formatted in one place. Calendar days (yyyy-MM-dd) are
 * read in UTC so the server's render and the browser's agree; moments (a promise's due time, when
 * something was sent or written) are shown on the viewer's clock: their zone, else their clinic's.
 */

/** A 0–1 rate as a whole percent ("63%"); `empty` stands in for a missing figure. */
export function formatPercent(value: number | null, empty = "—"): string {
  return value === null ? empty : `${Math.round(value * 100)}%`;
}

// Formatters are built once: making an Intl formatter costs far more than using one (toLocale*
// with options makes a new one on every call, a quarter of a millisecond each), and a page of
// history formats hundreds of dates.
const COUNT = new Intl.NumberFormat("en-GB");
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A count with thousands separators ("1,204"); `empty` stands in for a missing figure. */
export function formatCount(value: number | null, empty = "—"): string {
  return value === null ? empty : COUNT.format(value);
}

/** A figure to `digits` decimals ("7.3"), or a dash when missing. */
export function formatNumber(value: number | null, digits = 1): string {
  return value === null ? "—" : value.toFixed(digits);
}

/** A change to one decimal with its sign ("+1.5", "-0.5", "0.0"), or a dash when missing. */
export function formatChange(value: number | null): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded.toFixed(1)}` : rounded.toFixed(1);
}

/** Median weeks as "2.5 weeks" / "1 week"; `empty` stands in for a missing figure. */
export function formatWeeks(value: number | null, empty = "—"): string {
  if (value === null) return empty;
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? "week" : "weeks"}`;
}

export type FigureFormat = "count" | "percent" | "weeks";

/** A figure in its format; `empty` stands in for a missing one. */
export function formatFigure(value: number | null, kind: FigureFormat, empty = "—"): string {
  if (kind === "percent") return formatPercent(value, empty);
  if (kind === "weeks") return formatWeeks(value, empty);
  return formatCount(value, empty);
}

/** A clinic aggregate: a missing one was suppressed (a group under 5 couples) and says so. */
export function formatClinicFigure(value: number | null, kind: FigureFormat): string {
  return formatFigure(value, kind, SUPPRESSED_LABEL);
}

const utcDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** "2026-02-02" → "2 Feb 2026". */
export function formatDay(iso: string): string {
  return DAY.format(utcDay(iso));
}

/** "2026-03-09" → "9 Mar": short enough for an axis tick. */
export function formatShortDay(iso: string): string {
  return SHORT_DAY.format(utcDay(iso));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const zoneClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment's calendar and clock fields on the clock of `zone`, with one formatter per zone (kept:
 * there are a few hundred zones at most, and an unknown one throws before it is stored).
 * @throws RangeError for an invalid moment or zone, as date-fns does.
 */
function clockIn(at: string | Date, zone: string) {
  let clock = zoneClocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    zoneClocks.set(zone, clock);
  }
  const parts: Record<string, string> = {};
  for (const { type, value } of clock.formatToParts(new Date(at))) parts[type] = value;
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "weekday", string>;
}

/** A stored moment (ISO string or Date) as its calendar day in `zone` (the viewer's), yyyy-MM-dd. */
export function isoDay(at: string | Date, zone = "UTC"): string {
  const c = clockIn(at, zone);
  return `${c.year.padStart(4, "0")}-${c.month}-${c.day}`;
}

/** A stored moment as "yyyy-MM-dd HH:mm" on the clock of `zone` (notes, the audit log). */
export function isoMinute(at: string | Date, zone = "UTC"): string {
  const c = clockIn(at, zone);
  return `${c.year.padStart(4, "0")}-${c.month}-${c.day} ${c.hour}:${c.minute}`;
}

/** A due time on the clock of `zone` (the viewer's): "Tue 3 Mar, 18:00". */
export function formatDueTime(at: string | Date, zone = "UTC"): string {
  const c = clockIn(at, zone);
  return `${c.weekday} ${Number(c.day)} ${MONTHS[Number(c.month) - 1]}, ${c.hour}:${c.minute}`;
}

/** A calendar day as its weekday and date: "Tue 3 Mar". */
export function formatWeekday(iso: string): string {
  return format(parseISO(iso), "EEE d MMM");
}

/** A calendar day's day of the month: "3". */
export function formatDayOfMonth(iso: string): string {
  return format(parseISO(iso), "d");
}

/** How long ago a calendar day was, from `today`: "Today", "Yesterday", "3 days ago", "In 2 days", or "Never". */
export function formatDaysAgo(iso: string | null, today: string): string {
  if (!iso) return "Never";
  if (iso === today) return "Today";
  const days = Math.round((Date.parse(today) - Date.parse(iso)) / 86_400_000);
  if (days === 1) return "Yesterday";
  if (days < 0) return `In ${-days} days`;
  return `${days} days ago`;
}

/**
 * When an answer was sent, as a calendar day, with the due date beside it when they differ:
 * "Submitted 3 Mar · due 5 Mar". An answer is dated by the day it was sent, never by its due date
 * (which can be in the future).
 */
export function formatSubmitted(submittedOn: string | null, dueOn?: string | null): string {
  if (!submittedOn) return "Not sent yet";
  const sent = `Submitted ${formatShortDay(submittedOn)}`;
  return dueOn && dueOn !== submittedOn ? `${sent} · due ${formatShortDay(dueOn)}` : sent;
}

/**
 * Who has sent an assignment's answer, for the counsellor's list: "Submitted by Alex, 12 Nov" for
 * work for one partner; "Alex submitted 12 Nov · waiting for Sam" for work for both. Null while
 * no one has sent it.
 */
export function formatSubmissions(partners: { name: string; submittedOn: string | null }[]): string | null {
  if (!partners.some((p) => p.submittedOn)) return null;
  if (partners.length === 1) return `Submitted by ${partners[0]!.name}, ${formatShortDay(partners[0]!.submittedOn!)}`;
  // Those who have sent it first, so the line reads "Alex submitted 12 Nov · waiting for Sam".
  const ordered = [...partners].sort((a, b) => Number(!a.submittedOn) - Number(!b.submittedOn));
  return ordered.map((p) => (p.submittedOn ? `${p.name} submitted ${formatShortDay(p.submittedOn)}` : `waiting for ${p.name}`)).join(" · ");
}

/** "for 4 more minutes": what is left of an undo window closing at `until` (at least a minute). */
export function formatMinutesLeft(until: string, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));
  return `${minutes} more ${minutes === 1 ? "minute" : "minutes"}`;
}
