import "server-only";
import { and, desc, eq, is, isNull, sql, type SQL } from "drizzle-orm";
import { PgColumn, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { exerciseResponses, safetyConcerns } from "@/db/schema";
import { qualified } from "../sql";

/**
 * Safety concerns, in one place. A worrying safety screen raises one; it alerts the couple's
 * counsellor (caseload flag, top of the couple page) and nobody else. It changes nothing the
 * other partner can see and holds no work by itself: pausing joint work is the counsellor's
 * separate decision (`joint-work-pause.ts`). Only the couple's counsellor reads these rows.
 */

/** The rows of safety_concerns still waiting for the counsellor: raised and not yet cleared. */
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

/**
 * SQL that is true while the partner `userId` has an open concern raised by their own answer, so
 * the counsellor's caseload flag can say whose screen it came from. For the counsellor only.
 */
export function openSafetyConcernRaisedBy(coupleId: SQL, userId: SQL): SQL {
  return sql`exists (
    select 1 from ${safetyConcerns}
    join ${exerciseResponses} on ${qualified(exerciseResponses.id)} = ${qualified(safetyConcerns.responseId)}
    where ${qualified(safetyConcerns.coupleId)} = ${coupleId} and ${qualified(safetyConcerns.clearedAt)} is null
      and ${qualified(exerciseResponses.userId)} = ${userId}
  )`;
}

/** True while the couple has a safety concern the counsellor has not yet cleared. */
export async function hasOpenSafetyConcern(executor: Executor, coupleId: string): Promise<boolean> {
  const rows = await executor.select({ id: safetyConcerns.id }).from(safetyConcerns).where(openConcernsOf(coupleId)).limit(1);
  return rows.length > 0;
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

/** Marks every open concern of the couple reviewed. Returns the ids cleared (none when none was open). Pausing is untouched. */
export async function clearOpenSafetyConcerns(tx: Executor, coupleId: string, clearedBy: string): Promise<string[]> {
  const cleared = await tx
    .update(safetyConcerns)
    .set({ clearedBy, clearedAt: new Date() })
    .where(openConcernsOf(coupleId))
    .returning({ id: safetyConcerns.id });
  return cleared.map((row) => row.id);
}
