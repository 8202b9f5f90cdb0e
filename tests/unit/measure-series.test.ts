import { describe, expect, it } from "vitest";
import { measureSeries } from "@/components/charts/measure-series";
import type { MeasureJudgement } from "@/lib/dal/measures";

/** The CSI-4's published facts: 0–21, higher is better, distressed below 13.5, reliable change 1.96 × 4 × √0.2 ≈ 3.51. */
const csi: MeasureJudgement = { direction: "higher_is_better", range: { min: 0, max: 21 }, cutOff: 13.5, reliableChangeThreshold: 1.96 * 4 * Math.sqrt(0.2) };
/** A measure where higher is worse, with a threshold of 2 and no cut-off. */
const distress: MeasureJudgement = { direction: "higher_is_worse", range: { min: 0, max: 10 }, cutOff: null, reliableChangeThreshold: 2 };
const mend: MeasureJudgement = { direction: "higher_is_better", range: { min: 0, max: 16 }, cutOff: null, reliableChangeThreshold: null };
const names = { A: "Ava", B: "Ben" } as const;
const r = (slot: "A" | "B", occasionOn: string, total: number, version = 1) => ({ slot, occasionOn, total, version });

describe("measureSeries", () => {
  it("judges each partner against their own first score, with the band, cut-off crossings and the gap", () => {
    const s = measureSeries(csi, [r("A", "2026-01-01", 8), r("B", "2026-01-01", 15), r("A", "2026-01-15", 13), r("B", "2026-01-15", 15), r("A", "2026-01-29", 19), r("B", "2026-01-29", 9)], names);
    expect(s.occasions.map((o) => [o.date, o.a, o.b, o.gap])).toEqual([
      ["2026-01-01", 8, 15, 7],
      ["2026-01-15", 13, 15, 2],
      ["2026-01-29", 19, 9, 10],
    ]);
    // Nothing is marked on a first score; 8 → 13 is a reliable improvement (≥ 3.51) still under 13.5.
    expect(s.occasions.map((o) => o.marks)).toEqual([
      { A: [], B: [] },
      { A: ["improved"], B: [] },
      { A: ["improved", "left_clinical_range"], B: ["deteriorated", "entered_clinical_range"] },
    ]);
    const [ava, ben] = s.partners;
    expect(ava.band!.low).toBeCloseTo(8 - 3.506, 3);
    expect(ava.band!.high).toBeCloseTo(8 + 3.506, 3);
    expect(ava).toMatchObject({ first: 8, latest: 19, change: "improved", crossing: "left_clinical_range", inClinicalRange: false });
    expect(ben).toMatchObject({ first: 15, latest: 9, change: "deteriorated", crossing: "entered_clinical_range", inClinicalRange: true });
    expect(s.mixedVersions).toBe(false);
  });

  it("reads direction: on a measure where higher is worse, a fall is the improvement", () => {
    const s = measureSeries(distress, [r("A", "2026-01-01", 8), r("A", "2026-01-15", 5), r("B", "2026-01-15", 4), r("B", "2026-01-29", 7, 2)], names);
    expect(s.occasions.map((o) => o.marks)).toEqual([
      { A: [], B: [] },
      { A: ["improved"], B: [] },
      { A: [], B: ["deteriorated"] },
    ]);
    // Partner B's first score is on the second occasion; a partner who skipped an occasion has no gap there.
    expect(s.occasions.map((o) => o.gap)).toEqual([null, 1, null]);
    expect(s.mixedVersions).toBe(true);
  });

  it("claims nothing for a measure without a threshold or cut-off: scores only", () => {
    const s = measureSeries(mend, [r("A", "2026-01-01", 2), r("A", "2026-01-15", 14)], names);
    expect(s.occasions.flatMap((o) => [...o.marks.A, ...o.marks.B])).toEqual([]);
    expect(s.partners[0]).toMatchObject({ band: null, change: null, crossing: null, inClinicalRange: null });
    expect(s.partners[1]).toMatchObject({ first: null, latest: null, band: null });
  });
});
