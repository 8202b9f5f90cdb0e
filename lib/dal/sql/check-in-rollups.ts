import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { coupleCheckInDays, coupleCheckInWeeks } from "@/db/schema";
import { sqlAlias, sqlFrom } from "./index";

/*
 * Reading the check-in roll-ups (db/schema/rollups.ts), which triggers keep equal to check_ins in
 * every transaction. A couple's count or trust sum over days [from, to] is the running total on
 * the last roll-up day on or before `to` minus the one before `from`: two index probes per couple
 * whatever the range, where counting check-ins read every row of it.
 */

const cd = sqlAlias(coupleCheckInDays, "cd");
const cw = sqlAlias(coupleCheckInWeeks, "cw");

/**
 * A LATERAL subquery (join it `on true`) giving a couple's running totals through `day`:
 * `a` and `b` (check-in days of the partner in slot A and B), `n` (check-ins) and `t` (their
 * trust summed), each 0 before the couple's first check-in. Found backwards on the roll-up's key.
 */
export function checkInTotalsThroughSql(coupleId: SQL, day: SQL): SQL {
  return sql`lateral (
    select coalesce(max(${cd.partnerAToDate}), 0) as a, coalesce(max(${cd.partnerBToDate}), 0) as b,
      coalesce(max(${cd.checkInsToDate}), 0) as n, coalesce(max(${cd.trustSumToDate}), 0) as t
    from (
      select ${cd.partnerAToDate}, ${cd.partnerBToDate}, ${cd.checkInsToDate}, ${cd.trustSumToDate}
      from ${sqlFrom(cd)}
      where ${cd.coupleId} = ${coupleId} and ${cd.day} <= ${day}
      order by ${cd.day} desc
      limit 1
    ) ${sql.identifier("cd")}
  )`;
}

/**
 * Check-ins per (ISO week, couple) of the couples in `cohort` (a CTE name with an `id` column)
 * over the inclusive days [from, to], as rows (week, couple_id, n) with n > 0: whole weeks from
 * the weekly roll-up, and the clipped first and last weeks from the daily one. `firstMonday` is
 * the first Monday on or after `from`, `lastSunday` the last Sunday on or before `to`.
 */
export function checkInsPerCoupleWeekSql(cohort: SQL, days: { from: SQL; to: SQL; firstMonday: SQL; lastSunday: SQL }): SQL {
  const { from, to, firstMonday, lastSunday } = days;
  const week = sql`date_trunc('week', ${cd.day}::timestamp)::date`;
  // Each part reads one couple's rows on the roll-ups' keys (couple, day), so the cost follows
  // the clinic's couples and the range, never the other clinics sharing the tables.
  const clippedWeek = (after: SQL, until: SQL) => sql`
    select w.week, co.id as couple_id, w.n
    from ${cohort} co
    cross join lateral (
      select ${week} as week, sum(${cd.checkIns}) as n
      from ${sqlFrom(cd)}
      where ${cd.coupleId} = co.id and ${cd.day} >= ${after} and ${cd.day} <= ${until}
      group by 1
    ) w`;
  return sql`
    select w.week, co.id as couple_id, w.n
    from ${cohort} co
    cross join lateral (
      select ${cw.weekStart} as week, ${cw.checkIns}::bigint as n
      from ${sqlFrom(cw)}
      where ${cw.coupleId} = co.id and ${cw.weekStart} >= ${firstMonday} and ${cw.weekStart} <= ${lastSunday} - 6 and ${cw.checkIns} > 0
    ) w
    union all
    ${clippedWeek(from, sql`least(${to}, ${firstMonday} - 1)`)}
    union all
    ${clippedWeek(sql`greatest(${from}, ${firstMonday}, ${lastSunday} + 1)`, to)}`;
}
