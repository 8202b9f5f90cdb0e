import { afterEach, describe, expect, it } from "vitest";
import {
  BROKEN_PROMISE_DAYS,
  DEFAULT_CHECK_INS_PER_WEEK,
  FLAG_DESCRIPTIONS,
  FLAG_IDS,
  FLAG_LABELS,
  MIN_GROUP_SIZE,
  NO_CHECK_IN_DAYS,
  SUPPRESSED_LABEL,
  TRUST_DROP_POINTS,
  checkInAdherence,
  checkInStreak,
  computeFlags,
  daysBetweenInclusive,
  distribution,
  eachDay,
  expectedCheckIns,
  isoWeekStart,
  isoWeeksOverlapping,
  keepRate,
  meanOverWindow,
  median,
  parseIsoDate,
  partnerGap,
  rollingMean,
  roseFromBaseline,
  suppress,
  toIsoDate,
  trustChange,
  weeklyAdherence,
  weeklyKeepRate,
  windowEnding,
  type DailyPoint,
  type FlagInput,
  type PromiseOutcome,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

describe("dates", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("counts days inclusively and never negative", () => {
    expect(daysBetweenInclusive("2025-03-01", "2025-03-01")).toBe(1);
    expect(daysBetweenInclusive("2025-02-27", "2025-03-02")).toBe(4);
    expect(daysBetweenInclusive("2024-02-28", "2024-03-01")).toBe(3); // leap day
    expect(daysBetweenInclusive("2025-03-02", "2025-03-01")).toBe(0);
  });

  it("lists each day of a range across a month end", () => {
    expect(eachDay("2025-02-27", "2025-03-02")).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(eachDay("2025-03-02", "2025-03-01")).toEqual([]);
  });

  it("builds an inclusive window of n days ending on a day", () => {
    expect(windowEnding("2025-03-14", 7)).toEqual({ start: "2025-03-08", end: "2025-03-14" });
    expect(windowEnding("2025-03-14", 1)).toEqual({ start: "2025-03-14", end: "2025-03-14" });
    expect(windowEnding("2025-03-02", 28)).toEqual({ start: "2025-02-03", end: "2025-03-02" });
    expect(() => windowEnding("2025-03-14", 0)).toThrow(RangeError);
  });

  it("finds the Monday of the ISO week", () => {
    expect(isoWeekStart("2025-03-03")).toBe("2025-03-03");
    expect(isoWeekStart("2025-03-09")).toBe("2025-03-03"); // Sunday belongs to the week before
    expect(isoWeekStart("2025-03-10")).toBe("2025-03-10");
    expect(isoWeekStart("2025-01-01")).toBe("2024-12-30"); // across a year end
  });

  it("takes the UTC calendar date of an instant", () => {
    expect(toIsoDate(new Date("2025-03-14T23:30:00-05:00"))).toBe("2025-03-15");
    expect(toIsoDate(new Date("2025-03-14T00:30:00+02:00"))).toBe("2025-03-13");
    expect(toIsoDate(new Date("2025-03-14T00:00:00Z"))).toBe("2025-03-14");
  });

  it("rejects strings that are not calendar days", () => {
    expect(() => parseIsoDate("2025-02-30")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-3-1")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-03-01T10:00:00Z")).toThrow(RangeError);
    expect(() => daysBetweenInclusive("", "2025-03-01")).toThrow(RangeError);
  });

  it("clips ISO weeks to a range", () => {
    expect(isoWeeksOverlapping("2025-03-06", "2025-03-18")).toEqual([
      { weekStart: "2025-03-03", start: "2025-03-06", end: "2025-03-09" },
      { weekStart: "2025-03-10", start: "2025-03-10", end: "2025-03-16" },
      { weekStart: "2025-03-17", start: "2025-03-17", end: "2025-03-18" },
    ]);
    expect(isoWeeksOverlapping("2025-03-18", "2025-03-06")).toEqual([]);
  });

  it("does not lose or repeat a day where local midnight does not exist", () => {
    // São Paulo skipped 2018-11-04 00:00 (DST started at midnight).
    process.env.TZ = "America/Sao_Paulo";
    expect(eachDay("2018-11-03", "2018-11-05")).toEqual(["2018-11-03", "2018-11-04", "2018-11-05"]);
    expect(daysBetweenInclusive("2018-11-03", "2018-11-05")).toBe(3);
    expect(isoWeekStart("2018-11-06")).toBe("2018-11-05");
    expect(windowEnding("2018-11-06", 7)).toEqual({ start: "2018-10-31", end: "2018-11-06" });
  });
});

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

