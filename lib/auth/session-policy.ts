import type { Role } from "@/db/schema";

/** How long a session may sit unused, and how long it may live in all. */
export type SessionLimits = { idleMs: number; maxMs: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Partners sign in from their own phone to do a check-in a day; a month without one is a
 * dropped-out client, and three months bounds how long a lost phone stays a way in.
 */
export const PARTNER_LIMITS: SessionLimits = { idleMs: 30 * DAY, maxMs: 90 * DAY };

/** Last-seen is written at most this often, so a busy page is not a write per request. */
export const TOUCH_INTERVAL_MS = MINUTE;

/** Staff are warned this long before the idle sign-out. */
export const IDLE_WARNING_MS = 2 * MINUTE;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got "${raw}").`);
  }
  return value;
}

/**
 * Counsellors and clinic admins read clinical notes on shared clinic machines: they are signed
 * out after `MEND_STAFF_IDLE_MINUTES` (30) without activity and `MEND_STAFF_MAX_HOURS` (12) in all.
 * Read on every call so a test or an operator can change it without a rebuild.
 */
export function staffLimits(): SessionLimits {
  return {
    idleMs: positiveNumber("MEND_STAFF_IDLE_MINUTES", 30) * MINUTE,
    maxMs: positiveNumber("MEND_STAFF_MAX_HOURS", 12) * HOUR,
  };
}

export function limitsFor(role: Role): SessionLimits {
  return role === "partner" ? PARTNER_LIMITS : staffLimits();
}

/** Staff see the idle warning; a partner's month-long idle limit needs none. */
export function warnsBeforeIdle(role: Role): boolean {
  return role !== "partner";
}

/**
 * The signed cookie's own lifetime: the longest any role may stay signed in. It is only an outer
 * bound: the session row decides, so re-issuing the cookie extends nothing.
 */
export const TOKEN_MAX_AGE_SECONDS = PARTNER_LIMITS.maxMs / 1000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

/** When this session ends unless there is activity first: the earlier of the idle and absolute limits. */
export function sessionEndsAt(times: SessionTimes, limits: SessionLimits): Date {
  return new Date(Math.min(times.lastSeenAt.getTime() + limits.idleMs, times.createdAt.getTime() + limits.maxMs));
}

/** True while the session is inside both limits at `now`. */
export function isWithinLimits(times: SessionTimes, limits: SessionLimits, now: Date): boolean {
  return now.getTime() < sessionEndsAt(times, limits).getTime();
}

/** True when last-seen is old enough to be written again. */
export function dueForTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
