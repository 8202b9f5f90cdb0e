import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { cancelAssignment } from "@/lib/dal/assignments";
import { getCaseloadRow } from "@/lib/dal/caseload";
import { getCoupleActivity } from "@/lib/dal/couples";
import { saveExerciseResponse } from "@/lib/dal/exercise-answers";
import { getExercise, listMyExercises } from "@/lib/dal/exercises";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { getCoupleWork } from "@/lib/dal/work-status";
import { formatShortDay, formatSubmissions, formatSubmitted } from "@/lib/format";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { addAssignment, clearSafetyConcerns } from "../support/partner-fixtures";
import { VALID } from "../support/program-answers";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let couple: FixtureCouple;
let counsellor: FixtureUser;
// Fixture clinics keep the default zone, UTC.
const today = todayIn("UTC");

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["improving"]], days: 14 });
  couple = clinic.couples[0]!;
  counsellor = clinic.counsellors.find((c) => c.id === couple.counsellorId)!;
  await clearSafetyConcerns(couple.id);
  // The seeded history's open work would compete for "next due"; these tests set their own.
  await db()
    .update(schema.assignments)
    .set({ status: "completed" })
    .where(and(eq(schema.assignments.coupleId, couple.id), eq(schema.assignments.status, "active")));
});

const send = (assignmentId: string, kind: keyof typeof VALID) =>
  saveExerciseResponse(assignmentId, { payload: structuredClone(VALID[kind]), visibility: "shared", intent: "submit" });

describe("work status for the counsellor", () => {
  it("says who sent work and when, waits for the other partner, and stops offering sent work as next due", async () => {
    const [alex, sam] = couple.partners;
    const soon = await addAssignment(couple, "noticing_log", { forUserId: alex.id, dueOn: addIsoDays(today, 1) });
    const later = await addAssignment(couple, "disclosure_worksheet", { dueOn: addIsoDays(today, 3) });
    signInAs(counsellor);
    expect((await getCaseloadRow(couple.id)).nextDue).toMatchObject({ dueOn: addIsoDays(today, 1), exerciseKind: "noticing_log" });
    expect((await getCoupleWork(couple.id)).byAssignment[soon]).toMatchObject({ allSubmitted: false, partners: [{ userId: alex.id, submittedOn: null }] });

    signInAs(alex);
    expect((await getPartnerToday()).due.map((d) => d.id)).toEqual(expect.arrayContaining([soon, later]));
    await send(soon, "noticing_log");
    await send(later, "disclosure_worksheet");
    // What I have sent is no longer "due" on my Today page; my partner still has theirs to do.
    expect((await getPartnerToday()).due.map((d) => d.id)).not.toContain(soon);
    expect((await getPartnerToday()).due.map((d) => d.id)).not.toContain(later);
    signInAs(sam);
    expect((await getPartnerToday()).due.map((d) => d.id)).toContain(later);
    signInAs(counsellor);
    const work = await getCoupleWork(couple.id);
    expect(work.byAssignment[soon]).toMatchObject({ allSubmitted: true, partners: [{ userId: alex.id, name: alex.name, submittedOn: today }] });
    expect(formatSubmissions(work.byAssignment[soon]!.partners)).toBe(`Submitted by ${alex.name}, ${formatShortDay(today)}`);
    expect(work.byAssignment[later]!.allSubmitted).toBe(false);
    expect(formatSubmissions(work.byAssignment[later]!.partners)).toBe(`${alex.name} submitted ${formatShortDay(today)} · waiting for ${sam.name}`);
    // One partner of two has sent the both-partners work: it is still next.
    expect((await getCaseloadRow(couple.id)).nextDue).toMatchObject({ dueOn: addIsoDays(today, 3), exerciseKind: "disclosure_worksheet" });

    signInAs(sam);
    await send(later, "disclosure_worksheet");
    signInAs(counsellor);
    expect((await getCoupleWork(couple.id)).byAssignment[later]!.allSubmitted).toBe(true);
    expect((await getCaseloadRow(couple.id)).nextDue).toBeNull();
  });

  it("treats recurring work by its current occurrence and shows its last answer", async () => {
    const [alex, sam] = couple.partners;
    const daily = await addAssignment(couple, "daily_sharing", { recurrence: "daily", dueOn: addIsoDays(today, 5), step: 6 });
    signInAs(counsellor);
    expect((await getCaseloadRow(couple.id)).nextDue).toMatchObject({ exerciseKind: "daily_sharing" });
    expect((await getCoupleWork(couple.id)).byAssignment[daily]).toMatchObject({ occurrenceOn: today, lastAnswer: null });
    for (const partner of [alex, sam]) {
      signInAs(partner);
      await send(daily, "daily_sharing");
    }
    signInAs(counsellor);
    const work = (await getCoupleWork(couple.id)).byAssignment[daily]!;
    expect(work.allSubmitted).toBe(true);
    expect(work.lastAnswer).toMatchObject({ submittedOn: today, occurrenceOn: today, payload: VALID.daily_sharing });
    expect([alex.name, sam.name]).toContain(work.lastAnswer!.name);
    expect((await getCaseloadRow(couple.id)).nextDue).toBeNull();
  });

  it("keeps the work out of other people's reach", async () => {
    for (const outsider of [clinic.counsellors.find((c) => c.id !== counsellor.id)!, couple.partners[0], clinic.admin]) {
      signInAs(outsider);
      await expectNotFound(getCoupleWork(couple.id));
    }
  });
});

