import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { listAgreements } from "@/lib/dal/agreements";
import { getMyCheckInToday, listMyCheckIns } from "@/lib/dal/check-ins";
import { getCouple } from "@/lib/dal/couples";
import { getExercise, listMyExercises } from "@/lib/dal/exercises";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { getMyProgress } from "@/lib/dal/progress";
import { listPromises } from "@/lib/dal/promises";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { createClinic, db, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { addAssignment, clearTodaysCheckIn, SAFE_SCREEN } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

/**
 * The privacy matrix, proved with markers: every field a partner must never receive holds a
 * unique string, and every partner-facing DAL result, serialised, must not contain it.
 */
let clinic: FixtureClinic;
let couple: FixtureCouple;
let alex: FixtureUser;
let sam: FixtureUser;
const M = {
  checkInNote: "MARKER-CI-NOTE-7f3a",
  counsellorOnlyAnswer: "MARKER-EX-ONLY-91bc",
  unrevealedSharing: "MARKER-DS-UNREVEALED-22de",
  safetyScreen: "MARKER-SS-ANSWER-5e0f",
  draft: "MARKER-DRAFT-aa41",
  note: "MARKER-NOTE-BODY-c0de",
  sharedAnswer: "MARKER-SHARED-OK-1111",
};

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving"]] });
  couple = clinic.couples[0]!;
  [alex, sam] = couple.partners;
  const database = db();
  const insertResponse = (assignmentId: string, kind: string, payload: Record<string, unknown>, extra: Partial<typeof schema.exerciseResponses.$inferInsert> = {}) =>
    database.insert(schema.exerciseResponses).values({
      assignmentId,
      coupleId: couple.id,
      userId: alex.id,
      exerciseKind: kind,
      occurrenceOn: todayIn("UTC"),
      payload,
      visibility: "shared",
      status: "submitted",
      submittedAt: new Date(),
      ...extra,
    });

  await clearTodaysCheckIn(alex.id);
  await database.insert(schema.checkIns).values([
    { coupleId: couple.id, userId: alex.id, date: todayIn("UTC"), trust: 5, closeness: 5, mood: "okay", contact: "yes", note: M.checkInNote, noteVisibility: "counsellor_only" },
  ]);
  await database
    .insert(schema.checkIns)
    .values({ coupleId: couple.id, userId: alex.id, date: addIsoDays(todayIn("UTC"), -40), trust: 5, closeness: 5, mood: "okay", contact: "yes", note: `${M.checkInNote}-old`, noteVisibility: "counsellor_only" })
    .onConflictDoNothing();

  const worksheet = await addAssignment(couple, "disclosure_worksheet");
  await insertResponse(worksheet, "disclosure_worksheet", { whatHappened: M.counsellorOnlyAnswer, howItAffectedMe: "x", whatINeedToUnderstand: "y" }, { visibility: "counsellor_only" });
  const sharing = await addAssignment(couple, "daily_sharing", { recurrence: "daily", step: 6 });
  await insertResponse(sharing, "daily_sharing", { answer: M.unrevealedSharing });
  const screen = await addAssignment(couple, "safety_screen", { step: 2 });
  // Marked shared on purpose: a safety screen must stay hidden even if its visibility were wrong.
  await insertResponse(screen, "safety_screen", { ...SAFE_SCREEN, anythingElse: M.safetyScreen });
  const log = await addAssignment(couple, "noticing_log");
  await insertResponse(log, "noticing_log", { noticed: M.draft, whatIDid: "z" }, { status: "draft", submittedAt: null });
  const review = await addAssignment(couple, "monthly_review");
  await insertResponse(review, "monthly_review", { trustNow: 6, improved: M.sharedAnswer, stillHurts: "a", nextMonth: "b" });

  await database.insert(schema.notes).values({ coupleId: couple.id, authorId: couple.counsellorId, format: "free", body: { body: M.note }, status: "signed", signedAt: new Date() });
});

/** Every partner-facing read, for the signed-in partner. */
async function everythingAPartnerReceives(): Promise<string> {
  const exercises = await listMyExercises();
  const details = await Promise.all(exercises.map((e) => getExercise(e.id)));
  const results = [
    await getPartnerToday(),
    await getMyCheckInToday(),
    await listMyCheckIns(90),
    exercises,
    details,
    await listAgreements(),
    await listPromises(),
    await getMyProgress(90),
    await getCouple(couple.id),
  ];
  return JSON.stringify(results);
}

describe("what a partner receives", () => {
  it("the other partner receives none of the writer's private fields, drafts, safety screen or counsellor notes", async () => {
    signInAs(sam);
    const body = await everythingAPartnerReceives();
    for (const marker of [M.checkInNote, M.counsellorOnlyAnswer, M.unrevealedSharing, M.safetyScreen, M.draft, M.note]) {
      expect(body, marker).not.toContain(marker);
    }
    // The sweep can see shared answers, so a missing marker above means hidden, not unread.
    expect(body).toContain(M.sharedAnswer);
  });

  it("the writer sees their own private answers, but never the counsellor's notes nor their sent safety screen", async () => {
    signInAs(alex);
    const body = await everythingAPartnerReceives();
    expect(body).toContain(M.checkInNote);
    expect(body).toContain(M.counsellorOnlyAnswer);
    expect(body).toContain(M.draft);
    expect(body).not.toContain(M.note);
    expect(body).not.toContain(M.safetyScreen);
  });

  it("the partners of another couple receive nothing of this couple's", async () => {
    const stranger = (await createClinic({ couplesPerCounsellor: [["steady"]] })).couples[0]!.partners[0];
    signInAs(stranger);
    const exercises = await listMyExercises();
    const body = JSON.stringify([await getPartnerToday(), exercises, await listAgreements(), await listPromises(), await getMyProgress()]);
    for (const marker of Object.values(M)) expect(body).not.toContain(marker);
  });
});
