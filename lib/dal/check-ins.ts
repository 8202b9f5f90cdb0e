import "server-only";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { checkIns } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { addIsoDays } from "@/lib/metrics";
import type { CheckInAnswer, ContactAnswer, Mood, Visibility } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import { getContactExpectation } from "./agreements";
import { recordAudit } from "./audit";
import { requirePartnerContext } from "./partner-scope";
import { ownCheckIns } from "./policy/partner-visibility";

/** One of my own check-ins, as I see it (my note included, whoever may read it). */
export type MyCheckIn = {
  date: string;
  trust: number;
  closeness: number;
  mood: Mood;
  contact: ContactAnswer;
  note: string | null;
  noteVisibility: Visibility;
};

/** The columns of {@link MyCheckIn}: a partner's own check-in, their note included. */
export const myCheckInColumns = {
  date: checkIns.date,
  trust: checkIns.trust,
  closeness: checkIns.closeness,
  mood: checkIns.mood,
  contact: checkIns.contact,
  note: checkIns.note,
  noteVisibility: checkIns.noteVisibility,
};

/** Today's check-in of the signed-in partner, or null if they have not checked in yet. */
export async function getMyCheckInToday(): Promise<MyCheckIn | null> {
  const { viewer } = await requirePartnerContext();
  const database = await db();
  const [row] = await database
    .select(myCheckInColumns)
    .from(checkIns)
    .where(and(ownCheckIns(viewer.id), eq(checkIns.date, todayIn(viewer.timeZone))))
    .limit(1);
  return row ?? null;
}

/** The signed-in partner's own check-ins over the last `days` days (today included), oldest first. */
export async function listMyCheckIns(days: number): Promise<MyCheckIn[]> {
  const { viewer } = await requirePartnerContext();
  const database = await db();
  const today = todayIn(viewer.timeZone);
  return database
    .select(myCheckInColumns)
    .from(checkIns)
    .where(and(ownCheckIns(viewer.id), gte(checkIns.date, addIsoDays(today, -(days - 1))), lte(checkIns.date, today)))
    .orderBy(asc(checkIns.date));
}

/** Why "we haven't agreed any contact yet" is refused on a day a contact agreement is in force. */
export const NONE_AGREED_REFUSAL = "You have a contact agreement in force today, so please say whether you had that contact.";

/**
 * Saves today's check-in for the signed-in partner. One per partner per day: a second save the
 * same day edits the first (an upsert on the (user, date) key), so a double submit leaves one row.
 * A date other than today is refused — a check-in is about how today felt.
 *
 * @param answer the check-in form as parsed by its schema (`checkInFormSchema`).
 * @returns whether this created the day's check-in (false: it edited it).
 * @throws InputError on `date` for any day but today; on `contact` for "we haven't agreed any
 * contact yet" while a contact agreement is in force that day (the counsellor sees it as agreed).
 */
export async function saveCheckIn(answer: CheckInAnswer): Promise<{ created: boolean }> {
  const context = await requirePartnerContext();
  // The partner's own calendar day: at 00:30 in Auckland it is already tomorrow there.
  const today = todayIn(context.viewer.timeZone);
  if (answer.date !== undefined && answer.date !== today) {
    throw new InputError("You can only check in for today. Please try again from today's page.", "date");
  }
  const database = await db();
  return database.transaction(async (tx) => {
    if (answer.contact === "none_agreed" && (await getContactExpectation(tx, context.coupleId, today)).agreement) {
      throw new InputError(NONE_AGREED_REFUSAL, "contact");
    }
    const [row] = await tx
      .insert(checkIns)
      .values({
        coupleId: context.coupleId,
        userId: context.viewer.id,
        date: today,
        trust: answer.trust,
        closeness: answer.closeness,
        mood: answer.mood,
        contact: answer.contact,
        note: answer.note ?? null,
        noteVisibility: answer.noteVisibility,
      })
      .onConflictDoUpdate({
        target: [checkIns.userId, checkIns.date],
        set: {
          trust: answer.trust,
          closeness: answer.closeness,
          mood: answer.mood,
          contact: answer.contact,
          note: answer.note ?? null,
          noteVisibility: answer.noteVisibility,
        },
      })
      // xmax is 0 only for a freshly inserted row: tells a first check-in from an edit.
      .returning({ id: checkIns.id, created: sql<boolean>`(xmax = 0)` });
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: row!.created ? "check_in.create" : "check_in.update",
      entityId: row!.id,
      coupleId: context.coupleId,
    });
    return { created: Boolean(row!.created) };
  });
}
