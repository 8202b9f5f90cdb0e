import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { CONFIDENTIAL_AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/dal/audit";
import { getCouplePage } from "@/lib/dal/couple-page";
import { exportCoupleMeasureAnswers } from "@/lib/dal/measure-export";
import { getMyRecord } from "@/lib/dal/partner-record";
import { listMyRecordAccess, PARTNER_VISIBLE_ACCESS, RECORD_ACCESS_PAGE_SIZE } from "@/lib/dal/record-access";
import { addIsoDays } from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { couplePageQuerySchema } from "@/lib/validations/couple-page";
import { createClinic, db, expectNotFound, expectRedirectToLogin, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { addAssignment, clearTodaysCheckIn, SAFE_SCREEN } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-mend-peer-address": "203.0.113.50" }) }));

/**
 * A partner's record export holds their own record and what they can already see of the other
 * partner's, and nothing else: every private field of the other partner, the counsellor's notes and
 * another couple's work hold unique markers that must never appear in it.
 */
let clinic: FixtureClinic;
let couple: FixtureCouple;
let stranger: FixtureCouple;
let alex: FixtureUser;
let sam: FixtureUser;

const ALEX = {
  checkInNoteShared: "MARKER-ALEX-CI-SHARED-0a11",
  checkInNotePrivate: "MARKER-ALEX-CI-PRIVATE-0a12",
  counsellorOnly: "MARKER-ALEX-ONLY-0a13",
  unrevealed: "MARKER-ALEX-UNREVEALED-0a14",
  safetyScreen: "MARKER-ALEX-SCREEN-0a15",
  draft: "MARKER-ALEX-DRAFT-0a16",
  shared: "MARKER-ALEX-SHARED-0a17",
  revealed: "MARKER-ALEX-REVEALED-0a18",
};
const SAM = {
  checkInNotePrivate: "MARKER-SAM-CI-PRIVATE-5b21",
  counsellorOnly: "MARKER-SAM-ONLY-5b22",
  draft: "MARKER-SAM-DRAFT-5b23",
  safetyScreen: "MARKER-SAM-SCREEN-5b24",
  revealed: "MARKER-SAM-REVEALED-5b25",
};
const NOTE = "MARKER-COUNSELLOR-NOTE-9c31";
const STRANGER = "MARKER-OTHER-COUPLE-9c32";
const PROMISE = "MARKER-PROMISE-TEXT-9c33";
const AGREEMENT = "MARKER-AGREEMENT-TITLE-9c34";

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "improving"]] });
  [couple, stranger] = clinic.couples as [FixtureCouple, FixtureCouple];
  [alex, sam] = couple.partners;
  const database = db();
  const today = todayIn("UTC");
  const answer = (assignmentId: string, userId: string, kind: string, payload: Record<string, unknown>, extra: Partial<typeof schema.exerciseResponses.$inferInsert> = {}) =>
    database.insert(schema.exerciseResponses).values({
      assignmentId,
      coupleId: couple.id,
      userId,
      exerciseKind: kind,
      occurrenceOn: today,
      payload,
      visibility: "shared",
      status: "submitted",
      submittedAt: new Date(),
      ...extra,
    });

  await clearTodaysCheckIn(alex.id);
  await clearTodaysCheckIn(sam.id);
  await database.insert(schema.checkIns).values([
    { coupleId: couple.id, userId: alex.id, date: today, trust: 5, closeness: 5, mood: "okay", contact: "yes", note: ALEX.checkInNoteShared, noteVisibility: "shared" },
    { coupleId: couple.id, userId: sam.id, date: today, trust: 7, closeness: 6, mood: "good", contact: "yes", note: SAM.checkInNotePrivate, noteVisibility: "counsellor_only" },
  ]);
  await database
    .insert(schema.checkIns)
    .values({ coupleId: couple.id, userId: alex.id, date: addIsoDays(today, -40), trust: 4, closeness: 4, mood: "low", contact: "no", note: ALEX.checkInNotePrivate, noteVisibility: "counsellor_only" })
    .onConflictDoNothing();

  const worksheet = await addAssignment(couple, "disclosure_worksheet");
  await answer(worksheet, alex.id, "disclosure_worksheet", { whatHappened: ALEX.counsellorOnly, howItAffectedMe: "x", whatINeedToUnderstand: "y" }, { visibility: "counsellor_only" });
  await answer(worksheet, sam.id, "disclosure_worksheet", { whatHappened: SAM.counsellorOnly, howItAffectedMe: "x", whatINeedToUnderstand: "y" }, { visibility: "counsellor_only" });
  // Answered together: Alex's answer today stays hidden until Sam answers today too.
  const sharing = await addAssignment(couple, "daily_sharing", { recurrence: "daily", step: 6 });
  await answer(sharing, alex.id, "daily_sharing", { answer: ALEX.unrevealed });
  // Yesterday both answered, so each may read the other's.
  const yesterday = addIsoDays(today, -1);
  await answer(sharing, alex.id, "daily_sharing", { answer: ALEX.revealed }, { occurrenceOn: yesterday });
  await answer(sharing, sam.id, "daily_sharing", { answer: SAM.revealed }, { occurrenceOn: yesterday });
  const screen = await addAssignment(couple, "safety_screen", { step: 2 });
  // Marked shared on purpose: a safety screen must stay hidden even if its visibility were wrong.
  await answer(screen, alex.id, "safety_screen", { ...SAFE_SCREEN, anythingElse: ALEX.safetyScreen });
  await answer(screen, sam.id, "safety_screen", { ...SAFE_SCREEN, anythingElse: SAM.safetyScreen }, { visibility: "counsellor_only" });
  const log = await addAssignment(couple, "noticing_log");
  await answer(log, alex.id, "noticing_log", { noticed: ALEX.draft, whatIDid: "z" }, { status: "draft", submittedAt: null });
  await answer(log, sam.id, "noticing_log", { noticed: SAM.draft, whatIDid: "z" }, { status: "draft", submittedAt: null });
  const review = await addAssignment(couple, "monthly_review");
  await answer(review, alex.id, "monthly_review", { trustNow: 6, improved: ALEX.shared, stillHurts: "a", nextMonth: "b" });

  await database.insert(schema.promises).values({ coupleId: couple.id, madeBy: alex.id, text: PROMISE, dueAt: new Date(Date.now() + 86_400_000) });
  await database.insert(schema.agreements).values({ coupleId: couple.id, proposedBy: sam.id, title: AGREEMENT });
  await database.insert(schema.notes).values({ coupleId: couple.id, authorId: couple.counsellorId, format: "free", body: { body: NOTE }, status: "signed", signedAt: new Date() });
  const strangerWork = await addAssignment(stranger, "monthly_review");
  await database.insert(schema.exerciseResponses).values({
    assignmentId: strangerWork,
    coupleId: stranger.id,
    userId: stranger.partners[0].id,
    exerciseKind: "monthly_review",
    occurrenceOn: today,
    payload: { trustNow: 6, improved: STRANGER, stillHurts: "a", nextMonth: "b" },
    visibility: "shared",
    status: "submitted",
    submittedAt: new Date(),
  });
});

