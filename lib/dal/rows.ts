import "server-only";
import { z } from "zod";
import type { Executor } from "@/db";
import type { SQL } from "drizzle-orm";

/**
 * The rows of a hand-written query's result, parsed with `row`. postgres.js answers with an
 * array, PGlite with `{ rows }`; both go through here so a page never reads an unchecked row.
 * Cast numbers to int/float8 and dates to text in the SQL: the drivers disagree on how they parse
 * numeric, bigint and date, and a missing cast fails here instead of showing a wrong figure.
 */
export function parseRows<S extends z.ZodType>(row: S, result: unknown): z.output<S>[] {
  const rows: unknown = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return z.array(row).parse(rows);
}

/** Runs a hand-written query and returns its rows parsed with `row` (see {@link parseRows}). */
export async function selectRows<S extends z.ZodType>(executor: Executor, row: S, query: SQL): Promise<z.output<S>[]> {
  return parseRows(row, await executor.execute(query));
}

/**
 * A json column, whether the driver hands it over parsed or as text; the value is then checked
 * with `schema`.
 */
export function jsonColumn<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (typeof value === "string" ? JSON.parse(value) : value), schema);
}
