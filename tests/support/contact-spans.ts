import type * as schema from "@/db/schema";
import type { ContactAgreementSpan } from "@/lib/metrics";

/**
 * A couple's contact agreements in force, from inserted agreement rows, as lib/metrics reads them:
 * accepted, with a check-in frequency and a first day.
 */
export function contactSpans(agreements: (typeof schema.agreements.$inferInsert)[], coupleId: string): ContactAgreementSpan[] {
  return agreements
    .filter((a) => a.coupleId === coupleId && a.status === "accepted" && a.checkInsPerWeek != null && a.effectiveFrom != null)
    .map((a) => ({ from: a.effectiveFrom!, until: a.effectiveUntil ?? null, perWeek: a.checkInsPerWeek! }));
}
