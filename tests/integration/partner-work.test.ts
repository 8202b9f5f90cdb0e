import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { getMyContactExpectation, listAgreements, proposeAgreement, respondToAgreement } from "@/lib/dal/agreements";
import { getMyCheckInToday, listMyCheckIns, saveCheckIn } from "@/lib/dal/check-ins";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { getMyProgress } from "@/lib/dal/progress";
import { confirmPromise, listPromises, makePromise, requestPromiseRelease } from "@/lib/dal/promises";
import { checkInStreak } from "@/lib/metrics";
import { addIsoDays, keepRate, toIsoDate } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { agreementInputSchema } from "@/lib/validations/agreements";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { promiseInputSchema } from "@/lib/validations/promises";
import { createClinic, db, expectNotFound, expectRedirectToLogin, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { clearTodaysCheckIn } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let other: FixtureClinic;
let couple: FixtureCouple;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving", "steady"]] });
  other = await createClinic({ couplesPerCounsellor: [["improving"]] });
  couple = clinic.couples[0]!;
});

// Each form is parsed once, by its shared schema, before the data layer sees it (as the actions do).
const checkIn = (input: Record<string, unknown>) => parseInput(checkInFormSchema, input);
const agreement = (input: Record<string, unknown>) => parseInput(agreementInputSchema, input);
const promise = (input: Record<string, unknown>) => parseInput(promiseInputSchema, input);

const validCheckIn = { trust: "6", closeness: "5", mood: "okay", contact: "yes", note: "A calmer day", noteVisibility: "shared" };

describe("check-ins", () => {
  it("saves today's check-in once per partner per day: a second save edits it", async () => {
    const alex = couple.partners[0];
    await clearTodaysCheckIn(alex.id);
    signInAs(alex);
    expect(await getMyCheckInToday()).toBeNull();
    expect(await saveCheckIn(checkIn({ ...validCheckIn, date: todayIn("UTC") }))).toEqual({ created: true });
    expect(await saveCheckIn(checkIn({ ...validCheckIn, trust: "8", date: todayIn("UTC") }))).toEqual({ created: false });
    const rows = await db()
      .select()
      .from(schema.checkIns)
      .where(and(eq(schema.checkIns.userId, alex.id), eq(schema.checkIns.date, todayIn("UTC"))));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trust).toBe(8);
    expect(rows[0]!.coupleId).toBe(couple.id);
    expect((await getMyCheckInToday())?.trust).toBe(8);
    const audit = await db()
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorId, alex.id), eq(schema.auditEvents.entityId, rows[0]!.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["check_in.create", "check_in.update"]);
    expect((await getPartnerToday()).checkedInToday).toBe(true);
  });

  it("a double submit at the same moment leaves one row", async () => {
    const sam = couple.partners[1];
    await clearTodaysCheckIn(sam.id);
    signInAs(sam);
    await Promise.allSettled([saveCheckIn(checkIn(validCheckIn)), saveCheckIn(checkIn({ ...validCheckIn, trust: "3" }))]);
    const rows = await db()
      .select()
      .from(schema.checkIns)
      .where(and(eq(schema.checkIns.userId, sam.id), eq(schema.checkIns.date, todayIn("UTC"))));
    expect(rows).toHaveLength(1);
  });

  it("refuses ratings outside 0–10, tomorrow, a past day and a 50,000-character note, writing nothing", async () => {
    const alex = couple.partners[0];
    signInAs(alex);
    await clearTodaysCheckIn(alex.id);
    expect((await refusal(() => saveCheckIn(checkIn({ ...validCheckIn, trust: "11" })))).field).toBe("trust");
    expect((await refusal(() => saveCheckIn(checkIn({ ...validCheckIn, closeness: "-1" })))).field).toBe("closeness");
    const tomorrow = await refusal(() => saveCheckIn(checkIn({ ...validCheckIn, date: addIsoDays(todayIn("UTC"), 1) })));
    expect(tomorrow.field).toBe("date");
    expect(tomorrow.message).toMatch(/only check in for today/);
    expect((await refusal(() => saveCheckIn(checkIn({ ...validCheckIn, date: addIsoDays(todayIn("UTC"), -3) })))).field).toBe("date");
    const long = await refusal(() => saveCheckIn(checkIn({ ...validCheckIn, note: "x".repeat(50_000) })));
    expect(long.field).toBe("note");
    expect(long.message).toMatch(/2,000 characters/);
    expect(await getMyCheckInToday()).toBeNull();
  });

  it("Today shows my last 14 days, oldest first, from my own check-ins", async () => {
    const alex = couple.partners[0];
    signInAs(alex);
    const { strip } = await getPartnerToday();
    expect(strip).toHaveLength(14);
    expect(strip.at(-1)!.date).toBe(todayIn("UTC"));
    expect(strip[0]!.date).toBe(addIsoDays(todayIn("UTC"), -13));
    const mine = await db().select().from(schema.checkIns).where(eq(schema.checkIns.userId, alex.id));
    const byDate = new Map(mine.map((c) => [c.date, c.trust]));
    for (const day of strip) {
      expect(day.checkedIn).toBe(byDate.has(day.date));
      expect(day.trust).toBe(byDate.get(day.date) ?? null);
    }
  });

  it("lists only my own check-ins", async () => {
    const alex = couple.partners[0];
    signInAs(alex);
    const mine = await listMyCheckIns(30);
    const expected = new Set(
      (await db().select({ date: schema.checkIns.date }).from(schema.checkIns).where(eq(schema.checkIns.userId, alex.id))).map((r) => r.date),
    );
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect(expected.has(c.date)).toBe(true);
  });
});

