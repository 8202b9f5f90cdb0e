import { readFileSync } from "node:fs";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureMendMeasures } from "@/db/mend-measures";
import * as schema from "@/db/schema";
import { importMeasure, listClinicMeasures } from "@/lib/dal/measures";
import { reliableChangeThreshold } from "@/lib/measures/definition";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { createClinic, db, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

const fixture = readFileSync("tests/fixtures/csi4-questionnaire.json", "utf8");
type Q = { name: string; item: { text: string; answerOption: Record<string, unknown>[]; [k: string]: unknown }[]; extension: { extension: { url: string; [k: string]: unknown }[] }[] };
const questionnaire = (change: (q: Q) => void = () => {}, name = "csi4_fixture"): string => {
  const q = JSON.parse(fixture) as Q;
  q.name = name;
  change(q);
  return JSON.stringify(q);
};
const scoringPart = (q: Q, url: string) => q.extension[0]!.extension.find((e) => e.url === url)!;

let clinic: FixtureClinic;
let other: FixtureClinic;

async function versionsOf(clinicId: string) {
  return db().select().from(schema.measureVersions).where(eq(schema.measureVersions.clinicId, clinicId)).orderBy(schema.measureVersions.key, schema.measureVersions.version);
}

async function importEvents(clinicId: string) {
  return db()
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.clinicId, clinicId), eq(schema.auditEvents.action, "measure.import")));
}

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
  other = await createClinic({ couplesPerCounsellor: [["steady"]] });
}, 600_000);

describe("Mend's own measures", () => {
  it("are in the database after migration, equal to their definitions in code, shared by every clinic", async () => {
    const stored = await db().select().from(schema.measureVersions).where(isNull(schema.measureVersions.clinicId));
    expect(stored.map((r) => `${r.key}@${r.version}`).sort()).toEqual(MEND_MEASURES.map((m) => `${m.key}@${m.version}`).sort());
    for (const m of MEND_MEASURES) {
      const row = stored.find((r) => r.key === m.key && r.version === m.version)!;
      expect(row.definition).toEqual(m);
      expect(row).toMatchObject({ title: m.title, source: "mend", validated: false, importedBy: null });
    }
  });

  it("are written once however often the database is prepared", async () => {
    await ensureMendMeasures(db());
    await ensureMendMeasures(db());
    const [row] = await db().select({ n: count() }).from(schema.measureVersions).where(isNull(schema.measureVersions.clinicId));
    expect(row!.n).toBe(MEND_MEASURES.length);
  });

  it("are listed for the clinic admin as Mend's, not validated, with no cut-off or reliable change", async () => {
    signInAs(clinic.admin);
    const list = await listClinicMeasures();
    const mend = list.filter((m) => m.source === "mend");
    expect(mend.map((m) => m.key).sort()).toEqual(MEND_MEASURES.map((m) => m.key).sort());
    for (const m of mend) expect(m).toMatchObject({ validated: false, cutOff: null, reliableChangeThreshold: null, versions: 1 });
    // Mend's come first.
    expect(list.slice(0, mend.length).every((m) => m.source === "mend")).toBe(true);
  });
});

