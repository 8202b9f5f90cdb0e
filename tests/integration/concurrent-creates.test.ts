import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { isInputError } from "@/lib/actions/errors";
import { proposeAgreement } from "@/lib/dal/agreements";
import { createAssignment } from "@/lib/dal/assignments";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { createCounsellorInvitation, createCoupleWithInvitations, listCoupleInvitations, reissueInvitation } from "@/lib/dal/invitations";
import { createNote } from "@/lib/dal/notes";
import { makePromise } from "@/lib/dal/promises";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { agreementInputSchema } from "@/lib/validations/agreements";
import { assignmentSchema } from "@/lib/validations/assignments";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { inviteeSchema, newCoupleSchema } from "@/lib/validations/invitations";
import { noteInputSchema } from "@/lib/validations/notes";
import { promiseInputSchema } from "@/lib/validations/promises";
import { createClinic, db, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { addAssignment, clearTodaysCheckIn, SAFE_SCREEN } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

/**
 * Every create action, sent twice at the same moment (a double click, a resubmitted form): one
 * row. Each pair runs with Promise.all, so on a Postgres server the two calls really race on two
 * connections. The losing call either returns the first one's result or a polite refusal (an
 * InputError); it never throws anything else.
 */
let clinic: FixtureClinic;
let couple: FixtureCouple;
const unique = () => randomUUID().slice(0, 8);

/** Both outcomes of a pair: every call that fails must fail with an InputError, at least one succeeds. */
async function twice<T>(call: () => Promise<T>): Promise<T[]> {
  const settled = await Promise.allSettled([call(), call()]);
  const done: T[] = [];
  for (const outcome of settled) {
    if (outcome.status === "fulfilled") done.push(outcome.value);
    else if (!isInputError(outcome.reason)) throw outcome.reason;
  }
  expect(done.length).toBeGreaterThan(0);
  return done;
}

const rows = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
const n = sql<number>`count(*)`.mapWith(Number);

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving", "steady"]] });
  couple = clinic.couples[0]!;
});

