import { describe, expect, it } from "vitest";
import {
  meanOverWindow,
  partnerGap,
  rollingMean,
  trustChange,
  type DailyPoint,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

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
