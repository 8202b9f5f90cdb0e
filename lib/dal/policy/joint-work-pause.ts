import "server-only";
import { eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { couples } from "@/db/schema";
import type { ExerciseKind } from "@/lib/program";

/**
 * The pause on joint work, in one place. Pausing is the couple's counsellor's decision
 * (`couples.joint_work_paused_at`), never automatic: a worrying safety screen alerts the
 * counsellor and changes nothing the other partner can see. While paused, joint work (exercises
 * whose kind is not `allowedDuringHold`, new agreements, new promises) is refused here, not just
 * hidden. Which kinds stay open is a property of the kind; this module only asks it.
 *
 * Both partners read the same neutral words, whoever the pause protects and whatever prompted
 * it: the message never gives a reason, and it is the same for every kind of refused work.
 */

/** What both partners read while joint work is paused, on their pages and when held work is refused. */
export const JOINT_WORK_PAUSED_MESSAGE = "Some shared exercises are paused for now. Your counsellor will talk with you about next steps.";

/** The pause rule on its own: work of `kind` is held while joint work is paused, unless the kind is private work. */
export function isHeld(kind: Pick<ExerciseKind, "allowedDuringHold">, paused: boolean): boolean {
  return paused && !kind.allowedDuringHold;
}

/** True while the counsellor has paused the couple's joint work. */
export async function isJointWorkPaused(executor: Executor, coupleId: string): Promise<boolean> {
  const [row] = await executor.select({ paused: isNotNull(couples.jointWorkPausedAt) }).from(couples).where(eq(couples.id, coupleId)).limit(1);
  return Boolean(row?.paused);
}

/**
 * True when new work of `kind` must be refused now. Call it inside the write's transaction so a
 * pause made a moment earlier is seen; a kind allowed during a pause costs no query.
 */
export async function isOnHold(executor: Executor, coupleId: string, kind: Pick<ExerciseKind, "allowedDuringHold">): Promise<boolean> {
  if (kind.allowedDuringHold) return false;
  return isJointWorkPaused(executor, coupleId);
}

/**
 * Pauses (`paused` true) or resumes the couple's joint work as `counsellorId`. Returns false when
 * it was already in that state, so a double submit records nothing twice.
 */
export async function setJointWorkPaused(tx: Executor, coupleId: string, counsellorId: string, paused: boolean): Promise<boolean> {
  const changed = await tx
    .update(couples)
    .set(paused ? { jointWorkPausedAt: sql`now()`, jointWorkPausedBy: counsellorId } : { jointWorkPausedAt: null, jointWorkPausedBy: null })
    .where(sql`${couples.id} = ${coupleId} and ${couples.jointWorkPausedAt} is ${paused ? sql`null` : sql`not null`}`)
    .returning({ id: couples.id });
  return changed.length > 0;
}
