import "server-only";
import { getTableName, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn, type PgTable } from "drizzle-orm/pg-core";

/*
 * The discipline of hand-written SQL in the data layer:
 * - tables and columns are the Drizzle objects (`${checkIns}`, or an alias from sqlAlias), never
 *   names typed into the text, so a renamed column breaks the build instead of a page;
 * - numbers written into the statement go through sqlInt, enum values through sqlEnum;
 * - everything else is a bound parameter;
 * - the rows that come back pass through selectRows/parseRows (./rows.ts) with a zod schema;
 * - a figure that lib/metrics defines is written once, as a fragment in this folder
 *   (adherence.ts, keep-rate.ts), and the integration tests compare it with the reference.
 */

/**
 * A column always written as "table"."column". Drizzle leaves columns unqualified in the select
 * list of a single-table query, which silently rebinds them inside a correlated subquery.
 */
export function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A whole number written into the statement rather than bound: date arithmetic (`day - 13`) then
 * has an integer to work with instead of a parameter of unknown type, and the planner sees the
 * constant. Throws for anything but a safe integer, so no text can reach the SQL this way.
 */
export function sqlInt(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return sql.raw(String(n));
}

/**
 * One value of a column's Drizzle enum written into the statement as a literal ('kept'). Checked
 * against the schema when compiled and again when run; a literal (not a parameter) lets a partial
 * index or a constant filter be matched at planning time.
 */
export function sqlEnum<C extends AnyPgColumn & { enumValues: readonly string[] }>(column: C, value: C["_"]["data"] & string): SQL {
  if (!column.enumValues.includes(value)) throw new RangeError(`not a value of ${column.name}: ${value}`);
  return sql.raw(`'${value}'`);
}

const aliasedTables = new WeakMap<object, PgTable>();

/**
 * A table under a short name for hand-written SQL. Its columns render as "alias"."column"
 * (`${ci.userId}`); put {@link sqlFrom} of it in the FROM or JOIN clause.
 */
export function sqlAlias<T extends PgTable, A extends string>(table: T, name: A) {
  const aliased = alias(table, name);
  aliasedTables.set(aliased, table);
  return aliased;
}

/** `"table" "alias"` for a FROM or JOIN clause, from a table made by {@link sqlAlias}. */
export function sqlFrom(aliased: PgTable): SQL {
  const table = aliasedTables.get(aliased);
  if (!table) throw new Error("sqlFrom takes a table made by sqlAlias");
  return sql`${table} ${sql.identifier(getTableName(aliased))}`;
}
