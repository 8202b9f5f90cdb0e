import "server-only";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/ready";
import { assignments, coupleMembers, couples, exerciseResponses, users, type Recurrence } from "@/db/schema";
import { dayOf, todayIn } from "@/lib/time/zone";
import { occurrenceFor } from "./exercises";
import { coupleScope, parseIdOrNotFound } from "./scope";
import { requireRole } from "./viewer";

/**
 * Where each piece of assigned work stands, for the couple's counsellor: who has sent their answer
 * (and when) for the current occurrence, the latest answer of recurring work, and the work that
 * was cancelled (by whom, when) for the couple's history. Days of a sent answer are the calendar
 * day it was sent, never the due date.
 */

/** One partner an assignment is for, and their sent answer to the current occurrence, if any. */
export type PartnerSubmission = {
  userId: string;
  name: string;
  /** When they sent it (ISO moment), or null while they have not. */
  submittedAt: string | null;
  /** The calendar day they sent it, or null. */
  submittedOn: string | null;
};

/** The newest sent answer to an assignment, of any occurrence. */
export type LastAnswer = {
  responseId: string;
  name: string;
  occurrenceOn: string;
  submittedAt: string;
  submittedOn: string;
  payload: Record<string, unknown>;
};

export type AssignmentWork = {
  /** The occurrence answers are collected for now: the due date of a one-off, today or this week's Monday for recurring work. */
  occurrenceOn: string;
  /** Each partner the assignment is for (both, or the one named), in slot order. */
  partners: PartnerSubmission[];
  /** True when every partner it is for has sent their answer to the current occurrence. */
  allSubmitted: boolean;
  lastAnswer: LastAnswer | null;
};

export type CancelledAssignment = {
  id: string;
  step: number;
  exerciseKind: string;
  forName: string | null;
  dueOn: string;
  recurrence: Recurrence;
  cancelledByName: string | null;
  cancelledAt: string | null;
  cancelledOn: string | null;
};

export type CoupleWork = {
  /** Keyed by assignment id, for every assignment that is not cancelled. */
  byAssignment: Record<string, AssignmentWork>;
  /** Cancelled work, most recently cancelled first. */
  cancelled: CancelledAssignment[];
};

/**
 * The state of the couple's assigned work, for its counsellor only (anyone else: not found).
 * A fixed number of queries whatever the amount of work.
 */
export async function getCoupleWork(coupleId: string, todayArg?: string): Promise<CoupleWork> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  // The couple's work runs on the clinic's calendar; a sent answer is dated on the viewer's.
  const today = todayArg ?? todayIn(viewer.clinicTimeZone);
  const database = await db();
  const [[couple], members] = await Promise.all([
    database
      .select({ id: couples.id })
      .from(couples)
      .where(and(eq(couples.id, id), coupleScope(viewer)))
      .limit(1),
    // Read alongside the scope check, and used only once it has passed.
    database
      .select({ id: coupleMembers.userId, name: users.name })
      .from(coupleMembers)
      .innerJoin(users, eq(users.id, coupleMembers.userId))
      .where(eq(coupleMembers.coupleId, id))
      .orderBy(coupleMembers.slot),
  ]);
  if (!couple) notFound();
  return unsafeGetCoupleWork(id, members, today, viewer.timeZone);
}

/**
 * getCoupleWork for a couple whose scope the caller has already checked, given its partners in
 * slot order (the couple page has them from reading the couple). `zone` dates sent answers.
 */
