import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent, formatShortDay } from "@/lib/format";
import { checkInAdherence, keepRate, partnerGap, rollingMean, trustChange, weeklyAdherence, weeklyKeepRate, windowEnding } from "@/lib/metrics";

// The caseload's figures, worked by hand on the windows the caseload uses (14 and 30 days ending today).
const today = "2026-03-15"; // a Sunday

describe("caseload figures, by hand", () => {
  it("14-day adherence with gaps: 9 distinct days of 14 expected, a doubled day counted once", () => {
    const days = ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-12", "2026-03-14", "2026-03-15", "2026-03-15"];
    // 2026-03-01 is outside the window (it starts on 03-02).
    expect(checkInAdherence({ checkInDates: ["2026-03-01", ...days], window: windowEnding(today, 14), perWeek: 7 })).toBeCloseTo(9 / 14, 12);
    // At 3 a week, 14 days expect 6 check-ins: 9 ÷ 6 is capped at 1.
    expect(checkInAdherence({ checkInDates: days, window: windowEnding(today, 14), perWeek: 3 })).toBe(1);
    // Started on 03-12 at 7 a week: only 4 days expected; 2 done.
    expect(
      checkInAdherence({ checkInDates: ["2026-03-12", "2026-03-15"], window: windowEnding(today, 14), perWeek: 7, startedOn: "2026-03-12" }),
    ).toBe(2 / 4);
  });

  it("30-day keep rate: null with nothing resolved, released and open promises do not count", () => {
    expect(keepRate([])).toBeNull();
    expect(keepRate([{ status: "open", resolvedOn: null }, { status: "released", resolvedOn: "2026-03-10" }])).toBeNull();
    expect(
      keepRate([
        { status: "kept", resolvedOn: "2026-03-01" },
        { status: "kept", resolvedOn: "2026-03-08" },
        { status: "broken", resolvedOn: "2026-03-09" },
        { status: "released", resolvedOn: "2026-03-10" },
      ]),
    ).toBe(2 / 3);
  });

  it("trust change over a missing week is null; with both weeks it is this week's mean minus last week's", () => {
    const thisWeekOnly = [
      { date: "2026-03-10", value: 6 },
      { date: "2026-03-14", value: 4 },
    ];
    expect(trustChange(thisWeekOnly, today)).toEqual({ current: 5, previous: null, change: null });
    const both = [...thisWeekOnly, { date: "2026-03-02", value: 8 }, { date: "2026-03-08", value: 7 }];
    // Previous week 03-02..03-08: (8 + 7) / 2 = 7.5; this week 5; change −2.5 (a trust-drop flag).
    expect(trustChange(both, today).change).toBe(-2.5);
  });

  it("the 7-day mean after a missing week rests on the days that exist", () => {
    const points = [
      { date: "2026-03-01", value: 2 },
      { date: "2026-03-02", value: 4 },
      { date: "2026-03-12", value: 9 },
    ];
    expect(rollingMean(points).map((p) => p.mean)).toEqual([2, 3, 9]);
    expect(partnerGap(points, [{ date: "2026-03-12", value: 5 }]).map((r) => r.gap)).toEqual([null, null, 4]);
  });

  it("weekly rows for the charts: adherence per ISO week and the cumulative keep rate", () => {
    const weeks = weeklyAdherence({ checkInDates: ["2026-03-09", "2026-03-11"], from: "2026-03-05", to: today, perWeek: 7 });
    // Thu 03-05..Sun 03-08 expects 4 and has none; the week of 03-09 expects 7 and has 2.
    expect(weeks.map((w) => [w.weekStart, w.checkIns, w.expected, w.adherence])).toEqual([
      ["2026-03-02", 0, 4, 0],
      ["2026-03-09", 2, 7, 2 / 7],
    ]);
    const promises = weeklyKeepRate(
      [
        { status: "kept", resolvedOn: "2026-02-20" },
        { status: "broken", resolvedOn: "2026-03-10" },
      ],
      "2026-03-05",
      today,
    );
    expect(promises.map((w) => [w.kept, w.broken, w.rate, w.cumulativeRate])).toEqual([
      [0, 0, null, 1],
      [0, 1, 0, 0.5],
    ]);
  });
});

describe("chart labels", () => {
  it("formats days, rates and means the way the tables show them", () => {
    expect(formatShortDay("2026-03-09")).toBe("9 Mar");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(2 / 3)).toBe("67%");
    expect(formatNumber(6.25)).toBe("6.3");
    expect(formatNumber(null)).toBe("—");
  });
});
