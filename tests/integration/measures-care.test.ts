import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { getMeasureForm, listDueMeasures, submitMeasureResponse } from "@/lib/dal/measure-responses";
import { listCoupleMeasures, scheduleMeasure, stopSchedule } from "@/lib/dal/measure-schedules";
import { importMeasure } from "@/lib/dal/measures";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { addIsoDays } from "@/lib/metrics/dates";
import { scoreMeasure } from "@/lib/metrics/measures";
import { todayIn } from "@/lib/time/zone";
import { measureResponseSchema, measureScheduleSchema } from "@/lib/validations/measures";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

const fixture = readFileSync("tests/fixtures/csi4-questionnaire.json", "utf8");
const today = todayIn("UTC");
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);
const trust = MEND_MEASURES.find((m) => m.key === "mend-trust-check")!;
const relationship = MEND_MEASURES.find((m) => m.key === "mend-relationship-check")!;
/** The trust check answered "Mostly" throughout, and "Never" checking up (reverse-keyed): 3+3+3+4. */
const trustAnswers = { believe: 3, "follow-through": 3, "safe-to-raise": 3, checking: 0 };

const schedule = (input: Record<string, unknown>) => parseInput(measureScheduleSchema(today), input);
const answers = (input: Record<string, unknown>) => parseInput(measureResponseSchema, input);

let clinic: FixtureClinic;
let other: FixtureClinic;
let couple: FixtureCouple;
let counsellor: FixtureClinic["counsellors"][number];

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"], ["stalled"]] });
  other = await createClinic({ couplesPerCounsellor: [["steady"]] });
  const ids = [...clinic.couples, ...other.couples].map((c) => c.id);
  await db().update(schema.couples).set({ status: "active" }).where(inArray(schema.couples.id, ids));
  couple = clinic.couples[0]!;
  counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
}, 600_000);

async function rowsOf(scheduleId: string) {
  return db().select().from(schema.measureResponses).where(eq(schema.measureResponses.scheduleId, scheduleId));
}

