import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { submitMeasureResponse } from "@/lib/dal/measure-responses";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { MEND_MEASURES } from "@/lib/measures/mend-measures";
import { addIsoDays } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, type FixtureClinic, type FixtureCouple } from "../support/fixtures";
import { signInAs } from "../support/session";

const relationship = MEND_MEASURES.find((m) => m.key === "mend-relationship-check")!;
/** "Sometimes" to every question. */
const answers = Object.fromEntries(relationship.items.map((i) => [i.id, 2]));

let clinic: FixtureClinic;
let couple: FixtureCouple;
let quiet: FixtureCouple;
let scheduleId: string;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"]] });
  await db()
    .update(schema.couples)
    .set({ status: "active" })
    .where(inArray(schema.couples.id, clinic.couples.map((c) => c.id)));
  [couple, quiet] = clinic.couples as [FixtureCouple, FixtureCouple];
  // Started yesterday (UTC) and every two weeks: the first occasion is due on every partner's
  // calendar today, whatever their time zone.
  const [row] = await db()
    .insert(schema.measureSchedules)
    .values({ coupleId: couple.id, measureKey: relationship.key, everyWeeks: 2, startsOn: addIsoDays(todayIn("UTC"), -1), createdBy: couple.counsellorId })
    .returning({ id: schema.measureSchedules.id });
  scheduleId = row!.id;
}, 600_000);

describe("a questionnaire due on a partner's Today", () => {
  it("is listed for each partner with its title and length, and nothing about scoring", async () => {
    for (const partner of couple.partners) {
      signInAs(partner);
      const today = await getPartnerToday();
      expect(today.measures).toEqual([{ scheduleId, title: "Relationship check", occasionOn: addIsoDays(todayIn("UTC"), -1), items: 5 }]);
      expect(JSON.stringify(today.measures)).not.toMatch(/total|score|cutOff|reliable|band|flag/i);
    }
  });

  it("is gone from the Today of the partner who answered, and still there for the other", async () => {
    const [a, b] = couple.partners;
    signInAs(a);
    const { occasionOn } = (await getPartnerToday()).measures[0]!;
    await submitMeasureResponse(scheduleId, occasionOn, answers);
    expect((await getPartnerToday()).measures).toEqual([]);
    signInAs(b);
    expect((await getPartnerToday()).measures.map((m) => m.scheduleId)).toEqual([scheduleId]);
  });

  it("is never on the Today of another couple's partner", async () => {
    signInAs(quiet.partners[0]);
    expect((await getPartnerToday()).measures).toEqual([]);
  });

  it("leaves Today when the couple's counselling is no longer active", async () => {
    const [, b] = couple.partners;
    await db().update(schema.couples).set({ status: "paused" }).where(inArray(schema.couples.id, [couple.id]));
    try {
      signInAs(b);
      expect((await getPartnerToday()).measures).toEqual([]);
    } finally {
      await db().update(schema.couples).set({ status: "active" }).where(inArray(schema.couples.id, [couple.id]));
    }
  });
});