describe("cancelling work", () => {
  it("records who cancelled it and when, audits it, and lists it in the couple's history", async () => {
    const id = await addAssignment(couple, "trigger_map", { dueOn: addIsoDays(today, 2), step: 8 });
    signInAs(counsellor);
    const before = Date.now();
    await cancelAssignment(id);
    await cancelAssignment(id);
    const [row] = await db().select().from(schema.assignments).where(eq(schema.assignments.id, id));
    expect(row).toMatchObject({ status: "cancelled", cancelledBy: counsellor.id });
    expect(row!.cancelledAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const events = await db()
      .select({ actorId: schema.auditEvents.actorId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, id), eq(schema.auditEvents.action, "assignment.cancel")));
    expect(events).toEqual([{ actorId: counsellor.id }]);

    const work = await getCoupleWork(couple.id);
    expect(work.byAssignment[id]).toBeUndefined();
    expect(work.cancelled[0]).toMatchObject({ id, exerciseKind: "trigger_map", cancelledByName: counsellor.name, cancelledOn: today });
    expect((await getCoupleActivity(couple.id)).assignments.map((a) => a.id)).not.toContain(id);
  });
});

describe("answer dates", () => {
  it("dates an answer by the day it was sent, with the due date beside it, for the counsellor and the partner", async () => {
    const [alex] = couple.partners;
    const dueOn = addIsoDays(today, 6);
    const id = await addAssignment(couple, "rebuild_decision", { forUserId: alex.id, dueOn, step: 2 });
    signInAs(alex);
    await send(id, "rebuild_decision");
    const detail = await getExercise(id);
    expect(detail.mine).toMatchObject({ status: "submitted", occurrenceOn: dueOn, submittedOn: today });
    expect(detail.mySubmittedOn).toBe(today);
    expect((await listMyExercises()).find((e) => e.id === id)).toMatchObject({ dueOn, mySubmittedOn: today });

    signInAs(counsellor);
    const answer = (await getCoupleActivity(couple.id)).answers.find((a) => a.exerciseKind === "rebuild_decision" && a.dueOn === dueOn)!;
    expect(answer).toMatchObject({ submittedOn: today, dueOn, occurrenceOn: dueOn });
    expect(formatSubmitted(answer.submittedOn, answer.dueOn)).toBe(`Submitted ${formatShortDay(today)} · due ${formatShortDay(dueOn)}`);
    expect(formatSubmitted(today, today)).toBe(`Submitted ${formatShortDay(today)}`);
  });
});
