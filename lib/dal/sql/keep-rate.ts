import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PromiseStatus } from "@/db/schema";
import { sqlEnum } from "./index";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/*
 * Promise keep rate in SQL, as lib/metrics/promises.ts defines it. The caseload (30 days per
 * partner), the clinic figures (the chosen range per couple) and the couple page's charts build on
 * these, and the integration tests compare the figures with keepRate.
 */

/** promises.status, of the table or of an alias of it. */
type Status = AnyPgColumn<{ data: PromiseStatus }> & { enumValues: readonly string[] };

/** The promises a keep rate counts: kept or broken (open ones are undecided, released ones withdrawn). */
export function decidedPromiseSql(status: Status): SQL {
  return sql`${status} in (${sqlEnum(status, "kept")}, ${sqlEnum(status, "broken")})`;
}

/** How many of the group's promises were kept (an aggregate). */
export function keptCountSql(status: Status): SQL {
  return sql`(count(*) filter (where ${status} = ${sqlEnum(status, "kept")}))`;
}

/** How many of the group's promises were broken (an aggregate). */
export function brokenCountSql(status: Status): SQL {
  return sql`(count(*) filter (where ${status} = ${sqlEnum(status, "broken")}))`;
}

/** keepRate: kept ÷ (kept + broken), null when neither (no record yet is not 0). A float8. */
export function keepRateSql(kept: SQL, broken: SQL): SQL {
  return sql`case when (${kept}) + (${broken}) > 0 then (${kept})::float8 / ((${kept}) + (${broken})) end`;
}

const UTC = sql`'UTC'`;

/** The instant a day starts in `zone` (SQL text, 'UTC' unless given), from a date expression. */
function dayStart(day: SQL, zone: SQL): SQL {
  return sql`(${day})::timestamp at time zone ${zone}`;
}

/** The day a promise was resolved on, in `zone` (SQL text; UTC unless given). */
export function resolvedDaySql(resolvedAt: AnyPgColumn, zone: SQL = UTC): SQL {
  return sql`(${resolvedAt} at time zone ${zone})::date`;
}

/** Resolved on or before the day `to` in `zone`, written as an instant so an index on resolved_at serves it. */
export function resolvedByDaySql(resolvedAt: AnyPgColumn, to: SQL, zone: SQL = UTC): SQL {
  return sql`${resolvedAt} < ${dayStart(sql`${to} + 1`, zone)}`;
}

/** Resolved on one of the days [from, to] in `zone`, written as instants so an index on resolved_at serves the range. */
export function resolvedOnDaysSql(resolvedAt: AnyPgColumn, from: SQL, to: SQL, zone: SQL = UTC): SQL {
  return sql`${resolvedAt} >= ${dayStart(from, zone)} and ${resolvedByDaySql(resolvedAt, to, zone)}`;
}
