import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { cancelAssignment, completeStep, createAssignment, updateAssignment } from "@/lib/dal/assignments";
import { getCoupleCharts } from "@/lib/dal/couple-charts";
import { clearSafetyConcern, getCouple, getCoupleActivity } from "@/lib/dal/couples";
import { createNote, getNote, listNotes, updateNote } from "@/lib/dal/notes";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { addIsoDays, partnerGap, rollingMean, toIsoDate, weeklyAdherence, weeklyKeepRate } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { assignmentSchema } from "@/lib/validations/assignments";
import { noteInputSchema } from "@/lib/validations/notes";
import { contactSpans } from "../support/contact-spans";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;
let counsellor: FixtureUser;
let otherCounsellor: FixtureUser;
const today = todayIn("UTC");

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving", "declining"], ["steady"]], days: 120 });
  couple = clinic.couples[0]!;
  counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
  otherCounsellor = clinic.counsellors.find((c) => c.id !== couple.counsellorId)!;
});

/** Everyone who must not reach this couple's counsellor-side data. */
const outsiders = () => [otherCounsellor, couple.partners[0], couple.partners[1], clinic.admin];

const auditActions = async (coupleId: string) =>
  (await db().select({ action: schema.auditEvents.action }).from(schema.auditEvents).where(eq(schema.auditEvents.coupleId, coupleId))).map(
    (r) => r.action,
  );

describe("getCoupleCharts", () => {
  it("gives the charts the figures lib/metrics gives, for each range", async () => {
    signInAs(counsellor);
    for (const range of ["4w", "12w", "all"] as const) {
      const charts = await getCoupleCharts(couple.id, range);
      const from = charts.from;
      const row = clinic.rows.couples.find((c) => c.id === couple.id)!;
      expect(from).toBe(range === "4w" ? addIsoDays(today, -27) : range === "12w" ? addIsoDays(today, -83) : row.startedOn);
      const [a, b] = couple.partners;
      const points = (userId: string, key: "trust" | "closeness") =>
        clinic.rows.checkIns.filter((c) => c.userId === userId && c.date <= today).map((c) => ({ date: c.date, value: c[key] }));
      const meanA = rollingMean(points(a.id, "trust")).filter((p) => p.date >= from);
      for (const p of meanA) {
        const day = charts.trust.find((d) => d.date === p.date)!;
        expect(day.trustA).toBe(p.value);
        expect(day.trustMeanA).toBeCloseTo(p.mean, 9);
      }
      const closeB = rollingMean(points(b.id, "closeness")).filter((p) => p.date >= from);
      for (const p of closeB) expect(charts.trust.find((d) => d.date === p.date)!.closenessMeanB).toBeCloseTo(p.mean, 9);
      const gaps = partnerGap(points(a.id, "trust"), points(b.id, "trust")).filter((g) => g.date >= from);
      expect(charts.trust.map((d) => d.trustGap)).toEqual(gaps.map((g) => g.gap));

      const expectedAdherence = weeklyAdherence({
        checkInDates: points(b.id, "trust").map((p) => p.date),
        from,
        to: today,
        agreements: contactSpans(clinic.rows.agreements, couple.id),
        startedOn: row.startedOn,
      });
      expect(charts.adherence.map((w) => w.adherenceB)).toEqual(expectedAdherence.map((w) => w.adherence));
      expect(charts.adherence.map((w) => w.expected)).toEqual(expectedAdherence.map((w) => w.expected));

      const outcomes = clinic.rows.promises
        .filter((p) => p.coupleId === couple.id && p.madeBy === a.id && p.resolvedAt)
        .map((p) => ({ status: p.status!, resolvedOn: toIsoDate(p.resolvedAt as Date) }));
      expect(charts.promises.map((w) => w.cumulativeRateA)).toEqual(weeklyKeepRate(outcomes, from, today).map((w) => w.cumulativeRate));
      expect(charts.steps).toHaveLength(10);
      expect(charts.steps.filter((s) => s.status === "in_progress")).toHaveLength(1);
    }
  });

  it("is not found for anyone but the couple's counsellor, and for forged ids", async () => {
    for (const user of outsiders()) {
      signInAs(user);
      await expectNotFound(getCoupleCharts(couple.id, "4w"));
    }
    signInAs(counsellor);
    await expectNotFound(getCoupleCharts(randomUUID(), "4w"));
    await expectNotFound(getCoupleCharts("nope", "4w"));
  });
});