export async function unsafeGetCoupleWork(id: string, partners: { id: string; name: string }[], today: string, zone: string): Promise<CoupleWork> {
  const database = await db();
  const members = partners.map((p) => ({ userId: p.id, name: p.name }));
  const [work, cancelled] = await Promise.all([
    database
      .select({
        id: assignments.id,
        forUserId: assignments.forUserId,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
      })
      .from(assignments)
      .where(and(eq(assignments.coupleId, id), ne(assignments.status, "cancelled"))),
    listCancelledWork(id, zone),
  ]);
  const ids = work.map((w) => w.id);
  const occurrences = [...new Set(work.map((w) => occurrenceFor(w.recurrence, w.dueOn, today)))];
  const sent = and(eq(exerciseResponses.coupleId, id), eq(exerciseResponses.status, "submitted"));
  const [current, latest] = ids.length
    ? await Promise.all([
        database
          .select({
            assignmentId: exerciseResponses.assignmentId,
            userId: exerciseResponses.userId,
            occurrenceOn: exerciseResponses.occurrenceOn,
            submittedAt: exerciseResponses.submittedAt,
          })
          .from(exerciseResponses)
          .where(and(sent, inArray(exerciseResponses.assignmentId, ids), inArray(exerciseResponses.occurrenceOn, occurrences))),
        database
          .selectDistinctOn([exerciseResponses.assignmentId], {
            responseId: exerciseResponses.id,
            assignmentId: exerciseResponses.assignmentId,
            name: users.name,
            occurrenceOn: exerciseResponses.occurrenceOn,
            submittedAt: exerciseResponses.submittedAt,
            payload: exerciseResponses.payload,
          })
          .from(exerciseResponses)
          .innerJoin(users, eq(users.id, exerciseResponses.userId))
          .where(and(sent, inArray(exerciseResponses.assignmentId, ids)))
          .orderBy(exerciseResponses.assignmentId, desc(exerciseResponses.submittedAt), desc(exerciseResponses.updatedAt)),
      ])
    : [[], []];

  const byAssignment: Record<string, AssignmentWork> = {};
  for (const w of work) {
    const occurrenceOn = occurrenceFor(w.recurrence, w.dueOn, today);
    const partners = members
      .filter((m) => w.forUserId === null || m.userId === w.forUserId)
      .map((m): PartnerSubmission => {
        const answer = current.find((r) => r.assignmentId === w.id && r.userId === m.userId && r.occurrenceOn === occurrenceOn);
        const at = answer?.submittedAt ?? null;
        return { userId: m.userId, name: m.name, submittedAt: at ? at.toISOString() : null, submittedOn: at ? dayOf(at, zone) : null };
      });
    const last = latest.find((r) => r.assignmentId === w.id && r.submittedAt);
    byAssignment[w.id] = {
      occurrenceOn,
      partners,
      allSubmitted: partners.length > 0 && partners.every((p) => p.submittedAt !== null),
      lastAnswer: last
        ? {
            responseId: last.responseId,
            name: last.name,
            occurrenceOn: last.occurrenceOn,
            submittedAt: last.submittedAt!.toISOString(),
            submittedOn: dayOf(last.submittedAt!, zone),
            payload: (last.payload ?? {}) as Record<string, unknown>,
          }
        : null,
    };
  }
  return { byAssignment, cancelled };
}

/** The couple's cancelled assignments with who cancelled them and when, newest first (the scope is checked by the caller). */
async function listCancelledWork(coupleId: string, zone: string): Promise<CancelledAssignment[]> {
  const database = await db();
  const rows = await database
    .select({
      id: assignments.id,
      step: assignments.step,
      exerciseKind: assignments.exerciseKind,
      forUserId: assignments.forUserId,
      dueOn: assignments.dueOn,
      recurrence: assignments.recurrence,
      cancelledBy: assignments.cancelledBy,
      cancelledAt: assignments.cancelledAt,
      updatedAt: assignments.updatedAt,
    })
    .from(assignments)
    .where(and(eq(assignments.coupleId, coupleId), eq(assignments.status, "cancelled")))
    .orderBy(desc(assignments.cancelledAt), desc(assignments.updatedAt))
    .limit(50);
  const people = [...new Set(rows.flatMap((r) => [r.forUserId, r.cancelledBy]).filter((v): v is string => v !== null))];
  const names = people.length
    ? await database.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))
    : [];
  const nameOf = (userId: string | null) => (userId ? (names.find((n) => n.id === userId)?.name ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    step: r.step,
    exerciseKind: r.exerciseKind,
    forName: nameOf(r.forUserId),
    dueOn: r.dueOn,
    recurrence: r.recurrence,
    cancelledByName: nameOf(r.cancelledBy),
    // Work cancelled before who/when was kept has neither; the page says so rather than guessing.
    cancelledAt: r.cancelledAt ? r.cancelledAt.toISOString() : null,
    cancelledOn: r.cancelledAt ? dayOf(r.cancelledAt, zone) : null,
  }));
}
