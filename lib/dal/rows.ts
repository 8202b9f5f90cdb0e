import "server-only";
import type { SQL } from "drizzle-orm";
import type { Executor } from "@/db";

/**
 * Runs a hand-written query and returns its rows, whichever driver is behind the database
 * (postgres.js answers with an array, PGlite with `{ rows }`). Cast numbers to int/float8 and
 * dates to text in the SQL: the drivers disagree on how they parse numeric, bigint and date.
 */
export async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: unknown[] }).rows ?? []) as T[];
}
