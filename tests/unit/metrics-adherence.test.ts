import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHECK_INS_PER_WEEK,
  checkInAdherence,
  checkInStreak,
  eachDay,
  expectedCheckIns,
  expectedCheckInsOver,
  perWeekOn,
  weeklyAdherence,
  type ContactAgreementSpan,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

describe("check-in adherence", () => {
  const window14 = { start: "2025-03-01", end: "2025-03-14" };
  const firstTenDays = eachDay("2025-03-01", "2025-03-10");

  it("expects windowDays × perWeek / 7, unrounded", () => {
    expect(DEFAULT_CHECK_INS_PER_WEEK).toBe(7);
    expect(expectedCheckIns(14, 7)).toBe(14);
    expect(expectedCheckIns(14, 3)).toBe(6);
    expect(expectedCheckIns(3, 3)).toBeCloseTo(9 / 7, 12);
    expect(expectedCheckIns(0, 7)).toBe(0);
  });

  it("divides check-in days by expected days, daily by default", () => {
    // 10 check-ins in a 14-day window; the two outside the window are ignored.
    const dates = [...firstTenDays, "2025-02-28", "2025-03-15"];
    expect(checkInAdherence({ checkInDates: dates, window: window14 })).toBeCloseTo(10 / 14, 12);
    expect(checkInAdherence({ checkInDates: [], window: window14 })).toBe(0);
  });

  it("uses the agreement's frequency and caps at 1", () => {
    // 3 a week over 14 days expects 6.
    expect(checkInAdherence({ checkInDates: firstTenDays, window: window14, perWeek: 3 })).toBe(1);
    const four = ["2025-03-01", "2025-03-04", "2025-03-08", "2025-03-12"];
    expect(checkInAdherence({ checkInDates: four, window: window14, perWeek: 3 })).toBeCloseTo(4 / 6, 12);
  });

  it("only expects check-ins from the day the couple started", () => {
    // Started 03-08: 7 active days (08..14), 5 check-ins.
    const dates = eachDay("2025-03-08", "2025-03-12");
    expect(checkInAdherence({ checkInDates: dates, window: window14, startedOn: "2025-03-08" })).toBeCloseTo(5 / 7, 12);
    // Started on the last day of the window: 1 day expected.
    expect(checkInAdherence({ checkInDates: ["2025-03-14"], window: window14, startedOn: "2025-03-14" })).toBe(1);
    // Started before the window: the whole window counts.
    expect(checkInAdherence({ checkInDates: firstTenDays, window: window14, startedOn: "2025-01-01" })).toBeCloseTo(
      10 / 14,
      12,
    );
  });

  it("is null when nothing was expected", () => {
    expect(checkInAdherence({ checkInDates: [], window: window14, startedOn: "2025-03-15" })).toBeNull();
    expect(checkInAdherence({ checkInDates: firstTenDays, window: window14, perWeek: 0 })).toBeNull();
  });

  it("counts a day with two check-ins once", () => {
    const dates = ["2025-03-01", "2025-03-01", "2025-03-02"];
    expect(checkInAdherence({ checkInDates: dates, window: { start: "2025-03-01", end: "2025-03-07" } })).toBeCloseTo(
      2 / 7,
      12,
    );
  });

  it("gives one prorated row per ISO week", () => {
    // Thu 03-06 .. Tue 03-18: 4 days, a full week, 2 days.
    const dates = [
      "2025-03-05", // before the range
      "2025-03-06",
      "2025-03-07",
      "2025-03-10",
      "2025-03-11",
      "2025-03-12",
      "2025-03-13",
      "2025-03-17",
      "2025-03-17", // duplicate
      "2025-03-19", // after the range
    ];
    const rows = weeklyAdherence({ checkInDates: dates, from: "2025-03-06", to: "2025-03-18", perWeek: 7 });
    expect(rows.map((r) => r.weekStart)).toEqual(["2025-03-03", "2025-03-10", "2025-03-17"]);
    expect(rows.map((r) => r.checkIns)).toEqual([2, 4, 1]);
    expect(rows.map((r) => r.expected)).toEqual([4, 7, 2]);
    expect(rows[0].adherence).toBe(0.5);
    expect(rows[1].adherence).toBeCloseTo(4 / 7, 12);
    expect(rows[2].adherence).toBe(0.5);
  });

  it("prorates weekly rows by start date and frequency", () => {
    // 3 a week, started Wed 03-05: week 1 has 5 active days → 15/7 expected.
    const dates = ["2025-03-05", "2025-03-07", "2025-03-10", "2025-03-12", "2025-03-14", "2025-03-16"];
    const rows = weeklyAdherence({
      checkInDates: dates,
      from: "2025-03-03",
      to: "2025-03-16",
      perWeek: 3,
      startedOn: "2025-03-05",
    });
    expect(rows).toHaveLength(2);
    expect(rows[0].expected).toBeCloseTo(15 / 7, 12);
    expect(rows[0].adherence).toBeCloseTo(14 / 15, 12);
    expect(rows[1]).toEqual({ weekStart: "2025-03-10", checkIns: 4, expected: 3, adherence: 1 });
  });

  it("gives a null week before the couple started", () => {
    const rows = weeklyAdherence({ checkInDates: [], from: "2025-03-03", to: "2025-03-16", startedOn: "2025-03-12" });
    expect(rows[0]).toEqual({ weekStart: "2025-03-03", checkIns: 0, expected: 0, adherence: null });
    expect(rows[1]).toEqual({ weekStart: "2025-03-10", checkIns: 0, expected: 5, adherence: 0 });
  });
});