describe("getCoupleActivity and clearSafetyConcern", () => {
  it("lists both partners' check-ins, answers (counsellor-only included), agreements and promises, newest first", async () => {
    signInAs(counsellor);
    const activity = await getCoupleActivity(couple.id);
    const dates = activity.checkIns.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(activity.checkIns[0]!.date).toBe(clinic.rows.checkIns.filter((c) => c.coupleId === couple.id).map((c) => c.date).sort().at(-1));
    const answerIds = new Set(clinic.rows.exerciseResponses.filter((r) => r.coupleId === couple.id).map((r) => r.id));
    expect(activity.answers.length).toBeGreaterThan(0);
    expect(activity.answers.every((a) => answerIds.has(a.id))).toBe(true);
    expect(activity.promises.length).toBeGreaterThan(0);
    expect(activity.agreements.length).toBe(clinic.rows.agreements.filter((a) => a.coupleId === couple.id).length);
  });

  it("clears an open safety concern once, audited", async () => {
    await db().insert(schema.safetyConcerns).values({ coupleId: couple.id });
    for (const user of outsiders()) {
      signInAs(user);
      await expectNotFound(clearSafetyConcern(couple.id));
      await expectNotFound(getCoupleActivity(couple.id));
    }
    signInAs(counsellor);
    expect((await getCoupleActivity(couple.id)).openSafetyConcerns).toHaveLength(1);
    expect(await clearSafetyConcern(couple.id)).toBe(1);
    expect(await clearSafetyConcern(couple.id)).toBe(0);
    expect((await getCoupleActivity(couple.id)).openSafetyConcerns).toHaveLength(0);
    expect(await auditActions(couple.id)).toContain("safety_concern.clear");
  });
});

