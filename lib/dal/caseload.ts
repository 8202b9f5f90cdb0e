import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/ready";
import {
  assignments,
  checkIns,
  coupleMembers,
  couples,
  coupleStatusEnum,
  exerciseResponses,
  partnerSlotEnum,
  promises,
  users,
  type CoupleStatus,
  type PartnerSlot,
} from "@/db/schema";
import {
  BROKEN_PROMISE_DAYS,
  FLAG_IDS,
  NO_CHECK_IN_DAYS,
  TRUST_DROP_POINTS,
  TRUST_DROP_TOLERANCE,
  type FlagId,
} from "@/lib/metrics/flags";
import { TRUST_WINDOW_DAYS } from "@/lib/metrics/trust";
import { todayIn } from "@/lib/time/zone";
import { caseloadQuerySchema, type CaseloadQuery, type CaseloadSort } from "@/lib/validations/caseload";
import { openSafetyConcernExists, openSafetyConcernRaisedBy } from "./policy/safety-concerns";
import { jsonColumn, selectRows } from "./rows";
import { parseIdOrNotFound } from "./scope";
import { escapeLike, sqlAlias, sqlEnum, sqlFrom, sqlInt } from "./sql";
import { adherenceSql, contactAgreementOnSql, expectedCheckInsSql } from "./sql/adherence";
import { brokenCountSql, decidedPromiseSql, keepRateSql, keptCountSql, resolvedDaySql, resolvedOnDaysSql } from "./sql/keep-rate";
import { requireRole } from "./viewer";

/** Days in the adherence window of the caseload. */
export const CASELOAD_ADHERENCE_DAYS = 14;
/** Days in the keep-rate window of the caseload. */
export const CASELOAD_KEEP_RATE_DAYS = 30;

export type CaseloadPartner = {
  slot: PartnerSlot;
  name: string;
  lastCheckIn: string | null;
  /** {@link checkInAdherence} over the 14 days ending today; null when nothing was expected. */
  adherence: number | null;
  /** {@link keepRate} of this partner's promises resolved in the 30 days ending today; null when none. */
  keepRate: number | null;
  /** Mean trust over the 7 days ending today; null without a check-in in them. */
  trust: number | null;
  /** {@link trustChange}: this week's mean minus the week before; null when either is missing. */
  trustChange: number | null;
  /** A promise this partner made was marked broken in the last week (the broken-promise flag). */
  brokenPromise: boolean;
  /** This partner has one-off work past its due date and not sent (the overdue flag). */
  overdue: boolean;
  /** An open safety concern came from this partner's own screen (the safety flag). */
  raisedConcern: boolean;
};

export type CaseloadRow = {
  id: string;
  name: string;
  status: CoupleStatus;
  currentStep: number;
  startedOn: string;
  /** The latest check-in of either partner. */
  lastCheckIn: string | null;
  partners: CaseloadPartner[];
  flags: FlagId[];
  /** No contact agreement in force today: adherence is measured against the daily default. */
  defaultContact: boolean;
  nextDue: { dueOn: string; exerciseKind: string; step: number } | null;
};

export type CaseloadPage = {
  rows: CaseloadRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  today: string;
};

const partnerRow = z.object({
  slot: z.enum(partnerSlotEnum.enumValues),
  name: z.string(),
  lastCheckIn: z.string().nullable(),
  adherence: z.number().nullable(),
  keepRate: z.number().nullable(),
  trust: z.number().nullable(),
  trustChange: z.number().nullable(),
  brokenPromise: z.boolean(),
  overdue: z.boolean(),
  raisedConcern: z.boolean(),
}) satisfies z.ZodType<CaseloadPartner>;