describe("two identical submissions at the same moment create one row", () => {
  it("a check-in", async () => {
    const partner = couple.partners[0];
    await clearTodaysCheckIn(partner.id);
    signInAs(partner);
    const form = parseInput(checkInFormSchema, { trust: "6", closeness: "5", mood: "okay", contact: "yes", noteVisibility: "shared" });
    await twice(() => saveCheckIn(form));
    const today = todayIn("UTC");
    expect(await rows(db().select({ n }).from(schema.checkIns).where(and(eq(schema.checkIns.userId, partner.id), eq(schema.checkIns.date, today))))).toBe(1);
  });

  it("an exercise answer, and the one safety concern a worrying screen raises", async () => {
    const partner = couple.partners[1];
    const worksheet = await addAssignment(couple, "disclosure_worksheet");
    signInAs(partner);
    const answer = { payload: { whatHappened: "It happened", howItAffectedMe: "Badly", whatINeedToUnderstand: "Why" }, intent: "submit" as const };
    await twice(() => saveExerciseResponse(worksheet, answer));
    const responses = (assignmentId: string) =>
      rows(db().select({ n }).from(schema.exerciseResponses).where(and(eq(schema.exerciseResponses.assignmentId, assignmentId), eq(schema.exerciseResponses.userId, partner.id))));
    expect(await responses(worksheet)).toBe(1);

    const screen = await addAssignment(couple, "safety_screen", { step: 2, forUserId: partner.id });
    const worrying = { payload: { ...SAFE_SCREEN, controlled: "often", safeToSpeak: "not_sure" }, intent: "submit" as const };
    await twice(() => saveExerciseResponse(screen, worrying));
    expect(await responses(screen)).toBe(1);
    const concerns = await db()
      .select({ n })
      .from(schema.safetyConcerns)
      .innerJoin(schema.exerciseResponses, eq(schema.exerciseResponses.id, schema.safetyConcerns.responseId))
      .where(eq(schema.exerciseResponses.assignmentId, screen));
    expect(concerns[0]!.n).toBe(1);
  });

  it("a proposed agreement", async () => {
    signInAs(couple.partners[0]);
    const title = `A call every evening ${unique()}`;
    const form = parseInput(agreementInputSchema, { title, details: "At seven", checkInsPerWeek: "5" });
    const done = await twice(() => proposeAgreement(form));
    expect(new Set(done.map((d) => d.id)).size).toBe(1);
    expect(await rows(db().select({ n }).from(schema.agreements).where(eq(schema.agreements.title, title)))).toBe(1);
  });

  it("a promise", async () => {
    signInAs(couple.partners[1]);
    const text = `Home by six ${unique()}`;
    const form = parseInput(promiseInputSchema, { text, dueAt: new Date(Date.now() + 3_600_000).toISOString() });
    const done = await twice(() => makePromise(form));
    expect(new Set(done.map((d) => d.id)).size).toBe(1);
    expect(await rows(db().select({ n }).from(schema.promises).where(eq(schema.promises.text, text)))).toBe(1);
  });

  it("an assignment", async () => {
    signInAs({ id: couple.counsellorId, role: "counsellor", clinicId: clinic.clinicId });
    const instructions = `Notice one thing a day ${unique()}`;
    const today = todayIn("UTC");
    const form = parseInput(assignmentSchema(today), {
      step: "9",
      exerciseKind: "noticing_log",
      forUserId: "both",
      dueOn: addIsoDays(today, 3),
      recurrence: "weekly",
      instructions,
    });
    await twice(() => createAssignment(couple.id, form));
    expect(await rows(db().select({ n }).from(schema.assignments).where(eq(schema.assignments.instructions, instructions)))).toBe(1);
  });

  it("a note, and an addendum to it", async () => {
    signInAs({ id: couple.counsellorId, role: "counsellor", clinicId: clinic.clinicId });
    const body = `Session went calmly ${unique()}`;
    const form = parseInput(noteInputSchema, { format: "free", intent: "sign", body });
    const done = await twice(() => createNote(couple.id, form));
    expect(await rows(db().select({ n }).from(schema.notes).where(sql`${schema.notes.body}->>'body' = ${body}`))).toBe(1);

    const correction = `Correction: fortnightly ${unique()}`;
    const addendum = parseInput(noteInputSchema, { format: "free", intent: "sign", body: correction });
    await twice(() => createNote(couple.id, addendum, done[0]!.id));
    expect(await rows(db().select({ n }).from(schema.notes).where(sql`${schema.notes.body}->>'body' = ${correction}`))).toBe(1);
  });

  it("a couple with its two invitations", async () => {
    signInAs({ id: couple.counsellorId, role: "counsellor", clinicId: clinic.clinicId });
    const name = `Pat & Chris ${unique()}`;
    const a = `a-${unique()}@example.test`;
    const form = parseInput(newCoupleSchema, {
      name,
      startedOn: "2026-11-01",
      partners: [
        { name: "Pat Quinn", email: a },
        { name: "Chris Quinn", email: `b-${unique()}@example.test` },
      ],
    });
    await twice(() => createCoupleWithInvitations(form));
    expect(await rows(db().select({ n }).from(schema.couples).where(eq(schema.couples.name, name)))).toBe(1);
    expect(await rows(db().select({ n }).from(schema.invitations).where(eq(schema.invitations.email, a)))).toBe(1);
  });

  it("a reissued invitation link", async () => {
    signInAs({ id: couple.counsellorId, role: "counsellor", clinicId: clinic.clinicId });
    const email = `r-${unique()}@example.test`;
    const form = parseInput(newCoupleSchema, {
      name: `Reissue ${unique()}`,
      startedOn: "2026-11-01",
      partners: [
        { name: "Robin Park", email },
        { name: "Jo Park", email: `j-${unique()}@example.test` },
      ],
    });
    const created = await createCoupleWithInvitations(form);
    const first = (await listCoupleInvitations(created.coupleId)).find((i) => i.email === email)!;
    await twice(() => reissueInvitation(first.id));
    // The original and exactly one fresh link: a second fresh one would make the first email's link dead.
    expect(await rows(db().select({ n }).from(schema.invitations).where(eq(schema.invitations.email, email)))).toBe(2);
  });

  it("a counsellor invitation", async () => {
    signInAs(clinic.admin);
    const email = `c-${unique()}@example.test`;
    const form = parseInput(inviteeSchema, { name: "Casey Counsellor", email });
    await twice(() => createCounsellorInvitation(form));
    expect(await rows(db().select({ n }).from(schema.users).where(eq(schema.users.email, email)))).toBe(1);
    expect(await rows(db().select({ n }).from(schema.invitations).where(eq(schema.invitations.email, email)))).toBe(1);
  });
});
