import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { users } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "./audit";
import { revokeSessions } from "./sessions";
import { clearChangePasswordFailures, getChangePasswordThrottle, recordChangePasswordFailure } from "./sign-in-throttle";
import { getSessionState, requireViewer } from "./viewer";

function tooManyTries(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many wrong passwords. For your security, please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/**
 * Changes the signed-in user's password after checking the current one. Every other session of
 * theirs, on every device, is revoked in the same transaction; this device stays signed in.
 *
 * @returns the account's email.
 * @throws InputError on `current` when the current password is wrong (audited as a failure), or
 *   after too many wrong ones in a row (the form pauses, as sign-in does).
 */
export async function changePassword(input: { current: string; next: string }): Promise<{ email: string }> {
  const viewer = await requireViewer();
  const database = await db();
  const [user] = await database.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, viewer.id)).limit(1);
  const before = await getChangePasswordThrottle(database, viewer.id);
  if (before.throttled) throw new InputError(tooManyTries(before.retryAfterSeconds), "current");
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    // A stolen session must not become a way to guess the password without limit.
    const after = await recordChangePasswordFailure(database, viewer.id);
    await recordAudit(database, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "auth.change_password",
      entityId: viewer.id,
      outcome: "failure",
    });
    if (after.throttled) throw new InputError(tooManyTries(after.retryAfterSeconds), "current");
    throw new InputError("That isn't your current password.", "current");
  }
  await clearChangePasswordFailures(database, viewer.id);
  const passwordHash = await hashPassword(input.next);
  const current = await getSessionState();
  await database.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, viewer.id), eq(users.active, true)));
    // Every other device is signed out; this one stays signed in.
    await revokeSessions(tx, viewer.id, current.status === "signed-in" ? current.sessionId : undefined);
    await recordAudit(tx, { clinicId: viewer.clinicId, actorId: viewer.id, action: "auth.change_password", entityId: viewer.id });
  });
  return { email: user.email };
}