describe("assignments", () => {
  // The form as sent, then parsed once by its shared schema (as the action does).
  const raw = (over: Record<string, unknown>) => ({
    step: "9",
    exerciseKind: "noticing_log",
    forUserId: "both",
    dueOn: addIsoDays(today, 3),
    recurrence: "weekly",
    instructions: `Notice one thing a day ${randomUUID()}`,
    ...over,
  });
  const input = (over: Record<string, unknown> = {}) => parseInput(assignmentSchema(today), raw(over));

  it("creates one assignment the partners see at once, even when the same form is sent twice", async () => {
    signInAs(counsellor);
    const form = input();
    const [first, second] = await Promise.all([createAssignment(couple.id, form), createAssignment(couple.id, form)]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(second.id).toBe(first.id);
    const rows = await db()
      .select()
      .from(schema.assignments)
      .where(and(eq(schema.assignments.coupleId, couple.id), eq(schema.assignments.instructions, form.instructions)));
    expect(rows).toHaveLength(1);
    signInAs(couple.partners[1]);
    expect((await getPartnerToday()).due.map((d) => d.id)).toContain(first.id);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    signInAs(counsellor);
    const marker = randomUUID();
    const cases: [Record<string, unknown>, string][] = [
      [{ dueOn: addIsoDays(today, -1) }, "dueOn"],
      [{ step: "12" }, "step"],
      [{ exerciseKind: "safety_screen" }, "exerciseKind"],
      [{ instructions: "x".repeat(10_000) }, "instructions"],
      [{ forUserId: randomUUID() }, "forUserId"],
      [{ forUserId: clinic.couples[1]!.partners[0].id }, "forUserId"],
    ];
    for (const [over, field] of cases) {
      const result = await refusal(() => createAssignment(couple.id, input({ instructions: marker, ...over })));
      expect(result.fieldErrors[field], field).toBeDefined();
    }
    const written = await db().select().from(schema.assignments).where(eq(schema.assignments.instructions, marker));
    expect(written).toHaveLength(0);
  });

  it("edits and cancels; a cancelled one is gone from the partner's day and cannot be edited", async () => {
    signInAs(counsellor);
    const created = await createAssignment(couple.id, input({ forUserId: couple.partners[0].id, recurrence: "once" }));
    const edited = await updateAssignment(created.id, input({ forUserId: couple.partners[0].id, recurrence: "once", instructions: "Changed" }));
    expect(edited).toEqual({ id: created.id });
    signInAs(couple.partners[0]);
    expect((await getPartnerToday()).due.find((d) => d.id === created.id)?.instructions).toBe("Changed");
    signInAs(couple.partners[1]);
    expect((await getPartnerToday()).due.map((d) => d.id)).not.toContain(created.id);
    signInAs(counsellor);
    await cancelAssignment(created.id);
    const again = await refusal(updateAssignment(created.id, input()));
    expect(again.message).toMatch(/finished or cancelled/);
    signInAs(couple.partners[0]);
    expect((await getPartnerToday()).due.map((d) => d.id)).not.toContain(created.id);
    expect(await auditActions(couple.id)).toEqual(expect.arrayContaining(["assignment.create", "assignment.update", "assignment.cancel"]));
  });

  it("is not found for another counsellor, the partners, the admin and forged ids", async () => {
    signInAs(counsellor);
    const created = await createAssignment(couple.id, input());
    for (const user of outsiders()) {
      signInAs(user);
      await expectNotFound(createAssignment(couple.id, input()));
      await expectNotFound(updateAssignment(created.id, input()));
      await expectNotFound(cancelAssignment(created.id));
      await expectNotFound(completeStep(couple.id, 6));
    }
    signInAs(counsellor);
    await expectNotFound(createAssignment(randomUUID(), input()));
    await expectNotFound(updateAssignment(randomUUID(), input()));
    await expectNotFound(cancelAssignment("1; drop table assignments"));
  });

  it("marks the current step done and moves the couple on, once", async () => {
    signInAs(counsellor);
    const before = await getCouple(couple.id);
    expect(await completeStep(couple.id, before.currentStep)).toBe(true);
    expect(await completeStep(couple.id, before.currentStep)).toBe(false);
    const after = await getCouple(couple.id);
    expect(after.currentStep).toBe(before.currentStep + 1);
    const charts = await getCoupleCharts(couple.id, "4w");
    expect(charts.steps[before.currentStep - 1]).toMatchObject({ status: "done", completedOn: today });
    expect(charts.steps[before.currentStep]).toMatchObject({ status: "in_progress" });
  });
});

describe("clinical notes", () => {
  const note = (form: Record<string, unknown>) => parseInput(noteInputSchema, form);

  it("drafts, signs, locks, and takes corrections as addenda, all audited", async () => {
    signInAs(counsellor);
    const marker = `marker-${randomUUID()}`;
    const draft = await createNote(couple.id, note({ format: "soap", intent: "draft", subjective: `Said ${marker}`, plan: "Review" }));
    expect((await getNote(draft.id)).status).toBe("draft");
    const signed = await updateNote(draft.id, note({ format: "soap", intent: "sign", subjective: `Said ${marker}`, plan: "Review weekly" }));
    expect(signed).toEqual({ id: draft.id });
    const locked = await refusal(updateNote(draft.id, note({ format: "soap", intent: "draft", subjective: "rewritten" })));
    expect(locked.message).toContain("signed");
    expect((await getNote(draft.id)).body.subjective).toBe(`Said ${marker}`);
    const addendum = await createNote(couple.id, note({ format: "free", intent: "sign", body: "Correction: plan is fortnightly." }), draft.id);
    expect(addendum.id).toEqual(expect.any(String));
    const thread = await getNote(draft.id);
    expect(thread.addenda.map((a) => a.body.body)).toEqual(["Correction: plan is fortnightly."]);
    const actions = await auditActions(couple.id);
    for (const action of ["note.create", "note.update", "note.sign", "note.read"]) expect(actions).toContain(action);
  });

  it("refuses an empty note and an addendum to a draft", async () => {
    signInAs(counsellor);
    const empty = await refusal(() => createNote(couple.id, note({ format: "dap", intent: "sign", data: "  " })));
    expect(empty.fieldErrors.data).toEqual(["Write something before saving the note."]);
    const draft = await createNote(couple.id, note({ format: "free", intent: "draft", body: "thinking" }));
    await refusal(createNote(couple.id, note({ format: "free", body: "x" }), draft.id));
  });

  it("searches by text and by date", async () => {
    signInAs(counsellor);
    const word = `zebra${randomUUID().slice(0, 6)}`;
    const created = await createNote(couple.id, note({ format: "dap", intent: "sign", data: `The ${word} came up`, assessment: "ok", plan: "ok" }));
    expect((await listNotes(couple.id, { q: word.toUpperCase() })).map((n) => n.id)).toEqual([created.id]);
    expect((await listNotes(couple.id, { q: word, from: today, to: today })).map((n) => n.id)).toEqual([created.id]);
    expect(await listNotes(couple.id, { q: word, to: addIsoDays(today, -1) })).toEqual([]);
    expect(await listNotes(couple.id, { q: "100%_" })).toEqual([]);
    const all = await listNotes(couple.id);
    expect(all.length).toBeGreaterThan(1);
  });

  it("never reaches another counsellor, a partner or the admin", async () => {
    signInAs(counsellor);
    const created = await createNote(couple.id, note({ format: "free", intent: "sign", body: "private" }));
    for (const user of outsiders()) {
      signInAs(user);
      await expectNotFound(listNotes(couple.id));
      await expectNotFound(getNote(created.id));
      await expectNotFound(createNote(couple.id, note({ format: "free", body: "x" })));
      await expectNotFound(updateNote(created.id, note({ format: "free", body: "x" })));
    }
    signInAs(couple.partners[0]);
    const today = await getPartnerToday();
    expect(JSON.stringify(today)).not.toContain("private");
  });
});
