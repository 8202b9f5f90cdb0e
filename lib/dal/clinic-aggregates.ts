import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { coupleMembers, couples, promises, stepProgress } from "@/db/schema";
import { formatPercent } from "@/lib/format";
import { BASELINE_DAYS, distribution, suppress } from "@/lib/metrics/clinic";
import { addIsoDays, isoWeekStart, isoWeeksOverlapping } from "@/lib/metrics/dates";
import { STEPS } from "@/lib/program";
import { assertDateRange, type DateRange } from "@/lib/validations/clinic";
import { FIGURES_VERSION, readFreshClinicFigures, storeClinicFigures, type StoredClinicFigures } from "./clinic-figures";
import { readClinicPeople } from "./clinic-staff";
import { selectRows } from "./rows";
import { sqlAlias, sqlEnum, sqlFrom, sqlInt } from "./sql";
import { adherenceSql, expectedCheckInsSql } from "./sql/adherence";
import { checkInsPerCoupleWeekSql, checkInTotalsThroughSql } from "./sql/check-in-rollups";
import { brokenCountSql, decidedPromiseSql, keepRateSql, keptCountSql, resolvedOnDaysSql } from "./sql/keep-rate";
import { requireRole } from "./viewer";

export { CLINIC_FIGURES_MAX_AGE_MS } from "./clinic-figures";