const caseloadRow = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(coupleStatusEnum.enumValues),
  current_step: z.number(),
  started_on: z.string(),
  last_check_in: z.string().nullable(),
  partners: jsonColumn(z.array(partnerRow)),
  flag_no_recent_check_in: z.boolean(),
  flag_broken_promise: z.boolean(),
  flag_trust_drop: z.boolean(),
  flag_overdue_assignment: z.boolean(),
  flag_safety_concern: z.boolean(),
  next_due_on: z.string().nullable(),
  next_due_kind: z.string().nullable(),
  next_due_step: z.number().nullable(),
  default_contact: z.boolean(),
  total: z.number(),
});
type RawRow = z.output<typeof caseloadRow>;

const FLAG_COLUMNS = {
  no_recent_check_in: "flag_no_recent_check_in",
  broken_promise: "flag_broken_promise",
  trust_drop: "flag_trust_drop",
  overdue_assignment: "flag_overdue_assignment",
  safety_concern: "flag_safety_concern",
} as const satisfies Record<FlagId, keyof RawRow>;

const SORT_EXPRESSIONS: Record<CaseloadSort, SQL> = {
  name: sql`name`,
  status: sql`status`,
  step: sql`current_step`,
  lastCheckIn: sql`last_check_in`,
  adherence: sql`min_adherence`,
  keepRate: sql`min_keep_rate`,
  trust: sql`min_trust`,
  trustChange: sql`min_trust_change`,
  flags: sql`flag_count`,
  nextDue: sql`next_due_on`,
};

/**
 * The sorts that need no figure, as the couples table orders them: the same order as
 * SORT_EXPRESSIONS gives the finished rows (status is compared as text there, so here too).
 */
const PAGE_FIRST_SORTS: Partial<Record<CaseloadSort, SQL>> = {
  name: sql`name`,
  status: sql`status::text`,
  step: sql`current_step`,
};

// The tables under the short names the statement uses. "c" is the couples table inside the first
// CTE (c_all, narrowed to the page as c when the sort allows); every later "c." means the CTE c.
const cpl = sqlAlias(couples, "c");
const cm = sqlAlias(coupleMembers, "cm");
const u = sqlAlias(users, "u");
const ci = sqlAlias(checkIns, "ci");
const x = sqlAlias(promises, "x");
const a = sqlAlias(assignments, "a");
const r = sqlAlias(exerciseResponses, "r");

/**
 * The figures of every couple in a counsellor's caseload, in one statement: per-partner windows
 * over check_ins and promises, overdue work and open safety concerns, each flag as in
 * lib/metrics/flags.ts. Filtering, sorting and paging happen on the result, so the
 * "needs attention" filter and the flag sort see exactly the flags the table shows.
 */
