import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Database, Executor } from "@/db";
import { db } from "@/db/ready";
import { clinics, rateLimits, recoveryCodes, userSecondFactors, userSessions, users, type Role } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { generateRecoveryCodes, hashRecoveryCode, openSecret, sealSecret } from "@/lib/auth/secret-box";
import { matchTotp, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { recordAudit } from "./audit";
import { parseIdOrNotFound } from "./scope";
import { revokeSessions } from "./sessions";
import { countFailure, secondsUntilAllowed } from "./sign-in-throttle";
import { getSessionState, requireRole, requireViewer } from "./viewer";

/** Wrong second-step codes allowed per account from one address, and per account in all, per window. */
export const SECOND_FACTOR_PAIR_ATTEMPTS = 5;
export const SECOND_FACTOR_ACCOUNT_ATTEMPTS = 20;
export const SECOND_FACTOR_WINDOW_SECONDS = 15 * 60;

export const WRONG_CODE = "That code didn't work. Check the time on your phone and try the newest code, or use a recovery code.";
export const USED_CODE = "That code has already been used. Wait for your app to show a new one, then enter that.";

type Limiters = { pair: RateLimiterDrizzle; account: RateLimiterDrizzle };
const globalForLimiters = globalThis as unknown as { __mendSecondFactorLimiters?: WeakMap<Database, Limiters> };

// The same Postgres-backed counters as the password step, under their own keys.
function limitersFor(database: Database): Limiters {
  globalForLimiters.__mendSecondFactorLimiters ??= new WeakMap();
  let limiters = globalForLimiters.__mendSecondFactorLimiters.get(database);
  if (!limiters) {
    const common = {
      storeClient: database,
      schema: rateLimits,
      duration: SECOND_FACTOR_WINDOW_SECONDS,
      blockDuration: SECOND_FACTOR_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    };
    limiters = {
      pair: new RateLimiterDrizzle({ ...common, keyPrefix: "second_factor_pair", points: SECOND_FACTOR_PAIR_ATTEMPTS }),
      account: new RateLimiterDrizzle({ ...common, keyPrefix: "second_factor_account", points: SECOND_FACTOR_ACCOUNT_ATTEMPTS }),
    };
    globalForLimiters.__mendSecondFactorLimiters.set(database, limiters);
  }
  return limiters;
}

function waitSeconds(pair: RateLimiterRes | null, account: RateLimiterRes | null): number | null {
  return secondsUntilAllowed([
    [SECOND_FACTOR_PAIR_ATTEMPTS, pair],
    [SECOND_FACTOR_ACCOUNT_ATTEMPTS, account],
  ]);
}

function tooManyCodes(seconds: number): InputError {
  const minutes = Math.ceil(seconds / 60);
  return new InputError(`Too many wrong codes. For your security, please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`, "code");
}

/**
 * Records `step` as the last accepted code's, but only when it is later than every step accepted
 * before: one conditional UPDATE, so of two submissions of the same code at once (or a code seen
 * over someone's shoulder and typed within its 30 seconds) only the first passes. `extra` narrows
 * the row further (enrolment also requires the factor to be still off). False when refused.
 */
async function acceptStep(database: Executor, userId: string, step: number, extra?: SQL): Promise<boolean> {
  const accepted = await database
    .update(userSecondFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, userId),
        or(isNull(userSecondFactors.lastUsedStep), lt(userSecondFactors.lastUsedStep, step)),
        extra,
      ),
    )
    .returning({ userId: userSecondFactors.userId });
  return accepted.length > 0;
}

/** Who is setting up or using a second factor: a signed-in person, or a sign-in owing its second step. */
type Subject = { userId: string; clinicId: string; email: string; role: Role; sessionId: string; pending: boolean };

async function currentSubject(): Promise<Subject> {
  const state = await getSessionState();
  if (state.status === "second-factor") {
    return { userId: state.userId, clinicId: state.clinicId, email: state.email, role: state.role, sessionId: state.sessionId, pending: true };
  }
  if (state.status === "signed-in") {
    const { viewer } = state;
    return { userId: viewer.id, clinicId: viewer.clinicId, email: viewer.email, role: viewer.role, sessionId: state.sessionId, pending: false };
  }
  redirect("/login");
}

async function factorOf(database: Database, userId: string) {
  const [row] = await database.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId)).limit(1);
  return row ?? null;
}

