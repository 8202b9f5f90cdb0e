import { describe, expect, it } from "vitest";
import { measureDefinitionSchema, reliableChangeThreshold, scoreRange, type MeasureDefinitionInput } from "@/lib/measures/definition";
import { cutOffCrossing, inClinicalRange, MeasureAnswerError, reliableChange, reliableChangeBand, scoreMeasure } from "@/lib/metrics/measures";
import { csi4Like } from "@/tests/support/measures";

const csi4 = measureDefinitionSchema.parse(csi4Like());

/** A two-item, mean-scored measure where higher is worse, item b reverse-keyed (1–5). */
const worse = measureDefinitionSchema.parse({
  key: "worse",
  version: 1,
  title: "Higher is worse",
  source: "imported",
  validated: true,
  items: [
    { id: "a", text: "A", options: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) })), subscale: "s1" },
    { id: "b", text: "B", options: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) })), reverseKeyed: true, subscale: "s2" },
    { id: "c", text: "C", options: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) })), subscale: "s2" },
  ],
  scoring: { rule: "mean", subscales: [{ id: "s1", title: "One" }, { id: "s2", title: "Two" }] },
  direction: "higher_is_worse",
  cutOff: 3,
  reliableChange: { threshold: 1 },
} satisfies MeasureDefinitionInput);