function caseloadStatement(
  viewer: { id: string; clinicId: string; clinicTimeZone: string },
  query: CaseloadQuery,
  now: Date,
  coupleId?: string,
): SQL {
  // Couple-wide figures (broken promise, next due) count days on the clinic's calendar.
  const t = sql`${todayIn(viewer.clinicTimeZone, now)}::date`;
  // Each partner's own figures count days on their calendar: their zone, else the clinic's.
  // `now` is a parameter (never SQL now()) so the day is the same one the caller means.
  const partnerZone = sql`coalesce(${u.timeZone}, ${viewer.clinicTimeZone})`;
  const pt = sql`pt.today`;
  const adherenceFrom = sql`${pt} - ${sqlInt(CASELOAD_ADHERENCE_DAYS - 1)}`;
  const coupleFilters: SQL[] = [sql`${cpl.counsellorId} = ${viewer.id}`, sql`${cpl.clinicId} = ${viewer.clinicId}`];
  if (coupleId) coupleFilters.push(sql`${cpl.id} = ${coupleId}`);
  if (query.q) coupleFilters.push(sql`${cpl.name} ilike ${`%${escapeLike(query.q)}%`}`);
  if (query.status) coupleFilters.push(sql`${cpl.status} = ${query.status}`);
  if (query.step) coupleFilters.push(sql`${cpl.currentStep} = ${query.step}`);

  const outerFilters: SQL[] = [sql`true`];
  if (query.flag === "attention") outerFilters.push(sql`flag_count > 0`);
  else if (query.flag) outerFilters.push(sql`${sql.identifier(FLAG_COLUMNS[query.flag])}`);

  const direction = query.dir === "desc" ? sql`desc nulls last` : sql`asc nulls first`;
  const offset = (query.page - 1) * query.pageSize;
  // Without a flag filter, a view sorted by a column of the couple itself is paged before any
  // figure is computed: the figures are worked out for the page's couples only, not the whole
  // caseload (the default view of a 40-couple caseload then computes 20, half the work).
  const coupleSort = PAGE_FIRST_SORTS[query.sort];
  const pageFirst = !query.flag && coupleSort !== undefined;
  return sql`
    with c_all as (
      select ${cpl.id}, ${cpl.name}, ${cpl.status}, ${cpl.currentStep}, ${cpl.startedOn}
      from ${sqlFrom(cpl)}
      where ${sql.join(coupleFilters, sql` and `)}
    ),
    c as (
      select * from c_all
      ${pageFirst ? sql`order by ${coupleSort} ${direction}, name asc, id asc limit ${query.pageSize} offset ${offset}` : sql``}
    ),
    p as (
      select
        ${cm.coupleId}, ${cm.userId}, ${cm.slot}::text as slot, ${u.name}, pt.today,
        last_ci.last_date,
        w.days14, w.trust_cur, w.trust_prev,
        pr.kept30, pr.broken30,
        f.expected14, c.started_on, f.broken_promise, f.overdue,
        ${openSafetyConcernRaisedBy(sql`c.id`, sql`${cm.userId}`)} as raised_concern
      from c
      join ${sqlFrom(cm)} on ${cm.coupleId} = c.id
      join ${sqlFrom(u)} on ${u.id} = ${cm.userId}
      cross join lateral (select (${now.toISOString()}::timestamptz at time zone ${partnerZone})::date as today) pt
      -- Per-partner figures the later steps read more than once, worked out once here: the fence
      -- (offset 0) stops PostgreSQL folding them back in as a copy per reference.
      cross join lateral (
        select
          ${expectedCheckInsSql({ from: adherenceFrom, to: pt, startedOn: sql`c.started_on`, coupleId: sql`c.id` })} as expected14,
          -- A promise this partner made, marked broken in the last week (days on the clinic's calendar).
          coalesce(${t} - (
            select max(${resolvedDaySql(x.resolvedAt, sql`${viewer.clinicTimeZone}`)}) from ${sqlFrom(x)}
            where ${x.coupleId} = c.id and ${x.madeBy} = ${cm.userId} and ${x.status} = ${sqlEnum(x.status, "broken")}
          ) < ${sqlInt(BROKEN_PROMISE_DAYS)}, false) as broken_promise,
          -- Overdue for this partner once their own day has passed the due date and they have not sent it.
          exists (
            select 1 from ${sqlFrom(a)}
            where ${a.coupleId} = c.id and ${a.status} = ${sqlEnum(a.status, "active")}
              and ${a.recurrence} = ${sqlEnum(a.recurrence, "once")} and ${a.dueOn} < ${pt}
              and (${a.forUserId} is null or ${a.forUserId} = ${cm.userId})
              and not exists (
                select 1 from ${sqlFrom(r)}
                where ${r.assignmentId} = ${a.id} and ${r.userId} = ${cm.userId} and ${r.status} = ${sqlEnum(r.status, "submitted")}
              )
          ) as overdue
        offset 0
      ) f
      -- A partner belongs to one couple (couple_members_user_key), so the newest row on the
      -- (user_id, date) index is their last check-in: one index probe instead of a year of rows.
      left join lateral (
        select ${ci.date} as last_date from ${sqlFrom(ci)} where ${ci.userId} = ${cm.userId} order by ${ci.date} desc limit 1
      ) last_ci on true
      left join lateral (
        select
          count(distinct ${ci.date})::int as days14,
          (avg(${ci.trust}) filter (where ${ci.date} >= ${pt} - ${sqlInt(TRUST_WINDOW_DAYS - 1)}))::float8 as trust_cur,
          (avg(${ci.trust}) filter (where ${ci.date} <= ${pt} - ${sqlInt(TRUST_WINDOW_DAYS)}))::float8 as trust_prev
        from ${sqlFrom(ci)}
        where ${ci.userId} = ${cm.userId} and ${ci.coupleId} = c.id and ${ci.date} between ${adherenceFrom} and ${pt}
      ) w on true
      left join lateral (
        select ${keptCountSql(x.status)}::int as kept30, ${brokenCountSql(x.status)}::int as broken30
        from ${sqlFrom(x)}
        where ${x.madeBy} = ${cm.userId} and ${x.coupleId} = c.id and ${decidedPromiseSql(x.status)}
          and ${resolvedOnDaysSql(x.resolvedAt, sql`${pt} - ${sqlInt(CASELOAD_KEEP_RATE_DAYS - 1)}`, pt, partnerZone)}
      ) pr on true
    ),
    pf as (
      select
        couple_id, user_id, slot, name, today, last_date, started_on, broken_promise, overdue, raised_concern,
        ${adherenceSql(sql`days14`, sql`expected14`)} as adherence,
        ${keepRateSql(sql`kept30`, sql`broken30`)} as keep_rate,
        trust_cur,
        (trust_cur - trust_prev)::float8 as trust_change
      from p
    ),
    per_couple as (
      select
        couple_id,
        max(last_date) as last_check_in,
        bool_or(today - coalesce(last_date, started_on) >= ${sqlInt(NO_CHECK_IN_DAYS)}) as no_recent,
        bool_or(trust_change <= ${-TRUST_DROP_POINTS + TRUST_DROP_TOLERANCE}::float8) as trust_drop,
        bool_or(broken_promise) as broken_promise,
        bool_or(overdue) as overdue,
        min(adherence) as min_adherence,
        min(keep_rate) as min_keep_rate,
        min(trust_cur) as min_trust,
        min(trust_change) as min_trust_change,
        json_agg(json_build_object(
          'slot', slot, 'name', name, 'lastCheckIn', to_char(last_date, 'YYYY-MM-DD'),
          'adherence', adherence, 'keepRate', keep_rate, 'trust', trust_cur, 'trustChange', trust_change,
          'brokenPromise', broken_promise, 'overdue', overdue, 'raisedConcern', raised_concern
        ) order by slot) as partners
      from pf
      group by couple_id
    ),
    figures as (
      select
        c.id, c.name, c.status::text as status, c.current_step, to_char(c.started_on, 'YYYY-MM-DD') as started_on,
        to_char(pc.last_check_in, 'YYYY-MM-DD') as last_check_in,
        coalesce(pc.partners, '[]'::json) as partners,
        pc.min_adherence, pc.min_keep_rate, pc.min_trust, pc.min_trust_change,
        coalesce(pc.no_recent, false) as flag_no_recent_check_in,
        coalesce(pc.broken_promise, false) as flag_broken_promise,
        coalesce(pc.trust_drop, false) as flag_trust_drop,
        coalesce(pc.overdue, false) as flag_overdue_assignment,
        ${openSafetyConcernExists(cpl.id)} as flag_safety_concern,
        not ${contactAgreementOnSql(sql`c.id`, t)} as default_contact,
        nd.due_on as next_due_on, nd.exercise_kind as next_due_kind, nd.step as next_due_step
      from c
      left join per_couple pc on pc.couple_id = c.id
      left join lateral (
        select to_char(${a.dueOn}, 'YYYY-MM-DD') as due_on, ${a.exerciseKind}, ${a.step}
        from ${sqlFrom(a)}
        where ${a.coupleId} = c.id and ${a.status} = ${sqlEnum(a.status, "active")} and ${a.dueOn} >= ${t}
          -- Work already sent is not "next": skip it once every partner it is for has sent their
          -- answer to the current occurrence (the due date of a one-off, today or this week for recurring work).
          and (
            select count(distinct ${r.userId}) from ${sqlFrom(r)}
            where ${r.assignmentId} = ${a.id} and ${r.status} = ${sqlEnum(r.status, "submitted")}
              and (${a.forUserId} is null or ${r.userId} = ${a.forUserId})
              and ${r.occurrenceOn} = case ${a.recurrence}
                when ${sqlEnum(a.recurrence, "daily")} then ${t}
                when ${sqlEnum(a.recurrence, "weekly")} then date_trunc('week', ${t})::date
                else ${a.dueOn} end
          ) < case when ${a.forUserId} is null then 2 else 1 end
        order by ${a.dueOn}, ${a.createdAt}
        limit 1
      ) nd on true
    ),
    flagged as (
      select *,
        (flag_no_recent_check_in::int + flag_broken_promise::int + flag_trust_drop::int
          + flag_overdue_assignment::int + flag_safety_concern::int) as flag_count
      from figures
    )
    select *, ${pageFirst ? sql`(select count(*) from c_all)::int` : sql`(count(*) over ())::int`} as total
    from flagged
    where ${sql.join(outerFilters, sql` and `)}
    order by ${SORT_EXPRESSIONS[query.sort]} ${direction}, name asc, id asc
    ${pageFirst ? sql`` : sql`limit ${query.pageSize} offset ${offset}`}
  `;
}

