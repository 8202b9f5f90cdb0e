import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { is, SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type postgres from "postgres";

/** Rows of one table, all with the same columns present: one COPY statement. */
type Batch = { sql: string; lines: () => Generator<string> };

const ROWS_PER_CHUNK = 5_000;

// COPY's text format: tab-separated, \N for null, and backslash escapes for the four specials.
function escapeCopy(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "object") return escapeCopy(JSON.stringify(value));
  return escapeCopy(String(value));
}

// What the database would put in a column a row leaves out, as drizzle's `default` would.
function defaultOf(column: PgColumn): unknown {
  if (column.defaultFn) return column.defaultFn();
  if (!column.hasDefault) return null;
  if (is(column.default, SQL)) {
    if (column.columnType === "PgUUID") return randomUUID();
    if (column.columnType.startsWith("PgTimestamp")) return new Date();
    throw new Error(`no COPY value for the default of ${column.name}`);
  }
  return column.default;
}

/**
 * The COPY statement for `rows` of `table`, as the ORM would insert them: values go through each
 * column's own driver mapping (dates, JSON), and a column a row leaves out gets its default. One
 * statement per table keeps rows that refer to rows of the same table (a replaced agreement) in
 * one foreign-key check, at the end of the statement.
 */
export function copyBatches(table: PgTable, rows: Record<string, unknown>[]): Batch[] {
  if (rows.length === 0) return [];
  const config = getTableConfig(table);
  const byName = new Map<string, string>();
  for (const [key, column] of Object.entries(table as unknown as Record<string, unknown>)) {
    if (config.columns.includes(column as never)) byName.set((column as { name: string }).name, key);
  }
  const columns = config.columns.filter((c) => rows.some((row) => row[byName.get(c.name)!] !== undefined));
  const keys = columns.map((c) => byName.get(c.name)!);
  const tableName = config.schema ? `"${config.schema}"."${config.name}"` : `"${config.name}"`;
  const cell = (column: PgColumn, value: unknown) => {
    const filled = value === undefined ? defaultOf(column) : value;
    return copyValue(filled == null ? null : column.mapToDriverValue(filled));
  };
  return [
    {
      sql: `copy ${tableName} (${columns.map((c) => `"${c.name}"`).join(", ")}) from stdin`,
      *lines() {
        for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
          let chunk = "";
          for (const row of rows.slice(i, i + ROWS_PER_CHUNK)) chunk += columns.map((c, j) => cell(c, row[keys[j]!])).join("\t") + "\n";
          yield chunk;
        }
      },
    },
  ];
}

/** Streams every batch into a PostgreSQL server, in one transaction. */
export async function copyIntoPostgres(client: postgres.Sql, batches: Batch[], before: string[] = []): Promise<void> {
  await client.begin(async (tx) => {
    for (const statement of before) await tx.unsafe(statement);
    for (const batch of batches) {
      const query = tx.unsafe(batch.sql);
      const writable = await query.writable();
      // A refused COPY rejects the query; the stream alone would wait for ever.
      await Promise.all([pipeline(Readable.from(batch.lines()), writable), query]);
    }
  });
}

/** Loads every batch into PGlite with its COPY from a blob, in one transaction. */
export async function copyIntoPglite(client: PGlite, batches: Batch[], before: string[] = []): Promise<void> {
  await client.transaction(async (tx: PgliteTransaction) => {
    for (const statement of before) await tx.exec(statement);
    for (const batch of batches) {
      // One blob per 100,000 rows keeps the WASM heap small.
      let parts: string[] = [];
      const flush = async () => {
        if (parts.length === 0) return;
        await tx.query(batch.sql.replace(/from stdin$/, "from '/dev/blob'"), [], { blob: new Blob(parts) });
        parts = [];
      };
      for (const chunk of batch.lines()) {
        parts.push(chunk);
        if (parts.length * ROWS_PER_CHUNK >= 100_000) await flush();
      }
      await flush();
    }
  });
}
