import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, recoveryCodes, userSecondFactors } from "@/db/schema";
import {
  confirmEnrolment,
  disableSecondFactor,
  getEnrolment,
  getPendingSignIn,
  resetSecondFactor,
  SECOND_FACTOR_PAIR_ATTEMPTS,
  setClinicTwoFactorRequirement,
  USED_CODE,
  verifySecondFactor,
  WRONG_CODE,
} from "@/lib/dal/second-factor";
import { peekSession, startSession } from "@/lib/dal/sessions";
import { getSessionState, getViewer, requireViewer } from "@/lib/dal/viewer";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureUser } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let other: FixtureClinic;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["steady"]] });
  other = await createClinic({ couplesPerCounsellor: [["steady"]] });
});

async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("expected a redirect");
}

/** Signs in with the password step only, as the sign-in form does. */
async function passwordStep(user: FixtureUser): Promise<{ id: string; secondFactorPending: boolean }> {
  const session = await startSession(user.id);
  signInAs(user, session.id);
  return session;
}

/** Turns two-factor on for `user` as they would on /account; returns the secret and recovery codes. */
async function enrol(user: FixtureUser): Promise<{ secret: string; codes: string[] }> {
  await passwordStep(user);
  const { secret, uri } = await getEnrolment();
  expect(uri).toMatch(/^otpauth:\/\/totp\/Mend:/);
  // Reloading the page shows the same secret until it is confirmed.
  expect((await getEnrolment()).secret).toBe(secret);
  const wrong = await refusal(confirmEnrolment("000000"));
  expect(wrong.fieldErrors).toEqual({ code: [WRONG_CODE] });
  // The previous step's code (still inside the drift allowance), so the current one is left for signing in.
  const { recoveryCodes: codes } = await confirmEnrolment(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }));
  return { secret, codes };
}

describe("enrolling and signing in with a second factor", () => {
  it("enrol → the next sign-in owes a code → the right code signs in", async () => {
    const counsellor = clinic.counsellors[0]!;
    const { secret, codes } = await enrol(counsellor);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const [stored] = await db().select().from(userSecondFactors).where(eq(userSecondFactors.userId, counsellor.id));
    // The secret is stored sealed, never as typed into the app.
    expect(stored!.secretEncrypted).not.toContain(secret);
    const hashes = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, counsellor.id));
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => codes.includes(h.codeHash))).toBe(false);

    const session = await passwordStep(counsellor);
    expect(session.secondFactorPending).toBe(true);
    expect(await getViewer()).toBeNull();
    expect((await getSessionState()).status).toBe("second-factor");
    expect(await redirectTarget(requireViewer())).toBe("/login/second-factor");
    expect(await getPendingSignIn()).toEqual({ email: counsellor.email, mustEnrol: false });
    // A half-signed-in session cannot swap in its own secret.
    expect((await refusal(getEnrolment())).message).toBe("Two-factor sign-in is already on.");

    expect(await verifySecondFactor({ code: await generate({ secret }), ip: "2fa-1" })).toEqual({ usedRecoveryCode: false });
    expect(await getViewer()).toMatchObject({ id: counsellor.id });
    const events = await db()
      .select({ action: auditEvents.action, outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, counsellor.id)));
    expect(events).toContainEqual({ action: "auth.second_factor_enable", outcome: "success" });
    expect(events).toContainEqual({ action: "auth.second_factor", outcome: "success" });
  });

  it("throttles wrong codes per account and address, audits them, and lets the owner in from elsewhere", async () => {
    const counsellor = clinic.counsellors[1]!;
    const { secret } = await enrol(counsellor);
    await passwordStep(counsellor);
    const results = [];
    for (let i = 0; i < SECOND_FACTOR_PAIR_ATTEMPTS; i++) results.push(await refusal(verifySecondFactor({ code: "123456", ip: "guesser" })));
    expect(results.slice(0, -1).every((r) => r.message === WRONG_CODE)).toBe(true);
    expect(results.at(-1)!.message).toMatch(/^Too many wrong codes/);
    // Even the right code waits from that address...
    expect((await refusal(verifySecondFactor({ code: await generate({ secret }), ip: "guesser" }))).message).toMatch(/^Too many wrong codes/);
    expect(await getViewer()).toBeNull();
    const failures = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, counsellor.id), eq(auditEvents.action, "auth.second_factor"), eq(auditEvents.outcome, "failure")));
    expect(failures.length).toBe(SECOND_FACTOR_PAIR_ATTEMPTS);
    // ...but not from another.
    await verifySecondFactor({ code: await generate({ secret }), ip: "owner-phone" });
    expect(await getViewer()).not.toBeNull();
  });

  it("takes a recovery code once, in any case and spacing", async () => {
    const partner = clinic.couples[0]!.partners[0];
    // Partners may opt in.
    const { codes } = await enrol(partner);
    await passwordStep(partner);
    expect(await verifySecondFactor({ code: ` ${codes[3]!.toUpperCase().replaceAll("-", " ")} `, ip: "2fa-2" })).toEqual({ usedRecoveryCode: true });
    expect(await getViewer()).toMatchObject({ id: partner.id });
    const [used] = await db()
      .select({ metadata: auditEvents.metadata })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, partner.id), eq(auditEvents.action, "auth.recovery_code_used")));
    expect(used!.metadata).toEqual({ remaining: 9 });

    await passwordStep(partner);
    expect((await refusal(verifySecondFactor({ code: codes[3]!, ip: "2fa-2" }))).message).toBe(WRONG_CODE);
    expect(await getViewer()).toBeNull();
    await verifySecondFactor({ code: codes[4]!, ip: "2fa-2" });
    expect(await getViewer()).not.toBeNull();
  });
});

