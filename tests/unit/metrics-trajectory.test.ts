import { describe, expect, it } from "vitest";
import { addIsoDays } from "@/lib/metrics/dates";
import {
  expectedBand,
  lastCompleteWeek,
  MIN_REFERENCE_PARTNERS,
  notOnTrack,
  percentileCont,
  trajectoryBaseline,
  weeklyMeans,
  weekSinceStart,
  type ReferencePartner,
} from "@/lib/metrics/trajectory";

// 2025-03-03 is a Monday; couples here start on it, so week 1 is 3–9 March.
const START = "2025-03-03";
const day = (n: number) => addIsoDays(START, n);

/** A reference partner with a baseline and the same mean every week from 1 to `weeks` (or per-week means). */
const partner = (baseline: number | null, means: number[] | ((week: number) => number), weeks = 10): ReferencePartner => ({
  baseline,
  weekly: new Map(
    Array.isArray(means) ? means.map((m, i) => [i + 1, m] as const) : Array.from({ length: weeks }, (_, i) => [i + 1, means(i + 1)] as const),
  ),
});

describe("percentiles", () => {
  it("interpolates like percentile_cont", () => {
    expect(percentileCont([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentileCont([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(percentileCont([7], 0.25)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
    // 20 values 1..20: rank 0.25 × 19 = 4.75 → 5 + 0.75 = 5.75
    expect(percentileCont(Array.from({ length: 20 }, (_, i) => i + 1), 0.25)).toBe(5.75);
  });
});

describe("weeks and baselines", () => {
  it("numbers weeks from the start day", () => {
    expect(weekSinceStart(START, day(0))).toBe(1);
    expect(weekSinceStart(START, day(6))).toBe(1);
    expect(weekSinceStart(START, day(7))).toBe(2);
    expect(lastCompleteWeek(START, day(6))).toBe(0);
    expect(lastCompleteWeek(START, day(13))).toBe(1);
    expect(lastCompleteWeek(START, day(14))).toBe(2);
  });

  it("takes the baseline over the first 14 days only, skipping days without a check-in", () => {
    const points = [
      { date: day(0), value: 4 },
      { date: day(5), value: 6 },
      { date: day(13), value: 8 },
      { date: day(14), value: 0 },
    ];
    expect(trajectoryBaseline(points, START)).toBe(6);
    expect(trajectoryBaseline([{ date: day(14), value: 3 }], START)).toBeNull();
  });

  it("means each week, up to the last complete one, ignoring days before the start", () => {
    const points = [
      { date: day(-1), value: 10 },
      { date: day(0), value: 2 },
      { date: day(6), value: 4 },
      { date: day(8), value: 7 },
      { date: day(21), value: 9 },
    ];
    expect([...weeklyMeans(points, START, 3)]).toEqual([
      [1, 3],
      [2, 7],
    ]);
    expect([...weeklyMeans(points, START, 4)]).toEqual([
      [1, 3],
      [2, 7],
      [4, 9],
    ]);
  });
});

describe("the expected band", () => {
  it("uses only partners whose baseline is within a point, and needs 20 of them", () => {
    const near = Array.from({ length: MIN_REFERENCE_PARTNERS - 1 }, (_, i) => partner(5 + (i % 3) - 1, () => i));
    const far = [partner(3.9, () => 0), partner(6.1, () => 0), partner(null, () => 0)];
    expect(expectedBand(5, [...near, ...far])).toEqual({ shown: false, reason: "too_few", reference: 19 });
    expect(expectedBand(null, near)).toEqual({ shown: false, reason: "no_baseline" });
    const band = expectedBand(5, [...near, partner(6, () => 19), ...far]);
    if (!band.shown) throw new Error("band should be shown");
    expect(band.reference).toBe(20);
    // the 20 reference partners' weekly means are 0..19: 25th percentile 4.75, 75th 14.25
    expect(band.weeks[0]).toEqual({ week: 1, low: 4.75, high: 14.25, partners: 20 });
    expect(band.weeks).toHaveLength(10);
  });

  it("leaves out weeks that fewer than 20 reference partners reached", () => {
    const long = Array.from({ length: 20 }, (_, i) => partner(5, () => i, i < 19 ? 4 : 6));
    const band = expectedBand(5, long);
    if (!band.shown) throw new Error("band should be shown");
    expect(band.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4]);
  });
});

describe("not on track", () => {
  const reference = Array.from({ length: 20 }, (_, i) => partner(5, () => 4 + i / 19 * 4, 12)); // means 4..8 each week
  const band = expectedBand(5, reference);
  const low = band.shown ? band.weeks[0]!.low : NaN; // 5

  it("is raised after two complete weeks running below the band, after week 3", () => {
    expect(low).toBe(5);
    const weekly = new Map([[4, 4.9], [5, 3]]);
    expect(notOnTrack(weekly, band, 5)).toBe(true);
  });

  it("is not raised for one week below, a week at the edge, a gap, or weeks 3 and earlier", () => {
    expect(notOnTrack(new Map([[4, 6], [5, 3]]), band, 5)).toBe(false);
    expect(notOnTrack(new Map([[4, 5], [5, 3]]), band, 5)).toBe(false);
    expect(notOnTrack(new Map([[5, 3]]), band, 5)).toBe(false);
    expect(notOnTrack(new Map([[2, 1], [3, 1]]), band, 3)).toBe(false);
    expect(notOnTrack(new Map([[3, 1], [4, 1]]), band, 4)).toBe(false);
  });

  it("looks at the latest complete weeks only, and never without a band", () => {
    const earlier = new Map([[4, 1], [5, 1], [6, 7], [7, 7]]);
    expect(notOnTrack(earlier, band, 5)).toBe(true);
    expect(notOnTrack(earlier, band, 7)).toBe(false);
    expect(notOnTrack(new Map([[4, 1], [5, 1]]), { shown: false, reason: "too_few", reference: 3 }, 5)).toBe(false);
  });
});
