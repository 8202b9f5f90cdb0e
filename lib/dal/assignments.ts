import "server-only";
import { and, eq, gte, isNull, ne, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { assignments, coupleMembers, couples, stepProgress } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { todayIn } from "@/lib/time/zone";
import type { AssignmentInput } from "@/lib/validations/assignments";
import { recordAudit } from "./audit";
import { coupleScope, parseIdOrNotFound, refuseAsNotFound } from "./scope";
import { requireRole, type Viewer } from "./viewer";

const NOT_A_PARTNER = "Choose one of this couple's partners.";
const CLOSED = "This assignment is finished or cancelled, so it can't be changed.";

/** An identical assignment made this recently is taken as the same click arriving twice. */
export const DUPLICATE_WINDOW_SECONDS = 10;

async function requireOwnCouple(executor: Executor, viewer: Viewer, coupleId: string) {
  const [couple] = await executor
    .select({ id: couples.id, currentStep: couples.currentStep })
    .from(couples)
    .where(and(eq(couples.id, coupleId), coupleScope(viewer)))
    .limit(1);
  if (!couple) notFound();
  return couple;
}

/** An assignment of a couple the viewer carries, or not found. */
async function requireOwnAssignment(executor: Executor, viewer: Viewer, assignmentId: string) {
  const id = parseIdOrNotFound(assignmentId);
  const [row] = await executor
    .select({ id: assignments.id, coupleId: assignments.coupleId, status: assignments.status })
    .from(assignments)
    .innerJoin(couples, eq(couples.id, assignments.coupleId))
    .where(and(eq(assignments.id, id), coupleScope(viewer)))
    .limit(1);
  // Called before any transaction opens, so the refusal is recorded whatever follows.
  if (!row) return refuseAsNotFound(viewer, "assignment", id);
  return row;
}

async function isPartnerOf(executor: Executor, coupleId: string, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ userId: coupleMembers.userId })
    .from(coupleMembers)
    .where(and(eq(coupleMembers.coupleId, coupleId), eq(coupleMembers.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Assigns an exercise of a step to a couple the signed-in counsellor carries, for both partners
 * or one. `value` is the form as parsed by `assignmentSchema(today)` (due date not in the past,
 * the kind belongs to the step); here for-whom must be a partner of this couple. The same
 * assignment sent twice within {@link DUPLICATE_WINDOW_SECONDS} (a double click) creates one row:
 * a per-couple advisory lock serialises the check and the insert. Audited as "assignment.create".
 *
 * @returns the assignment's id, and whether it was the same one sent twice.
 * @throws InputError on `forUserId` for someone who is not a partner of this couple.
 */
export async function createAssignment(coupleId: string, value: AssignmentInput): Promise<{ id: string; duplicate: boolean }> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  await requireOwnCouple(database, viewer, id);
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assignment:${id}`}))`);
    if (value.forUserId && !(await isPartnerOf(tx, id, value.forUserId))) throw new InputError(NOT_A_PARTNER, "forUserId");
    const [same] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(
        and(
          eq(assignments.coupleId, id),
          eq(assignments.step, value.step),
          eq(assignments.exerciseKind, value.exerciseKind),
          value.forUserId ? eq(assignments.forUserId, value.forUserId) : isNull(assignments.forUserId),
          eq(assignments.dueOn, value.dueOn),
          eq(assignments.recurrence, value.recurrence),
          eq(assignments.instructions, value.instructions),
          eq(assignments.createdBy, viewer.id),
          ne(assignments.status, "cancelled"),
          gte(assignments.createdAt, sql`now() - make_interval(secs => ${DUPLICATE_WINDOW_SECONDS})`),
        ),
      )
      .limit(1);
    if (same) return { id: same.id, duplicate: true };
    const [created] = await tx
      .insert(assignments)
      .values({ coupleId: id, ...value, createdBy: viewer.id })
      .returning({ id: assignments.id });
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "assignment.create",
      entityId: created!.id,
      coupleId: id,
      metadata: { step: value.step, exerciseKind: value.exerciseKind },
    });
    return { id: created!.id, duplicate: false };
  });
}

