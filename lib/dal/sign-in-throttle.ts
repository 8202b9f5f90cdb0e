import "server-only";
import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";

/**
 * Failed password checks allowed before a pause, each counted in Postgres so every server process
 * sees the same counts:
 * - one account from one address: a handful, then that pair waits (the guesser, not the owner);
 * - one address across all accounts: enough for a shared office, not for spraying guesses;
 * - one account across all addresses: a high cap that slows guessing spread over many addresses
 *   without letting a stranger lock the owner out with a few tries.
 */
export const PAIR_ATTEMPTS = 5;
export const PAIR_WINDOW_SECONDS = 15 * 60;
export const ADDRESS_ATTEMPTS = 30;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_ATTEMPTS = 50;
export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
/** Wrong current passwords on the change-password form, per account. */
export const CHANGE_PASSWORD_ATTEMPTS = 5;
export const CHANGE_PASSWORD_WINDOW_SECONDS = 15 * 60;

type Limiter = { limiter: RateLimiterDrizzle; points: number };
type Limiters = Record<"pair" | "address" | "account" | "changePassword", Limiter>;
const globalForLimiters = globalThis as unknown as { __mendSignInLimiters?: WeakMap<Database, Limiters> };

function limitersFor(database: Database): Limiters {
  globalForLimiters.__mendSignInLimiters ??= new WeakMap();
  let limiters = globalForLimiters.__mendSignInLimiters.get(database);
  if (!limiters) {
    const make = (keyPrefix: string, points: number, seconds: number): Limiter => ({
      points,
      limiter: new RateLimiterDrizzle({
        storeClient: database,
        schema: rateLimits,
        keyPrefix,
        points,
        duration: seconds,
        blockDuration: seconds,
        clearExpiredByTimeout: false,
      }),
    });
    limiters = {
      pair: make("signin_pair", PAIR_ATTEMPTS, PAIR_WINDOW_SECONDS),
      address: make("signin_ip", ADDRESS_ATTEMPTS, ADDRESS_WINDOW_SECONDS),
      account: make("signin_account_all", ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_SECONDS),
      changePassword: make("change_password", CHANGE_PASSWORD_ATTEMPTS, CHANGE_PASSWORD_WINDOW_SECONDS),
    };
    globalForLimiters.__mendSignInLimiters.set(database, limiters);
  }
  return limiters;
}

/** Whether a password check may go ahead, and if not, how long to wait. */
export type ThrottleState = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/**
 * How long until every counter that has reached its limit lets attempts through again (at least a
 * minute), or null while none has. Each entry is a limit and that counter's state.
 */
export function secondsUntilAllowed(entries: [points: number, res: RateLimiterRes | null][]): number | null {
  const exhausted = entries.filter(([points, res]) => res !== null && res.consumedPoints >= points);
  if (exhausted.length === 0) return null;
  const ms = Math.max(0, ...exhausted.map(([, res]) => res?.msBeforeNext ?? 0));
  return Math.max(60, Math.ceil(ms / 1000));
}

function stateOf(entries: [Limiter, RateLimiterRes | null][]): ThrottleState {
  const seconds = secondsUntilAllowed(entries.map(([{ points }, res]) => [points, res]));
  return seconds === null ? { throttled: false } : { throttled: true, retryAfterSeconds: seconds };
}

/** consume() rejects with the limiter's state once the limit is passed; both outcomes carry it. */
export async function countFailure(limiter: RateLimiterDrizzle, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return rejection as RateLimiterRes;
  }
}

type Attempt = { email: string; address: string };
const pairKey = ({ email, address }: Attempt) => `${email}|${address}`;

function signInEntries(limiters: Limiters, attempt: Attempt): [Limiter, string][] {
  return [
    [limiters.pair, pairKey(attempt)],
    [limiters.address, attempt.address],
    [limiters.account, attempt.email],
  ];
}

/** Before checking a password: is this account, this address, or the pair of them paused? */
export async function getSignInThrottle(database: Database, attempt: Attempt): Promise<ThrottleState> {
  const entries = signInEntries(limitersFor(database), attempt);
  const states = await Promise.all(entries.map(([{ limiter }, key]) => limiter.get(key)));
  return stateOf(entries.map(([limiter], i) => [limiter, states[i] ?? null]));
}

/** Counts a wrong password (or unknown email) on all three counters; says whether that paused it. */
export async function recordSignInFailure(database: Database, attempt: Attempt): Promise<ThrottleState> {
  const entries = signInEntries(limitersFor(database), attempt);
  const states = await Promise.all(entries.map(([{ limiter }, key]) => countFailure(limiter, key)));
  return stateOf(entries.map(([limiter], i) => [limiter, states[i]!]));
}

/**
 * A right password clears this account's count from this address only: failures from other
 * addresses still count against the account, so a guesser cannot reset the cap by signing in to
 * an account of their own.
 */
export async function clearSignInFailures(database: Database, attempt: Attempt): Promise<void> {
  await limitersFor(database).pair.limiter.delete(pairKey(attempt));
}

/** Before checking a current password on the change-password form. */
export async function getChangePasswordThrottle(database: Database, userId: string): Promise<ThrottleState> {
  const entry = limitersFor(database).changePassword;
  return stateOf([[entry, await entry.limiter.get(userId)]]);
}

/** Counts a wrong current password; says whether that paused the form. */
export async function recordChangePasswordFailure(database: Database, userId: string): Promise<ThrottleState> {
  const entry = limitersFor(database).changePassword;
  return stateOf([[entry, await countFailure(entry.limiter, userId)]]);
}

/** A right current password starts the count again. */
export async function clearChangePasswordFailures(database: Database, userId: string): Promise<void> {
  await limitersFor(database).changePassword.limiter.delete(userId);
}
