import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { clinics, userSecondFactors, userSessions, users } from "@/db/schema";
import { dueForTouch, isWithinLimits, limitsFor } from "@/lib/auth/session-policy";
import { recordAudit } from "./audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session id as it may appear in a token: anything else is no session at all. */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Whether this person owes a second step at sign-in: they turned two-factor on, or they are staff
 * of a clinic that requires it (then the second step is enrolling).
 */
async function owesSecondFactor(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor
    .select({ role: users.role, required: clinics.requireStaffTwoFactor, enabledAt: userSecondFactors.enabledAt })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .leftJoin(userSecondFactors, eq(userSecondFactors.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return false;
  return row.enabledAt !== null || (row.role !== "partner" && row.required);
}

/**
 * Opens the server-side session for a correct password. The token carries only its id; when a
 * second factor is owed the row starts pending, and no page treats it as signed in until the
 * second step clears it.
 *
 * @returns the new session's id, for the token.
 */
export async function startSession(userId: string): Promise<{ id: string; secondFactorPending: boolean }> {
  const database = await db();
  const secondFactorPending = await owesSecondFactor(database, userId);
  // The application's clock, not the database's, stamps the row: the limits are checked against it.
  const now = new Date();
  const [row] = await database
    .insert(userSessions)
    .values({ userId, createdAt: now, lastSeenAt: now, secondFactorPending })
    .returning({ id: userSessions.id });
  return { id: row!.id, secondFactorPending };
}

/** Records activity on a session, at most once a {@link TOUCH_INTERVAL_MS} unless `force`. */
export async function touchSession(executor: Executor, session: { id: string; lastSeenAt: Date }, force = false): Promise<Date> {
  const now = new Date();
  if (!force && !dueForTouch(session.lastSeenAt, now)) return session.lastSeenAt;
  await executor
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, session.id), isNull(userSessions.revokedAt)));
  return now;
}

/**
 * Revokes every live session of a user, or every one but `exceptId` (a password change keeps
 * the device it was made on). Pass the open transaction so the revocation commits with its cause.
 */
export async function revokeSessions(executor: Executor, userId: string, exceptId?: string): Promise<void> {
  await executor
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), exceptId ? ne(userSessions.id, exceptId) : undefined));
}

/**
 * The live session row behind a token, without counting the look as activity: the session
 * endpoint and the idle warning use it. Null when revoked, past its limits, or not the token's user.
 */
export async function peekSession(claims: { userId: string; sessionId: string }) {
  if (!isSessionId(claims.sessionId) || !isSessionId(claims.userId)) return null;
  const database = await db();
  const [row] = await database
    .select({
      id: userSessions.id,
      userId: userSessions.userId,
      role: users.role,
      clinicId: users.clinicId,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      secondFactorPending: userSessions.secondFactorPending,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.userId), isNull(userSessions.revokedAt), eq(users.active, true)))
    .limit(1);
  if (!row || !isWithinLimits(row, limitsFor(row.role), new Date())) return null;
  return row;
}

/**
 * The auth library's own sign-out: ends every session of the user, as Mend's sign-out does, but
 * only when the token's session is still live, so an old copied cookie cannot sign its owner out
 * everywhere.
 */
export async function signOutFromToken(claims: { userId: string; sessionId: string }): Promise<void> {
  const live = await peekSession(claims);
  if (!live || live.secondFactorPending) {
    // A half-finished sign-in just ends this one row.
    if (live) await (await db()).update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, live.id));
    return;
  }
  await endEverySession(live.userId);
}

/** Ends every session of this user on every device, audited as a sign-out. */
export async function endEverySession(userId: string): Promise<void> {
  const database = await db();
  await database.transaction(async (tx) => {
    await revokeSessions(tx, userId);
    const [user] = await tx.select({ clinicId: users.clinicId }).from(users).where(eq(users.id, userId)).limit(1);
    if (user) await recordAudit(tx, { clinicId: user.clinicId, actorId: userId, action: "auth.sign_out", entityId: userId });
  });
}
