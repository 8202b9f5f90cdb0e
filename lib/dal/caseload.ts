import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db/ready";
import type { CoupleStatus, PartnerSlot } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import {
  BROKEN_PROMISE_DAYS,
  FLAG_IDS,
  NO_CHECK_IN_DAYS,
  TRUST_DROP_POINTS,
  TRUST_DROP_TOLERANCE,
  type FlagId,
} from "@/lib/metrics/flags";
import type { CaseloadQuery, CaseloadSort } from "@/lib/validations/caseload";
import { notFound } from "next/navigation";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { selectRows } from "./rows";
import { parseIdOrNotFound } from "./scope";
import { escapeLike } from "./sql";
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

type RawRow = {
  id: string;
  name: string;
  status: CoupleStatus;
  current_step: number;
  started_on: string;
  last_check_in: string | null;
  partners: CaseloadPartner[] | string | null;
  flag_no_recent_check_in: boolean;
  flag_broken_promise: boolean;
  flag_trust_drop: boolean;
  flag_overdue_assignment: boolean;
  flag_safety_concern: boolean;
  next_due_on: string | null;
  next_due_kind: string | null;
  next_due_step: number | null;
  total: number;
};

const FLAG_COLUMNS: Record<FlagId, string> = {
  no_recent_check_in: "flag_no_recent_check_in",
  broken_promise: "flag_broken_promise",
  trust_drop: "flag_trust_drop",
  overdue_assignment: "flag_overdue_assignment",
  safety_concern: "flag_safety_concern",
};

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
 * The figures of every couple in a counsellor's caseload, in one statement: per-partner windows
 * over check_ins and promises, overdue work and open safety concerns, each flag as in
 * lib/metrics/flags.ts. Filtering, sorting and paging happen on the result, so the
 * "needs attention" filter and the flag sort see exactly the flags the table shows.
 */
function caseloadStatement(viewer: { id: string; clinicId: string }, query: CaseloadQuery, today: string, coupleId?: string): SQL {
  const t = sql`${today}::date`;
  const coupleFilters: SQL[] = [sql`c.counsellor_id = ${viewer.id}`, sql`c.clinic_id = ${viewer.clinicId}`];
  if (coupleId) coupleFilters.push(sql`c.id = ${coupleId}`);
  if (query.q) coupleFilters.push(sql`c.name ilike ${`%${escapeLike(query.q)}%`}`);
  if (query.status) coupleFilters.push(sql`c.status = ${query.status}`);
  if (query.step) coupleFilters.push(sql`c.current_step = ${query.step}`);

  const outerFilters: SQL[] = [sql`true`];
  if (query.flag === "attention") outerFilters.push(sql`flag_count > 0`);
  else if (query.flag) outerFilters.push(sql.raw(FLAG_COLUMNS[query.flag]));

  const direction = query.dir === "desc" ? sql`desc nulls last` : sql`asc nulls first`;
  return sql`
    with c as (
      select c.id, c.name, c.status, c.current_step, c.started_on, c.check_ins_per_week
      from couples c
      where ${sql.join(coupleFilters, sql` and `)}
    ),
    p as (
      select
        cm.couple_id, cm.slot::text as slot, u.name,
        last_ci.last_date,
        w.days14, w.trust_cur, w.trust_prev,
        pr.kept30, pr.broken30,
        greatest(0, ${t} - greatest(${t} - ${int(CASELOAD_ADHERENCE_DAYS - 1)}, c.started_on) + 1)
          * c.check_ins_per_week / 7.0 as expected14,
        c.started_on
      from c
      join couple_members cm on cm.couple_id = c.id
      join users u on u.id = cm.user_id
      -- A partner belongs to one couple (couple_members_user_key), so the newest row on the
      -- (user_id, date) index is their last check-in: one index probe instead of a year of rows.
      left join lateral (
        select ci.date as last_date from check_ins ci where ci.user_id = cm.user_id order by ci.date desc limit 1
      ) last_ci on true
      left join lateral (
        select
          count(distinct ci.date)::int as days14,
          (avg(ci.trust) filter (where ci.date >= ${t} - 6))::float8 as trust_cur,
          (avg(ci.trust) filter (where ci.date <= ${t} - 7))::float8 as trust_prev
        from check_ins ci
        where ci.user_id = cm.user_id and ci.couple_id = c.id and ci.date between ${t} - 13 and ${t}
      ) w on true
      left join lateral (
        select
          (count(*) filter (where x.status = 'kept'))::int as kept30,
          (count(*) filter (where x.status = 'broken'))::int as broken30
        from promises x
        where x.made_by = cm.user_id and x.couple_id = c.id and x.status in ('kept', 'broken')
          and x.resolved_at >= (${t} - ${int(CASELOAD_KEEP_RATE_DAYS - 1)})::timestamp at time zone 'UTC'
          and x.resolved_at < (${t} + 1)::timestamp at time zone 'UTC'
      ) pr on true
    ),
    pf as (
      select
        couple_id, slot, name, last_date, started_on,
        case when expected14 > 0 then least(1.0, days14 / expected14)::float8 end as adherence,
        case when kept30 + broken30 > 0 then (kept30::float8 / (kept30 + broken30)) end as keep_rate,
        trust_cur,
        (trust_cur - trust_prev)::float8 as trust_change
      from p
    ),
    per_couple as (
      select
        couple_id,
        max(last_date) as last_check_in,
        bool_or(${t} - coalesce(last_date, started_on) >= ${int(NO_CHECK_IN_DAYS)}) as no_recent,
        bool_or(trust_change <= ${-TRUST_DROP_POINTS + TRUST_DROP_TOLERANCE}::float8) as trust_drop,
        min(adherence) as min_adherence,
        min(keep_rate) as min_keep_rate,
        min(trust_cur) as min_trust,
        min(trust_change) as min_trust_change,
        json_agg(json_build_object(
          'slot', slot, 'name', name, 'lastCheckIn', to_char(last_date, 'YYYY-MM-DD'),
          'adherence', adherence, 'keepRate', keep_rate, 'trust', trust_cur, 'trustChange', trust_change
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
        coalesce(${t} - (
          select max((x.resolved_at at time zone 'UTC')::date) from promises x
          where x.couple_id = c.id and x.status = 'broken'
        ) < ${int(BROKEN_PROMISE_DAYS)}, false) as flag_broken_promise,
        coalesce(pc.trust_drop, false) as flag_trust_drop,
        exists (
          select 1 from assignments a
          where a.couple_id = c.id and a.status = 'active' and a.recurrence = 'once' and a.due_on < ${t}
            and (
              select count(distinct r.user_id) from exercise_responses r
              where r.assignment_id = a.id and r.status = 'submitted'
                and (a.for_user_id is null or r.user_id = a.for_user_id)
            ) < case when a.for_user_id is null then 2 else 1 end
        ) as flag_overdue_assignment,
        exists (select 1 from safety_concerns s where s.couple_id = c.id and s.cleared_at is null) as flag_safety_concern,
        nd.due_on as next_due_on, nd.exercise_kind as next_due_kind, nd.step as next_due_step
      from c
      left join per_couple pc on pc.couple_id = c.id
      left join lateral (
        select to_char(a.due_on, 'YYYY-MM-DD') as due_on, a.exercise_kind, a.step
        from assignments a
        where a.couple_id = c.id and a.status = 'active' and a.due_on >= ${t}
        order by a.due_on, a.created_at
        limit 1
      ) nd on true
    ),
    flagged as (
      select *,
        (flag_no_recent_check_in::int + flag_broken_promise::int + flag_trust_drop::int
          + flag_overdue_assignment::int + flag_safety_concern::int) as flag_count
      from figures
    )
    select *, (count(*) over ())::int as total
    from flagged
    where ${sql.join(outerFilters, sql` and `)}
    order by ${SORT_EXPRESSIONS[query.sort]} ${direction}, name asc, id asc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
  `;
}

