import "server-only";
import { formatPercent } from "@/lib/format";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/ready";
import { checkIns, clinics, coupleMembers, couples, promises, stepProgress, users } from "@/db/schema";
import { BASELINE_DAYS, distribution, suppress } from "@/lib/metrics/clinic";
import { isoWeeksOverlapping } from "@/lib/metrics/dates";
import { STEPS } from "@/lib/program";
import { assertDateRange, type DateRange } from "@/lib/validations/clinic";
import { selectRows } from "./rows";
import { requireRole } from "./viewer";

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

export type SuppressedBucket = { label: string; from: number; to: number; count: number | null };

export type ClinicAggregates = {
  range: DateRange;
  clinicName: string;
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

type GroupRow = {
  counsellor_id: string | null;
  is_clinic: number;
  couples: number;
  active_couples: number;
  median_adherence: number | null;
  adherence_n: number;
  median_keep: number | null;
  keep_n: number;
  rose_yes: number;
  rose_n: number;
  a0: number; a1: number; a2: number; a3: number; a4: number;
  k0: number; k1: number; k2: number; k3: number; k4: number;
};

function bucketCounts(column: string, prefix: string): SQL {
  // Same bands as lib/metrics distribution(RATE_EDGES): [e_i, e_i+1), the last one closed.
  const parts = RATE_EDGES.slice(0, -1).map((edge, i) => {
    const upper = RATE_EDGES[i + 1]!;
    const cmp = i === RATE_EDGES.length - 2 ? "<=" : "<";
    return `(count(*) filter (where ${column} >= ${edge} and ${column} ${cmp} ${upper}))::int as ${prefix}${i}`;
  });
  return sql.raw(parts.join(", "));
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

/**
 * The clinic's program figures over an inclusive date range, computed in SQL over the admin's
 * own clinic, in four queries whatever the clinic's size. Definitions (see lib/metrics):
 * - cohort: the clinic's couples that started on or before `range.to`, except those still invited;
 * - adherence: per couple, the mean of its partners' `checkInAdherence` over the range
 *   (couples.check_ins_per_week, days before started_on expect nothing);
 * - keep rate: per couple, `keepRate` of its promises kept or broken on a day in the range;
 *   couples with none are left out of the median;
 * - rose: `roseFromBaseline` of both partners' trust, with today = `range.to`;
 * - funnel: step_progress in_progress or done, begun by `range.to`;
 * - weeks per step: done steps completed in the range, (completed_on − started_on) / 7.
 * No check-in note, answer or clinical note is read. Throws a RangeError for a reversed or
 * over-long range (validate with parseDateRange first).
 */
export async function getClinicAggregates(range: DateRange): Promise<ClinicAggregates> {
  assertDateRange(range);
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const clinicId = viewer.clinicId;
  const from = sql`${range.from}::date`;
  const to = sql`${range.to}::date`;
  const cohort = sql`
    select c.id, c.counsellor_id, c.status, c.started_on, c.check_ins_per_week
    from ${couples} c
    where c.clinic_id = ${clinicId} and c.started_on <= ${to} and c.status <> 'invited'`;

  const groupsQuery = sql`
    with cohort as (${cohort}),
    partner_days as (
      -- A partner belongs to one couple (couple_members_user_key), so (user_id, date) alone finds
      -- their check-ins, as an index-only scan of check_ins_user_date_key.
      select m.couple_id,
        (select count(*) from ${checkIns} ci
          where ci.user_id = m.user_id and ci.date between ${from} and ${to})::float8 as days,
        ((${to} - greatest(${from}, co.started_on)) + 1) * co.check_ins_per_week / 7.0 as expected
      from ${coupleMembers} m join cohort co on co.id = m.couple_id
    ),
    adherence as (
      select couple_id, avg(least(1.0, days / expected))::float8 as value
      from partner_days where expected > 0 group by couple_id
    ),
    keep as (
      select p.couple_id,
        (count(*) filter (where p.status = 'kept'))::float8 / count(*) as value
      from ${promises} p join cohort co on co.id = p.couple_id
      -- The UTC days [from, to] as instants, so promises_couple_status_idx can serve the range.
      where p.status in ('kept', 'broken')
        and p.resolved_at >= (${from}::timestamp at time zone 'UTC')
        and p.resolved_at < ((${to} + 1)::timestamp at time zone 'UTC')
      group by p.couple_id
    ),
    -- Materialized: inlined, the planner re-ran both subqueries for every pair of couples.
    trust as materialized (
      select co.id as couple_id,
        (select avg(ci.trust) from ${checkIns} ci
          where ci.couple_id = co.id and ci.date between co.started_on and co.started_on + ${sql.raw(String(BASELINE_DAYS - 1))}) as baseline,
        (select avg(ci.trust) from ${checkIns} ci
          where ci.couple_id = co.id and ci.date between ${to} - ${sql.raw(String(BASELINE_DAYS - 1))} and ${to}) as recent
      from cohort co
      where ${to} - co.started_on >= ${sql.raw(String(2 * BASELINE_DAYS))}
    ),
    per_couple as (
      select co.id, co.counsellor_id, co.status, a.value as adherence, k.value as keep_rate,
        case when t.baseline is null or t.recent is null then null else t.recent > t.baseline end as rose
      from cohort co
      left join adherence a on a.couple_id = co.id
      left join keep k on k.couple_id = co.id
      left join trust t on t.couple_id = co.id
    )
    select counsellor_id, grouping(counsellor_id)::int as is_clinic,
      count(*)::int as couples,
      (count(*) filter (where status = 'active'))::int as active_couples,
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

  const stepsQuery = sql`
    with cohort as (${cohort})
    select sp.step::int as step,
      (count(*) filter (where sp.status in ('in_progress', 'done') and (sp.started_on is null or sp.started_on <= ${to})))::int as reached,
      (percentile_cont(0.5) within group (order by (sp.completed_on - sp.started_on) / 7.0)
        filter (where sp.status = 'done' and sp.started_on is not null and sp.completed_on between ${from} and ${to}))::float8 as median_weeks,
      (count(*) filter (where sp.status = 'done' and sp.started_on is not null and sp.completed_on between ${from} and ${to}))::int as done_n
    from ${stepProgress} sp join cohort co on co.id = sp.couple_id
    group by sp.step`;

  // Grouped by (week, couple) first: two hash aggregates instead of sorting every check-in for a
  // count(distinct).
  const weeksQuery = sql`
    with cohort as (${cohort}),
    per_couple_week as (
      select date_trunc('week', ci.date::timestamp)::date as week, ci.couple_id, count(*) as n
      from ${checkIns} ci join cohort co on co.id = ci.couple_id
      where ci.date between ${from} and ${to}
      group by 1, 2
    )
    select to_char(week, 'YYYY-MM-DD') as week_start, sum(n)::int as check_ins, count(*)::int as couples
    from per_couple_week
    group by week`;

  const [[clinic], counsellorRows, groupRows, stepRows, weekRows] = await Promise.all([
    database.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).limit(1),
    database
      .select({ id: users.id, name: users.name, active: users.active })
      .from(users)
      .where(and(eq(users.clinicId, clinicId), eq(users.role, "counsellor")))
      .orderBy(asc(users.name), asc(users.id)),
    selectRows<GroupRow>(database, groupsQuery),
    selectRows<{ step: number; reached: number; median_weeks: number | null; done_n: number }>(database, stepsQuery),
    selectRows<{ week_start: string; check_ins: number; couples: number }>(database, weeksQuery),
  ]);

  const clinicRow = groupRows.find((r) => Number(r.is_clinic) === 1);
  const byId = new Map(groupRows.filter((r) => Number(r.is_clinic) === 0).map((r) => [r.counsellor_id, r]));
  const byCounsellor = counsellorRows
    .filter((c) => c.active || byId.has(c.id))
    .map((c) => ({ counsellorId: c.id, name: c.name, active: c.active, ...figures(byId.get(c.id)) }));

  const steps = new Map(stepRows.map((r) => [Number(r.step), r]));
  const weeks = new Map(weekRows.map((r) => [r.week_start, r]));
  const bucket = (prefix: "a" | "k") =>
    [0, 1, 2, 3, 4].map((i) => Number(clinicRow?.[`${prefix}${i}` as keyof GroupRow] ?? 0));

  return {
    range,
    clinicName: clinic?.name ?? "",
    hasCouples: (clinicRow?.couples ?? 0) > 0,
    counsellors: counsellorRows.filter((c) => c.active).length,
    clinic: figures(clinicRow),
    byCounsellor,
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
