import { describe, expect, it } from "vitest";
import {
  BROKEN_PROMISE_DAYS,
  FLAG_DESCRIPTIONS,
  FLAG_IDS,
  FLAG_LABELS,
  NO_CHECK_IN_DAYS,
  TRUST_DROP_POINTS,
  computeFlags,
  trustChange,
  type DailyPoint,
  type FlagInput,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

describe("caseload flags", () => {
  const calm: FlagInput = {
    today: "2025-03-14",
    coupleStartedOn: "2025-01-01",
    partners: [
      { lastCheckIn: "2025-03-14", trustChange: 0 },
      { lastCheckIn: "2025-03-13", trustChange: null },
    ],
    lastBrokenPromiseOn: null,
    overdueAssignments: 0,
    openSafetyConcern: false,
  };
  const withPartnerB = (partner: FlagInput["partners"][number], extra: Partial<FlagInput> = {}) =>
    computeFlags({ ...calm, ...extra, partners: [calm.partners[0], partner] });

  it("uses the documented thresholds", () => {
    expect([NO_CHECK_IN_DAYS, BROKEN_PROMISE_DAYS, TRUST_DROP_POINTS]).toEqual([3, 7, 2]);
  });

  it("raises nothing for a couple on track", () => {
    expect(computeFlags(calm)).toEqual([]);
  });

  it("flags a partner without a check-in for 3 days, not 2", () => {
    expect(withPartnerB({ lastCheckIn: "2025-03-12", trustChange: null })).toEqual([]);
    expect(withPartnerB({ lastCheckIn: "2025-03-11", trustChange: null })).toEqual(["no_recent_check_in"]);
  });

  it("flags a partner who never checked in once the couple is 3 days in", () => {
    const never = { lastCheckIn: null, trustChange: null };
    expect(withPartnerB(never, { coupleStartedOn: "2025-03-12" })).toEqual([]);
    expect(withPartnerB(never, { coupleStartedOn: "2025-03-11" })).toEqual(["no_recent_check_in"]);
  });

  it("flags a promise broken 6 days ago, not 7", () => {
    expect(computeFlags({ ...calm, lastBrokenPromiseOn: "2025-03-14" })).toEqual(["broken_promise"]);
    expect(computeFlags({ ...calm, lastBrokenPromiseOn: "2025-03-08" })).toEqual(["broken_promise"]);
    expect(computeFlags({ ...calm, lastBrokenPromiseOn: "2025-03-07" })).toEqual([]);
  });

  it("flags a trust drop of 2 points, not 1.9", () => {
    expect(withPartnerB({ lastCheckIn: "2025-03-14", trustChange: -1.9 })).toEqual([]);
    expect(withPartnerB({ lastCheckIn: "2025-03-14", trustChange: -2 })).toEqual(["trust_drop"]);
    expect(withPartnerB({ lastCheckIn: "2025-03-14", trustChange: 3 })).toEqual([]);
  });

  it("counts a 2-point drop that floating point makes -1.9999999999999996", () => {
    // current (2+2+3)/3, previous (4+4+5)/3: exactly 2 points lower.
    const points: DailyPoint[] = [
      { date: "2025-03-03", value: 4 },
      { date: "2025-03-04", value: 4 },
      { date: "2025-03-05", value: 5 },
      { date: "2025-03-10", value: 2 },
      { date: "2025-03-11", value: 2 },
      { date: "2025-03-12", value: 3 },
    ];
    const { change } = trustChange(points, "2025-03-14");
    expect(change).not.toBe(-2); // the reason for the tolerance
    expect(change).toBeCloseTo(-2, 12);
    expect(withPartnerB({ lastCheckIn: "2025-03-14", trustChange: change })).toEqual(["trust_drop"]);
  });

  it("flags overdue assignments and open safety concerns", () => {
    expect(computeFlags({ ...calm, overdueAssignments: 1 })).toEqual(["overdue_assignment"]);
    expect(computeFlags({ ...calm, openSafetyConcern: true })).toEqual(["safety_concern"]);
  });

  it("returns flags in FLAG_IDS order", () => {
    const all = computeFlags({
      today: "2025-03-14",
      coupleStartedOn: "2025-01-01",
      partners: [{ lastCheckIn: "2025-03-01", trustChange: -4 }],
      lastBrokenPromiseOn: "2025-03-13",
      overdueAssignments: 2,
      openSafetyConcern: true,
    });
    expect(all).toEqual([...FLAG_IDS]);
    expect(FLAG_IDS).toEqual([
      "no_recent_check_in",
      "broken_promise",
      "trust_drop",
      "overdue_assignment",
      "safety_concern",
    ]);
  });

  it("has a short label and a description for every flag", () => {
    expect(FLAG_LABELS.no_recent_check_in).toBe("No check-in 3+ days");
    for (const id of FLAG_IDS) {
      expect(FLAG_LABELS[id].length).toBeGreaterThan(0);
      expect(FLAG_LABELS[id].length).toBeLessThanOrEqual(30);
      expect(FLAG_DESCRIPTIONS[id]).toMatch(/\.$/);
    }
  });
});
