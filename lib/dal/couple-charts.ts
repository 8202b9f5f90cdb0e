import "server-only";
import { sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/ready";
import {
  checkIns as checkInsTable,
  coupleMembers,
  couples,
  partnerSlotEnum,
  promises,
  promiseStatusEnum,
  stepProgress,
  stepStatusEnum,
  users,
  type PartnerSlot,
  type StepStatus,
} from "@/db/schema";
import { addIsoDays, perWeekOn, weeklyAdherence, weeklyKeepRate, type ContactAgreementSpan, type IsoDate, type PromiseOutcome } from "@/lib/metrics";
import { TRUST_WINDOW_DAYS } from "@/lib/metrics/trust";
import { STEPS } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import type { ChartRange } from "@/lib/validations/couple-page";
import { jsonColumn, selectRows } from "./rows";
import { parseIdOrNotFound } from "./scope";
import { sqlAlias, sqlFrom, sqlInt } from "./sql";
import { contactAgreementSpansSql } from "./sql/adherence";
import { decidedPromiseSql, resolvedByDaySql, resolvedDaySql } from "./sql/keep-rate";
import { requireRole, type Viewer } from "./viewer";

export type ChartPartner = { id: string; slot: PartnerSlot; name: string };

/** One day of the trust and closeness chart; `a`/`b` are the partners in slot order. */
export type DailyTrustRow = {
  date: IsoDate;
  trustA: number | null;
  trustB: number | null;
  /** 7-day trailing mean (lib/metrics rollingMean), on days that partner checked in. */
  trustMeanA: number | null;
  trustMeanB: number | null;
  closenessA: number | null;
  closenessB: number | null;
  closenessMeanA: number | null;
  closenessMeanB: number | null;
  /** |trustA − trustB| on days both checked in (lib/metrics partnerGap). */
  trustGap: number | null;
};

export type WeeklyAdherenceChartRow = {
  weekStart: IsoDate;
  expected: number;
  checkInsA: number;
  checkInsB: number;
  adherenceA: number | null;
  adherenceB: number | null;
};

export type WeeklyPromiseChartRow = {
  weekStart: IsoDate;
  kept: number;
  broken: number;
  cumulativeRateA: number | null;
  cumulativeRateB: number | null;
};

export type StepTimelineRow = {
  step: number;
  title: string;
  status: StepStatus;
  startedOn: IsoDate | null;
  completedOn: IsoDate | null;
};

export type CoupleCharts = {
  range: ChartRange;
  from: IsoDate;
  to: IsoDate;
  /** Check-ins a week asked for today (the contact agreement in force, else the daily default). */
  checkInsPerWeek: number;
  /** Whether today's expectation is the program's default: no contact agreement in force. */
  defaultContact: boolean;
  partners: ChartPartner[];
  trust: DailyTrustRow[];
  adherence: WeeklyAdherenceChartRow[];
  promises: WeeklyPromiseChartRow[];
  steps: StepTimelineRow[];
};

const coupleRow = z.object({
  id: z.string(),
  started_on: z.string(),
  partners: jsonColumn(z.array(z.object({ id: z.string(), slot: z.enum(partnerSlotEnum.enumValues), name: z.string() }))),
});
const spanRow = z.object({ from: z.string(), until: z.string().nullable(), per_week: z.number() });
const checkInRow = z.object({
  user_id: z.string(),
  date: z.string(),
  trust: z.number(),
  closeness: z.number(),
  trust_mean: z.number(),
  closeness_mean: z.number(),
});
const promiseRow = z.object({ made_by: z.string(), status: z.enum(promiseStatusEnum.enumValues), resolved_on: z.string() });
const stepRow = z.object({
  step: z.number(),
  status: z.enum(stepStatusEnum.enumValues),
  started_on: z.string().nullable(),
  completed_on: z.string().nullable(),
});

const c = sqlAlias(couples, "c");
const cm = sqlAlias(coupleMembers, "cm");
const u = sqlAlias(users, "u");
const ci = sqlAlias(checkInsTable, "ci");
const p = sqlAlias(promises, "p");

/** The first day a range covers, ending today. "all" starts on the day the couple started. */
export function rangeStart(range: ChartRange, today: IsoDate, startedOn: IsoDate): IsoDate {
  if (range === "4w") return addIsoDays(today, -27);
  if (range === "12w") return addIsoDays(today, -83);
  return startedOn < today ? startedOn : today;
}

/**
 * Everything the couple page's charts draw, for the couple's counsellor only: daily trust and
 * closeness with 7-day means (window functions in SQL), weekly check-in adherence where each day
 * expects the contact agreement in force that day, weekly promises kept and broken with each partner's cumulative keep
 * rate, and the ten steps. Four queries whatever the range; figures follow lib/metrics.
 */
export async function getCoupleCharts(coupleId: string, range: ChartRange, day?: IsoDate): Promise<CoupleCharts> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  const [couple] = await selectRows(
    database,
    coupleRow,
    sql`
      select ${c.id}, to_char(${c.startedOn}, 'YYYY-MM-DD') as started_on,
        coalesce((
          select json_agg(json_build_object('id', ${u.id}, 'slot', ${cm.slot}, 'name', ${u.name}) order by ${cm.slot})
          from ${sqlFrom(cm)} join ${sqlFrom(u)} on ${u.id} = ${cm.userId}
          where ${cm.coupleId} = ${c.id}
        ), '[]'::json) as partners
      from ${sqlFrom(c)}
      where ${c.id} = ${id} and ${c.counsellorId} = ${viewer.id} and ${c.clinicId} = ${viewer.clinicId}
    `,
  );
  if (!couple) notFound();
  return unsafeGetCoupleCharts(viewer, { id: couple.id, startedOn: couple.started_on, partners: couple.partners }, range, day);
}