describe("scheduleMeasure and stopSchedule", () => {
  it("schedules a measure for the counsellor's own couple once, however often the form is sent", async () => {
    signInAs(counsellor);
    const input = schedule({ measureKey: relationship.key, everyWeeks: "4", startsOn: today, endsOn: "" });
    const first = await scheduleMeasure(couple.id, input);
    const again = await scheduleMeasure(couple.id, input);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ id: first.id, duplicate: true });
    const rows = await db().select().from(schema.measureSchedules).where(eq(schema.measureSchedules.coupleId, couple.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ measureKey: relationship.key, everyWeeks: 4, startsOn: today, endsOn: null, createdBy: counsellor.id, stoppedAt: null });
    const [event] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "measure_schedule.create"), eq(schema.auditEvents.entityId, first.id)));
    expect(event).toMatchObject({ coupleId: couple.id, metadata: { measureKey: relationship.key, everyWeeks: 4 } });

    // A different schedule of the same measure waits until the live one is stopped.
    const refused = await refusal(scheduleMeasure(couple.id, schedule({ measureKey: relationship.key, everyWeeks: "2", startsOn: today })));
    expect(refused.field).toBe("measureKey");
    expect(refused.message).toMatch(/Stop that schedule first/);

    expect(await stopSchedule(first.id)).toEqual({ stopped: true });
    expect(await stopSchedule(first.id)).toEqual({ stopped: false });
    const next = await scheduleMeasure(couple.id, schedule({ measureKey: relationship.key, everyWeeks: "2", startsOn: today }));
    expect(next.duplicate).toBe(false);
  });

  it("refuses bad schedules with clear messages before anything is written", () => {
    const errorsOf = (input: Record<string, unknown>) => measureScheduleSchema(today).safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errorsOf({ measureKey: trust.key, everyWeeks: "0", startsOn: today })).toEqual([
      "everyWeeks: A schedule needs at least one week between occasions; 0 weeks is not a schedule.",
    ]);
    expect(errorsOf({ measureKey: trust.key, everyWeeks: "13", startsOn: today })).toEqual(["everyWeeks: Choose how many weeks apart, from 1 to 12."]);
    expect(errorsOf({ measureKey: trust.key, everyWeeks: "2.5", startsOn: today })).toEqual(["everyWeeks: Use a whole number of weeks."]);
    expect(errorsOf({ measureKey: trust.key, startsOn: addIsoDays(today, -1) })).toEqual(["startsOn: The start date can't be in the past."]);
    expect(errorsOf({ measureKey: trust.key, startsOn: today, endsOn: addIsoDays(today, -1) })).toEqual(["endsOn: The end date can't be before the start date."]);
    expect(errorsOf({ measureKey: "", startsOn: "tomorrow" })).toEqual(["measureKey: Choose a measure.", "startsOn: Enter the start date as a real date."]);
    // Left empty, it is every two weeks.
    expect(schedule({ measureKey: trust.key, everyWeeks: "", startsOn: today }).everyWeeks).toBe(2);
    expect(schedule({ measureKey: trust.key, startsOn: today }).everyWeeks).toBe(2);
  });

  it("refuses a measure the couple's clinic does not have, and treats another counsellor's couple as not found", async () => {
    signInAs(other.admin);
    await importMeasure(fixture);
    signInAs(counsellor);
    // The other clinic's import is not this clinic's measure.
    const refused = await refusal(scheduleMeasure(couple.id, schedule({ measureKey: "csi4_fixture", startsOn: today })));
    expect(refused).toMatchObject({ field: "measureKey", message: "Choose one of the clinic's measures." });

    const notMine = clinic.couples.find((c) => c.counsellorId !== counsellor.id)!;
    await expectNotFound(scheduleMeasure(notMine.id, schedule({ measureKey: trust.key, startsOn: today })));
    await expectNotFound(scheduleMeasure(other.couples[0]!.id, schedule({ measureKey: trust.key, startsOn: today })));
    await expectNotFound(listCoupleMeasures(notMine.id));
    const [refusedEvent] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, "access.refused"), eq(schema.auditEvents.entityId, notMine.id)));
    expect(refusedEvent).toMatchObject({ actorId: counsellor.id, outcome: "denied" });

    signInAs(notMine.partners[0]);
    await expectNotFound(scheduleMeasure(notMine.id, schedule({ measureKey: trust.key, startsOn: today })));
  });
});