describe("a partner's record export", () => {
  it("holds Sam's own record, Alex's shared and revealed answers, and none of Alex's private work, notes or another couple's", async () => {
    signInAs(sam);
    const record = await getMyRecord("json");
    const body = JSON.stringify(record);
    // Sam's own: the private check-in note, the counsellor-only answer, the draft (their own disclosures).
    for (const marker of [SAM.checkInNotePrivate, SAM.counsellorOnly, SAM.draft, SAM.revealed]) expect(body, marker).toContain(marker);
    // What Sam can already read of Alex's: a shared answer, and a question both have answered.
    expect(body).toContain(ALEX.shared);
    expect(body).toContain(ALEX.revealed);
    expect(body).toContain(PROMISE);
    expect(body).toContain(AGREEMENT);
    // Never: Alex's check-ins (shared note or not), counsellor-only or unrevealed answers, drafts, safety screen.
    for (const marker of [ALEX.checkInNoteShared, ALEX.checkInNotePrivate, ALEX.counsellorOnly, ALEX.unrevealed, ALEX.safetyScreen, ALEX.draft, NOTE, STRANGER]) {
      expect(body, marker).not.toContain(marker);
    }
    expect(record.profile).toMatchObject({ name: sam.name, email: sam.email, partnerName: alex.name });
    expect(record.checkIns.every((c) => c.note !== ALEX.checkInNoteShared)).toBe(true);
    expect(record.answers.filter((a) => a.writtenBy === "your partner").every((a) => a.visibility === "shared" && a.status === "submitted")).toBe(true);
    // Sam's own sent safety screen is listed, sealed, without its answers (as in the app).
    const screen = record.answers.find((a) => a.kind === "safety_screen");
    expect(screen).toMatchObject({ writtenBy: "you", sealed: true, answer: null });
    expect(body).not.toContain(SAM.safetyScreen);
  });

  it("holds Alex's own private work for Alex, but never Sam's private work or the counsellor's notes", async () => {
    signInAs(alex);
    const body = JSON.stringify(await getMyRecord("print"));
    for (const marker of [ALEX.checkInNoteShared, ALEX.checkInNotePrivate, ALEX.counsellorOnly, ALEX.unrevealed, ALEX.draft, ALEX.shared]) expect(body, marker).toContain(marker);
    for (const marker of [SAM.checkInNotePrivate, SAM.counsellorOnly, SAM.draft, SAM.safetyScreen, ALEX.safetyScreen, NOTE, STRANGER]) {
      expect(body, marker).not.toContain(marker);
    }
  });

  it("is audited as the partner's own export, with its format and address", async () => {
    signInAs(sam);
    await getMyRecord("json");
    const [event] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorId, sam.id), eq(schema.auditEvents.action, "record.export")))
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ entityType: "partner_record", entityId: sam.id, coupleId: couple.id, outcome: "success", address: "203.0.113.50", metadata: { format: "json" } });
  });

  it("is not found for staff, and asks anyone signed out to sign in", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(getMyRecord("json"));
    signInAs(clinic.admin);
    await expectNotFound(getMyRecord("json"));
    signInAs(null);
    await expectRedirectToLogin(getMyRecord("json"));
  });
});