describe("promise keep rate", () => {
  const p = (status: PromiseOutcome["status"], resolvedOn: string | null = null): PromiseOutcome => ({
    status,
    resolvedOn,
  });

  it("is null, not 0, when nothing was kept or broken", () => {
    expect(keepRate([])).toBeNull();
    expect(keepRate([p("released", "2025-03-01"), p("released", "2025-03-02")])).toBeNull();
    expect(keepRate([p("open")])).toBeNull();
  });

  it("is kept ÷ (kept + broken), ignoring open and released", () => {
    const promises = [
      p("kept", "2025-03-01"),
      p("kept", "2025-03-02"),
      p("kept", "2025-03-03"),
      p("broken", "2025-03-04"),
      p("open"),
      p("open"),
      p("released", "2025-03-05"),
    ];
    expect(keepRate(promises)).toBe(0.75);
    expect(keepRate([p("broken", "2025-03-01")])).toBe(0);
  });

  const history = [
    p("kept", "2025-02-25"), // before the range: cumulative only
    p("kept", "2025-03-04"),
    p("broken", "2025-03-09"), // Sunday: still week of 03-03
    p("kept", "2025-03-17"),
    p("kept", "2025-03-23"),
    p("broken", "2025-03-24"), // after the range
    p("released", "2025-03-11"),
    p("open"),
    p("kept", null), // cannot be placed in a week
  ];

  it("gives weekly and cumulative rates", () => {
    expect(weeklyKeepRate(history, "2025-03-03", "2025-03-23")).toEqual([
      { weekStart: "2025-03-03", kept: 1, broken: 1, rate: 0.5, cumulativeRate: 2 / 3 },
      { weekStart: "2025-03-10", kept: 0, broken: 0, rate: null, cumulativeRate: 2 / 3 },
      { weekStart: "2025-03-17", kept: 2, broken: 0, rate: 1, cumulativeRate: 0.8 },
    ]);
  });

  it("clips the first and last week to the range", () => {
    expect(weeklyKeepRate(history, "2025-03-05", "2025-03-20")).toEqual([
      { weekStart: "2025-03-03", kept: 0, broken: 1, rate: 0, cumulativeRate: 2 / 3 },
      { weekStart: "2025-03-10", kept: 0, broken: 0, rate: null, cumulativeRate: 2 / 3 },
      { weekStart: "2025-03-17", kept: 1, broken: 0, rate: 1, cumulativeRate: 0.75 },
    ]);
  });

  it("has a null cumulative rate until something is resolved", () => {
    const rows = weeklyKeepRate([p("broken", "2025-03-12")], "2025-03-03", "2025-03-16");
    expect(rows.map((r) => r.cumulativeRate)).toEqual([null, 0]);
  });
});

describe("trust", () => {
  const pts = (entries: [string, number][]): DailyPoint[] => entries.map(([date, value]) => ({ date, value }));

  it("averages a trailing 7-day window, skipping missing days and weeks", () => {
    const points = pts([
      ["2025-03-04", 8],
      ["2025-03-01", 4],
      ["2025-03-02", 6],
      ["2025-03-08", 10],
      ["2025-03-16", 2],
      ["2025-03-17", 5],
    ]);
    expect(rollingMean(points)).toEqual([
      { date: "2025-03-01", value: 4, mean: 4 },
      { date: "2025-03-02", value: 6, mean: 5 },
      { date: "2025-03-04", value: 8, mean: 6 }, // 03-03 missing: (4+6+8)/3, not /4
      { date: "2025-03-08", value: 10, mean: 8 }, // 03-02..03-08: 03-01 has just left the window
      { date: "2025-03-16", value: 2, mean: 2 }, // after a missing week only itself remains
      { date: "2025-03-17", value: 5, mean: 3.5 },
    ]);
    expect(rollingMean(points, 3).find((r) => r.date === "2025-03-04")?.mean).toBe(7); // 03-02..03-04
  });

  it("means over an inclusive window, null when empty", () => {
    const points = pts([
      ["2025-03-01", 4],
      ["2025-03-02", 6],
      ["2025-03-08", 10],
      ["2025-03-09", 0],
    ]);
    expect(meanOverWindow(points, { start: "2025-03-02", end: "2025-03-08" })).toBe(8);
    expect(meanOverWindow(points, { start: "2025-03-03", end: "2025-03-07" })).toBeNull();
  });

  it("compares this week's mean with last week's", () => {
    const points = pts([
      ["2025-02-28", 0], // two weeks back: ignored
      ["2025-03-01", 8],
      ["2025-03-07", 6],
      ["2025-03-08", 5],
      ["2025-03-14", 3],
      ["2025-03-15", 10], // after today: ignored
    ]);
    expect(trustChange(points, "2025-03-14")).toEqual({ current: 4, previous: 7, change: -3 });
  });

  it("has no change when either week has no check-in", () => {
    expect(trustChange(pts([["2025-03-10", 5]]), "2025-03-14")).toEqual({ current: 5, previous: null, change: null });
    expect(trustChange(pts([["2025-03-03", 6]]), "2025-03-14")).toEqual({ current: null, previous: 6, change: null });
    expect(trustChange([], "2025-03-14")).toEqual({ current: null, previous: null, change: null });
  });

  it("lines both partners up by date with their gap", () => {
    const a = pts([
      ["2025-03-01", 7],
      ["2025-03-03", 4],
    ]);
    const b = pts([
      ["2025-03-02", 5],
      ["2025-03-03", 9],
      ["2025-03-01", 6],
    ]);
    expect(partnerGap(a, b)).toEqual([
      { date: "2025-03-01", a: 7, b: 6, gap: 1 },
      { date: "2025-03-02", a: null, b: 5, gap: null },
      { date: "2025-03-03", a: 4, b: 9, gap: 5 },
    ]);
  });
});

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