/**
 * Changes an active assignment of the viewer's couple (same rules as creating one). Completed
 * and cancelled ones are kept as they were. Audited as "assignment.update".
 *
 * @throws InputError for a finished or cancelled assignment, or on `forUserId` as when creating one.
 */
export async function updateAssignment(assignmentId: string, value: AssignmentInput): Promise<{ id: string }> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const existing = await requireOwnAssignment(database, viewer, assignmentId);
  if (existing.status !== "active") throw new InputError(CLOSED);
  if (value.forUserId && !(await isPartnerOf(database, existing.coupleId, value.forUserId))) throw new InputError(NOT_A_PARTNER, "forUserId");
  return database.transaction(async (tx) => {
    const updated = await tx
      .update(assignments)
      .set(value)
      .where(and(eq(assignments.id, existing.id), eq(assignments.status, "active")))
      .returning({ id: assignments.id });
    if (updated.length === 0) throw new InputError(CLOSED);
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "assignment.update",
      entityId: existing.id,
      coupleId: existing.coupleId,
    });
    return { id: existing.id };
  });
}

/**
 * Cancels an active assignment: partners stop seeing it, and the couple's history keeps who
 * cancelled it and when. Cancelling twice changes nothing the second time. Audited as "assignment.cancel".
 */
export async function cancelAssignment(assignmentId: string): Promise<{ coupleId: string }> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  const existing = await requireOwnAssignment(database, viewer, assignmentId);
  await database.transaction(async (tx) => {
    const changed = await tx
      .update(assignments)
      .set({ status: "cancelled", cancelledBy: viewer.id, cancelledAt: new Date() })
      .where(and(eq(assignments.id, existing.id), eq(assignments.status, "active")))
      .returning({ id: assignments.id });
    if (changed.length > 0) {
      await recordAudit(tx, {
        clinicId: viewer.clinicId,
        actorId: viewer.id,
        action: "assignment.cancel",
        entityId: existing.id,
        coupleId: existing.coupleId,
      });
    }
  });
  return { coupleId: existing.coupleId };
}

/**
 * Marks the couple's current step done and moves them to the next one, in one transaction:
 * step_progress (done today; the next step in progress from today) and couples.current_step.
 * Only the current step can be marked done, so a stale page or a second click changes nothing.
 * Audited as "step.complete". Returns false when `step` is not the current step.
 */
export async function completeStep(coupleId: string, step: number): Promise<boolean> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  // Steps are the couple's, so their days are on the clinic's calendar.
  const today = todayIn(viewer.clinicTimeZone);
  return database.transaction(async (tx) => {
    // Locks the couple row so two clicks cannot both advance it.
    const [couple] = await tx
      .select({ id: couples.id, currentStep: couples.currentStep })
      .from(couples)
      .where(and(eq(couples.id, id), coupleScope(viewer)))
      .for("update")
      .limit(1);
    if (!couple) notFound();
    if (couple.currentStep !== step) return false;
    const [alreadyDone] = await tx
      .select({ step: stepProgress.step })
      .from(stepProgress)
      .where(and(eq(stepProgress.coupleId, id), eq(stepProgress.step, step), eq(stepProgress.status, "done")))
      .limit(1);
    if (alreadyDone) return false;
    await tx
      .insert(stepProgress)
      .values({ coupleId: id, step, status: "done", startedOn: today, completedOn: today })
      .onConflictDoUpdate({
        target: [stepProgress.coupleId, stepProgress.step],
        set: { status: "done", completedOn: today, startedOn: sql`coalesce(${stepProgress.startedOn}, ${today}::date)` },
      });
    if (step < 10) {
      await tx
        .insert(stepProgress)
        .values({ coupleId: id, step: step + 1, status: "in_progress", startedOn: today })
        .onConflictDoUpdate({
          target: [stepProgress.coupleId, stepProgress.step],
          set: { status: "in_progress", startedOn: sql`coalesce(${stepProgress.startedOn}, ${today}::date)` },
          setWhere: eq(stepProgress.status, "not_started"),
        });
      await tx.update(couples).set({ currentStep: step + 1 }).where(eq(couples.id, id));
    }
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "step.complete",
      entityId: id,
      coupleId: id,
      metadata: { step },
    });
    return true;
  });
}
