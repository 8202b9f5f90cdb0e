import "server-only";
import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { assignments, exerciseResponses, safetyConcerns, type Recurrence } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { isoWeekStart } from "@/lib/metrics";
import {
  EXERCISE_KINDS,
  VISIBILITIES,
  getExerciseKind,
  isSafetyConcern,
  parseAnswer,
  questionForDate,
  type ExerciseKind,
  type ExerciseKindId,
  type SafetyScreenAnswer,
  type Visibility,
} from "@/lib/program";
import { recordAudit } from "./audit";
import { hasOpenSafetyConcern, PartnerInputError, requirePartnerContext, type PartnerContext } from "./partner-scope";
import { parseIdOrNotFound } from "./scope";
import { qualified } from "./sql";

/** Kinds a partner may still do while a safety concern is open: they are private, never joint work. */
export const KINDS_ALLOWED_DURING_HOLD: readonly ExerciseKindId[] = ["safety_screen", "daily_check_in", "private_reflection"];

export const ON_HOLD_MESSAGE = "This exercise is on hold until your counsellor has spoken with you.";

/** Kinds whose answers stay hidden from the other partner until both have answered the occurrence. */
const REVEAL_KINDS = Object.values(EXERCISE_KINDS)
  .filter((k) => k.revealWhenBothAnswered)
  .map((k) => k.id);

export type ResponseStatus = "draft" | "submitted";

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
};

export type ExerciseDetail = MyExercise & {
  instructions: string;
  defaultVisibility: Visibility;
  visibilityLocked: boolean;
  revealWhenBothAnswered: boolean;
  /** For daily sharing: the question both partners answer for this occurrence. */
  question: string | null;
  /** My answer for the current occurrence (draft or sent). */
  mine: VisibleResponse | null;
  /** The other partner's answer for the current occurrence, only when they shared it (and, for daily sharing, once we both answered). */
  partners: VisibleResponse | null;
  /** True when the other partner has answered a reveal-when-both kind but I have not: I see that they answered, not what. */
  partnerWaiting: boolean;
  /** Earlier occurrences, newest first, filtered by the same rules. */
  earlier: VisibleResponse[];
};

/** The occurrence an answer made today belongs to: today, this ISO week's Monday, or the due date of a one-off. */
export function occurrenceFor(recurrence: Recurrence, dueOn: string, today: string): string {
  if (recurrence === "daily") return today;
  if (recurrence === "weekly") return isoWeekStart(today);
  return dueOn;
}

function forMe(context: PartnerContext): SQL {
  return and(
    eq(assignments.coupleId, context.coupleId),
    or(isNull(assignments.forUserId), eq(assignments.forUserId, context.viewer.id)),
  )!;
}

/**
 * The rows of exercise_responses a partner may read, as SQL: all of their own; of the other
 * partner's, only sent answers marked shared, never a safety screen, and for reveal-when-both
 * kinds only once the viewer has sent their own answer for the same occurrence.
 */
