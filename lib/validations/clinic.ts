import { z } from "zod";
import { AUDIT_ACTION_NAMES } from "@/lib/audit/actions";
import { addIsoDays, daysFrom, parseIsoDate } from "@/lib/metrics/dates";
import { EARLIEST_YEAR, isSaneDay, LATEST_YEAR, urlDay, urlText } from "./url-params";

/** Longest range the clinic figures accept: five years of days (a leap day each side of slack). */
export const MAX_RANGE_DAYS = 5 * 366;
/** The overview opens on the last 12 weeks. */
export const DEFAULT_RANGE_DAYS = 84;

export type DateRange = { from: string; to: string };

export type RangeResult =
  | { ok: true; range: DateRange }
  | { ok: false; message: string; fieldErrors: Partial<Record<"from" | "to", string[]>>; values: { from: string; to: string } };

function isCalendarDay(value: string): boolean {
  try {
    parseIsoDate(value);
    return isSaneDay(value);
  } catch {
    return false;
  }
}

function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * Reads a from/to range (yyyy-MM-dd, both days included) from URL search params.
 * Missing values fall back to the 12 weeks ending `today`; a malformed day, a reversed range or
 * one longer than five years is refused with a message, so no figure is computed for it.
 */
export function parseDateRange(params: Record<string, unknown>, today: string): RangeResult {
  const rawFrom = firstValue(params.from)?.trim() || "";
  const rawTo = firstValue(params.to)?.trim() || "";
  const to = rawTo || today;
  // The default first day counts back from a last day that is real (a garbled one is reported below).
  const from = rawFrom || addIsoDays(isCalendarDay(to) ? to : today, -(DEFAULT_RANGE_DAYS - 1));
  const values = { from: rawFrom || from, to: rawTo || to };
  const fieldErrors: Partial<Record<"from" | "to", string[]>> = {};
  if (!isCalendarDay(from)) fieldErrors.from = [`Enter the first day as a real date from ${EARLIEST_YEAR} to ${LATEST_YEAR} (yyyy-mm-dd).`];
  if (!isCalendarDay(to)) fieldErrors.to = [`Enter the last day as a real date from ${EARLIEST_YEAR} to ${LATEST_YEAR} (yyyy-mm-dd).`];
  if (fieldErrors.from || fieldErrors.to) {
    return { ok: false, message: "One of the dates is not a real date.", fieldErrors, values };
  }
  const days = daysFrom(from, to) + 1;
  if (days < 1) {
    return {
      ok: false,
      message: "The first day comes after the last day. Swap them, or pick the range again.",
      fieldErrors: { to: ["Choose a last day on or after the first day."] },
      values,
    };
  }
  if (days > MAX_RANGE_DAYS) {
    return {
      ok: false,
      message: "That range is longer than five years. Choose a shorter one.",
      fieldErrors: { from: ["Choose a first day within five years of the last day."] },
      values,
    };
  }
  return { ok: true, range: { from, to } };
}

/** Same checks as {@link parseDateRange} for a range that must already be complete (the DAL's guard). */
export function assertDateRange(range: DateRange): void {
  const result = parseDateRange(range, range.to);
  if (!result.ok || result.range.from !== range.from || result.range.to !== range.to) {
    throw new RangeError(result.ok ? "A date range needs both days." : result.message);
  }
}

/** The one answer for a counsellor who cannot take a couple: not chosen, not of this clinic, or not active. */
export const COUNSELLOR_NOT_AVAILABLE = "Choose an active counsellor of this clinic.";

const counsellorId = z.string({ error: COUNSELLOR_NOT_AVAILABLE }).trim().min(1, COUNSELLOR_NOT_AVAILABLE).pipe(z.uuid({ error: COUNSELLOR_NOT_AVAILABLE }));

/** One couple's "reassign to" control. A couple id that is not one of the clinic's is not found, in the data layer. */
export const reassignCoupleSchema = z.object({
  coupleId: z.string(),
  counsellorId,
});
export type ReassignCoupleInput = z.infer<typeof reassignCoupleSchema>;

/** The deactivation form: the counsellor, and a new counsellor for each couple they carry (checked in the data layer). */
export const deactivateCounsellorSchema = z.object({
  counsellorId: z.string(),
  reassignments: z.record(z.string(), z.string()),
});
export type DeactivateCounsellorInput = z.infer<typeof deactivateCounsellorSchema>;

/** Couples to hand over when deactivating a counsellor: FormData keys `couple:<coupleId>` → new counsellor id. */
export function readReassignments(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("couple:") && typeof value === "string") out[key.slice("couple:".length)] = value.trim();
  }
  return out;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log view as it lives in the URL; anything unreadable falls back to "no filter". */
export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  actor: z.uuid().optional().catch(undefined),
  action: z.enum(AUDIT_ACTION_NAMES).optional().catch(undefined),
  from: urlDay.optional().catch(undefined),
  to: urlDay.optional().catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Shortest and longest partner search the audit log runs: two characters already narrow a clinic's partners. */
export const PARTNER_SEARCH_MIN = 2;
export const PARTNER_SEARCH_MAX = 100;

/** NUL and the other control characters: Postgres refuses NUL in text, and no one types the rest. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The audit log's "Find a partner" box. Every refusal is a sentence fit to show beside the box. */
export const auditPartnerSearchSchema = z
  .string({ error: "Type part of a partner's name or email." })
  .trim()
  .min(PARTNER_SEARCH_MIN, `Type at least ${PARTNER_SEARCH_MIN} characters of a partner's name or email.`)
  .max(PARTNER_SEARCH_MAX, `Type at most ${PARTNER_SEARCH_MAX} characters of a partner's name or email.`)
  .refine((value) => !CONTROL_CHARACTERS.test(value), "Type letters, digits or punctuation only: the search held a control character.");

/** A reversed or over-long audit date filter, in words; null when the filter is fine. */
export function auditRangeProblem(query: Pick<AuditQuery, "from" | "to">): string | null {
  if (query.from && query.to) {
    const days = daysFrom(query.from, query.to) + 1;
    if (days < 1) return "The first day comes after the last day. Swap them, or pick the dates again.";
    if (days > MAX_RANGE_DAYS) return "That range is longer than five years. Choose a shorter one.";
  }
  return null;
}

export const COUPLES_PAGE_SIZE = 50;

export const clinicCouplesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  q: urlText(100).catch(""),
  counsellor: z.uuid().optional().catch(undefined),
});
export type ClinicCouplesQuery = z.infer<typeof clinicCouplesQuerySchema>;