describe("importMeasure", () => {
  it("imports the CSI-4 fixture as version 1 of the clinic's own measure, audited with identifiers only", async () => {
    signInAs(clinic.admin);
    const result = await importMeasure(questionnaire());
    expect(result).toMatchObject({ status: "imported", key: "csi4_fixture", version: 1 });
    const list = await listClinicMeasures();
    const csi = list.find((m) => m.key === "csi4_fixture")!;
    expect(csi).toMatchObject({ source: "imported", validated: true, version: 1, versions: 1, items: 4, cutOff: 13.5, range: { min: 0, max: 21 } });
    expect(csi.reliableChangeThreshold).toBeCloseTo(reliableChangeThreshold({ normativeSd: 4, reliability: 0.9 }), 10);
    const [row] = await versionsOf(clinic.clinicId);
    expect(row).toMatchObject({ importedBy: clinic.admin.id, source: "imported", validated: true });
    const events = await importEvents(clinic.clinicId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: clinic.admin.id, entityType: "measure", entityId: row!.id });
    expect(events[0]!.metadata).toEqual({ key: "csi4_fixture", version: 1, items: 4, validated: true });
    expect(JSON.stringify(events[0])).not.toContain("Placeholder");
  });

  it("says an identical file is already imported and writes nothing", async () => {
    signInAs(clinic.admin);
    const before = (await versionsOf(clinic.clinicId)).length;
    const result = await importMeasure(questionnaire());
    expect(result).toMatchObject({ status: "unchanged", version: 1 });
    expect(await versionsOf(clinic.clinicId)).toHaveLength(before);
    expect(await importEvents(clinic.clinicId)).toHaveLength(1);
  });

  it("stores a changed instrument as the next version and keeps the old one as it was", async () => {
    signInAs(clinic.admin);
    const [v1] = await versionsOf(clinic.clinicId);
    const result = await importMeasure(questionnaire((q) => (q.item[0]!.text = "Placeholder item one, reworded")));
    expect(result).toMatchObject({ status: "imported", version: 2 });
    const rows = await versionsOf(clinic.clinicId);
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[0]).toEqual(v1);
    expect((rows[1]!.definition as { version: number }).version).toBe(2);
    const csi = (await listClinicMeasures()).find((m) => m.key === "csi4_fixture")!;
    expect(csi).toMatchObject({ version: 2, versions: 2 });
    // A stored version is never changed, even by hand.
    await expect(db().update(schema.measureVersions).set({ title: "Changed" }).where(eq(schema.measureVersions.id, v1!.id))).rejects.toThrow();
  });

  it.each([
    ["not JSON", "{ this is not json", /not JSON/],
    ["not a Questionnaire", JSON.stringify({ resourceType: "Patient" }), /not a FHIR Questionnaire/],
    ["an option without a score", questionnaire((q) => (q.item[1]!.answerOption[2] = { valueCoding: { code: "x", display: "No score" } }), "no_score"), /has no score/],
    ["duplicate item ids", questionnaire((q) => (q.item[1]!.linkId = "q1"), "duplicate_ids"), /used twice/],
    ["an unknown scoring rule", questionnaire((q) => (scoringPart(q, "rule").valueCode = "median"), "unknown_rule"), /scoring rule/],
    ["a cut-off outside the range", questionnaire((q) => (scoringPart(q, "cutOff").valueDecimal = 40), "wide_cut_off"), /outside the measure's range/],
  ])("refuses a file with %s, listing the problems beside the file, and writes nothing", async (_, text, problem) => {
    signInAs(clinic.admin);
    const rowsBefore = (await versionsOf(clinic.clinicId)).length;
    const eventsBefore = (await importEvents(clinic.clinicId)).length;
    const refused = await refusal(importMeasure(text));
    expect(refused.field).toBe("file");
    expect(refused.message).toMatch(/Nothing was saved/);
    expect(refused.fieldErrors.file!.some((e) => problem.test(e))).toBe(true);
    expect(await versionsOf(clinic.clinicId)).toHaveLength(rowsBefore);
    expect(await importEvents(clinic.clinicId)).toHaveLength(eventsBefore);
  });

  it("refuses a Questionnaire named like one of Mend's own measures", async () => {
    signInAs(clinic.admin);
    const refused = await refusal(importMeasure(questionnaire(() => {}, MEND_MEASURES[0]!.key)));
    expect(refused.field).toBe("file");
    expect(refused.message).toMatch(/Mend's own/);
  });

  it("keeps each clinic's imports to itself; counsellors may list them, partners and counsellors may not import", async () => {
    signInAs(other.admin);
    expect((await listClinicMeasures()).map((m) => m.key)).not.toContain("csi4_fixture");
    // The same name in another clinic is its own measure, starting at version 1.
    expect(await importMeasure(questionnaire())).toMatchObject({ status: "imported", version: 1 });

    signInAs(clinic.counsellors[0]!);
    expect((await listClinicMeasures()).find((m) => m.key === "csi4_fixture")).toMatchObject({ version: 2 });
    await expectNotFound(importMeasure(questionnaire()));

    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(listClinicMeasures());
    await expectNotFound(importMeasure(questionnaire()));
  });

  it("numbers versions one at a time when two changed files arrive together", async () => {
    signInAs(clinic.admin);
    const results = await Promise.all([
      importMeasure(questionnaire((q) => (q.item[2]!.text = "Placeholder item three, first change"), "together")),
      importMeasure(questionnaire((q) => (q.item[2]!.text = "Placeholder item three, second change"), "together")),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([1, 2]);
    const [row] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.measureVersions)
      .where(and(eq(schema.measureVersions.clinicId, clinic.clinicId), eq(schema.measureVersions.key, "together")));
    expect(row!.n).toBe(2);
  });
});