function visibleToPartner(viewerId: string): SQL {
  const revealKinds = REVEAL_KINDS.length
    ? sql`${qualified(exerciseResponses.exerciseKind)} not in (${sql.join(
        REVEAL_KINDS.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql`true`;
  return sql`(
    ${qualified(exerciseResponses.userId)} = ${viewerId}
    or (
      ${qualified(exerciseResponses.status)} = 'submitted'
      and ${qualified(exerciseResponses.visibility)} = 'shared'
      and ${qualified(exerciseResponses.exerciseKind)} <> 'safety_screen'
      and (
        ${revealKinds}
        or exists (
          select 1 from ${exerciseResponses} as mine
          where mine.assignment_id = ${qualified(exerciseResponses.assignmentId)}
            and mine.occurrence_on = ${qualified(exerciseResponses.occurrenceOn)}
            and mine.user_id = ${viewerId}
            and mine.status = 'submitted'
        )
      )
    )
  )`;
}

/** The writer's own sent safety screen is not shown back, so a glance at their phone reveals nothing. */
const visiblePayload = sql<Record<string, unknown> | null>`case when ${qualified(exerciseResponses.exerciseKind)} = 'safety_screen' and ${qualified(exerciseResponses.status)} = 'submitted' then null else ${qualified(exerciseResponses.payload)} end`;

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
): VisibleResponse {
  return {
    id: row.id,
    mine: row.userId === viewerId,
    occurrenceOn: row.occurrenceOn,
    payload: row.payload,
    visibility: row.visibility,
    status: row.status,
    submittedAt: row.submittedAt === null ? null : new Date(row.submittedAt).toISOString(),
  };
}

function assignableKind(id: string): ExerciseKind | null {
  const kind = getExerciseKind(id);
  return kind && kind.assignable ? kind : null;
}

/** The signed-in partner's active exercises (theirs and the couple's), soonest due first, with the state of the current occurrence. */
export async function listMyExercises(): Promise<MyExercise[]> {
  const context = await requirePartnerContext();
  const database = await db();
  const today = todayIso();
  const [rows, onHold] = await Promise.all([
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        kind: assignments.exerciseKind,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
      })
      .from(assignments)
      .where(and(forMe(context), eq(assignments.status, "active")))
      .orderBy(asc(assignments.dueOn), asc(assignments.step))
      .limit(50),
    hasOpenSafetyConcern(database, context.coupleId),
  ]);
  const mineRows = rows.length
    ? await database
        .select({
          assignmentId: exerciseResponses.assignmentId,
          occurrenceOn: exerciseResponses.occurrenceOn,
          status: exerciseResponses.status,
        })
        .from(exerciseResponses)
        .where(
          and(
            eq(exerciseResponses.userId, context.viewer.id),
            eq(exerciseResponses.coupleId, context.coupleId),
            sql`${exerciseResponses.assignmentId} in (${sql.join(
              rows.map((r) => sql`${r.id}`),
              sql`, `,
            )})`,
          ),
        )
    : [];
  const result: MyExercise[] = [];
  for (const row of rows) {
    const kind = assignableKind(row.kind);
    if (!kind) continue;
    const occurrenceOn = occurrenceFor(row.recurrence, row.dueOn, today);
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
      onHold: onHold && !KINDS_ALLOWED_DURING_HOLD.includes(kind.id),
    });
  }
  return result;
}

async function findAssignment(executor: Executor, context: PartnerContext, assignmentId: string) {
  const id = parseIdOrNotFound(assignmentId);
  const [row] = await executor
    .select({
      id: assignments.id,
      step: assignments.step,
      kind: assignments.exerciseKind,
      dueOn: assignments.dueOn,
      recurrence: assignments.recurrence,
      instructions: assignments.instructions,
      status: assignments.status,
    })
    .from(assignments)
    .where(and(eq(assignments.id, id), forMe(context), sql`${assignments.status} <> 'cancelled'`))
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
  const assignment = await findAssignment(database, context, assignmentId);
  const today = todayIso();
  const occurrenceOn = occurrenceFor(assignment.recurrence, assignment.dueOn, today);
  const [responses, onHold] = await Promise.all([
    database
      .select({
        id: exerciseResponses.id,
        userId: exerciseResponses.userId,
        occurrenceOn: exerciseResponses.occurrenceOn,
        payload: visiblePayload,
        visibility: exerciseResponses.visibility,
        status: exerciseResponses.status,
        submittedAt: exerciseResponses.submittedAt,
      })
      .from(exerciseResponses)
      .where(
        and(
          eq(exerciseResponses.assignmentId, assignment.id),
          eq(exerciseResponses.coupleId, context.coupleId),
          visibleToPartner(context.viewer.id),
        ),
      )
      .orderBy(desc(exerciseResponses.occurrenceOn))
      .limit(60),
    hasOpenSafetyConcern(database, context.coupleId),
  ]);
  const visible = responses.map((r) => toVisible(r, context.viewer.id));
  const mine = visible.find((r) => r.mine && r.occurrenceOn === occurrenceOn) ?? null;
  const partners = visible.find((r) => !r.mine && r.occurrenceOn === occurrenceOn) ?? null;
  let partnerWaiting = false;
  if (assignment.kind.revealWhenBothAnswered && !partners && context.otherId && mine?.status !== "submitted") {
    // Only the fact of an answer, never its content: enough to say "your partner has replied".
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
    onHold: onHold && !KINDS_ALLOWED_DURING_HOLD.includes(assignment.kind.id),
    instructions: assignment.instructions,
    defaultVisibility: assignment.kind.defaultVisibility,
    visibilityLocked: assignment.kind.visibilityLocked,
    revealWhenBothAnswered: assignment.kind.revealWhenBothAnswered,
    question: assignment.kind.id === "daily_sharing" ? questionForDate(occurrenceOn) : null,
    mine,
    partners,
    partnerWaiting,
    earlier: visible.filter((r) => r.occurrenceOn !== occurrenceOn && r.status === "submitted"),
  };
}

export type SaveExerciseInput = { payload: unknown; visibility?: unknown; intent: "draft" | "submit" };
export type SaveExerciseResult = { status: ResponseStatus; safetyConcern: boolean };

/** Blank text and empty rows are left out of a draft, so a half-finished form can still be kept. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutBlanks).filter((v) => v !== undefined && !(typeof v === "object" && v !== null && Object.keys(v).length === 0));
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const cleaned = withoutBlanks(v);
      if (cleaned !== undefined && !(Array.isArray(cleaned) && cleaned.length === 0)) out[k] = cleaned;
    }
    return out;
  }
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

function firstIssue(error: z.ZodError): PartnerInputError {
  const issue = error.issues[0]!;
  return new PartnerInputError(issue.message, issue.path.map(String).join(".") || undefined);
}

/**
 * Saves the signed-in partner's answer for the current occurrence of an exercise: a draft (blank
 * fields allowed) or a sent answer (checked by the kind's schema). One row per partner and
 * occurrence — saving again edits it. While the couple has an open safety concern, joint
 * exercises are refused here, not just hidden. A sent safety screen that shows risk raises a
 * safety concern in the same transaction.
 */
export async function saveExerciseResponse(assignmentId: string, input: SaveExerciseInput): Promise<SaveExerciseResult> {
  const context = await requirePartnerContext();
  const database = await db();
  const assignment = await findAssignment(database, context, assignmentId);
  const kind = assignment.kind;
  if (assignment.status !== "active") throw new PartnerInputError("This exercise has been closed by your counsellor, so it can't be changed now.");

  let payload: Record<string, unknown>;
  if (input.intent === "submit") {
    const parsed = parseAnswer(kind.id, input.payload);
    if (!parsed.success) throw firstIssue(parsed.error);
    payload = parsed.data as Record<string, unknown>;
  } else {
    const schema = kind.schema as unknown as z.ZodObject;
    const parsed = schema.partial().safeParse(withoutBlanks(input.payload ?? {}));
    if (!parsed.success) throw firstIssue(parsed.error);
    payload = parsed.data as Record<string, unknown>;
  }
  const visibility: Visibility = kind.visibilityLocked
    ? kind.defaultVisibility
    : VISIBILITIES.includes(input.visibility as Visibility)
      ? (input.visibility as Visibility)
      : kind.defaultVisibility;
  const occurrenceOn = occurrenceFor(assignment.recurrence, assignment.dueOn, todayIso());

  return database.transaction(async (tx) => {
    if (!KINDS_ALLOWED_DURING_HOLD.includes(kind.id) && (await hasOpenSafetyConcern(tx, context.coupleId))) {
      throw new PartnerInputError(ON_HOLD_MESSAGE);
    }
    const [existing] = await tx
      .select({ status: exerciseResponses.status })
      .from(exerciseResponses)
      .where(
        and(
          eq(exerciseResponses.assignmentId, assignment.id),
          eq(exerciseResponses.userId, context.viewer.id),
          eq(exerciseResponses.occurrenceOn, occurrenceOn),
        ),
      )
      .limit(1);
    if (existing?.status === "submitted" && input.intent === "draft") {
      throw new PartnerInputError("You've already sent this answer. You can change it and send it again instead.");
    }
    const status: ResponseStatus = input.intent === "submit" ? "submitted" : "draft";
    const [row] = await tx
      .insert(exerciseResponses)
      .values({
        assignmentId: assignment.id,
        coupleId: context.coupleId,
        userId: context.viewer.id,
        exerciseKind: kind.id,
        occurrenceOn,
        payload,
        visibility,
        status,
        submittedAt: status === "submitted" ? sql`now()` : null,
      })
      .onConflictDoUpdate({
        target: [exerciseResponses.assignmentId, exerciseResponses.userId, exerciseResponses.occurrenceOn],
        set: {
          payload,
          visibility,
          status,
          submittedAt: status === "submitted" ? sql`now()` : null,
        },
      })
      .returning({ id: exerciseResponses.id });
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: status === "submitted" ? "exercise_response.submit" : "exercise_response.save_draft",
      entityId: row!.id,
      coupleId: context.coupleId,
      metadata: { exerciseKind: kind.id },
    });
    let concern = false;
    if (kind.id === "safety_screen" && status === "submitted" && isSafetyConcern(payload as SafetyScreenAnswer)) {
      concern = true;
      const [open] = await tx
        .select({ id: safetyConcerns.id })
        .from(safetyConcerns)
        .where(and(eq(safetyConcerns.responseId, row!.id), isNull(safetyConcerns.clearedAt)))
        .limit(1);
      if (!open) {
        const [raised] = await tx.insert(safetyConcerns).values({ coupleId: context.coupleId, responseId: row!.id }).returning({ id: safetyConcerns.id });
        await recordAudit(tx, {
          clinicId: context.clinicId,
          actorId: context.viewer.id,
          action: "safety_concern.raise",
          entityId: raised!.id,
          coupleId: context.coupleId,
        });
      }
    }
    return { status, safetyConcern: concern };
  });
}