/**
 * {@link getCoupleCharts} for a couple already read and checked to be the viewer's (the couple
 * page has its start day and partners in hand): it skips the couple's own read.
 */
export async function unsafeGetCoupleCharts(
  viewer: Viewer,
  couple: { id: string; startedOn: IsoDate; partners: ChartPartner[] },
  range: ChartRange,
  day?: IsoDate,
): Promise<CoupleCharts> {
  const { id } = couple;
  const database = await db();
  const partners: ChartPartner[] = couple.partners.map((p) => ({ id: p.id, slot: p.slot, name: p.name }));
  // The couple's charts follow the clinic's calendar (both partners on one axis), and so do the
  // days promises were resolved on.
  const zone = sql`${viewer.clinicTimeZone}`;
  const today = day ?? todayIn(viewer.clinicTimeZone);
  const from = rangeStart(range, today, couple.startedOn);
  const t = sql`${today}::date`;
  const f = sql`${from}::date`;
  const meanDays = sqlInt(TRUST_WINDOW_DAYS - 1);

  const [checkIns, promiseRows, stepRows, spanRows] = await Promise.all([
    selectRows(
      database,
      checkInRow,
      sql`
        select user_id, date, trust, closeness, trust_mean, closeness_mean from (
          select ${ci.userId}, to_char(${ci.date}, 'YYYY-MM-DD') as date, ${ci.date} as day, ${ci.trust}::int as trust, ${ci.closeness}::int as closeness,
            (avg(${ci.trust}) over w)::float8 as trust_mean,
            (avg(${ci.closeness}) over w)::float8 as closeness_mean
          from ${sqlFrom(ci)}
          where ${ci.coupleId} = ${id} and ${ci.date} between ${f} - ${meanDays} and ${t}
          window w as (partition by ${ci.userId} order by ${ci.date} range between make_interval(days => ${meanDays}) preceding and current row)
        ) x
        where day >= ${f}
        order by day, user_id
      `,
    ),
    // Cumulative keep rates count everything resolved before the range too.
    selectRows(
      database,
      promiseRow,
      sql`
        select ${p.madeBy}, ${p.status}::text as status, to_char(${resolvedDaySql(p.resolvedAt, zone)}, 'YYYY-MM-DD') as resolved_on
        from ${sqlFrom(p)}
        where ${p.coupleId} = ${id} and ${decidedPromiseSql(p.status)} and ${p.resolvedAt} is not null
          and ${resolvedByDaySql(p.resolvedAt, t, zone)}
      `,
    ),
    selectRows(
      database,
      stepRow,
      sql`
        select ${stepProgress.step}, ${stepProgress.status}::text as status,
          to_char(${stepProgress.startedOn}, 'YYYY-MM-DD') as started_on, to_char(${stepProgress.completedOn}, 'YYYY-MM-DD') as completed_on
        from ${stepProgress} where ${stepProgress.coupleId} = ${id} order by ${stepProgress.step}
      `,
    ),
    selectRows(database, spanRow, contactAgreementSpansSql(sql`${id}::uuid`)),
  ]);
  const spans: ContactAgreementSpan[] = spanRows.map((r) => ({ from: r.from, until: r.until, perWeek: r.per_week }));

  const [a, b] = [partners[0], partners[1]];
  const byDay = new Map<string, DailyTrustRow>();
  for (const row of checkIns) {
    const day =
      byDay.get(row.date) ??
      ({
        date: row.date,
        trustA: null,
        trustB: null,
        trustMeanA: null,
        trustMeanB: null,
        closenessA: null,
        closenessB: null,
        closenessMeanA: null,
        closenessMeanB: null,
        trustGap: null,
      } satisfies DailyTrustRow);
    if (row.user_id === a?.id) {
      Object.assign(day, { trustA: row.trust, trustMeanA: row.trust_mean, closenessA: row.closeness, closenessMeanA: row.closeness_mean });
    } else if (row.user_id === b?.id) {
      Object.assign(day, { trustB: row.trust, trustMeanB: row.trust_mean, closenessB: row.closeness, closenessMeanB: row.closeness_mean });
    }
    day.trustGap = day.trustA !== null && day.trustB !== null ? Math.abs(day.trustA - day.trustB) : null;
    byDay.set(row.date, day);
  }
  const trust = [...byDay.values()].sort((x, y) => (x.date < y.date ? -1 : 1));

  const datesOf = (userId: string | undefined) => checkIns.filter((c) => c.user_id === userId).map((c) => c.date);
  const adherenceFor = (userId: string | undefined) =>
    weeklyAdherence({ checkInDates: datesOf(userId), from, to: today, agreements: spans, startedOn: couple.startedOn });
  const adherenceA = adherenceFor(a?.id);
  const adherenceB = adherenceFor(b?.id);
  const adherence = adherenceA.map((week, i) => ({
    weekStart: week.weekStart,
    expected: week.expected,
    checkInsA: week.checkIns,
    checkInsB: adherenceB[i]?.checkIns ?? 0,
    adherenceA: a ? week.adherence : null,
    adherenceB: b ? (adherenceB[i]?.adherence ?? null) : null,
  }));

  const outcomes = (userId?: string): PromiseOutcome[] =>
    promiseRows.filter((p) => userId === undefined || p.made_by === userId).map((p) => ({ status: p.status, resolvedOn: p.resolved_on }));
  const all = weeklyKeepRate(outcomes(), from, today);
  const keptA = weeklyKeepRate(outcomes(a?.id ?? "none"), from, today);
  const keptB = weeklyKeepRate(outcomes(b?.id ?? "none"), from, today);
  const promiseWeeks = all.map((week, i) => ({
    weekStart: week.weekStart,
    kept: week.kept,
    broken: week.broken,
    cumulativeRateA: keptA[i]?.cumulativeRate ?? null,
    cumulativeRateB: keptB[i]?.cumulativeRate ?? null,
  }));

  const stepByNumber = new Map(stepRows.map((s) => [s.step, s]));
  const steps = STEPS.map((s) => {
    const row = stepByNumber.get(s.number);
    return {
      step: s.number,
      title: s.title,
      status: row?.status ?? "not_started",
      startedOn: row?.started_on ?? null,
      completedOn: row?.completed_on ?? null,
    };
  });

  return {
    range,
    from,
    to: today,
    checkInsPerWeek: perWeekOn(today, spans),
    defaultContact: !spans.some((a) => a.from <= today && (a.until === null || today < a.until)),
    partners,
    trust,
    adherence,
    promises: promiseWeeks,
    steps,
  };
}
