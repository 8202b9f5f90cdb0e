import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { getLiveClinicAggregates, RATE_EDGES } from "@/lib/dal/clinic-aggregates";
import { checkInAdherence, keepRate } from "@/lib/metrics";
import { distribution, median, roseFromBaseline, suppress } from "@/lib/metrics/clinic";
import { addIsoDays, isoWeeksOverlapping, toIsoDate } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { createClinic, db, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

/*
 * The clinic figures read check-in roll-ups that database triggers keep. After every kind of write
 * the roll-ups must equal a recount of check_ins, and the figures must equal the lib/metrics
 * definitions computed from the rows as they now stand.
 */

let clinic: FixtureClinic;
const today = todayIn("UTC");
const range = { from: addIsoDays(today, -69), to: today };
const checkIn = (input: Record<string, unknown>) => parseInput(checkInFormSchema, input);

beforeAll(async () => {
  clinic = await createClinic({
    days: 120,
    couplesPerCounsellor: [
      ["improving", "stalled", "declining", "steady", "paused", "improving"],
      ["steady", "stalled", "improving", "declining", "steady"],
    ],
  });
});

const coupleIds = () => clinic.couples.map((c) => c.id);

/** The roll-up rows of the clinic's couples, and the same rows counted again from check_ins. */
async function expectRollupsEqualRecount() {
  const ids = sql.join(coupleIds().map((id) => sql`${id}::uuid`), sql`, `);
  const recount = await db().execute(sql`
    select couple_id::text, to_char(day, 'YYYY-MM-DD') as day, a::int, b::int, n::int, t::int,
      (sum(a) over w)::int as a_to_date, (sum(b) over w)::int as b_to_date, (sum(n) over w)::int as n_to_date, (sum(t) over w)::int as t_to_date
    from (
      select ci.couple_id, ci.date as day, count(*) filter (where m.slot = 'A') as a, count(*) filter (where m.slot = 'B') as b,
        count(*) as n, sum(ci.trust) as t
      from check_ins ci left join couple_members m on m.user_id = ci.user_id and m.couple_id = ci.couple_id
      where ci.couple_id in (${ids})
      group by 1, 2
    ) per_day
    window w as (partition by couple_id order by day)
    order by 1, 2`);
  const kept = await db().execute(sql`
    select couple_id::text, to_char(day, 'YYYY-MM-DD') as day, partner_a as a, partner_b as b, check_ins as n, trust_sum as t,
      partner_a_to_date as a_to_date, partner_b_to_date as b_to_date, check_ins_to_date as n_to_date, trust_sum_to_date as t_to_date
    from couple_check_in_days where couple_id in (${ids}) order by 1, 2`);
  expect(rowsOf(kept)).toEqual(rowsOf(recount));
  const weeks = await db().execute(sql`
    select couple_id::text, to_char(date_trunc('week', date::timestamp), 'YYYY-MM-DD') as week, count(*)::int as n
    from check_ins where couple_id in (${ids}) group by 1, 2 order by 1, 2`);
  const keptWeeks = await db().execute(sql`
    select couple_id::text, to_char(week_start, 'YYYY-MM-DD') as week, check_ins as n
    from couple_check_in_weeks where couple_id in (${ids}) order by 1, 2`);
  expect(rowsOf(keptWeeks)).toEqual(rowsOf(weeks));
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({ ...r }));
}

