import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { endAgreement, getMyContactExpectation, listAgreements, proposeAgreement, respondToAgreement, undoAgreementAcceptance } from "@/lib/dal/agreements";
import { listCaseload } from "@/lib/dal/caseload";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { getCoupleCharts } from "@/lib/dal/couple-charts";
import { selectRows } from "@/lib/dal/rows";
import { expectedCheckInsSql } from "@/lib/dal/sql/adherence";
import { addIsoDays, checkInAdherence, expectedCheckInsOver, weeklyAdherence, windowEnding, type ContactAgreementSpan } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { agreementInputSchema, DEFAULT_CONTACT_LABEL } from "@/lib/validations/agreements";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { createClinic, db, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
const expectedRow = z.object({ expected: z.number() });
const today = todayIn("UTC");
const agreement = (input: Record<string, unknown>) => parseInput(agreementInputSchema, input);
const checkIn = (input: Record<string, unknown>) => parseInput(checkInFormSchema, input);

/** Moves the clock (Date only: timers and the database keep running) to noon UTC of `day`. */
function onDay(day: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${day}T12:00:00Z`));
}

afterEach(() => {
  vi.useRealTimers();
});

/** A couple with no agreements and a known set of check-ins over the last five weeks. */
async function freshCouple(index: number, checkInDays: string[]): Promise<FixtureCouple> {
  const couple = clinic.couples[index]!;
  await db().delete(schema.agreements).where(eq(schema.agreements.coupleId, couple.id));
  await db().delete(schema.checkIns).where(eq(schema.checkIns.coupleId, couple.id));
  await db().update(schema.couples).set({ startedOn: addIsoDays(today, -60) }).where(eq(schema.couples.id, couple.id));
  for (const p of couple.partners) {
    for (const date of checkInDays) {
      await db().insert(schema.checkIns).values({ coupleId: couple.id, userId: p.id, date, trust: 5, closeness: 5, mood: "okay", contact: "yes" });
    }
  }
  return couple;
}

async function spansOf(coupleId: string): Promise<ContactAgreementSpan[]> {
  const rows = await db()
    .select()
    .from(schema.agreements)
    .where(and(eq(schema.agreements.coupleId, coupleId), eq(schema.agreements.status, "accepted")));
  return rows
    .filter((r) => r.checkInsPerWeek !== null && r.effectiveFrom !== null)
    .map((r) => ({ from: r.effectiveFrom!, until: r.effectiveUntil, perWeek: r.checkInsPerWeek! }));
}

/** Proposes as the first partner and accepts as the second, on `day`. */
async function agree(couple: FixtureCouple, day: string, title: string, perWeek?: number): Promise<string> {
  onDay(day);
  signInAs(couple.partners[0]);
  const { id } = await proposeAgreement(agreement({ title, checkInsPerWeek: perWeek === undefined ? "" : String(perWeek) }));
  signInAs(couple.partners[1]);
  await respondToAgreement(id, "accept");
  vi.useRealTimers();
  return id;
}

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving", "stalled", "declining"]], days: 60 });
});

describe("accepting a contact agreement ends the one it replaces", () => {
  it("A (3 a week), then a week later B (daily): A ends the day B starts, only B is current, last week's figures stay", async () => {
    const dayA = addIsoDays(today, -13);
    const dayB = addIsoDays(today, -6);
    const checkIns = [0, 1, 3, 5, 8, 9, 10, 12].map((d) => addIsoDays(dayA, d));
    const couple = await freshCouple(0, checkIns);
    const [alex, sam] = couple.partners;
    const counsellor = { id: couple.counsellorId, role: "counsellor" as const, clinicId: clinic.clinicId };

    const a = await agree(couple, dayA, "A call three evenings a week", 3);
    // The week A was in force, as the counsellor's chart shows it, before B exists.
    signInAs(counsellor);
    const chartBefore = await getCoupleCharts(couple.id, "4w", today);
    const caseloadBefore = (await listCaseload(caseloadQuerySchema.parse({ pageSize: "100" }))).rows.find((r) => r.id === couple.id)!;

    const b = await agree(couple, dayB, "A call every evening", 7);
    const rows = await db().select().from(schema.agreements).where(eq(schema.agreements.coupleId, couple.id));
    const rowA = rows.find((r) => r.id === a)!;
    const rowB = rows.find((r) => r.id === b)!;
    expect(rowA.effectiveFrom).toBe(dayA);
    expect(rowB.effectiveFrom).toBe(dayB);
    expect(rowA.effectiveUntil).toBe(rowB.effectiveFrom);
    expect(rowB.effectiveUntil).toBeNull();
    expect(rowB.replacesId).toBe(a);

    signInAs(alex);
    const list = await listAgreements();
    expect(list.filter((x) => x.phase === "current").map((x) => x.id)).toEqual([b]);
    expect(list.find((x) => x.id === a)).toMatchObject({ phase: "replaced", replacedByTitle: "A call every evening", canEnd: false });
    expect((await getMyContactExpectation()).perWeek).toBe(7);

    // Weeks that ended before B started keep their figures; the days since B expect daily contact.
    signInAs(counsellor);
    const chartAfter = await getCoupleCharts(couple.id, "4w", today);
    const weekOf = (rowsOf: typeof chartAfter.adherence, day: string) => rowsOf.find((w) => w.weekStart <= day && day < addIsoDays(w.weekStart, 7));
    const lastWeekBeforeB = addIsoDays(dayB, -7);
    expect(weekOf(chartAfter.adherence, lastWeekBeforeB)).toEqual(weekOf(chartBefore.adherence, lastWeekBeforeB));
    const spans = await spansOf(couple.id);
    const reference = weeklyAdherence({ checkInDates: checkIns, from: chartAfter.from, to: today, agreements: spans, startedOn: addIsoDays(today, -60) });
    expect(chartAfter.adherence.map((w) => w.adherenceA)).toEqual(reference.map((w) => w.adherence));
    expect(chartAfter.checkInsPerWeek).toBe(7);
    expect(chartAfter.defaultContact).toBe(false);

    // The caseload's 14 days span both agreements: each day asks for its own.
    const caseloadAfter = (await listCaseload(caseloadQuerySchema.parse({ pageSize: "100" }))).rows.find((r) => r.id === couple.id)!;
    const expected = checkInAdherence({ checkInDates: checkIns, window: windowEnding(today, 14), agreements: spans, startedOn: addIsoDays(today, -60) });
    expect(caseloadAfter.partners[0]!.adherence).toBeCloseTo(expected!, 9);
    // 8 check-ins: 7 days of A (3 a week → 3 expected) and 7 of B (7 expected) ask for 10.
    expect(expected).toBeCloseTo(8 / 10, 12);
    expect(caseloadBefore.partners[0]!.adherence).not.toBeCloseTo(caseloadAfter.partners[0]!.adherence!, 6);
    signInAs(sam);
  });

  it("either partner ends an agreement from today, recorded in the audit trail; ending it twice is refused", async () => {
    const couple = await freshCouple(1, []);
    const id = await agree(couple, addIsoDays(today, -3), "Check in on weekdays", 5);
    signInAs(couple.partners[0]);
    await endAgreement(id);
    const [row] = await db().select().from(schema.agreements).where(eq(schema.agreements.id, id));
    expect(row!.effectiveUntil).toBe(today);
    const mine = (await listAgreements()).find((a) => a.id === id)!;
    expect(mine).toMatchObject({ phase: "ended", canEnd: false });
    expect((await getMyContactExpectation()).label).toBe(DEFAULT_CONTACT_LABEL);
    expect((await refusal(endAgreement(id))).message).toMatch(/no longer in force/);
    const audit = await db()
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, id), eq(schema.auditEvents.action, "agreement.end")));
    expect(audit).toHaveLength(1);
    // The three days it was in force keep their expectation.
    expect(await spansOf(couple.id)).toEqual([{ from: addIsoDays(today, -3), until: today, perWeek: 5 }]);
  });

  it("accepting an agreement that is not about contact ends nothing", async () => {
    const couple = await freshCouple(1, []);
    const contact = await agree(couple, addIsoDays(today, -2), "A call every evening", 7);
    await agree(couple, addIsoDays(today, -1), "Phones on the table at dinner");
    const rows = await db().select().from(schema.agreements).where(eq(schema.agreements.coupleId, couple.id));
    expect(rows.find((r) => r.id === contact)!.effectiveUntil).toBeNull();
    expect(rows.every((r) => r.replacesId === null)).toBe(true);
  });
});

describe("taking back accepting an agreement", () => {
  it("the partner who accepted it moments ago undoes it: it waits for an answer again and the one it replaced is back", async () => {
    const couple = await freshCouple(2, []);
    const [first, second] = couple.partners;
    const old = await agree(couple, addIsoDays(today, -5), "Check in on weekdays", 5);
    signInAs(first);
    const { id } = await proposeAgreement(agreement({ title: "A call every evening", checkInsPerWeek: "7" }));
    signInAs(second);
    await respondToAgreement(id, "accept");
    const accepted = (await listAgreements()).find((a) => a.id === id)!;
    expect(accepted.undoableUntil).not.toBeNull();
    // Only the one who accepted may take it back.
    signInAs(first);
    expect((await listAgreements()).find((a) => a.id === id)!.undoableUntil).toBeNull();
    expect((await refusal(undoAgreementAcceptance(id))).message).toMatch(/no longer be undone/);

    signInAs(second);
    await undoAgreementAcceptance(id);
    const rows = await db().select().from(schema.agreements).where(eq(schema.agreements.coupleId, couple.id));
    expect(rows.find((r) => r.id === id)).toMatchObject({ status: "proposed", respondedBy: null, respondedAt: null, effectiveFrom: null, replacesId: null });
    expect(rows.find((r) => r.id === old)).toMatchObject({ status: "accepted", effectiveUntil: null });
    expect(await spansOf(couple.id)).toEqual([{ from: addIsoDays(today, -5), until: null, perWeek: 5 }]);
    const mine = await listAgreements();
    expect(mine.find((a) => a.id === id)).toMatchObject({ phase: "proposed", canRespond: true, undoableUntil: null });
    expect((await getMyContactExpectation()).perWeek).toBe(5);
    const audit = await db()
      .select({ action: schema.auditEvents.action, actorId: schema.auditEvents.actorId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, id), eq(schema.auditEvents.action, "agreement.undo_accept")));
    expect(audit).toEqual([{ action: "agreement.undo_accept", actorId: second.id }]);
    // Undone twice: it is no longer accepted, so there is nothing to take back.
    expect((await refusal(undoAgreementAcceptance(id))).message).toMatch(/no longer be undone/);
  });

  it("is refused after ten minutes, and once the agreement has been ended since", async () => {
    const couple = await freshCouple(3, []);
    const late = await agree(couple, addIsoDays(today, -1), "Phones away at dinner");
    // Accepted eleven minutes ago: the window has closed.
    await db()
      .update(schema.agreements)
      .set({ respondedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(schema.agreements.id, late));
    signInAs(couple.partners[1]);
    expect((await refusal(undoAgreementAcceptance(late))).message).toMatch(/no longer be undone/);

    signInAs(couple.partners[0]);
    const { id } = await proposeAgreement(agreement({ title: "A walk on Sundays", checkInsPerWeek: "" }));
    signInAs(couple.partners[1]);
    await respondToAgreement(id, "accept");
    signInAs(couple.partners[0]);
    await endAgreement(id);
    signInAs(couple.partners[1]);
    expect((await refusal(undoAgreementAcceptance(id))).message).toMatch(/changed since you accepted it/);
  });
});

describe("before any agreement, the daily default, labelled", () => {
  it("shows the default to the partner and the counsellor, and offers 'none agreed' only then", async () => {
    const couple = await freshCouple(2, []);
    signInAs(couple.partners[0]);
    expect(await getMyContactExpectation()).toEqual({ perWeek: 7, agreement: null, label: DEFAULT_CONTACT_LABEL });
    expect((await listAgreements()).length).toBe(0);
    await saveCheckIn(checkIn({ trust: "5", closeness: "5", mood: "okay", contact: "none_agreed", noteVisibility: "shared", date: today }));

    signInAs({ id: couple.counsellorId, role: "counsellor", clinicId: clinic.clinicId });
    const charts = await getCoupleCharts(couple.id, "4w", today);
    expect(charts.defaultContact).toBe(true);
    expect(charts.checkInsPerWeek).toBe(7);
  });

  it("refuses 'we haven't agreed any contact yet' on a day a contact agreement is in force", async () => {
    const couple = await freshCouple(3, []);
    await agree(couple, today, "A call every evening", 7);
    signInAs(couple.partners[0]);
    const refused = await refusal(saveCheckIn(checkIn({ trust: "5", closeness: "5", mood: "okay", contact: "none_agreed", noteVisibility: "shared", date: today })));
    expect(refused.field).toBe("contact");
    expect(await saveCheckIn(checkIn({ trust: "5", closeness: "5", mood: "okay", contact: "yes", noteVisibility: "shared", date: today }))).toEqual({ created: true });
  });
});

describe("expected check-ins: the SQL fragment equals lib/metrics", () => {
  it("over windows before, across and after agreement changes, with a late start", async () => {
    const couple = clinic.couples[3]!;
    await db().delete(schema.agreements).where(eq(schema.agreements.coupleId, couple.id));
    const d = (n: number) => addIsoDays("2026-03-02", n);
    const [p, q] = couple.partners;
    const base = { coupleId: couple.id, proposedBy: p.id, respondedBy: q.id, status: "accepted" as const };
    const [first] = await db()
      .insert(schema.agreements)
      .values({ ...base, title: "Three a week", checkInsPerWeek: 3, effectiveFrom: d(3), effectiveUntil: d(12) })
      .returning({ id: schema.agreements.id });
    await db().insert(schema.agreements).values([
      { ...base, title: "Daily", checkInsPerWeek: 7, effectiveFrom: d(12), effectiveUntil: d(20), replacesId: first!.id },
      { ...base, title: "Twice", checkInsPerWeek: 2, effectiveFrom: d(25), effectiveUntil: null },
      { ...base, title: "Ended the day it began", checkInsPerWeek: 1, effectiveFrom: d(22), effectiveUntil: d(22) },
      { ...base, title: "Not about contact", checkInsPerWeek: null, effectiveFrom: d(0) },
      { ...base, title: "Declined", status: "declined", checkInsPerWeek: 1, effectiveFrom: null },
    ]);
    const spans = await spansOf(couple.id);
    const windows: [number, number, number][] = [
      [0, 2, 0],
      [0, 13, 0],
      [5, 18, 0],
      [10, 30, 0],
      [11, 11, 0],
      [20, 24, 0],
      [0, 40, 15],
      [26, 40, 45],
      [3, 3, 0],
    ];
    for (const [from, to, started] of windows) {
      const window = { from: sql`${d(from)}::date`, to: sql`${d(to)}::date`, startedOn: sql`${d(started)}::date`, coupleId: sql`${couple.id}::uuid` };
      const [row] = await selectRows(db(), expectedRow, sql`select (${expectedCheckInsSql(window)})::float8 as expected`);
      const reference = expectedCheckInsOver({ window: { start: d(from), end: d(to) }, agreements: spans, startedOn: d(started) });
      expect(row!.expected, `window ${from}..${to} started ${started}`).toBeCloseTo(reference, 9);
    }
  });
});