describe("adherence with agreements that change", () => {
  // A: 3 a week from Mon 03-03, replaced on Mon 03-10 by B: daily, ended on Mon 03-17.
  const spans: ContactAgreementSpan[] = [
    { from: "2025-03-03", until: "2025-03-10", perWeek: 3 },
    { from: "2025-03-10", until: "2025-03-17", perWeek: 7 },
  ];

  it("asks each day for the agreement in force that day, else the daily default", () => {
    expect(perWeekOn("2025-03-02", spans)).toBe(DEFAULT_CHECK_INS_PER_WEEK);
    expect(perWeekOn("2025-03-03", spans)).toBe(3);
    expect(perWeekOn("2025-03-09", spans)).toBe(3);
    // The end is exclusive: the replacement's first day is the replacement's.
    expect(perWeekOn("2025-03-10", spans)).toBe(7);
    expect(perWeekOn("2025-03-17", [{ from: "2025-03-03", until: "2025-03-17", perWeek: 2 }])).toBe(7);
    expect(perWeekOn("2030-01-01", [{ from: "2025-03-03", until: null, perWeek: 2 }])).toBe(2);
    expect(perWeekOn("2025-03-05", [])).toBe(7);
  });

  it("sums each day's own frequency over a window that spans a change", () => {
    // 03-06..03-12: four days of A (4 × 3/7) and three of B (3 × 7/7).
    const window = { start: "2025-03-06", end: "2025-03-12" };
    expect(expectedCheckInsOver({ window, agreements: spans })).toBeCloseTo(12 / 7 + 3, 12);
    // Days before the couple started still expect nothing.
    expect(expectedCheckInsOver({ window, agreements: spans, startedOn: "2025-03-08" })).toBeCloseTo(6 / 7 + 3, 12);
    // No agreements at all: the daily default.
    expect(expectedCheckInsOver({ window, agreements: [] })).toBe(7);
    const dates = eachDay("2025-03-06", "2025-03-12").filter((_, i) => i % 2 === 0); // 4 days
    expect(checkInAdherence({ checkInDates: dates, window, agreements: spans })).toBeCloseTo(4 / (12 / 7 + 3), 12);
  });

  it("never rewrites a past week when a later agreement starts", () => {
    const dates = ["2025-03-03", "2025-03-05", "2025-03-07"];
    const before = weeklyAdherence({ checkInDates: dates, from: "2025-03-03", to: "2025-03-09", agreements: spans.slice(0, 1) });
    const after = weeklyAdherence({ checkInDates: dates, from: "2025-03-03", to: "2025-03-09", agreements: spans });
    expect(before).toEqual(after);
    expect(after[0]).toEqual({ weekStart: "2025-03-03", checkIns: 3, expected: 3, adherence: 1 });
    // The week after the change expects B's daily contact, then the default after B ended.
    const later = weeklyAdherence({ checkInDates: [], from: "2025-03-10", to: "2025-03-23", agreements: spans });
    expect(later.map((r) => r.expected)).toEqual([7, 7]);
    const ended = weeklyAdherence({
      checkInDates: [],
      from: "2025-03-10",
      to: "2025-03-23",
      agreements: [{ from: "2025-03-03", until: "2025-03-17", perWeek: 2 }],
    });
    expect(ended.map((r) => r.expected)).toEqual([2, 7]);
  });
});

describe("checkInStreak", () => {
  it("counts back from today, or from yesterday before today's check-in", () => {
    const today = "2026-03-10";
    expect(checkInStreak(["2026-03-10", "2026-03-09", "2026-03-08", "2026-03-06"], today)).toBe(3);
    expect(checkInStreak(["2026-03-09", "2026-03-08"], today)).toBe(2);
    expect(checkInStreak(["2026-03-07"], today)).toBe(0);
    expect(checkInStreak([], today)).toBe(0);
  });
});