describe("clinic aggregates", () => {
  it("suppresses groups smaller than 5", () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(SUPPRESSED_LABEL).toBe("fewer than 5");
    expect(suppress(4, 0.5)).toBeNull();
    expect(suppress(5, 0.5)).toBe(0.5);
    expect(suppress(5, 0)).toBe(0); // a real 0 is not suppression
    expect(suppress(0, 12)).toBeNull();
  });

  it("takes the median of odd, even and empty lists", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2, 2, 30])).toBe(6);
  });

  it("buckets values half-open, with the top edge in the last bucket", () => {
    const values = [0, 0.1, 0.2, 0.39, 0.4, 0.99, 1, 1.2, -0.1, Number.NaN];
    expect(distribution(values, [0, 0.2, 0.4, 0.6, 0.8, 1])).toEqual([
      { label: "0–0.2", from: 0, to: 0.2, count: 2 },
      { label: "0.2–0.4", from: 0.2, to: 0.4, count: 2 },
      { label: "0.4–0.6", from: 0.4, to: 0.6, count: 1 },
      { label: "0.6–0.8", from: 0.6, to: 0.8, count: 0 },
      { label: "0.8–1", from: 0.8, to: 1, count: 2 },
    ]);
    const pct = (e: number) => `${Math.round(e * 100)}%`;
    expect(distribution([0.5], [0, 0.5, 1], pct).map((b) => [b.label, b.count])).toEqual([
      ["0%–50%", 0],
      ["50%–100%", 1],
    ]);
    expect(() => distribution([], [0])).toThrow(RangeError);
    expect(() => distribution([], [0, 0.5, 0.5])).toThrow(RangeError);
  });

  describe("trust rose from baseline", () => {
    // Started 2025-01-01: baseline 01-01..01-28. Today 02-26 is 56 days later: recent 01-30..02-26.
    const startedOn = "2025-01-01";
    const today = "2025-02-26";
    const baselinePoints: DailyPoint[] = [
      { date: "2025-01-01", value: 3 },
      { date: "2025-01-28", value: 5 },
      { date: "2025-01-29", value: 0 }, // in neither window
    ];

    it("is true when the recent mean is above the baseline mean", () => {
      const points = [...baselinePoints, { date: "2025-01-30", value: 5 }, { date: "2025-02-26", value: 5 }];
      expect(roseFromBaseline({ points, startedOn, today })).toBe(true); // 5 > 4
    });

    it("is false when equal or lower", () => {
      const equal = [...baselinePoints, { date: "2025-02-10", value: 4 }];
      expect(roseFromBaseline({ points: equal, startedOn, today })).toBe(false);
      const lower = [...baselinePoints, { date: "2025-02-10", value: 3 }];
      expect(roseFromBaseline({ points: lower, startedOn, today })).toBe(false);
    });

    it("is null before 56 days or without points in a window", () => {
      const points = [...baselinePoints, { date: "2025-02-10", value: 9 }];
      expect(roseFromBaseline({ points, startedOn, today: "2025-02-25" })).toBeNull();
      expect(roseFromBaseline({ points: baselinePoints, startedOn, today })).toBeNull();
      expect(roseFromBaseline({ points: [{ date: "2025-02-10", value: 9 }], startedOn, today })).toBeNull();
    });
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