/** The clinic's figures from lib/metrics over the rows as they stand in the database now. */
async function expectFiguresEqualDefinitions() {
  const database = db();
  const couples = await database.select().from(schema.couples).where(eq(schema.couples.clinicId, clinic.clinicId));
  const ids = couples.map((c) => c.id);
  const [members, checkIns, agreements, promises] = await Promise.all([
    database.select().from(schema.coupleMembers).where(inArray(schema.coupleMembers.coupleId, ids)),
    database.select().from(schema.checkIns).where(inArray(schema.checkIns.coupleId, ids)),
    database.select().from(schema.agreements).where(inArray(schema.agreements.coupleId, ids)),
    database.select().from(schema.promises).where(inArray(schema.promises.coupleId, ids)),
  ]);
  const cohort = couples.filter((c) => c.startedOn <= range.to && c.status !== "invited");
  const adherence: number[] = [];
  const keep: number[] = [];
  const rose: boolean[] = [];
  for (const couple of cohort) {
    const spans = agreements
      .filter((a) => a.coupleId === couple.id && a.status === "accepted" && a.checkInsPerWeek !== null && a.effectiveFrom !== null)
      .map((a) => ({ from: a.effectiveFrom!, until: a.effectiveUntil, perWeek: a.checkInsPerWeek! }));
    const perPartner = members
      .filter((m) => m.coupleId === couple.id)
      .map((m) =>
        checkInAdherence({
          checkInDates: checkIns.filter((c) => c.userId === m.userId).map((c) => c.date),
          window: { start: range.from, end: range.to },
          agreements: spans,
          startedOn: couple.startedOn,
        }),
      )
      .filter((v): v is number => v !== null);
    if (perPartner.length) adherence.push(perPartner.reduce((s, v) => s + v, 0) / perPartner.length);
    const resolved = promises.filter((p) => {
      if (p.coupleId !== couple.id || !p.resolvedAt) return false;
      const day = toIsoDate(p.resolvedAt);
      return day >= range.from && day <= range.to;
    });
    const rate = keepRate(resolved.map((p) => ({ status: p.status, resolvedOn: toIsoDate(p.resolvedAt!) })));
    if (rate !== null) keep.push(rate);
    const r = roseFromBaseline({
      points: checkIns.filter((c) => c.coupleId === couple.id).map((c) => ({ date: c.date, value: c.trust })),
      startedOn: couple.startedOn,
      today: range.to,
    });
    if (r !== null) rose.push(r);
  }

  signInAs(clinic.admin);
  // Computed now, not the stored figures: these checks are about the computation after each write.
  const result = await getLiveClinicAggregates(range);
  const close = (actual: number | null, expected: number | null) =>
    expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 9);
  expect(result.clinic.couples).toBe(suppress(cohort.length, cohort.length));
  expect(result.clinic.activeCouples).toBe(suppress(cohort.length, cohort.filter((c) => c.status === "active").length));
  close(result.clinic.medianAdherence, suppress(adherence.length, median(adherence)));
  close(result.clinic.medianKeepRate, suppress(keep.length, median(keep)));
  close(result.clinic.roseShare, suppress(rose.length, rose.length ? rose.filter(Boolean).length / rose.length : null));
  expect(result.adherenceDistribution.map((b) => b.count)).toEqual(distribution(adherence, RATE_EDGES).map((b) => suppress(b.count, b.count)));
  expect(result.keepRateDistribution.map((b) => b.count)).toEqual(distribution(keep, RATE_EDGES).map((b) => suppress(b.count, b.count)));
  const cohortIds = new Set(cohort.map((c) => c.id));
  expect(result.weeklyCheckIns).toEqual(
    isoWeeksOverlapping(range.from, range.to).map(({ weekStart, start, end }) => {
      const inWeek = checkIns.filter((c) => cohortIds.has(c.coupleId) && c.date >= start && c.date <= end);
      return { weekStart, checkIns: suppress(new Set(inWeek.map((c) => c.coupleId)).size, inWeek.length) };
    }),
  );
  const perCounsellor = new Map<string, number>();
  for (const c of cohort) perCounsellor.set(c.counsellorId, (perCounsellor.get(c.counsellorId) ?? 0) + 1);
  for (const row of result.byCounsellor) {
    const n = perCounsellor.get(row.counsellorId) ?? 0;
    expect(row.couples).toBe(n === 0 ? null : suppress(n, n));
  }
}

async function expectAllRight() {
  await expectRollupsEqualRecount();
  await expectFiguresEqualDefinitions();
}

