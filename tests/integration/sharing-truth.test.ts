import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ActivitySections } from "@/app/(counsellor)/couples/[coupleId]/activity-sections";
import * as schema from "@/db/schema";
import { getCoupleActivity } from "@/lib/dal/couples";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { getExercise } from "@/lib/dal/exercises";
import { listPartnersCheckIns } from "@/lib/dal/partner-check-ins";
import { listSharedWithMe } from "@/lib/dal/shared-answers";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { addAssignment, clearSafetyConcerns } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

/**
 * What partners are told about sharing is true: the check-in form says scores are seen by the
 * other partner, so they are; a note reaches them only when shared; work for one partner alone
 * has no "your partner's answer" box; and answers read in the form's order.
 */
let clinic: FixtureClinic;
let couple: FixtureCouple;
let alex: FixtureUser;
let sam: FixtureUser;
const SHARED_NOTE = "SHARED-NOTE-8c21";
const PRIVATE_NOTE = "PRIVATE-NOTE-19fe";

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
  couple = clinic.couples[0]!;
  [alex, sam] = couple.partners;
  await clearSafetyConcerns(couple.id);
  const today = todayIn("UTC");
  const database = db();
  for (const [date, note, noteVisibility] of [
    [addIsoDays(today, -1), SHARED_NOTE, "shared"],
    [addIsoDays(today, -2), PRIVATE_NOTE, "counsellor_only"],
  ] as const) {
    await database
      .insert(schema.checkIns)
      .values({ coupleId: couple.id, userId: alex.id, date, trust: 3, closeness: 9, mood: "good", contact: "no", note, noteVisibility })
      .onConflictDoUpdate({
        target: [schema.checkIns.userId, schema.checkIns.date],
        set: { trust: 3, closeness: 9, mood: "good", contact: "no", note, noteVisibility },
      });
  }
});

describe("the other partner's check-ins", () => {
  it("are seen by the other partner: scores, mood and contact always, the note only when shared", async () => {
    signInAs(sam);
    const seen = await listPartnersCheckIns(14);
    expect(seen.partnerName).toBe(alex.name);
    const yesterday = seen.rows.find((r) => r.date === addIsoDays(todayIn("UTC"), -1));
    expect(yesterday).toEqual({ date: addIsoDays(todayIn("UTC"), -1), trust: 3, closeness: 9, mood: "good", contact: "no", note: SHARED_NOTE });
    const before = seen.rows.find((r) => r.date === addIsoDays(todayIn("UTC"), -2));
    expect(before).toMatchObject({ trust: 3, closeness: 9, note: null });
    expect(JSON.stringify(seen)).not.toContain(PRIVATE_NOTE);
  });

  it("are the writer's own on their side: Alex sees Sam's, not a copy of their own", async () => {
    signInAs(alex);
    const seen = await listPartnersCheckIns(14);
    expect(seen.partnerName).toBe(sam.name);
    expect(JSON.stringify(seen)).not.toContain(SHARED_NOTE);
  });
});

describe("the partner's answer box", () => {
  it("is offered for joint work, and not for work assigned to one partner alone", async () => {
    const joint = await addAssignment(couple, "noticing_log");
    const mine = await addAssignment(couple, "trigger_map", { forUserId: alex.id, step: 8 });
    signInAs(alex);
    expect((await getExercise(joint)).forMeAlone).toBe(false);
    expect((await getExercise(mine)).forMeAlone).toBe(true);
  });
});

describe("an answer shared from one partner's own work", () => {
  it("reaches the other partner, as the picker's \"my partner and my counsellor\" says; a counsellor-only one does not", async () => {
    const map = await addAssignment(couple, "trigger_map", { forUserId: alex.id, step: 8 });
    const reflection = await addAssignment(couple, "private_reflection", { forUserId: alex.id, step: 7 });
    signInAs(alex);
    await saveExerciseResponse(map, { payload: { rows: [{ trigger: "SHARED-MAP-77", plan: "p" }] }, visibility: "shared", intent: "submit" });
    await saveExerciseResponse(reflection, { payload: { openingUp: "PRIVATE-REFLECTION-77" }, visibility: "counsellor_only", intent: "submit" });
    expect(await listSharedWithMe()).toEqual([]);
    signInAs(sam);
    const shared = JSON.stringify(await listSharedWithMe());
    expect(shared).toContain("SHARED-MAP-77");
    expect(shared).not.toContain("PRIVATE-REFLECTION-77");
  });
});

describe("answers in the form's order", () => {
  it("the counsellor reads a trigger map's situation before the plan for it", async () => {
    const map = await addAssignment(couple, "trigger_map", { forUserId: alex.id, step: 8 });
    signInAs(alex);
    await saveExerciseResponse(map, {
      payload: { rows: [{ trigger: "SITUATION-ONE", plan: "PLAN-ONE" }] },
      visibility: "shared",
      intent: "submit",
    });
    signInAs(clinic.counsellors[0]!);
    const activity = await getCoupleActivity(couple.id);
    const answer = activity.answers.find((a) => JSON.stringify(a.payload).includes("SITUATION-ONE"))!;
    const html = renderToStaticMarkup(createElement(ActivitySections, { activity: { ...activity, answers: [answer] } }));
    const situation = html.indexOf("A situation that worries my partner");
    const plan = html.indexOf("What I will do instead");
    expect(situation).toBeGreaterThan(-1);
    expect(plan).toBeGreaterThan(situation);
    expect(html.indexOf("SITUATION-ONE")).toBeLessThan(html.indexOf("PLAN-ONE"));
  });
});