describe("a partner answering a scheduled measure", () => {
  let scheduleId: string;
  const [a, b] = [0, 1] as const;

  beforeAll(async () => {
    signInAs(counsellor);
    ({ id: scheduleId } = await scheduleMeasure(couple.id, schedule({ measureKey: trust.key, everyWeeks: "2", startsOn: today, endsOn: addIsoDays(today, 21) })));
  });

  it("is due for each partner separately on the start day, and answering it is theirs alone", async () => {
    signInAs(couple.partners[a]);
    const due = await listDueMeasures();
    expect(due).toContainEqual({ scheduleId, title: trust.title, occasionOn: today, items: 4 });

    const form = await getMeasureForm(scheduleId);
    expect(form).toMatchObject({ occasionOn: today, answered: false, title: trust.title });
    // Questions and options only: nothing about how answers are scored.
    expect(Object.keys(form.items[3]!).sort()).toEqual(["id", "options", "text"]);
    expect(JSON.stringify(form)).not.toMatch(/reverseKeyed|cutOff|reliable|total/);

    const result = await submitMeasureResponse(scheduleId, today, answers({ occasionOn: today, answers: trustAnswers }).answers);
    expect(result.duplicate).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/total|score/);
    expect((await listDueMeasures()).map((d) => d.scheduleId)).not.toContain(scheduleId);
    expect(await getMeasureForm(scheduleId)).toMatchObject({ answered: true });

    signInAs(couple.partners[b]);
    expect((await listDueMeasures()).map((d) => d.scheduleId)).toContain(scheduleId);
    expect(await getMeasureForm(scheduleId)).toMatchObject({ answered: false });
  });

  it("is scored on the server with the version in force, and a double submit stores one", async () => {
    const [row] = (await rowsOf(scheduleId)).filter((r) => r.userId === couple.partners[a].id);
    const [version] = await db().select().from(schema.measureVersions).where(eq(schema.measureVersions.id, row!.measureVersionId));
    expect(version).toMatchObject({ key: trust.key, version: trust.version });
    expect(row!.total).toBe(scoreMeasure(trust, trustAnswers).total);
    expect(row!.total).toBe(13);
    expect(row!.answers).toEqual(trustAnswers);

    signInAs(couple.partners[a]);
    const twice = await submitMeasureResponse(scheduleId, today, answers({ occasionOn: today, answers: { ...trustAnswers, believe: "0" } }).answers);
    expect(twice).toEqual({ id: row!.id, duplicate: true });
    expect((await rowsOf(scheduleId)).filter((r) => r.userId === couple.partners[a].id)).toHaveLength(1);
    // A signed record is never changed, even by hand.
    await expect(db().update(schema.measureResponses).set({ total: 0 }).where(eq(schema.measureResponses.id, row!.id))).rejects.toThrow();
  });

  it("refuses a missing item or an out-of-range value beside the item, writing nothing", async () => {
    signInAs(couple.partners[b]);
    const before = (await rowsOf(scheduleId)).length;
    const sent = answers({ occasionOn: today, answers: { believe: "9", "follow-through": "", "safe-to-raise": "two", checking: "1" } });
    const refused = await refusal(submitMeasureResponse(scheduleId, today, sent.answers));
    expect(refused.message).toMatch(/answer every question/);
    expect(refused.fieldErrors).toEqual({
      "answers.believe": ["Please choose one of the answers given."],
      "answers.follow-through": ["Please answer this question."],
      "answers.safe-to-raise": ["Please choose one of the answers given."],
    });
    const missing = await refusal(submitMeasureResponse(scheduleId, today, { believe: 1 }));
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(["answers.checking", "answers.follow-through", "answers.safe-to-raise"]);
    const foreign = await refusal(submitMeasureResponse(scheduleId, today, { ...trustAnswers, extra: 1 }));
    expect(foreign.fieldErrors.answers).toBeDefined();
    expect(await rowsOf(scheduleId)).toHaveLength(before);
  });

  it("refuses an occasion that is not the one due, and follows the rhythm to the end day", async () => {
    signInAs(couple.partners[b]);
    expect((await refusal(submitMeasureResponse(scheduleId, addIsoDays(today, 14), trustAnswers))).message).toMatch(/not due/);
    // Two weeks on, the next occasion is due for both; the missed start-day answer is past.
    const later = noonOf(addIsoDays(today, 15));
    expect((await listDueMeasures(later)).find((d) => d.scheduleId === scheduleId)?.occasionOn).toBe(addIsoDays(today, 14));
    expect((await refusal(submitMeasureResponse(scheduleId, today, trustAnswers, later))).message).toMatch(/not due/);
    await submitMeasureResponse(scheduleId, addIsoDays(today, 14), trustAnswers, later);
    expect((await listDueMeasures(later)).map((d) => d.scheduleId)).not.toContain(scheduleId);
    // The end day (three weeks on) is an occasion of its own, off the two-week rhythm.
    expect((await listDueMeasures(noonOf(addIsoDays(today, 40)))).find((d) => d.scheduleId === scheduleId)?.occasionOn).toBe(addIsoDays(today, 21));
  });

  it("follows the partner's own calendar day", async () => {
    const second = clinic.couples.find((c) => c.id !== couple.id && c.counsellorId === counsellor.id)!;
    signInAs(counsellor);
    const { id } = await scheduleMeasure(second.id, schedule({ measureKey: trust.key, startsOn: addIsoDays(today, 1) }));
    // Noon today in UTC is already tomorrow on Kiritimati (UTC+14).
    await db().update(schema.users).set({ timeZone: "Pacific/Kiritimati" }).where(eq(schema.users.id, second.partners[0].id));
    try {
      signInAs(second.partners[0]);
      expect((await listDueMeasures(noonOf(today))).map((d) => d.scheduleId)).toContain(id);
      signInAs(second.partners[1]);
      expect((await listDueMeasures(noonOf(today))).map((d) => d.scheduleId)).not.toContain(id);
    } finally {
      await db().update(schema.users).set({ timeZone: null }).where(eq(schema.users.id, second.partners[0].id));
    }
  });

  it("shows the counsellor both partners' scores over time; partners and other couples never reach them", async () => {
    signInAs(counsellor);
    const measures = await listCoupleMeasures(couple.id);
    expect(measures.partners.map((p) => p.id)).toEqual(couple.partners.map((p) => p.id));
    const trustSchedule = measures.schedules.find((s) => s.id === scheduleId)!;
    expect(trustSchedule).toMatchObject({ measureKey: trust.key, title: trust.title, validated: false, everyWeeks: 2, startsOn: today });
    expect(trustSchedule.versions[1]).toEqual({ direction: "higher_is_better", range: { min: 0, max: 16 }, cutOff: null, reliableChangeThreshold: null });
    expect(trustSchedule.responses.map((r) => [r.slot, r.occasionOn, r.total, r.version])).toEqual([
      ["A", today, 13, 1],
      ["B", addIsoDays(today, 14), 13, 1],
    ]);

    signInAs(couple.partners[a]);
    await expectNotFound(listCoupleMeasures(couple.id));
    const otherCouple = clinic.couples.find((c) => c.id !== couple.id)!;
    signInAs(otherCouple.partners[0]);
    await expectNotFound(getMeasureForm(scheduleId));
    await expectNotFound(submitMeasureResponse(scheduleId, today, trustAnswers));
    expect((await listDueMeasures()).map((d) => d.scheduleId)).not.toContain(scheduleId);
  });

  it("answers under the new version once the clinic imports one; earlier answers keep theirs", async () => {
    signInAs(clinic.admin);
    await importMeasure(fixture);
    signInAs(counsellor);
    const { id } = await scheduleMeasure(couple.id, schedule({ measureKey: "csi4_fixture", startsOn: today }));
    signInAs(couple.partners[a]);
    await submitMeasureResponse(id, today, { q1: 6, q2: 5, q3: 5, q4: 5 });
    signInAs(clinic.admin);
    const q = JSON.parse(fixture) as { item: { text: string }[] };
    q.item[0]!.text = "Placeholder item one, second wording";
    expect(await importMeasure(JSON.stringify(q))).toMatchObject({ version: 2 });
    signInAs(couple.partners[b]);
    expect((await getMeasureForm(id)).items[0]!.text).toBe("Placeholder item one, second wording");
    await submitMeasureResponse(id, today, { q1: 0, q2: 0, q3: 0, q4: 0 });
    signInAs(counsellor);
    const csi = (await listCoupleMeasures(couple.id)).schedules.find((s) => s.id === id)!;
    expect(csi.responses.map((r) => [r.slot, r.total, r.version])).toEqual([
      ["A", 21, 1],
      ["B", 0, 2],
    ]);
    expect(csi.versions[1]).toMatchObject({ cutOff: 13.5, range: { min: 0, max: 21 } });
    expect(Object.keys(csi.versions)).toEqual(["1", "2"]);
  });

  it("is no longer due once stopped, and a stopped schedule takes no answers", async () => {
    signInAs(counsellor);
    await stopSchedule(scheduleId);
    signInAs(couple.partners[b]);
    const later = noonOf(addIsoDays(today, 22));
    expect((await listDueMeasures(later)).map((d) => d.scheduleId)).not.toContain(scheduleId);
    await expectNotFound(getMeasureForm(scheduleId));
    expect((await refusal(submitMeasureResponse(scheduleId, addIsoDays(today, 21), trustAnswers, later))).message).toMatch(/stopped/);
  });
});
