import "server-only";
import { sql, type SQL } from "drizzle-orm";

/*
 * Check-in adherence in SQL, as lib/metrics/adherence.ts defines it. The caseload (14 days per
 * partner) and the clinic figures (the chosen range per couple) both build on these, and the
 * integration tests compare both with checkInAdherence.
 */

/**
 * Check-ins expected of one partner over the inclusive days [from, to] at `perWeek` a week,
 * counting only days on or after `startedOn`: expectedCheckIns over the active days, unrounded and
 * never negative. All arguments are SQL (dates, and an integer per week).
 */
export function expectedCheckInsSql(window: { from: SQL; to: SQL; startedOn: SQL; perWeek: SQL }): SQL {
  return sql`greatest(0, ${window.to} - greatest(${window.from}, ${window.startedOn}) + 1) * ${window.perWeek} / 7.0`;
}

/**
 * checkInAdherence from a count of distinct check-in days and the expectation: capped at 1 (more
 * often than agreed is not more than full), null when nothing was expected. A float8.
 */
export function adherenceSql(days: SQL, expected: SQL): SQL {
  return sql`case when ${expected} > 0 then least(1.0, ${days} / ${expected})::float8 end`;
}
