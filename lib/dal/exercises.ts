import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { assignments, exerciseResponses, type Recurrence, type ResponseStatus } from "@/db/schema";
import { isoWeekStart } from "@/lib/metrics";
import { getExerciseKind, type ExerciseKind, type ExerciseKindId, type Visibility } from "@/lib/program";
import { dayOf, todayIn } from "@/lib/time/zone";
import { requirePartnerContext, type PartnerContext } from "./partner-scope";
import { isHeld, isJointWorkPaused } from "./policy/joint-work-pause";
import { exerciseResponsesVisibleTo, mayShowPartnerAnswered, partnerVisiblePayload } from "./policy/partner-visibility";
import { parseIdOrNotFound } from "./scope";

/**
 * A partner's exercises: the list and one exercise with what they may see of it. Saving an
 * answer is in `exercise-answers.ts`; who sees what is decided in `policy/partner-visibility.ts`
 * and the counsellor's pause on joint work in `policy/joint-work-pause.ts`.
 */

/** One assignment on the partner's exercises list. */
export type MyExercise = {
  id: string;
  step: number;
  kind: ExerciseKindId;
  title: string;
  summary: string;
  dueOn: string;
  recurrence: Recurrence;
  occurrenceOn: string;
  /** My answer for the current occurrence: none yet, a draft, or sent. */
  myStatus: ResponseStatus | null;
  /** The day I sent my answer to the current occurrence (on my calendar), or null. */
  mySubmittedOn: string | null;
  /** Joint work the counsellor has paused; both partners read the same neutral words. */
  onHold: boolean;
};

/** An answer as a partner may see it. `payload` is null where the writer's own copy is withheld (a sent safety screen). */
export type VisibleResponse = {
  id: string;
  mine: boolean;
  occurrenceOn: string;
  payload: Record<string, unknown> | null;
  visibility: Visibility;
  status: ResponseStatus;
  submittedAt: string | null;
  /** The calendar day it was sent, on the viewer's calendar: the date an answer is shown with (never its due date). */
  submittedOn: string | null;
};

export type ExerciseDetail = MyExercise & {
  instructions: string;
  defaultVisibility: Visibility;
  visibilityLocked: boolean;
  revealWhenBothAnswered: boolean;
  /** For a kind with a question of the day: the question both partners answer for this occurrence. */
  question: string | null;
  /** My answer for the current occurrence (draft or sent). */
  mine: VisibleResponse | null;
  /** The other partner's answer for the current occurrence, only when they shared it (and, for daily sharing, once we both answered). */
  partners: VisibleResponse | null;
  /** True when the other partner has answered a reveal-when-both kind but I have not: I see that they answered, not what. */
  partnerWaiting: boolean;
  /** Earlier occurrences, newest first, filtered by the same rules. */
  earlier: VisibleResponse[];
  /** Assigned to me alone: the other partner has no answer of their own to show beside mine. */
  forMeAlone: boolean;
};

/** The occurrence an answer made today belongs to: today, this ISO week's Monday, or the due date of a one-off. */
export function occurrenceFor(recurrence: Recurrence, dueOn: string, today: string): string {
  if (recurrence === "daily") return today;
  if (recurrence === "weekly") return isoWeekStart(today);
  return dueOn;
}

/**
 * "Today" for an exercise's occurrence. A couple's exercise follows the clinic's calendar, so both
 * partners answer the same occurrence and see the same question of the day even when one of them
 * has set a zone of their own; an exercise for one partner alone follows that partner's day.
 */
export function exerciseToday(context: PartnerContext, forUserId: string | null, now: Date = new Date()): string {
  return todayIn(forUserId === null ? context.viewer.clinicTimeZone : context.viewer.timeZone, now);
}

/** Assignments for the signed-in partner: the couple's, either for both partners or for them alone. */
function forMe(context: PartnerContext): SQL {
  return and(
    eq(assignments.coupleId, context.coupleId),
    or(isNull(assignments.forUserId), eq(assignments.forUserId, context.viewer.id)),
  )!;
}

function toVisible(
  row: {
    id: string;
    userId: string;
    occurrenceOn: string;
    payload: Record<string, unknown> | null;
    visibility: Visibility;
    status: ResponseStatus;
    submittedAt: Date | string | null;
  },
  viewerId: string,
  zone: string,
): VisibleResponse {
  return {
    id: row.id,
    mine: row.userId === viewerId,
    occurrenceOn: row.occurrenceOn,
    payload: row.payload,
    visibility: row.visibility,
    status: row.status,
    submittedAt: row.submittedAt === null ? null : new Date(row.submittedAt).toISOString(),
    submittedOn: row.submittedAt === null ? null : dayOf(row.submittedAt, zone),
  };
}

/** The kind of an assignment, or null for a kind that is not assigned as an exercise (or no longer exists). */
function assignableKind(id: string): ExerciseKind | null {
  const kind = getExerciseKind(id);
  return kind && kind.assignable ? kind : null;
}