/** Bucket edges of the adherence and keep-rate histograms: five bands of 20 %. */
export const RATE_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * Figures for one group of couples (the whole clinic or one counsellor's caseload).
 * Every figure is `null` when the couples it rests on number fewer than {@link MIN_GROUP_SIZE}
 * (show {@link SUPPRESSED_LABEL}); the group sizes themselves are suppressed the same way.
 */
export type GroupFigures = {
  /** Couples in the range's cohort (started by the last day, not merely invited). */
  couples: number | null;
  /** Of those, couples whose status is active today. */
  activeCouples: number | null;
  /** Median over couples of the couple's check-in adherence (mean of its partners'), 0–1. */
  medianAdherence: number | null;
  /** Median over couples with a kept or broken promise in the range of their keep rate, 0–1. */
  medianKeepRate: number | null;
  /** Share of couples with a comparable baseline whose 4-week trust mean rose above it, 0–1. */
  roseShare: number | null;
};

export type CounsellorFigures = GroupFigures & { counsellorId: string; name: string; active: boolean };

/** Whose figures to compute: a clinic, and the zone whose calendar days its promises fall on. */
export type ClinicScope = { clinicId: string; clinicTimeZone: string };

export type SuppressedBucket = { label: string; from: number; to: number; count: number | null };

export type ClinicAggregates = {
  range: DateRange;
  clinicName: string;
  /** When these figures were computed (ISO instant): they may be up to {@link CLINIC_FIGURES_MAX_AGE_MS} old. */
  computedAt: string;
  /** Whether any couple falls in the range's cohort (an empty range has nothing to show or export). */
  hasCouples: boolean;
  /** Active counsellors of the clinic (not an aggregate over couples, so never suppressed). */
  counsellors: number;
  clinic: GroupFigures;
  byCounsellor: CounsellorFigures[];
  /** Couples that had reached each step (in progress or done, begun by the last day), steps 1–10. */
  funnel: { step: number; couples: number | null }[];
  /** Median weeks from start to completion of each step, over steps completed in the range. */
  weeksPerStep: { step: number; medianWeeks: number | null }[];
  /** Check-ins per ISO week (Monday start, clipped to the range). */
  weeklyCheckIns: { weekStart: string; checkIns: number | null }[];
  adherenceDistribution: SuppressedBucket[];
  keepRateDistribution: SuppressedBucket[];
};

const count = z.number();
const groupRow = z.object({
  counsellor_id: z.string().nullable(),
  is_clinic: z.number(),
  couples: count,
  active_couples: count,
  median_adherence: z.number().nullable(),
  adherence_n: count,
  median_keep: z.number().nullable(),
  keep_n: count,
  rose_yes: count,
  rose_n: count,
  a0: count, a1: count, a2: count, a3: count, a4: count,
  k0: count, k1: count, k2: count, k3: count, k4: count,
});
type GroupRow = z.output<typeof groupRow>;
const stepRow = z.object({ step: z.number(), reached: count, median_weeks: z.number().nullable(), done_n: count });
const weekRow = z.object({ week_start: z.string(), check_ins: count, couples: count });

function bucketCounts(column: string, prefix: "a" | "k"): SQL {
  // Same bands as lib/metrics distribution(RATE_EDGES): [e_i, e_i+1), the last one closed.
  const value = sql.identifier(column);
  const parts = RATE_EDGES.slice(0, -1).map((edge, i) => {
    const upper = RATE_EDGES[i + 1]!;
    const below = i === RATE_EDGES.length - 2 ? sql`<=` : sql`<`;
    return sql`(count(*) filter (where ${value} >= ${edge}::float8 and ${value} ${below} ${upper}::float8))::int as ${sql.identifier(`${prefix}${i}`)}`;
  });
  return sql.join(parts, sql`, `);
}

const percent = (edge: number) => formatPercent(edge);

function figures(row: GroupRow | undefined): GroupFigures {
  if (!row) return { couples: null, activeCouples: null, medianAdherence: null, medianKeepRate: null, roseShare: null };
  return {
    couples: suppress(row.couples, row.couples),
    activeCouples: suppress(row.active_couples, row.active_couples),
    medianAdherence: suppress(row.adherence_n, row.median_adherence),
    medianKeepRate: suppress(row.keep_n, row.median_keep),
    roseShare: suppress(row.rose_n, row.rose_n === 0 ? null : row.rose_yes / row.rose_n),
  };
}

function suppressedBuckets(counts: number[]): SuppressedBucket[] {
  return distribution([], RATE_EDGES, percent).map((bucket, i) => ({ ...bucket, count: suppress(counts[i] ?? 0, counts[i] ?? 0) }));
}

// The tables under the short names the statements use; "co" is the cohort CTE.
const c = sqlAlias(couples, "c");
const m = sqlAlias(coupleMembers, "m");
const p = sqlAlias(promises, "p");
const sp = sqlAlias(stepProgress, "sp");

/**
 * The program figures of one clinic over an inclusive date range, computed in SQL in three
 * queries whatever the clinic's size, already suppressed, without names (see
 * lib/dal/clinic-figures.ts). The clinic comes from the caller: the signed-in admin's in
 * {@link getClinicAggregates}, each clinic in turn in the scheduled refresh. Check-in figures come from the roll-ups
 * that triggers keep current with every write (lib/dal/sql/check-in-rollups.ts), never from the
 * check-ins themselves, so a year costs what a week does. Definitions (see lib/metrics):
 * - cohort: the clinic's couples that started on or before `range.to`, except those still invited;
 * - adherence: per couple, the mean of its partners' `checkInAdherence` over the range
 *   (each day expects the contact agreement in force that day, days before started_on nothing);
 * - keep rate: per couple, `keepRate` of its promises kept or broken on a day in the range;
 *   couples with none are left out of the median;
 * - rose: `roseFromBaseline` of both partners' trust, with today = `range.to`;
 * - funnel: step_progress in_progress or done, begun by `range.to`;
 * - weeks per step: done steps completed in the range, (completed_on − started_on) / 7.
 * No check-in note, answer or clinical note is read. Throws a RangeError for a reversed or
 * over-long range (validate with parseDateRange first).
 */
export async function computeClinicFigures(executor: Executor, scope: ClinicScope, range: DateRange): Promise<StoredClinicFigures> {
  assertDateRange(range);
  const { clinicId } = scope;
  const from = sql`${range.from}::date`;
  const to = sql`${range.to}::date`;
  const cohort = sql`
    select ${c.id}, ${c.counsellorId}, ${c.status}, ${c.startedOn}
    from ${sqlFrom(c)}
    where ${c.clinicId} = ${clinicId} and ${c.startedOn} <= ${to} and ${c.status} <> ${sqlEnum(c.status, "invited")}`;

  // Per couple, running totals from the check-in roll-ups at the five days the figures need:
  // the range's ends, the start of the recent trust window and both ends of the baseline.
  const groupsQuery = sql`
    with cohort as (${cohort}),
    totals as materialized (
      select co.id, co.counsellor_id, co.status,
        upto.a - before_from.a as a_days, upto.b - before_from.b as b_days,
        ${expectedCheckInsSql({ from, to, startedOn: sql`co.started_on`, coupleId: sql`co.id` })} as expected,
        case when ${to} - co.started_on >= ${sqlInt(2 * BASELINE_DAYS)} then baseline_end.n - baseline_before.n end as baseline_n,
        baseline_end.t - baseline_before.t as baseline_t,
        upto.n - recent_before.n as recent_n,
        upto.t - recent_before.t as recent_t
      from cohort co
      cross join ${checkInTotalsThroughSql(sql`co.id`, to)} upto
      cross join ${checkInTotalsThroughSql(sql`co.id`, sql`${from} - 1`)} before_from
      cross join ${checkInTotalsThroughSql(sql`co.id`, sql`${to} - ${sqlInt(BASELINE_DAYS)}`)} recent_before
      cross join ${checkInTotalsThroughSql(sql`co.id`, sql`co.started_on - 1`)} baseline_before
      cross join ${checkInTotalsThroughSql(sql`co.id`, sql`co.started_on + ${sqlInt(BASELINE_DAYS - 1)}`)} baseline_end
    ),
    adherence as (
      -- Each partner's check-in days in the range, by the slot they hold (couple_members).
      select t.id as couple_id,
        avg(${adherenceSql(sql`(case when ${m.slot} = ${sqlEnum(m.slot, "A")} then t.a_days else t.b_days end)::float8`, sql`t.expected`)})::float8 as value
      from totals t join ${sqlFrom(m)} on ${m.coupleId} = t.id
      group by t.id
    ),
    keep as (
      select ${p.coupleId}, ${keepRateSql(keptCountSql(p.status), brokenCountSql(p.status))} as value
      from ${sqlFrom(p)} join cohort co on co.id = ${p.coupleId}
      -- The clinic's days [from, to] as instants, so promises_couple_status_idx can serve the range.
      where ${decidedPromiseSql(p.status)} and ${resolvedOnDaysSql(p.resolvedAt, from, to, sql`${scope.clinicTimeZone}`)}
      group by ${p.coupleId}
    ),
    per_couple as (
      select co.id, co.counsellor_id, co.status, a.value as adherence, k.value as keep_rate,
        -- Means compared without dividing: recent_t / recent_n > baseline_t / baseline_n.
        case when t.baseline_n > 0 and t.recent_n > 0 then t.recent_t * t.baseline_n > t.baseline_t * t.recent_n end as rose
      from cohort co
      join totals t on t.id = co.id
      left join adherence a on a.couple_id = co.id
      left join keep k on k.couple_id = co.id
    )
    select counsellor_id, grouping(counsellor_id)::int as is_clinic,
      count(*)::int as couples,
      (count(*) filter (where status = ${sqlEnum(couples.status, "active")}))::int as active_couples,
      (percentile_cont(0.5) within group (order by adherence))::float8 as median_adherence,
      count(adherence)::int as adherence_n,
      (percentile_cont(0.5) within group (order by keep_rate))::float8 as median_keep,
      count(keep_rate)::int as keep_n,
      (count(*) filter (where rose))::int as rose_yes,
      count(rose)::int as rose_n,
      ${bucketCounts("adherence", "a")},
      ${bucketCounts("keep_rate", "k")}
    from per_couple
    group by grouping sets ((), (counsellor_id))`;

  const begun = sql`(${sp.startedOn} is null or ${sp.startedOn} <= ${to})`;
  const doneInRange = sql`${sp.status} = ${sqlEnum(sp.status, "done")} and ${sp.startedOn} is not null and ${sp.completedOn} between ${from} and ${to}`;
  const stepsQuery = sql`
    with cohort as (${cohort})
    select ${sp.step}::int as step,
      (count(*) filter (where ${sp.status} in (${sqlEnum(sp.status, "in_progress")}, ${sqlEnum(sp.status, "done")}) and ${begun}))::int as reached,
      (percentile_cont(0.5) within group (order by (${sp.completedOn} - ${sp.startedOn}) / 7.0)
        filter (where ${doneInRange}))::float8 as median_weeks,
      (count(*) filter (where ${doneInRange}))::int as done_n
    from ${sqlFrom(sp)} join cohort co on co.id = ${sp.coupleId}
    group by ${sp.step}`;

  // Whole weeks from the weekly roll-up, the clipped first and last weeks from the daily one.
  const firstMonday = isoWeekStart(range.from) === range.from ? range.from : addIsoDays(isoWeekStart(range.from), 7);
  const lastSunday = addIsoDays(isoWeekStart(range.to), 6) === range.to ? range.to : addIsoDays(isoWeekStart(range.to), -1);
  const weeksQuery = sql`
    with cohort as (${cohort}),
    per_couple_week as (${checkInsPerCoupleWeekSql(sql`cohort`, { from, to, firstMonday: sql`${firstMonday}::date`, lastSunday: sql`${lastSunday}::date` })})
    select to_char(week, 'YYYY-MM-DD') as week_start, sum(n)::int as check_ins, count(*)::int as couples
    from per_couple_week
    group by week`;

  const [groupRows, stepRows, weekRows] = await Promise.all([
    selectRows(executor, groupRow, groupsQuery),
    selectRows(executor, stepRow, stepsQuery),
    selectRows(executor, weekRow, weeksQuery),
  ]);

  const clinicRow = groupRows.find((r) => r.is_clinic === 1);
  const steps = new Map(stepRows.map((r) => [r.step, r]));
  const weeks = new Map(weekRows.map((r) => [r.week_start, r]));
  const bucket = (prefix: "a" | "k") => ([0, 1, 2, 3, 4] as const).map((i) => clinicRow?.[`${prefix}${i}`] ?? 0);

  return {
    version: FIGURES_VERSION,
    hasCouples: (clinicRow?.couples ?? 0) > 0,
    clinic: figures(clinicRow),
    groups: groupRows.filter((r) => r.is_clinic === 0 && r.counsellor_id !== null).map((r) => ({ counsellorId: r.counsellor_id!, ...figures(r) })),
    funnel: STEPS.map((s) => {
      const reached = steps.get(s.number)?.reached ?? 0;
      return { step: s.number, couples: suppress(reached, reached) };
    }),
    weeksPerStep: STEPS.map((s) => {
      const row = steps.get(s.number);
      return { step: s.number, medianWeeks: suppress(row?.done_n ?? 0, row?.median_weeks ?? null) };
    }),
    weeklyCheckIns: isoWeeksOverlapping(range.from, range.to).map(({ weekStart }) => {
      const row = weeks.get(weekStart);
      return { weekStart, checkIns: suppress(row?.couples ?? 0, row?.check_ins ?? 0) };
    }),
    adherenceDistribution: suppressedBuckets(bucket("a")),
    keepRateDistribution: suppressedBuckets(bucket("k")),
  };
}

/** The clinic's name and counsellors, read fresh on every view (names and deactivations show at once). */
async function readClinicStaff(clinicId: string) {
  const { clinicName, counsellors } = await readClinicPeople(clinicId);
  return { clinicName, counsellors: counsellors.map((c) => ({ id: c.id, name: c.name, active: c.active })) };
}

function assemble(
  range: DateRange,
  stored: StoredClinicFigures,
  staff: Awaited<ReturnType<typeof readClinicStaff>>,
  computedAt: Date,
): ClinicAggregates {
  const { hasCouples, clinic, funnel, weeksPerStep, weeklyCheckIns, adherenceDistribution, keepRateDistribution } = stored;
  const byId = new Map(stored.groups.map((g) => [g.counsellorId, g]));
  const byCounsellor = staff.counsellors
    .filter((counsellor) => counsellor.active || byId.has(counsellor.id))
    .map((counsellor) => ({ ...figures(undefined), ...byId.get(counsellor.id), counsellorId: counsellor.id, name: counsellor.name, active: counsellor.active }));
  return {
    range,
    clinicName: staff.clinicName,
    computedAt: computedAt.toISOString(),
    counsellors: staff.counsellors.filter((c) => c.active).length,
    clinic,
    hasCouples,
    byCounsellor,
    funnel,
    weeksPerStep,
    weeklyCheckIns,
    adherenceDistribution,
    keepRateDistribution,
  };
}

/**
 * The clinic figures computed now, never from the stored ones: for checks of the computation
 * itself and for measuring it. Pages use {@link getClinicAggregates}.
 */
export async function getLiveClinicAggregates(range: DateRange, now: Date = new Date()): Promise<ClinicAggregates> {
  assertDateRange(range);
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const [stored, staff] = await Promise.all([computeClinicFigures(database, viewer, range), readClinicStaff(viewer.clinicId)]);
  return assemble(range, stored, staff, now);
}

/**
 * The signed-in admin's clinic figures over an inclusive date range (see {@link computeClinicFigures}
 * for the definitions). Read from the figures stored for exactly this clinic and range when they
 * are at most {@link CLINIC_FIGURES_MAX_AGE_MS} old at `now`; otherwise computed, stored and
 * returned. `computedAt` says when they were computed. Throws a RangeError for a reversed or
 * over-long range (validate with parseDateRange first).
 */
export async function getClinicAggregates(range: DateRange, now: Date = new Date()): Promise<ClinicAggregates> {
  assertDateRange(range);
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const [fresh, staff] = await Promise.all([readFreshClinicFigures(database, viewer.clinicId, range, now), readClinicStaff(viewer.clinicId)]);
  if (fresh) return assemble(range, fresh.figures, staff, fresh.computedAt);
  const stored = await computeClinicFigures(database, viewer, range);
  await storeClinicFigures(database, viewer.clinicId, range, stored, now);
  return assemble(range, stored, staff, now);
}
