import { afterEach, describe, expect, it } from "vitest";
import { dueForTouch, isWithinLimits, limitsFor, sessionEndsAt, TOKEN_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";

afterEach(() => {
  delete process.env.MEND_STAFF_IDLE_MINUTES;
  delete process.env.MEND_STAFF_MAX_HOURS;
});

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("session limits", () => {
  it("staff: 30 minutes idle and 12 hours in all by default; partners: 30 days idle, 90 in all", () => {
    expect(limitsFor("counsellor")).toEqual({ idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 });
    expect(limitsFor("clinic_admin")).toEqual(limitsFor("counsellor"));
    expect(limitsFor("partner")).toEqual({ idleMs: 30 * 86_400_000, maxMs: 90 * 86_400_000 });
    expect(TOKEN_MAX_AGE_SECONDS).toBe(90 * 86_400);
  });

  it("reads the staff limits from the environment and refuses nonsense", () => {
    process.env.MEND_STAFF_IDLE_MINUTES = "15";
    process.env.MEND_STAFF_MAX_HOURS = "8";
    expect(limitsFor("counsellor")).toEqual({ idleMs: 15 * 60_000, maxMs: 8 * 3_600_000 });
    process.env.MEND_STAFF_IDLE_MINUTES = "-1";
    expect(() => limitsFor("counsellor")).toThrow(/MEND_STAFF_IDLE_MINUTES/);
  });

  it("ends at the earlier of the idle and absolute limits", () => {
    const limits = limitsFor("counsellor");
    expect(sessionEndsAt({ createdAt: T0, lastSeenAt: at(60_000) }, limits)).toEqual(at(31 * 60_000));
    expect(sessionEndsAt({ createdAt: T0, lastSeenAt: at(11.9 * 3_600_000) }, limits)).toEqual(at(12 * 3_600_000));
    expect(isWithinLimits({ createdAt: T0, lastSeenAt: T0 }, limits, at(30 * 60_000 - 1))).toBe(true);
    expect(isWithinLimits({ createdAt: T0, lastSeenAt: T0 }, limits, at(30 * 60_000))).toBe(false);
  });

  it("touches last-seen at most once a minute", () => {
    expect(dueForTouch(T0, at(59_999))).toBe(false);
    expect(dueForTouch(T0, at(60_000))).toBe(true);
  });
});
