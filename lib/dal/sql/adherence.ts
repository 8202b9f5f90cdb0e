import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { agreements } from "@/db/schema";
import { DEFAULT_CHECK_INS_PER_WEEK } from "@/lib/metrics/adherence";
import { sqlAlias, sqlEnum, sqlFrom, sqlInt } from "./index";

/*
 * Check-in adherence in SQL, as lib/metrics/adherence.ts defines it. The caseload (14 days per
 * partner) and the clinic figures (the chosen range per couple) both build on these, and the
 * integration tests compare both with checkInAdherence.
 */

const ag = sqlAlias(agreements, "ag");

/**
 * The days a couple's accepted contact agreements were in force, for the reference definition:
 * `from`, exclusive `until` (null while current) and `per_week`, as text dates.
 */
export function contactAgreementSpansSql(coupleId: SQL): SQL {
  return sql`
    select to_char(${ag.effectiveFrom}, 'YYYY-MM-DD') as "from", to_char(${ag.effectiveUntil}, 'YYYY-MM-DD') as "until",
      ${ag.checkInsPerWeek} as per_week
    from ${sqlFrom(ag)}
    where ${ag.coupleId} = ${coupleId} and ${contactAgreementInForceSql()}
    order by ${ag.effectiveFrom}`;
}

/** An accepted agreement that sets a contact frequency and has a first day (alias `ag`). */
function contactAgreementInForceSql(): SQL {
  return sql`${ag.status} = ${sqlEnum(ag.status, "accepted")} and ${ag.checkInsPerWeek} is not null and ${ag.effectiveFrom} is not null`;
}

/**
 * Whether a contact agreement is in force for `coupleId` on `day` (from ≤ day < until); without
 * one, the day expects the daily default, which the caseload labels as such.
 */
export function contactAgreementOnSql(coupleId: SQL, day: SQL): SQL {
  return sql`exists (
    select 1 from ${sqlFrom(ag)}
    where ${ag.coupleId} = ${coupleId} and ${contactAgreementInForceSql()}
      and ${ag.effectiveFrom} <= ${day} and (${ag.effectiveUntil} is null or ${ag.effectiveUntil} > ${day})
  )`;
}

/**
 * Check-ins expected of one partner of `coupleId` over the inclusive days [from, to], counting
 * only days on or after `startedOn`: Σ over those days of perWeek(day) / 7, where perWeek is the
 * frequency of the contact agreement in force that day, else the daily default. Written without a
 * day series: every active day at the default, corrected by each agreement's days inside the
 * window by (its frequency − default) / 7. Accepting an agreement ends the one it replaces, so
 * spans never overlap and no day is corrected twice. A correlated sum over the couple's few
 * agreements, found by agreements_couple_effective_idx. Unrounded and never negative; numeric.
 */
export function expectedCheckInsSql(window: { from: SQL; to: SQL; startedOn: SQL; coupleId: SQL }): SQL {
  const active = sql`greatest(${window.from}, ${window.startedOn})`;
  const last = sql`least(${window.to}, coalesce(${ag.effectiveUntil} - 1, ${window.to}))`;
  const first = sql`greatest(${active}, ${ag.effectiveFrom})`;
  const defaultPerWeek = sqlInt(DEFAULT_CHECK_INS_PER_WEEK);
  return sql`(greatest(0, ${window.to} - ${active} + 1) * ${defaultPerWeek} + coalesce((
      select sum(greatest(0, ${last} - ${first} + 1) * (${ag.checkInsPerWeek} - ${defaultPerWeek}))
      from ${sqlFrom(ag)}
      where ${ag.coupleId} = ${window.coupleId} and ${contactAgreementInForceSql()}
        and ${ag.effectiveFrom} <= ${window.to} and (${ag.effectiveUntil} is null or ${ag.effectiveUntil} > ${active})
    ), 0)) / 7.0`;
}

/**
 * checkInAdherence from a count of distinct check-in days and the expectation: capped at 1 (more
 * often than agreed is not more than full), null when nothing was expected. A float8.
 */
export function adherenceSql(days: SQL, expected: SQL): SQL {
  return sql`case when ${expected} > 0 then least(1.0, ${days} / ${expected})::float8 end`;
}
