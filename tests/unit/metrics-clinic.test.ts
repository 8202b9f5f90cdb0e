import { describe, expect, it } from "vitest";
import {
  MIN_GROUP_SIZE,
  SUPPRESSED_LABEL,
  distribution,
  median,
  roseFromBaseline,
  suppress,
  type DailyPoint,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

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
