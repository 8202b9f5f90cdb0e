import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { unsafeGetCouplePageMeasures } from "@/lib/dal/couple-measures";
import { exportCoupleMeasureAnswers } from "@/lib/dal/measure-export";
import { submitMeasureResponse } from "@/lib/dal/measure-responses";
import { listCoupleMeasures, scheduleMeasure, stopSchedule } from "@/lib/dal/measure-schedules";
import { importMeasure, listClinicMeasures } from "@/lib/dal/measures";
import { MEND_SCORE_URL, measureCanonical } from "@/lib/measures/fhir-export";
import { addIsoDays } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { signInAs } from "../support/session";

const fixture = readFileSync("tests/fixtures/csi4-questionnaire.json", "utf8");
const today = todayIn("UTC");
const start = addIsoDays(today, -28);
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);
/** Item 1 scored 0–6, the rest 0–5; sums 8, 13 and 19 for partner A, 15, 15, 9 for partner B. */
const csiA = [
  { q1: 2, q2: 2, q3: 2, q4: 2 },
  { q1: 4, q2: 3, q3: 3, q4: 3 },
  { q1: 4, q2: 5, q3: 5, q4: 5 },
];
const csiB = [
  { q1: 3, q2: 4, q3: 4, q4: 4 },
  { q1: 3, q2: 4, q3: 4, q4: 4 },
  { q1: 3, q2: 2, q3: 2, q4: 2 },
];

let clinic: FixtureClinic;
let couple: FixtureCouple;
let counsellor: FixtureClinic["counsellors"][number];
let scheduleId: string;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"], ["stalled"]] });
  await db()
    .update(schema.couples)
    .set({ status: "active" })
    .where(inArray(schema.couples.id, clinic.couples.map((c) => c.id)));
  couple = clinic.couples[0]!;
  counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
  signInAs(clinic.admin);
  await importMeasure(fixture);
  signInAs(counsellor);
  // Scheduled four weeks ago (the data layer takes a parsed form; the form itself refuses past starts).
  ({ id: scheduleId } = await scheduleMeasure(couple.id, { measureKey: "csi4_fixture", everyWeeks: 2, startsOn: start, endsOn: null }));
  const stopped = await scheduleMeasure(couple.id, { measureKey: "mend-trust-check", everyWeeks: 1, startsOn: today, endsOn: null });
  await stopSchedule(stopped.id);
  for (const [i, day] of [start, addIsoDays(start, 14), addIsoDays(start, 28)].entries()) {
    signInAs(couple.partners[0]);
    await submitMeasureResponse(scheduleId, day, csiA[i]!, noonOf(day));
    signInAs(couple.partners[1]);
    await submitMeasureResponse(scheduleId, day, csiB[i]!, noonOf(day));
  }
}, 600_000);

describe("the couple page's measures read", () => {
  it("holds the same schedules and scores as listCoupleMeasures, and offers the clinic's measures, Mend's first", async () => {
    signInAs(counsellor);
    const scoped = await listCoupleMeasures(couple.id);
    const page = await unsafeGetCouplePageMeasures(clinic.clinicId, couple.id, today);
    expect(page.today).toBe(today);
    expect(page.schedules).toEqual(scoped.schedules);
    const csi = page.schedules.find((s) => s.id === scheduleId)!;
    expect(csi.responses.map((r) => [r.slot, r.occasionOn, r.total])).toEqual([
      ["A", start, 8],
      ["B", start, 15],
      ["A", addIsoDays(start, 14), 13],
      ["B", addIsoDays(start, 14), 15],
      ["A", addIsoDays(start, 28), 19],
      ["B", addIsoDays(start, 28), 9],
    ]);
    expect(csi.versions[1]).toMatchObject({ cutOff: 13.5, direction: "higher_is_better" });
    expect(page.schedules.map((s) => s.stoppedAt === null)).toEqual([false, true]);

    const catalogue = await listClinicMeasures();
    expect(page.options).toEqual(catalogue.map((m) => ({ key: m.key, title: m.title, version: m.version, validated: m.validated })));
    expect(page.options.map((o) => o.validated)).toEqual([false, false, true]);
  });

  it("is empty for a couple with nothing scheduled", async () => {
    const quiet = clinic.couples[1]!;
    const page = await unsafeGetCouplePageMeasures(clinic.clinicId, quiet.id, today);
    expect(page.schedules).toEqual([]);
    expect(page.options.length).toBeGreaterThan(0);
  });
});

describe("exportCoupleMeasureAnswers", () => {
  it("gives the couple's counsellor every answer as FHIR QuestionnaireResponses, audited with counts only", async () => {
    signInAs(counsellor);
    const now = new Date();
    const { filename, bundle } = await exportCoupleMeasureAnswers(couple.id, now);
    expect(filename).toBe(`measure-answers-${todayIn("UTC", now)}.json`);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection", timestamp: now.toISOString() });
    expect(bundle.entry).toHaveLength(6);
    const first = bundle.entry[0]!.resource;
    expect(first).toMatchObject({
      resourceType: "QuestionnaireResponse",
      status: "completed",
      questionnaire: measureCanonical({ key: "csi4_fixture", version: 1 }),
      extension: [{ url: MEND_SCORE_URL, valueDecimal: 8 }],
    });
    expect(first.item.map((i) => i.answer[0]!.valueCoding.code)).toEqual(["2", "2", "2", "2"]);
    const partnerIds = new Set(bundle.entry.map((e) => e.resource.subject.identifier.value));
    expect(partnerIds).toEqual(new Set(couple.partners.map((p) => p.id)));
    // Survives a round trip as JSON: what the route sends.
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);

    const events = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "export.download_measure_answers"), eq(schema.auditEvents.coupleId, couple.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: counsellor.id, entityType: "export", metadata: { responses: 6, measures: 1 } });
  });

  it("is not found for another counsellor, a partner of the couple and the clinic admin", async () => {
    const otherCounsellor = clinic.counsellors.find((c) => c.id !== counsellor.id)!;
    for (const who of [otherCounsellor, couple.partners[0], clinic.admin]) {
      signInAs(who);
      await expectNotFound(exportCoupleMeasureAnswers(couple.id));
    }
    signInAs(counsellor);
    await expectNotFound(exportCoupleMeasureAnswers("not-a-uuid"));
    const events = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "export.download_measure_answers"), eq(schema.auditEvents.coupleId, couple.id)));
    expect(events).toHaveLength(1);
  });
});