describe("who opened my record", () => {
  it("tells each partner, in plain words, when their counsellor opened the couple's page, and only their own downloads", async () => {
    signInAs(clinic.counsellors[0]!);
    await getCouplePage(couple.id, couplePageQuerySchema.parse({}));
    signInAs(alex);
    await getMyRecord("print");

    signInAs(sam);
    const mine = await listMyRecordAccess();
    const counsellorName = clinic.counsellors[0]!.name;
    expect(mine.entries[0]!.sentence).toBe(`Your counsellor ${counsellorName} viewed your couple's page`);
    expect(mine.entries.some((e) => e.sentence === "You downloaded your record")).toBe(true);
    // Alex's printable copy is Alex's business.
    expect(mine.entries.some((e) => e.sentence.includes("printable"))).toBe(false);

    signInAs(alex);
    const theirs = await listMyRecordAccess();
    expect(theirs.entries.some((e) => e.sentence === "You opened the printable version of your record")).toBe(true);
    expect(theirs.entries.some((e) => e.sentence === "You downloaded your record")).toBe(false);
    expect(theirs.entries.some((e) => e.sentence === `Your counsellor ${counsellorName} viewed your couple's page`)).toBe(true);
  });

  it("tells both partners when their counsellor downloaded the couple's questionnaire answers", async () => {
    signInAs(clinic.counsellors[0]!);
    await exportCoupleMeasureAnswers(couple.id);
    const counsellorName = clinic.counsellors[0]!.name;
    for (const partner of [alex, sam]) {
      signInAs(partner);
      const page = await listMyRecordAccess();
      expect(page.entries[0]!.sentence).toBe(`${counsellorName} downloaded your couple's questionnaire answers`);
    }
  });

  it("never lists a confidential event, nor anything but views, answer downloads and the partner's own copies", async () => {
    const counsellorId = couple.counsellorId;
    await recordAudit(db(), { clinicId: clinic.clinicId, actorId: counsellorId, action: "safety_concern.raise", entityId: randomUUID(), coupleId: couple.id });
    await recordAudit(db(), { clinicId: clinic.clinicId, actorId: counsellorId, action: "couple.pause_joint_work", entityId: couple.id, coupleId: couple.id });
    await recordAudit(db(), { clinicId: clinic.clinicId, actorId: counsellorId, action: "note.list", entityId: couple.id, coupleId: couple.id, metadata: { notes: 1, searched: false } });
    for (const action of PARTNER_VISIBLE_ACCESS) expect(CONFIDENTIAL_AUDIT_ACTIONS).not.toContain(action);
    signInAs(sam);
    const page = await listMyRecordAccess();
    const views = await db()
      .select({ id: schema.auditEvents.id })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.coupleId, couple.id), eq(schema.auditEvents.action, "couple.view")));
    expect(page.entries.filter((e) => e.sentence.endsWith("viewed your couple's page"))).toHaveLength(views.length);
    for (const entry of page.entries) {
      expect(entry.sentence).toMatch(/^(Your counsellor .+ viewed your couple's page|.+, a counsellor at your clinic, viewed your couple's page|.+ downloaded your couple's questionnaire answers|You downloaded your record|You opened the printable version of your record)$/);
      expect(entry.sentence).not.toMatch(/safety|pause|note/i);
    }
  });

  it("is paged on the server, newest first", async () => {
    signInAs(clinic.counsellors[0]!);
    for (let i = 0; i < RECORD_ACCESS_PAGE_SIZE; i++) await getCouplePage(couple.id, couplePageQuerySchema.parse({}));
    signInAs(sam);
    const first = await listMyRecordAccess(1);
    const second = await listMyRecordAccess(2);
    expect(first.entries).toHaveLength(RECORD_ACCESS_PAGE_SIZE);
    expect(first.total).toBeGreaterThan(RECORD_ACCESS_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / RECORD_ACCESS_PAGE_SIZE));
    expect(second.entries.length).toBe(first.total - RECORD_ACCESS_PAGE_SIZE);
    const times = [...first.entries, ...second.entries].map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // A partner of another couple sees none of it.
    signInAs(stranger.partners[0]);
    expect((await listMyRecordAccess()).total).toBe(0);
  });

  it("is not found for staff", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(listMyRecordAccess());
  });
});
