import { describe, expect, it } from "vitest";
import { measureDefinitionSchema, scoreRange } from "@/lib/measures/definition";
import { importQuestionnaire, ORDINAL_VALUE_URL } from "@/lib/measures/fhir";
import { MEND_SCORE_URL, toQuestionnaire, toResponseBundle } from "@/lib/measures/fhir-export";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { csi4Like } from "@/tests/support/measures";

const csi4 = measureDefinitionSchema.parse(csi4Like());

describe("Mend's own measures", () => {
  it("are short, not validated, and claim no cut-off or reliable change", () => {
    expect(MEND_MEASURES.map((m) => m.key)).toEqual(["mend-trust-check", "mend-relationship-check"]);
    for (const m of MEND_MEASURES) {
      expect(m.source).toBe("mend");
      expect(m.validated).toBe(false);
      expect(m.cutOff).toBeUndefined();
      expect(m.reliableChange).toBeUndefined();
      expect(m.items.length).toBeLessThanOrEqual(6);
    }
    expect(scoreRange(MEND_MEASURES[0]!)).toEqual({ min: 0, max: 16 });
    expect(scoreRange(MEND_MEASURES[1]!)).toEqual({ min: 0, max: 20 });
  });
});

describe("FHIR export", () => {
  it("writes a measure as a Questionnaire that imports back to the same definition", () => {
    const withSubscales = measureDefinitionSchema.parse({
      ...csi4Like(),
      items: csi4Like().items.map((item, i) => ({ ...item, subscale: i < 2 ? "a" : "b", reverseKeyed: i === 3 })),
      scoring: { rule: "mean", subscales: [{ id: "a", title: "First" }, { id: "b", title: "Second" }] },
      cutOff: 2.5,
      reliableChange: { threshold: 1.25 },
    });
    for (const m of [...MEND_MEASURES, csi4, withSubscales]) {
      const back = importQuestionnaire(JSON.stringify(toQuestionnaire(m)));
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(back.definition).toEqual({ ...m, source: "imported", version: 1 });
    }
  });

  it("writes answers as QuestionnaireResponses in a collection bundle, oldest first, with scores", () => {
    const bundle = toResponseBundle(
      [
        { id: "r2", partnerId: "p1", partnerName: "Alex", submittedAt: "2026-02-01T09:00:00.000Z", answers: { q1: 6, q2: 5, q3: 5, q4: 5 }, definition: csi4 },
        { id: "r1", partnerId: "p2", partnerName: "Sam", submittedAt: "2026-01-01T09:00:00.000Z", answers: { q1: 1, q2: 2, q3: 3, q4: 4 }, definition: csi4 },
      ],
      "2026-03-01T00:00:00.000Z",
    );
    expect(bundle.type).toBe("collection");
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual(["urn:uuid:r1", "urn:uuid:r2"]);
    const first = bundle.entry[0]!.resource;
    expect(first).toMatchObject({
      resourceType: "QuestionnaireResponse",
      status: "completed",
      questionnaire: "urn:mend:measure:csi4-fixture|1",
      subject: { identifier: { value: "p2" }, display: "Sam" },
      authored: "2026-01-01T09:00:00.000Z",
      extension: [{ url: MEND_SCORE_URL, valueDecimal: 10 }],
    });
    expect(first.item[1]).toEqual({
      linkId: "q2",
      text: "Placeholder item two",
      answer: [{ valueCoding: { code: "2", display: "Placeholder option 2" }, extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: 2 }] }],
    });
    expect(bundle.entry[1]!.resource.extension[0]!.valueDecimal).toBe(21);
  });
});