describe("agreements", () => {
  it("one partner proposes, the other accepts; a frequency sets the couple's check-ins per week from that day", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await proposeAgreement(agreement({ title: "A call every evening", details: "At 7", checkInsPerWeek: "5" }));
    const mine = (await listAgreements()).find((a) => a.id === id)!;
    expect(mine).toMatchObject({ status: "proposed", proposedByMe: true, canRespond: false, checkInsPerWeek: 5 });

    const own = await refusal(respondToAgreement(id, "accept"));
    expect(own.message).toMatch(/your partner who accepts/);

    signInAs(sam);
    expect((await listAgreements()).find((a) => a.id === id)?.canRespond).toBe(true);
    await respondToAgreement(id, "accept");
    expect((await getMyContactExpectation()).perWeek).toBe(5);
    expect((await listAgreements()).find((a) => a.id === id)?.status).toBe("accepted");
    expect((await refusal(respondToAgreement(id, "decline"))).message).toMatch(/already been answered/);
  });

  it("declining leaves the couple's frequency alone", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const before = await getMyContactExpectation();
    signInAs(sam);
    const { id } = await proposeAgreement(agreement({ title: "Twice a week", checkInsPerWeek: 2 }));
    signInAs(alex);
    await respondToAgreement(id, "decline");
    expect((await getMyContactExpectation()).perWeek).toBe(before.perWeek);
  });

  it("refuses a blank title or a frequency of 8", async () => {
    signInAs(couple.partners[0]);
    expect((await refusal(() => proposeAgreement(agreement({ title: "  " })))).field).toBe("title");
    expect((await refusal(() => proposeAgreement(agreement({ title: "x", checkInsPerWeek: "8" })))).field).toBe("checkInsPerWeek");
  });

  it("another couple's agreement is not found", async () => {
    signInAs(couple.partners[0]);
    const { id } = await proposeAgreement(agreement({ title: "Ours" }));
    signInAs(clinic.couples[1]!.partners[0]);
    expect((await listAgreements()).some((a) => a.id === id)).toBe(false);
    await expectNotFound(respondToAgreement(id, "accept"));
    signInAs(other.couples[0]!.partners[1]);
    await expectNotFound(respondToAgreement(id, "accept"));
    await expectNotFound(respondToAgreement("not-an-id", "accept"));
  });
});