async function clinicRequires(database: Database, clinicId: string): Promise<boolean> {
  const [row] = await database.select({ required: clinics.requireStaffTwoFactor }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row?.required ?? false;
}

/** What the account page shows about two-factor sign-in. */
export type TwoFactorStatus = { enabled: boolean; requiredByClinic: boolean; recoveryCodesLeft: number };

/** The signed-in person's two-factor state, for /account. */
export async function getTwoFactorStatus(): Promise<TwoFactorStatus> {
  const viewer = await requireViewer();
  const database = await db();
  const [factor, required, [left]] = await Promise.all([
    factorOf(database, viewer.id),
    clinicRequires(database, viewer.clinicId),
    database
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, viewer.id), isNull(recoveryCodes.usedAt))),
  ]);
  return { enabled: factor?.enabledAt != null, requiredByClinic: required && viewer.role !== "partner", recoveryCodesLeft: left?.n ?? 0 };
}

/** Where the sign-in stands when it owes its second step: enter a code, or enrol first. */
export async function getPendingSignIn(): Promise<{ email: string; mustEnrol: boolean }> {
  const state = await getSessionState();
  if (state.status === "signed-in") redirect("/");
  if (state.status !== "second-factor") redirect("/login");
  const factor = await factorOf(await db(), state.userId);
  return { email: state.email, mustEnrol: factor?.enabledAt == null };
}

/**
 * The secret being enrolled, created on first ask and kept until confirmed, so reloading the page
 * shows the same QR code. Refused once a factor is on: it is never replaced without turning it
 * off first (which needs a code), so a half-signed-in session cannot swap in its own.
 */
export async function getEnrolment(): Promise<{ secret: string; uri: string }> {
  const subject = await currentSubject();
  const database = await db();
  const factor = await factorOf(database, subject.userId);
  if (factor?.enabledAt) throw new InputError("Two-factor sign-in is already on.");
  let secret: string;
  if (factor) {
    secret = openSecret(factor.secretEncrypted);
  } else {
    secret = newTotpSecret();
    await database.insert(userSecondFactors).values({ userId: subject.userId, secretEncrypted: sealSecret(secret) }).onConflictDoNothing();
    // Two tabs may race: whichever secret was stored is the one to show.
    secret = openSecret((await factorOf(database, subject.userId))!.secretEncrypted);
  }
  return { secret, uri: totpUri(secret, subject.email) };
}

/**
 * Turns two-factor on with the first code from the app, and returns ten recovery codes to show
 * once (only their hashes are kept). A sign-in that was sent to enrol is signed in by it.
 *
 * @throws InputError on `code` when the code does not match the secret being enrolled.
 */
export async function confirmEnrolment(code: string): Promise<{ recoveryCodes: string[] }> {
  const subject = await currentSubject();
  const database = await db();
  const factor = await factorOf(database, subject.userId);
  if (!factor || factor.enabledAt) throw new InputError("Start again: open the page to get a new code to scan.");
  const step = await matchTotp(openSecret(factor.secretEncrypted), code);
  if (step === null) throw new InputError(WRONG_CODE, "code");
  const codes = generateRecoveryCodes();
  await database.transaction(async (tx) => {
    // Turns it on only if no other tab did first with this code: one set of recovery codes.
    if (!(await acceptStep(tx, subject.userId, step, isNull(userSecondFactors.enabledAt)))) throw new InputError(USED_CODE, "code");
    await tx.update(userSecondFactors).set({ enabledAt: new Date() }).where(eq(userSecondFactors.userId, subject.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, subject.userId));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: subject.userId, codeHash: hashRecoveryCode(c) })));
    if (subject.pending) await tx.update(userSessions).set({ secondFactorPending: false }).where(eq(userSessions.id, subject.sessionId));
    await recordAudit(tx, { clinicId: subject.clinicId, actorId: subject.userId, action: "auth.second_factor_enable", entityId: subject.userId });
  });
  return { recoveryCodes: codes };
}

/**
 * The second step of signing in: a code from the app, or one of the recovery codes (each works
 * once). Throttled per account from this address and per account in all, like the password step,
 * and audited either way.
 *
 * @throws InputError on `code` for a wrong code, or while paused.
 */