/** A whole number written into the statement, so date arithmetic is not left to type inference. */
function int(n: number): SQL {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return sql.raw(String(n));
}

function toRow(raw: RawRow): CaseloadRow {
  const partners = (typeof raw.partners === "string" ? JSON.parse(raw.partners) : raw.partners ?? []) as CaseloadPartner[];
  return {
    id: raw.id,
    name: raw.name,
    status: raw.status,
    currentStep: Number(raw.current_step),
    startedOn: raw.started_on,
    lastCheckIn: raw.last_check_in,
    partners,
    flags: FLAG_IDS.filter((id) => raw[FLAG_COLUMNS[id] as keyof RawRow] === true),
    nextDue:
      raw.next_due_on && raw.next_due_kind
        ? { dueOn: raw.next_due_on, exerciseKind: raw.next_due_kind, step: Number(raw.next_due_step) }
        : null,
  };
}

/**
 * The signed-in counsellor's couples with their figures and flags, one page at a time; search,
 * filters, sorting and paging run in SQL. One statement per page (two when the page asked for
 * lies past the end), whatever the caseload's size.
 */
export async function listCaseload(query: CaseloadQuery, today: string = todayIso()): Promise<CaseloadPage> {
  const viewer = await requireRole("counsellor");
  const database = await db();
  let raws = await selectRows<RawRow>(database, caseloadStatement(viewer, query, today));
  let total = raws[0] ? Number(raws[0].total) : 0;
  if (raws.length === 0 && query.page > 1) {
    // Past the last page: the window count is unknown without a row, so ask again from the start.
    raws = await selectRows<RawRow>(database, caseloadStatement(viewer, { ...query, page: 1, pageSize: 1 }, today));
    total = raws[0] ? Number(raws[0].total) : 0;
    raws = [];
  }
  return {
    rows: raws.map(toRow),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    today,
  };
}

/** One couple's caseload row (figures and flags), for the top of the couple page; not found unless it is the viewer's. */
export async function getCaseloadRow(coupleId: string, today: string = todayIso()): Promise<CaseloadRow> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  const [raw] = await selectRows<RawRow>(database, caseloadStatement(viewer, caseloadQuerySchema.parse({}), today, id));
  if (!raw) notFound();
  return toRow(raw);
}
