import "server-only";
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { DUPLICATE_WINDOW_SECONDS } from "./assignments";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";

export { DUPLICATE_WINDOW_SECONDS };

/**
 * Holds a transaction-scoped lock on one kind of create for one couple, so two identical
 * submissions at the same moment (a double click, a form sent again after a slow answer) run one
 * after the other: the second then finds the first's row with {@link createdJustNow} and returns
 * it instead of writing a twin. The lock ends with the transaction.
 *
 * Why not a unique index: a promise, an agreement or a note may legitimately say the same thing
 * twice on different days; only the same words within seconds of each other are one submission.
 * Why not a key generated per form render: it would not cover two tabs, scripted posts or a
 * reloaded form, and the duplicate assignment check already works this way.
 */
export async function lockCreates(tx: Executor, kind: string, coupleId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${kind}:${coupleId}`}))`);
}

/** Rows created within the duplicate window (measured from this transaction's start). */
export function createdJustNow(column: AnyPgColumn) {
  return gte(column, sql`now() - make_interval(secs => ${DUPLICATE_WINDOW_SECONDS})`);
}

/**
 * The id of the row this submission would repeat: one in `table` whose `same` columns hold the
 * same values (null matching null) and that was created within the duplicate window. Call it after
 * {@link lockCreates}, in the same transaction, and return that id instead of inserting a twin.
 */
export async function findTwin(
  tx: Executor,
  table: PgTable,
  columns: { id: AnyPgColumn; createdAt: AnyPgColumn },
  same: [AnyPgColumn, unknown][],
): Promise<string | null> {
  const [row] = await tx
    .select({ id: columns.id })
    .from(table)
    .where(and(...same.map(([column, value]) => (value === null ? isNull(column) : eq(column, value))), createdJustNow(columns.createdAt)))
    .limit(1);
  return row ? String(row.id) : null;
}
