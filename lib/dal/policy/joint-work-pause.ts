import "server-only";
import { and, desc, eq, is, isNull, sql, type SQL } from "drizzle-orm";
import { PgColumn, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { safetyConcerns } from "@/db/schema";
import type { ExerciseKind } from "@/lib/program";
import { qualified } from "../sql";

/**
 * The safety hold, in one place. A safety screen that raises a concern holds the couple's joint
 * work (exercises that are not private, new agreements, new promises) until the counsellor
 * clears every open concern. Which kinds stay open during a hold is a property of the kind
 * (`allowedDuringHold`); this module only asks it.
 *
 * Partners read the same neutral words whoever answered the screen and whatever they said: a
 * hold message never gives a reason.
 */

/** What a partner reads when held work is refused, for each kind of work. */
export const HOLD_MESSAGES = {
  exercise: "This exercise is on hold until your counsellor has spoken with you.",
  agreements: "New agreements are on hold until your counsellor has spoken with you.",
  promises: "New promises are on hold until your counsellor has spoken with you.",
} as const;

/** The rows of safety_concerns that hold a couple's work: raised and not yet cleared. */
function openConcernsOf(coupleId: string): SQL {
  return and(eq(safetyConcerns.coupleId, coupleId), isNull(safetyConcerns.clearedAt))!;
}

/**
 * SQL that is true while the couple named by `coupleId` has an open concern, for use inside a
 * larger query (the caseload flag). Pass the outer query's couple id column, or an SQL
 * expression for it (for example `sql\`c.id\`` inside a hand-written query).
 */
export function openSafetyConcernExists(coupleId: AnyPgColumn | SQL): SQL {
  // Qualified on both sides: a bare column name here would rebind to safety_concerns itself.
  const outer = is(coupleId, PgColumn) ? qualified(coupleId) : coupleId;
  return sql`exists (select 1 from ${safetyConcerns} where ${qualified(safetyConcerns.coupleId)} = ${outer} and ${qualified(safetyConcerns.clearedAt)} is null)`;
}

/** True while the couple has a safety concern the counsellor has not yet cleared. */
export async function hasOpenSafetyConcern(executor: Executor, coupleId: string): Promise<boolean> {
  const rows = await executor.select({ id: safetyConcerns.id }).from(safetyConcerns).where(openConcernsOf(coupleId)).limit(1);
  return rows.length > 0;
}

/** The hold rule on its own: work of `kind` is held while a concern is open, unless the kind is private work allowed during a hold. */
export function isHeld(kind: Pick<ExerciseKind, "allowedDuringHold">, concernOpen: boolean): boolean {
  return concernOpen && !kind.allowedDuringHold;
}

/**
 * True when new work of `kind` must be refused now. Call it inside the write's transaction so a
 * concern raised a moment earlier is seen; a kind allowed during a hold costs no query.
 */
export async function isOnHold(executor: Executor, coupleId: string, kind: Pick<ExerciseKind, "allowedDuringHold">): Promise<boolean> {
  if (kind.allowedDuringHold) return false;
  return hasOpenSafetyConcern(executor, coupleId);
}

/** The couple's open concerns, newest first, for the counsellor's couple page. */
export async function listOpenSafetyConcerns(executor: Executor, coupleId: string): Promise<{ id: string; raisedAt: Date }[]> {
  return executor
    .select({ id: safetyConcerns.id, raisedAt: safetyConcerns.raisedAt })
    .from(safetyConcerns)
    .where(openConcernsOf(coupleId))
    .orderBy(desc(safetyConcerns.raisedAt));
}

/**
 * Opens a concern for a sent answer, once: sending the same answer again while its concern is
 * open adds nothing. Returns the new concern's id, or null when one was already open. Call it in
 * the transaction that saved the answer.
 */
export async function raiseSafetyConcern(tx: Executor, coupleId: string, responseId: string): Promise<string | null> {
  const [open] = await tx
    .select({ id: safetyConcerns.id })
    .from(safetyConcerns)
    .where(and(eq(safetyConcerns.responseId, responseId), isNull(safetyConcerns.clearedAt)))
    .limit(1);
  if (open) return null;
  const [raised] = await tx.insert(safetyConcerns).values({ coupleId, responseId }).returning({ id: safetyConcerns.id });
  return raised!.id;
}

/** Clears every open concern of the couple, lifting the hold. Returns the ids cleared (none when none was open). */
export async function clearOpenSafetyConcerns(tx: Executor, coupleId: string, clearedBy: string): Promise<string[]> {
  const cleared = await tx
    .update(safetyConcerns)
    .set({ clearedBy, clearedAt: new Date() })
    .where(openConcernsOf(coupleId))
    .returning({ id: safetyConcerns.id });
  return cleared.map((row) => row.id);
}
