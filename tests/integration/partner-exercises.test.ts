import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { proposeAgreement } from "@/lib/dal/agreements";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { setJointWorkPause } from "@/lib/dal/couples";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { getExercise, listMyExercises, occurrenceFor } from "@/lib/dal/exercises";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { JOINT_WORK_PAUSED_MESSAGE } from "@/lib/dal/policy/joint-work-pause";
import { makePromise } from "@/lib/dal/promises";
import { isoWeekStart } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { agreementInputSchema } from "@/lib/validations/agreements";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { promiseInputSchema } from "@/lib/validations/promises";
import { createClinic, db, expectNotFound, expectRedirectToLogin, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { addAssignment, clearSafetyConcerns, SAFE_SCREEN } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;
let otherCouple: FixtureCouple;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving", "steady", "stalled"]] });
  couple = clinic.couples[0]!;
  otherCouple = clinic.couples[1]!;
  // The seeded history may hold concerns; these tests raise and clear their own.
  for (const c of clinic.couples) await clearSafetyConcerns(c.id);
});

const worksheet = { whatHappened: "It happened", howItAffectedMe: "Badly", whatINeedToUnderstand: "Why" };

describe("occurrences", () => {
  it("daily is today, weekly is the ISO Monday, a one-off its due date", () => {
    expect(occurrenceFor("daily", "2026-01-01", "2026-03-12")).toBe("2026-03-12");
    expect(occurrenceFor("weekly", "2026-01-01", "2026-03-12")).toBe(isoWeekStart("2026-03-12"));
    expect(occurrenceFor("once", "2026-01-01", "2026-03-12")).toBe("2026-01-01");
  });
});