export async function verifySecondFactor(input: { code: string; ip: string }): Promise<{ usedRecoveryCode: boolean }> {
  const state = await getSessionState();
  if (state.status !== "second-factor") redirect(state.status === "signed-in" ? "/" : "/login");
  const database = await db();
  const { pair, account } = limitersFor(database);
  const pairKey = `${state.userId}|${input.ip}`;
  const before = waitSeconds(await pair.get(pairKey), await account.get(state.userId));
  if (before !== null) throw tooManyCodes(before);

  const factor = await factorOf(database, state.userId);
  if (!factor?.enabledAt) redirect("/login/second-factor");
  const typed = input.code.trim();
  let usedRecoveryCode = false;
  const step = /^\d{6}$/.test(typed.replace(/\s/g, "")) ? await matchTotp(openSecret(factor.secretEncrypted), typed) : null;
  let ok = step !== null && (await acceptStep(database, state.userId, step));
  const replayed = step !== null && !ok;
  if (!ok && typed.replace(/[\s-]/g, "").length === 16) {
    // Spends the code in the same statement that finds it, so two tabs cannot both use it.
    const [spent] = await database
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, state.userId), eq(recoveryCodes.codeHash, hashRecoveryCode(typed)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    ok = usedRecoveryCode = Boolean(spent);
  }

  if (!ok) {
    const after = waitSeconds(await countFailure(pair, pairKey), await countFailure(account, state.userId));
    await recordAudit(database, { clinicId: state.clinicId, actorId: state.userId, action: "auth.second_factor", entityId: state.userId, outcome: "failure" });
    if (after !== null) throw tooManyCodes(after);
    throw new InputError(replayed ? USED_CODE : WRONG_CODE, "code");
  }

  await pair.delete(pairKey);
  await database.transaction(async (tx) => {
    await tx.update(userSessions).set({ secondFactorPending: false }).where(eq(userSessions.id, state.sessionId));
    await recordAudit(tx, { clinicId: state.clinicId, actorId: state.userId, action: "auth.second_factor", entityId: state.userId });
    if (usedRecoveryCode) {
      const [left] = await tx
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, state.userId), isNull(recoveryCodes.usedAt)));
      await recordAudit(tx, {
        clinicId: state.clinicId,
        actorId: state.userId,
        action: "auth.recovery_code_used",
        entityId: state.userId,
        metadata: { remaining: left?.n ?? 0 },
      });
    }
  });
  return { usedRecoveryCode };
}

/**
 * Turns two-factor off for the signed-in person, with a current code as proof. Staff of a clinic
 * that requires it cannot: their admin can reset it, and they enrol again at the next sign-in.
 *
 * @throws InputError when the clinic requires it, or on `code` for a wrong code.
 */
export async function disableSecondFactor(code: string): Promise<void> {
  const viewer = await requireViewer();
  const database = await db();
  if (viewer.role !== "partner" && (await clinicRequires(database, viewer.clinicId))) {
    throw new InputError("Your clinic requires two-factor sign-in for staff, so it stays on.");
  }
  const factor = await factorOf(database, viewer.id);
  if (!factor?.enabledAt) throw new InputError("Two-factor sign-in is already off.");
  const step = await matchTotp(openSecret(factor.secretEncrypted), code);
  if (step === null) throw new InputError(WRONG_CODE, "code");
  await database.transaction(async (tx) => {
    // A code already used to sign in (or seen being typed) does not also turn the factor off.
    if (!(await acceptStep(tx, viewer.id, step))) throw new InputError(USED_CODE, "code");
    await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, viewer.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, viewer.id));
    await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "auth.second_factor_disable", entityId: viewer.id });
  });
}

/**
 * A clinic admin resets the second factor of a counsellor of their clinic (a lost phone): the
 * factor and recovery codes are deleted and every session of theirs ends. Audited.
 */
export async function resetSecondFactor(input: { counsellorId: string }): Promise<void> {
  const viewer = await requireRole("clinic_admin");
  const id = parseIdOrNotFound(input.counsellorId);
  const database = await db();
  await database.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor")))
      .limit(1);
    if (!target) notFound();
    const removed = await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, id)).returning({ id: userSecondFactors.userId });
    if (removed.length === 0) throw new InputError("They don't have two-factor sign-in set up.");
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await revokeSessions(tx, id);
    await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "auth.second_factor_reset", entityId: id });
  });
}

/** Whether each counsellor of the admin's clinic has two-factor on, for the counsellor pages. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const viewer = await requireRole("clinic_admin");
  const id = parseIdOrNotFound(userId);
  const [row] = await (await db())
    .select({ userId: userSecondFactors.userId })
    .from(userSecondFactors)
    .innerJoin(users, eq(users.id, userSecondFactors.userId))
    .where(and(eq(userSecondFactors.userId, id), eq(users.clinicId, viewer.clinicId), isNotNull(userSecondFactors.enabledAt)))
    .limit(1);
  return Boolean(row);
}

/** Whether the admin's clinic requires two-factor sign-in of its staff. */
export async function getClinicTwoFactorRequirement(): Promise<boolean> {
  const viewer = await requireRole("clinic_admin");
  return clinicRequires(await db(), viewer.clinicId);
}

/**
 * Requires (or stops requiring) two-factor sign-in of every counsellor and admin of the clinic.
 * Staff without it enrol at their next sign-in, before anything else. Audited.
 */
export async function setClinicTwoFactorRequirement(required: boolean): Promise<void> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  await database.transaction(async (tx) => {
    await tx.update(clinics).set({ requireStaffTwoFactor: required }).where(eq(clinics.id, viewer.clinicId));
    await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "clinic.require_two_factor", entityId: viewer.clinicId, metadata: { required } });
  });
}