describe("check-in roll-ups kept by the database", () => {
  it("equal a recount right after the seed wrote the clinic", async () => {
    await expectAllRight();
  });

  it("follow a check-in saved today, and the same check-in edited the same day", async () => {
    const [alex, sam] = clinic.couples[1]!.partners;
    await db().delete(schema.checkIns).where(and(eq(schema.checkIns.userId, alex.id), eq(schema.checkIns.date, today)));
    signInAs(alex);
    const answer = { closeness: "6", mood: "okay", contact: "yes", noteVisibility: "shared", date: today };
    expect(await saveCheckIn(checkIn({ ...answer, trust: "2" }))).toEqual({ created: true });
    await expectAllRight();
    signInAs(alex);
    expect(await saveCheckIn(checkIn({ ...answer, trust: "10" }))).toEqual({ created: false });
    await expectAllRight();
    signInAs(sam);
    await saveCheckIn(checkIn({ ...answer, trust: "9" }));
    await expectAllRight();
  });

  it("follow many days written in one statement out of order, past edits and deletions, as a seed or COPY would", async () => {
    const couple = clinic.couples[2]!;
    const [alex, sam] = couple.partners;
    await db().delete(schema.checkIns).where(eq(schema.checkIns.coupleId, couple.id));
    await expectAllRight();
    const days = [40, 3, 90, 12, 0, 61, 27, 28, 55, 56].map((d) => addIsoDays(today, -d));
    const row = (userId: string, date: string, trust: number) =>
      ({ coupleId: couple.id, userId, date, trust, closeness: 5, mood: "okay", contact: "yes" }) as const;
    await db().insert(schema.checkIns).values(days.flatMap((d, i) => [row(alex.id, d, i % 11), ...(i % 3 ? [row(sam.id, d, 10 - (i % 11))] : [])]));
    await expectAllRight();
    await db().update(schema.checkIns).set({ trust: 0 }).where(and(eq(schema.checkIns.coupleId, couple.id), inArray(schema.checkIns.date, days.slice(0, 4))));
    await expectAllRight();
    await db().delete(schema.checkIns).where(and(eq(schema.checkIns.userId, sam.id), inArray(schema.checkIns.date, days.slice(3, 8))));
    await expectAllRight();
  });

  it("follow a partner leaving the couple and joining again", async () => {
    const couple = clinic.couples[3]!;
    const [, sam] = couple.partners;
    await db().delete(schema.coupleMembers).where(eq(schema.coupleMembers.userId, sam.id));
    await expectAllRight();
    await db().insert(schema.coupleMembers).values({ coupleId: couple.id, userId: sam.id, slot: "B" });
    await expectAllRight();
  });

  it("leave the figures right after the writes they do not follow, which the figures read as they stand", async () => {
    const [first, second, third, fourth] = clinic.couples;
    const database = db();
    // Status changes and a reassignment to another counsellor.
    await database.update(schema.couples).set({ status: "paused" }).where(eq(schema.couples.id, first!.id));
    await database.update(schema.couples).set({ status: "completed" }).where(eq(schema.couples.id, fourth!.id));
    await database.update(schema.couples).set({ counsellorId: clinic.counsellors[1]!.id }).where(eq(schema.couples.id, second!.id));
    await expectAllRight();
    // A contact agreement accepted from three weeks ago, then the acceptance undone.
    const [agreement] = await database
      .insert(schema.agreements)
      .values({ coupleId: third!.id, proposedBy: third!.partners[0].id, title: "Three times a week", checkInsPerWeek: 3, status: "accepted", effectiveFrom: addIsoDays(today, -20) })
      .returning({ id: schema.agreements.id });
    await expectAllRight();
    await database.update(schema.agreements).set({ status: "proposed", effectiveFrom: null }).where(eq(schema.agreements.id, agreement!.id));
    await expectAllRight();
    // Promises kept, broken, released, and a confirmation undone.
    const made = await database
      .insert(schema.promises)
      .values([0, 1, 2].map((i) => ({ coupleId: third!.id, madeBy: third!.partners[0].id, text: `Promise ${i}`, dueAt: new Date(`${addIsoDays(today, -2)}T12:00:00Z`) })))
      .returning({ id: schema.promises.id });
    const at = new Date(`${addIsoDays(today, -1)}T12:00:00Z`);
    await database.update(schema.promises).set({ status: "kept", resolvedAt: at }).where(eq(schema.promises.id, made[0]!.id));
    await database.update(schema.promises).set({ status: "broken", resolvedAt: at }).where(eq(schema.promises.id, made[1]!.id));
    await database.update(schema.promises).set({ status: "released", resolvedAt: at }).where(eq(schema.promises.id, made[2]!.id));
    await expectAllRight();
    await database.update(schema.promises).set({ status: "open", resolvedAt: null }).where(eq(schema.promises.id, made[0]!.id));
    await expectAllRight();
    // Step progress.
    await database.update(schema.stepProgress).set({ status: "done", startedOn: addIsoDays(today, -30), completedOn: addIsoDays(today, -2) }).where(and(eq(schema.stepProgress.coupleId, third!.id), eq(schema.stepProgress.step, 1)));
    await expectAllRight();
  });
});