/** The signed-in partner's active exercises (theirs and the couple's), soonest due first, with the state of the current occurrence. */
export async function listMyExercises(): Promise<MyExercise[]> {
  const context = await requirePartnerContext();
  const database = await db();
  const [rows, onHold] = await Promise.all([
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        kind: assignments.exerciseKind,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        forUserId: assignments.forUserId,
      })
      .from(assignments)
      .where(and(forMe(context), eq(assignments.status, "active")))
      .orderBy(asc(assignments.dueOn), asc(assignments.step))
      .limit(50),
    isJointWorkPaused(database, context.coupleId),
  ]);
  const mineRows = rows.length
    ? await database
        .select({
          assignmentId: exerciseResponses.assignmentId,
          occurrenceOn: exerciseResponses.occurrenceOn,
          status: exerciseResponses.status,
          submittedAt: exerciseResponses.submittedAt,
        })
        .from(exerciseResponses)
        .where(
          and(
            eq(exerciseResponses.userId, context.viewer.id),
            eq(exerciseResponses.coupleId, context.coupleId),
            inArray(
              exerciseResponses.assignmentId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const result: MyExercise[] = [];
  for (const row of rows) {
    const kind = assignableKind(row.kind);
    if (!kind) continue;
    const occurrenceOn = occurrenceFor(row.recurrence, row.dueOn, exerciseToday(context, row.forUserId));
    const mine = mineRows.find((m) => m.assignmentId === row.id && m.occurrenceOn === occurrenceOn);
    result.push({
      id: row.id,
      step: row.step,
      kind: kind.id,
      title: kind.title,
      summary: kind.summary,
      dueOn: row.dueOn,
      recurrence: row.recurrence,
      occurrenceOn,
      myStatus: mine?.status ?? null,
      mySubmittedOn: mine?.status === "submitted" && mine.submittedAt ? dayOf(mine.submittedAt, context.viewer.timeZone) : null,
      onHold: isHeld(kind, onHold),
    });
  }
  return result;
}

/**
 * One assignment of the signed-in partner that is not cancelled, with its kind. Another couple's,
 * the other partner's own, one of a kind not assigned as an exercise, or a malformed id is not found.
 */
export async function findMyAssignment(executor: Executor, context: PartnerContext, assignmentId: string) {
  const id = parseIdOrNotFound(assignmentId);
  const [row] = await executor
    .select({
      id: assignments.id,
      step: assignments.step,
      kind: assignments.exerciseKind,
      dueOn: assignments.dueOn,
      recurrence: assignments.recurrence,
      forUserId: assignments.forUserId,
      instructions: assignments.instructions,
      status: assignments.status,
    })
    .from(assignments)
    .where(and(eq(assignments.id, id), forMe(context), ne(assignments.status, "cancelled")))
    .limit(1);
  if (!row) notFound();
  const kind = assignableKind(row.kind);
  if (!kind) notFound();
  return { ...row, kind };
}

/**
 * One exercise for the signed-in partner: the form's description, their own answer for the
 * current occurrence, and what they may see of the other partner's. An assignment of another
 * couple, for the other partner only, or a malformed id is not found.
 */
export async function getExercise(assignmentId: string): Promise<ExerciseDetail> {
  const context = await requirePartnerContext();
  const database = await db();
  const assignment = await findMyAssignment(database, context, assignmentId);
  const occurrenceOn = occurrenceFor(assignment.recurrence, assignment.dueOn, exerciseToday(context, assignment.forUserId));
  const [responses, onHold] = await Promise.all([
    database
      .select({
        id: exerciseResponses.id,
        userId: exerciseResponses.userId,
        occurrenceOn: exerciseResponses.occurrenceOn,
        payload: partnerVisiblePayload,
        visibility: exerciseResponses.visibility,
        status: exerciseResponses.status,
        submittedAt: exerciseResponses.submittedAt,
      })
      .from(exerciseResponses)
      .where(
        and(
          eq(exerciseResponses.assignmentId, assignment.id),
          eq(exerciseResponses.coupleId, context.coupleId),
          exerciseResponsesVisibleTo(context.viewer.id),
        ),
      )
      .orderBy(desc(exerciseResponses.occurrenceOn))
      .limit(60),
    isJointWorkPaused(database, context.coupleId),
  ]);
  const visible = responses.map((r) => toVisible(r, context.viewer.id, context.viewer.timeZone));
  const mine = visible.find((r) => r.mine && r.occurrenceOn === occurrenceOn) ?? null;
  const partners = visible.find((r) => !r.mine && r.occurrenceOn === occurrenceOn) ?? null;
  let partnerWaiting = false;
  if (context.otherId && mayShowPartnerAnswered(assignment.kind, { partnerAnswerVisible: partners !== null, mySubmitted: mine?.status === "submitted" })) {
    const [row] = await database
      .select({ id: exerciseResponses.id })
      .from(exerciseResponses)
      .where(
        and(
          eq(exerciseResponses.assignmentId, assignment.id),
          eq(exerciseResponses.userId, context.otherId),
          eq(exerciseResponses.occurrenceOn, occurrenceOn),
          eq(exerciseResponses.status, "submitted"),
        ),
      )
      .limit(1);
    partnerWaiting = Boolean(row);
  }
  return {
    id: assignment.id,
    step: assignment.step,
    kind: assignment.kind.id,
    title: assignment.kind.title,
    summary: assignment.kind.summary,
    dueOn: assignment.dueOn,
    recurrence: assignment.recurrence,
    occurrenceOn,
    myStatus: mine?.status ?? null,
    mySubmittedOn: mine?.status === "submitted" ? mine.submittedOn : null,
    onHold: isHeld(assignment.kind, onHold),
    instructions: assignment.instructions,
    defaultVisibility: assignment.kind.defaultVisibility,
    visibilityLocked: assignment.kind.visibilityLocked,
    revealWhenBothAnswered: assignment.kind.revealWhenBothAnswered,
    question: assignment.kind.questionFor?.(occurrenceOn) ?? null,
    mine,
    partners,
    partnerWaiting,
    earlier: visible.filter((r) => r.occurrenceOn !== occurrenceOn && r.status === "submitted"),
    forMeAlone: assignment.forUserId !== null,
  };
}