function toRow(raw: RawRow): CaseloadRow {
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status,
    currentStep: raw.current_step,
    startedOn: raw.started_on,
    lastCheckIn: raw.last_check_in,
    partners: raw.partners,
    flags: FLAG_IDS.filter((id) => raw[FLAG_COLUMNS[id]]),
    defaultContact: raw.default_contact,
    nextDue:
      raw.next_due_on && raw.next_due_kind && raw.next_due_step !== null
        ? { dueOn: raw.next_due_on, exerciseKind: raw.next_due_kind, step: raw.next_due_step }
        : null,
  };
}

/**
 * The signed-in counsellor's couples with their figures and flags, one page at a time; search,
 * filters, sorting and paging run in SQL. One statement per page, whatever the caseload's size; a
 * page past the end is answered with the last page (three statements then).
 */
export async function listCaseload(query: CaseloadQuery, now: Date = new Date()): Promise<CaseloadPage> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  let raws = await selectRows(database, caseloadRow, caseloadStatement(viewer, query, now));
  let total = raws[0]?.total ?? 0;
  let page = query.page;
  if (raws.length === 0 && query.page > 1) {
    // Past the last page (an old link, or a smaller caseload since): show the last page instead of
    // an empty one. The window count is unknown without a row, so count first, then fetch that page.
    const probe = await selectRows(database, caseloadRow, caseloadStatement(viewer, { ...query, page: 1, pageSize: 1 }, now));
    total = probe[0]?.total ?? 0;
    page = Math.max(1, Math.ceil(total / query.pageSize));
    raws = total === 0 ? [] : await selectRows(database, caseloadRow, caseloadStatement(viewer, { ...query, page }, now));
  }
  return {
    rows: raws.map(toRow),
    total,
    page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    today: todayIn(viewer.timeZone, now),
  };
}

/** One couple's caseload row (figures and flags), for the top of the couple page; not found unless it is the viewer's. */
export async function getCaseloadRow(coupleId: string, now: Date = new Date()): Promise<CaseloadRow> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  const [raw] = await selectRows(database, caseloadRow, caseloadStatement(viewer, caseloadQuerySchema.parse({}), now, id));
  if (!raw) notFound();
  return toRow(raw);
}
