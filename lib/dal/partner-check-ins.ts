import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { db } from "@/db/ready";
import { checkIns, users } from "@/db/schema";
import { addIsoDays } from "@/lib/metrics";
import type { ContactAnswer, Mood } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import { requirePartnerContext } from "./partner-scope";
import { otherPartnersCheckIns, partnerCheckInNote } from "./policy/partner-visibility";

/** One of the other partner's check-ins as the signed-in partner sees it: the note only when shared. */
export type PartnersCheckIn = {
  date: string;
  trust: number;
  closeness: number;
  mood: Mood;
  contact: ContactAnswer;
  /** Null when there is no note, or it is for the counsellor only. */
  note: string | null;
};

export type PartnersCheckIns = { partnerName: string | null; days: number; rows: PartnersCheckIn[] };

/**
 * The other partner's check-ins over the last `days` days, newest first, as the check-in form
 * promises: scores, mood and contact answer, and the note only when it was marked shared. Empty
 * (with no name) while only one partner has joined.
 */
export async function listPartnersCheckIns(days = 14): Promise<PartnersCheckIns> {
  const { viewer, coupleId, otherId } = await requirePartnerContext();
  if (!otherId) return { partnerName: null, days, rows: [] };
  const database = await db();
  const since = addIsoDays(todayIn(viewer.timeZone), -(days - 1));
  const [[other], rows] = await Promise.all([
    database.select({ name: users.name }).from(users).where(eq(users.id, otherId)).limit(1),
    database
      .select({
        date: checkIns.date,
        trust: checkIns.trust,
        closeness: checkIns.closeness,
        mood: checkIns.mood,
        contact: checkIns.contact,
        note: partnerCheckInNote,
      })
      .from(checkIns)
      .where(and(otherPartnersCheckIns(coupleId, otherId), gte(checkIns.date, since)))
      .orderBy(desc(checkIns.date))
      .limit(days),
  ]);
  return { partnerName: other?.name ?? null, days, rows };
}
