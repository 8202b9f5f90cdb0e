import "server-only";
import { eq, sql } from "drizzle-orm";
import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { db, demoSeedingEnabled } from "@/db/ready";
import { rateLimits, users } from "@/db/schema";
import type { Role } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/accounts";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "./audit";

/** Failed sign-ins allowed per account, and per address, within the window before a pause. */
export const ACCOUNT_ATTEMPTS = 5;
export const IP_ATTEMPTS = 30;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

type Limiters = { account: RateLimiterDrizzle; ip: RateLimiterDrizzle };
const globalForLimiters = globalThis as unknown as { __mendLimiters?: WeakMap<Database, Limiters> };

function limitersFor(database: Database): Limiters {
  globalForLimiters.__mendLimiters ??= new WeakMap();
  let limiters = globalForLimiters.__mendLimiters.get(database);
  if (!limiters) {
    const common = {
      storeClient: database,
      schema: rateLimits,
      duration: THROTTLE_WINDOW_SECONDS,
      blockDuration: THROTTLE_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    };
    limiters = {
      account: new RateLimiterDrizzle({ ...common, keyPrefix: "signin_account", points: ACCOUNT_ATTEMPTS }),
      ip: new RateLimiterDrizzle({ ...common, keyPrefix: "signin_ip", points: IP_ATTEMPTS }),
    };
    globalForLimiters.__mendLimiters.set(database, limiters);
  }
  return limiters;
}

export type SignedInUser = { id: string; email: string; name: string; role: Role; clinicId: string; sessionVersion: number };

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

function isExhausted(res: RateLimiterRes | null, limit: number): boolean {
  return res !== null && res.consumedPoints >= limit;
}

function retryAfter(...results: (RateLimiterRes | null)[]): number {
  const ms = Math.max(0, ...results.map((r) => (r ? r.msBeforeNext : 0)));
  return Math.max(60, Math.ceil(ms / 1000));
}

/** consume() rejects with the limiter's state once the limit is passed; both outcomes carry it. */
async function countFailure(limiter: RateLimiterDrizzle, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return rejection as RateLimiterRes;
  }
}

/**
 * Checks an email and password, throttled per account and per client address with the counters
 * in Postgres, so every server process sees the same counts. An unknown email and a wrong
 * password take the same time and give the same answer.
 */
export async function verifySignIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const database = await db();
  const { account, ip } = limitersFor(database);
  const email = input.email.trim().toLowerCase();
  const [accountState, ipState] = await Promise.all([account.get(email), ip.get(input.ip)]);
  if (isExhausted(accountState, ACCOUNT_ATTEMPTS) || isExhausted(ipState, IP_ATTEMPTS)) {
    return { ok: false, reason: "throttled", retryAfterSeconds: retryAfter(accountState, ipState) };
  }

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
    const [accountAfter, ipAfter] = await Promise.all([countFailure(account, email), countFailure(ip, input.ip)]);
    await recordAudit(database, {
      clinicId: user?.clinicId ?? null,
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      entityId: user?.id ?? null,
      outcome: "failure",
    });
    if (isExhausted(accountAfter, ACCOUNT_ATTEMPTS) || isExhausted(ipAfter, IP_ATTEMPTS)) {
      return { ok: false, reason: "throttled", retryAfterSeconds: retryAfter(accountAfter, ipAfter) };
    }
    return { ok: false, reason: "invalid" };
  }

  await account.delete(email);
  await recordAudit(database, {
    clinicId: user.clinicId,
    actorId: user.id,
    action: "auth.sign_in",
    entityId: user.id,
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

/** Ends every session of this user on every device: their tokens carry the old version. */
export async function endAllSessions(userId: string): Promise<void> {
  const database = await db();
  await database.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ clinicId: users.clinicId });
    if (user) await recordAudit(tx, { clinicId: user.clinicId, actorId: userId, action: "auth.sign_out", entityId: userId });
  });
}

/** The demo clinic's sign-ins for the sign-in page, or null unless this server runs the demo. */
export function getDemoSignIns(): { accounts: typeof DEMO_ACCOUNTS; password: string } | null {
  return demoSeedingEnabled() ? { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD } : null;
}