describe("a code from the app works once", () => {
  let replay: FixtureClinic;
  beforeAll(async () => {
    replay = await createClinic({ couplesPerCounsellor: [["steady"], ["steady"]] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  /** Freezes the clock in the middle of a 30-second step, so each code's step is certain. */
  function freezeMidStep(): number {
    const mid = (Math.floor(Date.now() / 30_000) * 30 + 15) * 1000;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(mid);
    return mid / 1000;
  }

  it("the code that confirmed enrolment cannot also sign in, nor can a code be replayed after signing in", async () => {
    const counsellor = replay.counsellors[0]!;
    const now = freezeMidStep();
    await passwordStep(counsellor);
    const { secret } = await getEnrolment();
    const code = await generate({ secret });
    await confirmEnrolment(code);

    await passwordStep(counsellor);
    expect((await refusal(verifySecondFactor({ code, ip: "replay-1" }))).fieldErrors).toEqual({ code: [USED_CODE] });
    expect(await getViewer()).toBeNull();

    // Thirty seconds on, the new code signs in.
    vi.setSystemTime((now + 30) * 1000);
    const next = await generate({ secret });
    await verifySecondFactor({ code: next, ip: "replay-1" });
    expect(await getViewer()).toMatchObject({ id: counsellor.id });

    // Someone who watched that code being typed, and knows the password, gets nothing from it...
    await passwordStep(counsellor);
    expect((await refusal(verifySecondFactor({ code: next, ip: "shoulder" }))).message).toBe(USED_CODE);
    // ...nor from the code before it, which the allowance for clock drift would otherwise take.
    expect((await refusal(verifySecondFactor({ code, ip: "shoulder" }))).message).toBe(USED_CODE);
    expect(await getViewer()).toBeNull();
    const failures = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, counsellor.id), eq(auditEvents.action, "auth.second_factor"), eq(auditEvents.outcome, "failure")));
    expect(failures).toHaveLength(3);
    const [stored] = await db().select().from(userSecondFactors).where(eq(userSecondFactors.userId, counsellor.id));
    expect(stored!.lastUsedStep).toBe(Math.floor((now + 30) / 30));
  });

  it("two submissions of the same code at once: only one signs in", async () => {
    const counsellor = replay.counsellors[1]!;
    const now = freezeMidStep();
    const { secret } = await enrol(counsellor);
    vi.setSystemTime((now + 30) * 1000);
    await passwordStep(counsellor);
    const code = await generate({ secret });
    const outcomes = await Promise.allSettled([verifySecondFactor({ code, ip: "tab-1" }), verifySecondFactor({ code, ip: "tab-2" })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [rejected] = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    // The other is refused: either it reached the code check second (the code is spent), or, on a
    // server where the first finished before it began, it found the session already signed in and
    // was sent home. Either way the code let only one through.
    const reason = rejected!.reason as Error & { digest?: string };
    if (reason.message !== USED_CODE) expect(reason.digest).toMatch(/^NEXT_REDIRECT;\w+;\/;/);
  });

  it("a code already used to sign in does not also turn two-factor off; the next one does", async () => {
    const partner = replay.couples[0]!.partners[0];
    const now = freezeMidStep();
    const { secret } = await enrol(partner);
    vi.setSystemTime((now + 30) * 1000);
    await passwordStep(partner);
    const code = await generate({ secret });
    await verifySecondFactor({ code, ip: "partner-phone" });
    expect(await getViewer()).toMatchObject({ id: partner.id });
    expect((await refusal(disableSecondFactor(code))).fieldErrors).toEqual({ code: [USED_CODE] });
    expect(await db().select().from(userSecondFactors).where(eq(userSecondFactors.userId, partner.id))).toHaveLength(1);

    vi.setSystemTime((now + 60) * 1000);
    await disableSecondFactor(await generate({ secret }));
    expect(await db().select().from(userSecondFactors).where(eq(userSecondFactors.userId, partner.id))).toHaveLength(0);
  });
});

describe("the clinic admin", () => {
  it("resets a counsellor's second factor: audited, their sessions end, and they sign in with a password alone", async () => {
    const counsellor = clinic.counsellors[0]!;
    const before = await passwordStep(counsellor);
    expect(before.secondFactorPending).toBe(true);
    signInAs(clinic.admin);
    await resetSecondFactor({ counsellorId: counsellor.id });
    expect(await peekSession({ userId: counsellor.id, sessionId: before.id })).toBeNull();
    expect((await refusal(resetSecondFactor({ counsellorId: counsellor.id }))).message).toBe("They don't have two-factor sign-in set up.");
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.second_factor_reset"), eq(auditEvents.entityId, counsellor.id)));
    expect(event).toMatchObject({ actorId: clinic.admin.id, clinicId: clinic.clinicId });
    expect((await passwordStep(counsellor)).secondFactorPending).toBe(false);
  });

  it("cannot reset another clinic's counsellor, and a counsellor cannot reset anyone", async () => {
    signInAs(clinic.admin);
    await expectNotFound(resetSecondFactor({ counsellorId: other.counsellors[0]!.id }));
    signInAs(clinic.counsellors[1]!);
    await expectNotFound(resetSecondFactor({ counsellorId: clinic.counsellors[0]!.id }));
  });

  it("requiring two-factor sends staff without it to enrol at their next sign-in, before anything else; partners are not asked", async () => {
    signInAs(clinic.admin);
    await setClinicTwoFactorRequirement(true);
    const counsellor = clinic.counsellors[0]!;
    expect((await passwordStep(counsellor)).secondFactorPending).toBe(true);
    expect(await getViewer()).toBeNull();
    expect(await redirectTarget(requireViewer())).toBe("/login/second-factor");
    expect(await getPendingSignIn()).toEqual({ email: counsellor.email, mustEnrol: true });
    const { secret } = await getEnrolment();
    const { recoveryCodes: codes } = await confirmEnrolment(await generate({ secret }));
    expect(codes).toHaveLength(10);
    // Enrolling finished this sign-in.
    expect(await getViewer()).toMatchObject({ id: counsellor.id });

    expect((await passwordStep(clinic.couples[1]!.partners[1])).secondFactorPending).toBe(false);
    expect((await passwordStep(other.counsellors[0]!)).secondFactorPending).toBe(false);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, "clinic.require_two_factor"));
    expect(event).toMatchObject({ entityId: clinic.clinicId, metadata: { required: true } });
  });
});
