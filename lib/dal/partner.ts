import "server-only";
import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { addDays, format, parseISO } from "date-fns";
import { db } from "@/db/ready";
import { assignments, checkIns, coupleMembers, type Recurrence } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { getCouple, type CoupleSummary } from "./couples";
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
};

/** What a partner sees first: their couple, whether today's check-in is done, and what is due. */
export async function getPartnerToday(): Promise<PartnerToday> {
  const viewer = await requireRole("partner");
  const database = await db();
  const today = todayIso();
  const [membership] = await database
    .select({ coupleId: coupleMembers.coupleId })
    .from(coupleMembers)
    .where(eq(coupleMembers.userId, viewer.id))
    .limit(1);
  if (!membership) return { today, couple: null, checkedInToday: false, due: [] };

  const horizon = format(addDays(parseISO(today), 7), "yyyy-MM-dd");
  const [couple, todayCheckIn, due] = await Promise.all([
    getCouple(membership.coupleId, viewer),
    database
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.userId, viewer.id), eq(checkIns.date, today)))
      .limit(1),
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        exerciseKind: assignments.exerciseKind,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        instructions: assignments.instructions,
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
  ]);
  return {
    today,
    couple,
    checkedInToday: todayCheckIn.length > 0,
    due: due.map((a) => ({ ...a, overdue: a.recurrence === "once" && a.dueOn < today })),
  };
}
