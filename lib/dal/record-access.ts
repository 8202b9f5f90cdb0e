import "server-only";
import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/ready";
import { auditEvents, couples, users } from "@/db/schema";
import type { AuditAction } from "@/lib/audit/actions";
import { requirePartnerContext } from "./partner-scope";

/**
 * A partner's view of their own record's access log: who has looked at or exported it.
 *
 * Only two kinds of event are ever listed, chosen here by name rather than by leaving things out:
 * a member of staff opening the couple's page, and the partner's own downloads and printable
 * copies. Reads are phrased at the couple level ("viewed your couple's page"), because that page
 * holds both partners' work: naming what was on it (a safety screen, say) would tell one partner
 * about the other's private answers. Nothing confidential to the clinic's log is on this list, and
 * the other partner's own downloads are theirs to see, not this partner's.
 */
export const PARTNER_VISIBLE_ACCESS: readonly AuditAction[] = ["couple.view", "record.export", "export.download_measure_answers"];

/** How many lines one page of the access log holds. */
export const RECORD_ACCESS_PAGE_SIZE = 20;

export type RecordAccessEntry = {
  id: number;
  at: string;
  /** The plain sentence the partner reads, without the time. */
  sentence: string;
};

export type RecordAccessPage = {
  entries: RecordAccessEntry[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The partner's own zone, for showing each moment on their clock. */
  timeZone: string;
};

const actor = alias(users, "access_actor");

/** The sentence for one event, from the reader's side. */
function sentenceFor(row: {
  action: string;
  actorId: string | null;
  actorName: string | null;
  format: string | null;
  counsellorId: string;
}): string {
  if (row.action === "record.export") {
    return row.format === "print" ? "You opened the printable version of your record" : "You downloaded your record";
  }
  const name = row.actorName ?? "Someone at your clinic";
  // The download holds both partners' answers, so each partner sees it.
  if (row.action === "export.download_measure_answers") return `${name} downloaded your couple's questionnaire answers`;
  if (row.actorId === row.counsellorId) return `Your counsellor ${name} viewed your couple's page`;
  // A counsellor who carried the couple before a handover, or who covered for the counsellor.
  return `${name}, a counsellor at your clinic, viewed your couple's page`;
}

/**
 * The signed-in partner's access log, newest first, one page at a time: each time a counsellor
 * opened their couple's page or downloaded the couple's questionnaire answers, and each time they
 * downloaded or printed their own record. Two
 * queries (the page and its count), whatever the page.
 */
export async function listMyRecordAccess(page = 1): Promise<RecordAccessPage> {
  const { viewer, coupleId } = await requirePartnerContext();
  const database = await db();
  const where: SQL = and(
    eq(auditEvents.clinicId, viewer.clinicId),
    eq(auditEvents.coupleId, coupleId),
    inArray(auditEvents.action, [...PARTNER_VISIBLE_ACCESS]),
    eq(auditEvents.outcome, "success"),
    // Views by staff only (a partner's own pages are not audited as views); downloads by me only.
    or(
      and(eq(auditEvents.action, "couple.view"), sql`${actor.role} <> 'partner'`),
      eq(auditEvents.action, "export.download_measure_answers"),
      and(eq(auditEvents.action, "record.export"), eq(auditEvents.actorId, viewer.id)),
    ),
  )!;
  const current = Math.max(1, Math.floor(page));
  const [[{ total }], rows] = await Promise.all([
    database.select({ total: count() }).from(auditEvents).leftJoin(actor, eq(actor.id, auditEvents.actorId)).where(where),
    database
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        actorName: actor.name,
        format: sql<string | null>`${auditEvents.metadata} ->> 'format'`,
        counsellorId: couples.counsellorId,
      })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorId))
      .innerJoin(couples, eq(couples.id, auditEvents.coupleId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(RECORD_ACCESS_PAGE_SIZE)
      .offset((current - 1) * RECORD_ACCESS_PAGE_SIZE),
  ]);
  return {
    entries: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), sentence: sentenceFor(r) })),
    total,
    page: current,
    pageSize: RECORD_ACCESS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / RECORD_ACCESS_PAGE_SIZE)),
    timeZone: viewer.timeZone,
  };
}
