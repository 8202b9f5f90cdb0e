import { describe, expect, it } from "vitest";
import {
  keepRate,
  weeklyKeepRate,
  type PromiseOutcome,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

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
