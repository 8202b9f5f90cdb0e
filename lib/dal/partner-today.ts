import "server-only";
import { addDays, format, parseISO } from "date-fns";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { assignments, checkIns, coupleMembers, exerciseResponses, promises, type Recurrence } from "@/db/schema";
import { addIsoDays, eachDay } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { getCouple, type CoupleSummary } from "./couples";
import { occurrenceFor } from "./exercises";
import { dueMeasuresOf, type DueMeasure } from "./measure-responses";
import { isJointWorkPaused } from "./policy/joint-work-pause";
import { ownCheckIns } from "./policy/partner-visibility";
import { requireRole } from "./viewer";

export type DueAssignment = {
  id: string;
  step: number;
  exerciseKind: string;
  dueOn: string;
  recurrence: Recurrence;
  instructions: string;
  overdue: boolean;
};

export type PartnerToday = {
  today: string;
  couple: CoupleSummary | null;
  checkedInToday: boolean;
  due: DueAssignment[];
  /** My last 14 days, oldest first: whether I checked in, and my trust that day. */
  strip: { date: string; checkedIn: boolean; trust: number | null }[];
  /** Open promises waiting for me: the other partner's that are due, and requests to let one go. */
  waitingPromises: { id: string; text: string; dueAt: string; reason: "confirm" | "release" }[];
  /** Joint work the counsellor has paused: the same for both partners, never tied to who answered what. */
  onHold: boolean;
  /** Questionnaires due for me on my own day; what my partner answered makes no difference. */
  measures: DueMeasure[];
};

/** What a partner sees first: their couple, whether today's check-in is done, what is due, promises waiting for them and their last 14 days. */
export async function getPartnerToday(): Promise<PartnerToday> {
  const viewer = await requireRole("partner");
  const database = await db();
  const today = todayIn(viewer.timeZone);
  const [membership] = await database
    .select({ coupleId: coupleMembers.coupleId })
    .from(coupleMembers)
    .where(eq(coupleMembers.userId, viewer.id))
    .limit(1);
  if (!membership) return { today, couple: null, checkedInToday: false, due: [], strip: [], waitingPromises: [], onHold: false, measures: [] };

  const horizon = format(addDays(parseISO(today), 7), "yyyy-MM-dd");
  const stripStart = addIsoDays(today, -13);
  const [couple, todayCheckIn, due, recent, waiting, onHold, measures] = await Promise.all([
    getCouple(membership.coupleId, viewer),
    database
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(ownCheckIns(viewer.id), eq(checkIns.date, today)))
      .limit(1),
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        exerciseKind: assignments.exerciseKind,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        instructions: assignments.instructions,
        forUserId: assignments.forUserId,
      })
      .from(assignments)
      .where(
        and(
          eq(assignments.coupleId, membership.coupleId),
          eq(assignments.status, "active"),
          or(isNull(assignments.forUserId), eq(assignments.forUserId, viewer.id)),
          lte(assignments.dueOn, horizon),
          // Recurring work is always current; one-offs only until a week past due.
          or(gte(assignments.dueOn, format(addDays(parseISO(today), -7), "yyyy-MM-dd")), eq(assignments.recurrence, "daily"), eq(assignments.recurrence, "weekly")),
        ),
      )
      .orderBy(asc(assignments.dueOn))
      .limit(20),
    database
      .select({ date: checkIns.date, trust: checkIns.trust })
      .from(checkIns)
      .where(and(ownCheckIns(viewer.id), gte(checkIns.date, stripStart), lte(checkIns.date, today))),
    database
      .select({ id: promises.id, text: promises.text, dueAt: promises.dueAt, releaseRequestedBy: promises.releaseRequestedBy })
      .from(promises)
      .where(
        and(
          eq(promises.coupleId, membership.coupleId),
          eq(promises.status, "open"),
          or(
            and(ne(promises.madeBy, viewer.id), lte(promises.dueAt, sql`now()`)),
            and(isNotNull(promises.releaseRequestedBy), ne(promises.releaseRequestedBy, viewer.id)),
          ),
        ),
      )
      .orderBy(asc(promises.dueAt))
      .limit(10),
    isJointWorkPaused(database, membership.coupleId),
    dueMeasuresOf(database, { userId: viewer.id, coupleId: membership.coupleId, clinicId: viewer.clinicId }, today),
  ]);
  const byDate = new Map(recent.map((r) => [r.date, r.trust]));
  // Work I have already sent for its current occurrence is done, not due (nor overdue). A couple's
  // exercise runs on the clinic's calendar, one for me alone on mine (as on the exercises page).
  const current = due.map((a) => ({
    ...a,
    occurrenceOn: occurrenceFor(a.recurrence, a.dueOn, todayIn(a.forUserId === null ? viewer.clinicTimeZone : viewer.timeZone)),
  }));
  const sent = current.length
    ? await database
        .select({ assignmentId: exerciseResponses.assignmentId, occurrenceOn: exerciseResponses.occurrenceOn })
        .from(exerciseResponses)
        .where(
          and(
            eq(exerciseResponses.userId, viewer.id),
            eq(exerciseResponses.status, "submitted"),
            inArray(
              exerciseResponses.assignmentId,
              current.map((a) => a.id),
            ),
            inArray(exerciseResponses.occurrenceOn, [...new Set(current.map((a) => a.occurrenceOn))]),
          ),
        )
    : [];
  const open = current.filter((a) => !sent.some((r) => r.assignmentId === a.id && r.occurrenceOn === a.occurrenceOn));
  return {
    today,
    couple,
    checkedInToday: todayCheckIn.length > 0,
    due: open.map(({ id, step, exerciseKind, dueOn, recurrence, instructions }) => ({
      id,
      step,
      exerciseKind,
      dueOn,
      recurrence,
      instructions,
      overdue: recurrence === "once" && dueOn < today,
    })),
    strip: eachDay(stripStart, today).map((date) => ({ date, checkedIn: byDate.has(date), trust: byDate.get(date) ?? null })),
    waitingPromises: waiting.map((p) => ({
      id: p.id,
      text: p.text,
      dueAt: new Date(p.dueAt).toISOString(),
      reason: p.releaseRequestedBy && p.releaseRequestedBy !== viewer.id ? "release" : "confirm",
    })),
    onHold,
    measures,
  };
}