const messages = (input: unknown) => {
  const result = measureDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("measure definitions", () => {
  it("gives the CSI-4's range of 0 to 21 from its items", () => {
    expect(scoreRange(csi4)).toEqual({ min: 0, max: 21 });
    expect(scoreRange(worse)).toEqual({ min: 1, max: 5 });
  });

  it("computes a Jacobson–Truax threshold from a normative SD and reliability", () => {
    // 1.96 × 4 × √(2 × 0.1) = 7.84 × 0.447214 = 3.50615
    expect(reliableChangeThreshold({ normativeSd: 4, reliability: 0.9 })).toBeCloseTo(3.5062, 4);
    // 1.96 × 10 × √0.18 = 8.3156
    expect(reliableChangeThreshold({ normativeSd: 10, reliability: 0.91 })).toBeCloseTo(8.3156, 4);
    expect(reliableChangeThreshold({ threshold: 6 })).toBe(6);
  });

  it("refuses a cut-off outside the range, duplicate ids and tied option scores", () => {
    expect(messages({ ...csi4Like(), cutOff: 22 })).toContain("The cut-off 22 is outside the measure's range (0 to 21).");
    expect(messages({ ...csi4Like(), cutOff: 0 })).toContain("The cut-off 0 is outside the measure's range (0 to 21).");
    const dup = csi4Like();
    dup.items[1]!.id = "q1";
    expect(messages(dup)).toContain('Item id "q1" is used twice.');
    const tied = csi4Like();
    tied.items[0]!.options[1]!.value = 0;
    expect(messages(tied)).toContain('Item "q1" gives two options the same score.');
  });

  it("refuses an unknown scoring rule, a one-option item and an unknown subscale", () => {
    expect(messages({ ...csi4Like(), scoring: { rule: "median" } })).toContain('The scoring rule must be "sum" or "mean".');
    const one = csi4Like();
    one.items[0]!.options = [{ value: 0, label: "Only" }];
    expect(messages(one)).toContain("An item needs at least two answer options.");
    const sub = csi4Like();
    sub.items[0]!.subscale = "nope";
    expect(messages(sub)).toContain('Item "q1" names an unknown subscale "nope".');
  });

  it("lets only a validated instrument claim a cut-off or reliable change", () => {
    expect(messages({ ...csi4Like(), validated: false })).toContain(
      "A measure that is not validated cannot claim a cut-off or a reliable-change threshold.",
    );
    expect(messages({ ...csi4Like(), source: "mend", cutOff: undefined, reliableChange: undefined })).toContain(
      "Mend's own measures are not validated instruments.",
    );
  });

  it("refuses a reliable change as wide as the range and a NUL byte in wording", () => {
    expect(messages({ ...csi4Like(), reliableChange: { threshold: 21 } })).toContain(
      "A reliable change of 21 is as wide as the whole range (0 to 21).",
    );
    const nul = csi4Like();
    nul.items[2]!.text = "Item\u0000";
    expect(messages(nul).length).toBeGreaterThan(0);
  });
});

describe("scoring", () => {
  it("sums the CSI-4's items", () => {
    expect(scoreMeasure(csi4, { q1: 6, q2: 5, q3: 5, q4: 5 })).toEqual({ total: 21, subscales: {} });
    expect(scoreMeasure(csi4, { q1: 3, q2: 4, q3: 2, q4: 1 })).toEqual({ total: 10, subscales: {} });
  });

  it("reverse-keys an item as (lowest + highest) − value and means each subscale", () => {
    // a = 2; b = 1 reversed to 5; c = 4 → total (2 + 5 + 4) / 3, s1 = 2, s2 = (5 + 4) / 2
    const score = scoreMeasure(worse, { a: 2, b: 1, c: 4 });
    expect(score.total).toBeCloseTo(11 / 3, 10);
    expect(score.subscales).toEqual({ s1: 2, s2: 4.5 });
  });

  it("names the item that is missing, unknown or out of range", () => {
    const itemOf = (answers: Record<string, number>) => {
      try {
        scoreMeasure(csi4, answers);
      } catch (e) {
        return e instanceof MeasureAnswerError ? [e.itemId, e.message] : ["?", String(e)];
      }
      return null;
    };
    expect(itemOf({ q1: 1, q2: 1, q3: 1 })).toEqual(["q4", "Please answer this question."]);
    expect(itemOf({ q1: 7, q2: 1, q3: 1, q4: 1 })).toEqual(["q1", "Please choose one of the answers given."]);
    expect(itemOf({ q1: 1, q2: 6, q3: 1, q4: 1 })).toEqual(["q2", "Please choose one of the answers given."]);
    expect(itemOf({ q1: 1, q2: 1.5, q3: 1, q4: 1 })).toEqual(["q2", "Please choose one of the answers given."]);
    expect(itemOf({ q1: 1, q2: 1, q3: 1, q4: 1, q9: 1 })).toEqual(["q9", '"q9" is not an item of this measure.']);
  });
});

describe("reading change", () => {
  it("places scores below the CSI-4's cut-off of 13.5 in the clinical range", () => {
    expect(inClinicalRange(csi4, 13)).toBe(true);
    expect(inClinicalRange(csi4, 14)).toBe(false);
    expect(inClinicalRange(worse, 3.5)).toBe(true);
    expect(inClinicalRange(worse, 3)).toBe(false);
    expect(inClinicalRange({ direction: "higher_is_better" }, 3)).toBeNull();
  });

  it("calls a change reliable at the threshold, in the measure's direction", () => {
    // threshold 3.50615 for the fixture
    expect(reliableChange(csi4, 8, 12)).toBe("improved");
    expect(reliableChange(csi4, 8, 11)).toBe("no_reliable_change");
    expect(reliableChange(csi4, 12, 8)).toBe("deteriorated");
    // higher is worse: going down by the threshold of exactly 1 is an improvement
    expect(reliableChange(worse, 4, 3)).toBe("improved");
    expect(reliableChange(worse, 3, 4)).toBe("deteriorated");
    expect(reliableChange(worse, 3, 3.5)).toBe("no_reliable_change");
    expect(reliableChange({ direction: "higher_is_better" }, 0, 20)).toBeNull();
  });

  it("gives the reliable-change band around a first score", () => {
    const band = reliableChangeBand(csi4, 10)!;
    expect(band.low).toBeCloseTo(6.4938, 4);
    expect(band.high).toBeCloseTo(13.5062, 4);
    expect(reliableChangeBand({ direction: "higher_is_better" }, 10)).toBeNull();
  });

  it("marks crossing the cut-off in either direction", () => {
    expect(cutOffCrossing(csi4, 10, 15)).toBe("left_clinical_range");
    expect(cutOffCrossing(csi4, 15, 10)).toBe("entered_clinical_range");
    expect(cutOffCrossing(csi4, 10, 13)).toBeNull();
    expect(cutOffCrossing(worse, 4, 2)).toBe("left_clinical_range");
    expect(cutOffCrossing({ direction: "higher_is_better" }, 1, 20)).toBeNull();
  });
});