describe("promises", () => {
  it("the other partner marks a due promise kept; the maker cannot; not before it is due", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise({ text: "Home by six", dueAt: new Date(Date.now() - 60_000).toISOString() }));
    expect((await refusal(confirmPromise(id, "kept"))).message).toMatch(/your own promise/);

    const later = await makePromise(promise({ text: "Call at lunch", dueAt: new Date(Date.now() + 3_600_000).toISOString() }));
    signInAs(sam);
    expect((await refusal(confirmPromise(later.id, "kept"))).message).toMatch(/isn't due yet/);
    const ledger = await listPromises();
    expect(ledger.promises.find((p) => p.id === id)).toMatchObject({ canConfirm: true, madeByMe: false });
    expect(ledger.promises.find((p) => p.id === later.id)).toMatchObject({ canConfirm: false, notDueYet: true });
    expect((await getPartnerToday()).waitingPromises.map((p) => p.id)).toContain(id);

    await confirmPromise(id, "kept");
    const [row] = await db().select().from(schema.promises).where(eq(schema.promises.id, id));
    expect(row).toMatchObject({ status: "kept", confirmedBy: sam.id });
    expect((await refusal(confirmPromise(id, "broken"))).message).toMatch(/already been settled/);
  });

  it("a release needs both partners", async () => {
    const [alex, sam] = couple.partners;
    signInAs(alex);
    const { id } = await makePromise(promise({ text: "Walk on Sunday", dueAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(await requestPromiseRelease(id)).toBe("requested");
    expect((await refusal(requestPromiseRelease(id))).message).toMatch(/already asked/);
    signInAs(sam);
    expect((await getPartnerToday()).waitingPromises.find((p) => p.id === id)?.reason).toBe("release");
    expect(await requestPromiseRelease(id)).toBe("released");
    const [row] = await db().select().from(schema.promises).where(eq(schema.promises.id, id));
    expect(row!.status).toBe("released");
  });

  it("keep rate is lib/metrics keepRate of the promises I made", async () => {
    const alex = couple.partners[0];
    signInAs(alex);
    const ledger = await listPromises();
    const rows = await db()
      .select()
      .from(schema.promises)
      .where(and(eq(schema.promises.coupleId, couple.id), eq(schema.promises.madeBy, alex.id)));
    const expected = keepRate(rows.map((r) => ({ status: r.status, resolvedOn: r.resolvedAt ? toIsoDate(r.resolvedAt) : null })));
    expect(ledger.myKeepRate).toBe(expected);
    expect((await getMyProgress()).keepRate).toBe(expected);
  });

  it("refuses a time long past, a blank promise, and another couple's promise", async () => {
    signInAs(couple.partners[0]);
    expect((await refusal(() => makePromise(promise({ text: "x", dueAt: "2020-01-01T10:00" })))).field).toBe("dueAt");
    expect((await refusal(() => makePromise(promise({ text: "", dueAt: new Date().toISOString() })))).field).toBe("text");
    const { id } = await makePromise(promise({ text: "Ours", dueAt: new Date(Date.now() - 1000).toISOString() }));
    signInAs(other.couples[0]!.partners[0]);
    await expectNotFound(confirmPromise(id, "kept"));
    await expectNotFound(requestPromiseRelease(id));
    expect((await listPromises()).promises.some((p) => p.id === id)).toBe(false);
  });
});

describe("progress", () => {
  it("shows only my own check-ins", async () => {
    const alex = couple.partners[0];
    signInAs(alex);
    const progress = await getMyProgress(30);
    const mine = await db().select().from(schema.checkIns).where(eq(schema.checkIns.userId, alex.id));
    const byDate = new Map(mine.map((c) => [c.date, c]));
    expect(progress.points.length).toBeGreaterThan(0);
    for (const p of progress.points) expect(byDate.get(p.date)?.trust).toBe(p.trust);
    expect(progress.streak).toBe(checkInStreak(mine.map((c) => c.date), todayIn("UTC")));
  });
});

describe("every partner function is for partners only", () => {
  const calls: [string, () => Promise<unknown>][] = [
    ["getMyCheckInToday", () => getMyCheckInToday()],
    ["listMyCheckIns", () => listMyCheckIns(14)],
    ["saveCheckIn", () => saveCheckIn(checkIn(validCheckIn))],
    ["listAgreements", () => listAgreements()],
    ["proposeAgreement", () => proposeAgreement(agreement({ title: "x" }))],
    ["respondToAgreement", () => respondToAgreement(randomUUID(), "accept")],
    ["listPromises", () => listPromises()],
    ["makePromise", () => makePromise(promise({ text: "x", dueAt: new Date().toISOString() }))],
    ["confirmPromise", () => confirmPromise(randomUUID(), "kept")],
    ["requestPromiseRelease", () => requestPromiseRelease(randomUUID())],
    ["getMyProgress", () => getMyProgress()],
  ];
  it.each(calls)("%s: not found for a counsellor and an admin, sign-in for nobody", async (_name, call) => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(call());
    signInAs(clinic.admin);
    await expectNotFound(call());
    signInAs(null);
    await expectRedirectToLogin(call());
  });
});