describe("exercises", () => {
  it("lists my assignments and the couple's, not the other partner's own", async () => {
    const [alex, sam] = couple.partners;
    const both = await addAssignment(couple, "disclosure_worksheet");
    const mine = await addAssignment(couple, "noticing_log", { forUserId: alex.id, recurrence: "weekly" });
    const theirs = await addAssignment(couple, "trigger_map", { forUserId: sam.id });
    signInAs(alex);
    const ids = (await listMyExercises()).map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([both, mine]));
    expect(ids).not.toContain(theirs);
    await expectNotFound(getExercise(theirs));
  });

  it("saves a draft, then submits: one row per occurrence, and I see it afterwards", async () => {
    const alex = couple.partners[0];
    const id = await addAssignment(couple, "disclosure_worksheet");
    signInAs(alex);
    expect(await saveExerciseResponse(id, { payload: { whatHappened: "Half" }, intent: "draft" })).toEqual({ status: "draft", safetyConcern: false });
    expect((await getExercise(id)).mine).toMatchObject({ status: "draft", payload: { whatHappened: "Half" } });
    await saveExerciseResponse(id, { payload: worksheet, visibility: "counsellor_only", intent: "submit" });
    await saveExerciseResponse(id, { payload: worksheet, visibility: "counsellor_only", intent: "submit" });
    const rows = await db()
      .select()
      .from(schema.exerciseResponses)
      .where(and(eq(schema.exerciseResponses.assignmentId, id), eq(schema.exerciseResponses.userId, alex.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", visibility: "counsellor_only", occurrenceOn: todayIn("UTC") });
    const detail = await getExercise(id);
    expect(detail.mine).toMatchObject({ status: "submitted", payload: worksheet });
    expect((await listMyExercises()).find((e) => e.id === id)?.myStatus).toBe("submitted");
    expect((await refusal(saveExerciseResponse(id, { payload: worksheet, intent: "draft" }))).message).toMatch(/already sent/);
  });

  it("refuses an invalid answer with the field it belongs to, writing nothing", async () => {
    const alex = couple.partners[0];
    const id = await addAssignment(couple, "trigger_map");
    signInAs(alex);
    const missing = await refusal(saveExerciseResponse(id, { payload: { rows: [] }, intent: "submit" }));
    expect(missing.field).toBe("rows");
    const badRow = await refusal(saveExerciseResponse(id, { payload: { rows: [{ trigger: "Late", plan: "" }] }, intent: "submit" }));
    expect(badRow.field).toBe("rows.0.plan");
    const review = await addAssignment(couple, "monthly_review");
    const rating = await refusal(
      saveExerciseResponse(review, { payload: { trustNow: "11", improved: "a", stillHurts: "b", nextMonth: "c" }, intent: "submit" }),
    );
    expect(rating.field).toBe("trustNow");
    const rows = await db().select().from(schema.exerciseResponses).where(eq(schema.exerciseResponses.assignmentId, id));
    expect(rows).toHaveLength(0);
  });

  it("a forged assignment id of another couple, a cancelled one and a malformed id are not found", async () => {
    const foreign = await addAssignment(otherCouple, "disclosure_worksheet");
    const cancelled = await addAssignment(couple, "disclosure_worksheet", { status: "cancelled" });
    signInAs(couple.partners[0]);
    await expectNotFound(getExercise(foreign));
    await expectNotFound(saveExerciseResponse(foreign, { payload: worksheet, intent: "submit" }));
    await expectNotFound(getExercise(cancelled));
    await expectNotFound(getExercise("../../etc"));
    await expectNotFound(getExercise(randomUUID()));
    const rows = await db().select().from(schema.exerciseResponses).where(eq(schema.exerciseResponses.assignmentId, foreign));
    expect(rows).toHaveLength(0);
  });

  it("daily sharing is revealed to each partner only once both have answered", async () => {
    const [alex, sam] = couple.partners;
    const id = await addAssignment(couple, "daily_sharing", { recurrence: "daily", step: 6 });
    signInAs(alex);
    await saveExerciseResponse(id, { payload: { answer: "ALEX-SHARING" }, visibility: "shared", intent: "submit" });
    signInAs(sam);
    const before = await getExercise(id);
    expect(before.partners).toBeNull();
    expect(before.partnerWaiting).toBe(true);
    expect(JSON.stringify(before)).not.toContain("ALEX-SHARING");
    expect(before.question).toBeTruthy();
    await saveExerciseResponse(id, { payload: { answer: "SAM-SHARING" }, visibility: "shared", intent: "submit" });
    expect((await getExercise(id)).partners?.payload).toMatchObject({ answer: "ALEX-SHARING" });
    signInAs(alex);
    expect((await getExercise(id)).partners?.payload).toMatchObject({ answer: "SAM-SHARING" });
  });

  it("the other partner sees shared answers, never counsellor-only ones", async () => {
    const [alex, sam] = couple.partners;
    const shared = await addAssignment(couple, "noticing_log");
    const secret = await addAssignment(couple, "private_reflection");
    signInAs(alex);
    await saveExerciseResponse(shared, { payload: { noticed: "Tired", whatIDid: "Made tea" }, visibility: "shared", intent: "submit" });
    await saveExerciseResponse(secret, { payload: { openingUp: "PRIVATE-REFLECTION" }, intent: "submit" });
    signInAs(sam);
    expect((await getExercise(shared)).partners?.payload).toMatchObject({ whatIDid: "Made tea" });
    const hidden = await getExercise(secret);
    expect(hidden.partners).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain("PRIVATE-REFLECTION");
  });
});

describe("safety screen", () => {
  it("is always counsellor-only, and a safe answer raises nothing", async () => {
    const alex = couple.partners[0];
    const id = await addAssignment(couple, "safety_screen", { step: 2, forUserId: alex.id });
    signInAs(alex);
    expect(await saveExerciseResponse(id, { payload: SAFE_SCREEN, visibility: "shared", intent: "submit" })).toEqual({
      status: "submitted",
      safetyConcern: false,
    });
    const [row] = await db().select().from(schema.exerciseResponses).where(eq(schema.exerciseResponses.assignmentId, id));
    expect(row!.visibility).toBe("counsellor_only");
    // The writer's own sent screen is not shown back either.
    expect((await getExercise(id)).mine?.payload).toBeNull();
  });

  it("a concerning answer raises a concern and holds nothing; the counsellor's pause holds couple work — in the DAL — until resumed", async () => {
    const [alex, sam] = couple.partners;
    const screen = await addAssignment(couple, "safety_screen", { step: 2, forUserId: sam.id });
    const joint = await addAssignment(couple, "disclosure_worksheet");
    const reflection = await addAssignment(couple, "private_reflection");
    signInAs(sam);
    const result = await saveExerciseResponse(screen, { payload: { ...SAFE_SCREEN, afraidOfPartner: "sometimes", anythingElse: "SAFETY-TEXT" }, intent: "submit" });
    expect(result.safetyConcern).toBe(true);
    const concerns = await db()
      .select()
      .from(schema.safetyConcerns)
      .where(and(eq(schema.safetyConcerns.coupleId, couple.id), isNull(schema.safetyConcerns.clearedAt)));
    expect(concerns).toHaveLength(1);

    // The concern alone holds nothing.
    signInAs(alex);
    expect((await getPartnerToday()).onHold).toBe(false);
    expect((await listMyExercises()).find((e) => e.id === joint)?.onHold).toBe(false);

    signInAs(clinic.counsellors[0]!);
    expect(await setJointWorkPause(couple.id, true)).toBe(true);
    expect(await setJointWorkPause(couple.id, true)).toBe(false);

    signInAs(alex);
    expect((await getPartnerToday()).onHold).toBe(true);
    const listed = await listMyExercises();
    expect(listed.find((e) => e.id === joint)?.onHold).toBe(true);
    expect(listed.find((e) => e.id === reflection)?.onHold).toBe(false);
    expect((await refusal(saveExerciseResponse(joint, { payload: worksheet, intent: "submit" }))).message).toBe(JOINT_WORK_PAUSED_MESSAGE);
    expect((await refusal(proposeAgreement(parseInput(agreementInputSchema, { title: "x" })))).message).toBe(JOINT_WORK_PAUSED_MESSAGE);
    expect((await refusal(makePromise(parseInput(promiseInputSchema, { text: "x", dueAt: new Date().toISOString() })))).message).toBe(JOINT_WORK_PAUSED_MESSAGE);
    await saveExerciseResponse(reflection, { payload: { openingUp: "Still fine" }, intent: "submit" });
    await saveCheckIn(parseInput(checkInFormSchema, { trust: 5, closeness: 5, mood: "okay", contact: "yes" }));
    expect(JSON.stringify(await getExercise(joint))).not.toContain("SAFETY-TEXT");

    // Marking the concern reviewed does not resume joint work: resuming is its own decision.
    await clearSafetyConcerns(couple.id);
    expect((await refusal(saveExerciseResponse(joint, { payload: worksheet, intent: "submit" }))).message).toBe(JOINT_WORK_PAUSED_MESSAGE);
    signInAs(clinic.counsellors[0]!);
    expect(await setJointWorkPause(couple.id, false)).toBe(true);
    signInAs(alex);
    expect((await saveExerciseResponse(joint, { payload: worksheet, intent: "submit" })).status).toBe("submitted");
  });

  it("the other partner cannot open a screen meant for one partner", async () => {
    const [alex, sam] = couple.partners;
    const screen = await addAssignment(couple, "safety_screen", { step: 2, forUserId: sam.id });
    signInAs(alex);
    await expectNotFound(getExercise(screen));
    await expectNotFound(saveExerciseResponse(screen, { payload: SAFE_SCREEN, intent: "submit" }));
  });
});

describe("exercise functions are for partners only", () => {
  it.each([
    ["listMyExercises", () => listMyExercises()],
    ["getExercise", () => getExercise(randomUUID())],
    ["saveExerciseResponse", () => saveExerciseResponse(randomUUID(), { payload: {}, intent: "draft" })],
  ] as const)("%s", async (_name, call) => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(call());
    signInAs(clinic.admin);
    await expectNotFound(call());
    signInAs(null);
    await expectRedirectToLogin(call());
  });
});
