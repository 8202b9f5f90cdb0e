import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, demoSeedingEnabled } from "@/db/ready";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/accounts";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "./audit";
import { endEverySession } from "./sessions";
import { clearSignInFailures, getSignInThrottle, recordSignInFailure } from "./sign-in-throttle";

/** The limits live with their counters; re-exported for callers that name them. */
export { ACCOUNT_ATTEMPTS, ADDRESS_ATTEMPTS, PAIR_ATTEMPTS } from "./sign-in-throttle";

export type SignedInUser = { id: string; email: string; name: string; role: Role; clinicId: string; sessionVersion: number };

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password, throttled per account, per client address and per account from
 * that address (see ./sign-in-throttle), so a stranger's failures slow the stranger, not the
 * owner. An unknown email and a wrong password take the same time and give the same answer.
 */
export async function verifySignIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const database = await db();
  const attempt = { email: input.email.trim().toLowerCase(), address: input.ip };
  const email = attempt.email;
  const before = await getSignInThrottle(database, attempt);
  if (before.throttled) return { ok: false, reason: "throttled", retryAfterSeconds: before.retryAfterSeconds };

  const [user] = await database
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);

  const passwordOk =
    user && user.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : (await burnPasswordCheck(input.password), false);

  if (!user || !passwordOk) {
    const after = await recordSignInFailure(database, attempt);
    await recordAudit(database, {
      clinicId: user?.clinicId ?? null,
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      entityId: user?.id ?? null,
      outcome: "failure",
      address: input.ip,
    });
    if (after.throttled) return { ok: false, reason: "throttled", retryAfterSeconds: after.retryAfterSeconds };
    return { ok: false, reason: "invalid" };
  }

  await clearSignInFailures(database, attempt);
  await recordAudit(database, {
    clinicId: user.clinicId,
    actorId: user.id,
    action: "auth.sign_in",
    entityId: user.id,
    address: input.ip,
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      clinicId: user.clinicId,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** Ends every session of this user on every device: their session rows are revoked. */
export async function endAllSessions(userId: string): Promise<void> {
  await endEverySession(userId);
}

/** The demo clinic's sign-ins for the sign-in page, or null unless this server runs the demo. */
export function getDemoSignIns(): { accounts: typeof DEMO_ACCOUNTS; password: string } | null {
  return demoSeedingEnabled() ? { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } : null;
}
