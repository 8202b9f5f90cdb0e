import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreRange } from "@/lib/measures/definition";
import { importQuestionnaire, MEND_REVERSE_KEYED_URL, MEND_SUBSCALE_URL } from "@/lib/measures/fhir";
import { reliableChange, scoreMeasure } from "@/lib/metrics/measures";

const fixture = readFileSync("tests/fixtures/csi4-questionnaire.json", "utf8");
type Q = { item: Record<string, unknown>[]; extension: { extension: { url: string }[] }[]; [k: string]: unknown };
const base = (): Q => JSON.parse(fixture) as Q;
const errorsOf = (q: unknown) => {
  const result = importQuestionnaire(typeof q === "string" ? q : JSON.stringify(q));
  return result.ok ? [] : result.errors;
};

describe("importing a FHIR Questionnaire", () => {
  it("reads the CSI-4 fixture: four items, scores 0–6 and 0–5, range 0–21, cut-off 13.5", () => {
    const result = importQuestionnaire(fixture);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const m = result.definition;
    expect(m.key).toBe("csi4_fixture");
    expect(m.source).toBe("imported");
    expect(m.validated).toBe(true);
    expect(m.items.map((i) => [i.id, i.options.length])).toEqual([["q1", 7], ["q2", 6], ["q3", 6], ["q4", 6]]);
    expect(scoreRange(m)).toEqual({ min: 0, max: 21 });
    expect(m.cutOff).toBe(13.5);
    expect(m.direction).toBe("higher_is_better");
    expect(scoreMeasure(m, { q1: 5, q2: 4, q3: 3, q4: 2 }).total).toBe(14);
    expect(reliableChange(m, 10, 14)).toBe("improved");
  });

  it("reads reverse keys, subscales, plain integer options and groups", () => {
    const q = base();
    q.extension[0]!.extension.push({ url: "subscale", extension: [{ url: "id", valueString: "warmth" }, { url: "title", valueString: "Warmth" }] } as never);
    q.item = [
      { linkId: "g", type: "group", item: [q.item[0], { linkId: "intro", type: "display", text: "Read this first" }] },
      { ...q.item[1], extension: [{ url: MEND_REVERSE_KEYED_URL, valueBoolean: true }, { url: MEND_SUBSCALE_URL, valueString: "warmth" }] },
      { linkId: "q9", text: "Integers", type: "choice", answerOption: [0, 1, 2, 3].map((v) => ({ valueInteger: v })) },
    ];
    q.extension[0]!.extension = q.extension[0]!.extension.filter((e) => e.url !== "cutOff");
    const result = importQuestionnaire(JSON.stringify(q));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const m = result.definition;
    expect(m.items.map((i) => i.id)).toEqual(["q1", "q2", "q9"]);
    expect(m.items[1]!.reverseKeyed).toBe(true);
    expect(m.items[1]!.subscale).toBe("warmth");
    // q1 6, q2 0 reversed to 5, q9 3
    expect(scoreMeasure(m, { q1: 6, q2: 0, q9: 3 })).toEqual({ total: 14, subscales: { warmth: 5 } });
  });

  it("says a file that is not JSON, or not a Questionnaire, is not one", () => {
    expect(errorsOf("{ not json")).toEqual(["The file is not JSON. Export the instrument as a FHIR Questionnaire in JSON."]);
    expect(errorsOf({ resourceType: "Patient" })).toEqual(['The file is not a FHIR Questionnaire (its "resourceType" must be "Questionnaire").']);
    expect(errorsOf("[1,2]")).toEqual(['The file is not a FHIR Questionnaire (its "resourceType" must be "Questionnaire").']);
    expect(errorsOf("x".repeat(300 * 1024))[0]).toMatch(/larger than 256 kB/);
  });

  it("lists every option without a score, naming the item and option", () => {
    const q = base();
    (q.item[1]!.answerOption as { extension?: unknown }[])[2]!.extension = [];
    (q.item[3]!.answerOption as { extension?: unknown }[])[0]!.extension = undefined;
    expect(errorsOf(q)).toEqual([
      "Item 2 (q2), option 3 has no score: give it an ordinalValue (or itemWeight) extension with a number.",
      "Item 4 (q4), option 1 has no score: give it an ordinalValue (or itemWeight) extension with a number.",
    ]);
  });

  it("refuses duplicate item ids, an unknown rule, free-text items and a cut-off outside the range, all in one list", () => {
    const q = base();
    q.item[2]!.linkId = "q1";
    q.item.push({ linkId: "note", type: "string", text: "Anything else?" });
    const scoring = q.extension[0]!.extension as { url: string; valueCode?: string; valueDecimal?: number }[];
    scoring.find((e) => e.url === "rule")!.valueCode = "median";
    const errors = errorsOf(q);
    expect(errors).toContain('Item 5 (note) is a "string" question; only choice items can be scored.');
    expect(errors).toContain('Item 3 (q1): Item id "q1" is used twice.');
    expect(errors).toContain('The scoring rule must be "sum" or "mean".');
    // The range depends on the rule, so a cut-off is checked once the rule is known.
    const cut = base();
    (cut.extension[0]!.extension as { url: string; valueDecimal?: number }[]).find((e) => e.url === "cutOff")!.valueDecimal = 30;
    expect(errorsOf(cut)).toEqual(["The cut-off 30 is outside the measure's range (0 to 21)."]);
  });

  it("needs the scoring extension and a name", () => {
    const q = base();
    q.extension = [];
    delete q.name;
    delete q.id;
    const errors = errorsOf(q);
    expect(errors).toContain("The Questionnaire has no scoring extension (urn:mend:fhir:measure-scoring): it must say the scoring rule and direction.");
    expect(errors).toContain('The Questionnaire needs a "name" or an "id" to tell it apart from other measures.');
  });

  it("lets a measure claim a cut-off only when the file marks it validated", () => {
    const q = base();
    q.extension[0]!.extension = q.extension[0]!.extension.filter((e) => e.url !== "validated");
    expect(errorsOf(q)).toContain("A measure that is not validated cannot claim a cut-off or a reliable-change threshold.");
  });
});
