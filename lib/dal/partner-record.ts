import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/ready";
import { agreements, assignments, checkIns, clinics, couples, exerciseResponses, promises, users } from "@/db/schema";
import { getExerciseKind, getStep, type Visibility } from "@/lib/program";
import { recordAudit } from "./audit";
import { myCheckInColumns, type MyCheckIn } from "./check-ins";
import { requirePartnerContext } from "./partner-scope";
import { exerciseResponsesVisibleTo, ownCheckIns, partnerVisiblePayload } from "./policy/partner-visibility";

/**
 * A partner's own record, as they may take it away: what they wrote, and what they can already see
 * in Mend of the work they share with the other partner. Every answer goes through the partner
 * visibility rule in ./policy/partner-visibility, the same fragments the partner's own pages use,
 * so the file never holds more than the screens show:
 *
 * - their profile, their couple, their clinic and counsellor (names only);
 * - every check-in of their own, notes included (a note for the counsellor only is still theirs);
 * - every answer of their own, drafts and counsellor-only answers included (their own disclosure),
 *   except what the program seals once sent (the safety screen), which is listed without its
 *   answers, as in the app, so a glance at the file reveals no more than a glance at their phone;
 * - the other partner's answers only where this partner can already read them: sent, shared, not
 *   of a counsellor-only kind, and for answer-together kinds only once both have answered;
 * - the couple's agreements and promises (both partners are party to them) and the work assigned
 *   to them or to both.
 *
 * Never: counsellor notes, the other partner's check-ins, their unshared or unrevealed answers,
 * anything about a safety screen of theirs, or the access log of anyone else.
 */

export const RECORD_FORMATS = ["json", "print"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** Who did something, from the reader's side. */
export type Party = "you" | "your partner";

export type RecordAnswer = {
  id: string;
  assignmentId: string;
  step: number;
  exercise: string;
  /** The kind's id, so the answer's fields can be read back with their questions. */
  kind: string;
  writtenBy: Party;
  occurrenceOn: string;
  visibility: Visibility;
  status: "draft" | "submitted";
  submittedAt: string | null;
  /** The answer as written; null when the program keeps it sealed once sent (see `sealed`). */
  answer: Record<string, unknown> | null;
  /** Sent and sealed (the safety screen): not shown back, even to its writer. */
  sealed: boolean;
};

export type MyRecord = {
  format: "mend-partner-record";
  version: 1;
  exportedAt: string;
  /** What the file holds and what it leaves out, in plain words. */
  about: string[];
  profile: {
    name: string;
    email: string;
    /** The zone the partner's days and times follow: their own choice, else their clinic's. */
    timeZone: string;
    clinic: string;
    counsellor: string;
    couple: { name: string; startedOn: string; currentStep: number; status: string };
    partnerName: string | null;
  };
  checkIns: MyCheckIn[];
  assignments: {
    id: string;
    step: number;
    stepTitle: string | null;
    exercise: string;
    forWhom: "you" | "both of you";
    dueOn: string;
    recurrence: string;
    instructions: string;
    status: string;
  }[];
  answers: RecordAnswer[];
  agreements: {
    id: string;
    title: string;
    details: string;
    checkInsPerWeek: number | null;
    status: string;
    proposedBy: Party;
    effectiveFrom: string | null;
    effectiveUntil: string | null;
    createdAt: string;
  }[];
  promises: {
    id: string;
    text: string;
    details: string;
    madeBy: Party;
    dueAt: string;
    status: string;
    resolvedAt: string | null;
    createdAt: string;
  }[];
};

export const RECORD_ABOUT = [
  "This is your own record in Mend: your profile, your check-ins, your answers, the work assigned to you, and your couple's agreements and promises.",
  "Answers your partner wrote are here only where you can already read them in Mend: ones they sent and shared with you (and, for questions you answer together, once you have both answered).",
  "Your counsellor's clinical notes are not part of it. A safety screen you sent is listed without its answers, as in the app; your counsellor has it.",
];

const counsellorUser = alias(users, "record_counsellor");

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/**
 * The signed-in partner's record, and an audit event ("record.export", with the format) written in
 * the same round of queries: a download or printable copy is never handed over unrecorded.
 */
export async function getMyRecord(format: RecordFormat, now: Date = new Date()): Promise<MyRecord> {
  const context = await requirePartnerContext();
  const { viewer, coupleId } = context;
  const database = await db();
  const party = (userId: string): Party => (userId === viewer.id ? "you" : "your partner");

  const [[profile], partner, myCheckIns, work, answers, agreementRows, promiseRows] = await Promise.all([
    database
      .select({
        name: users.name,
        email: users.email,
        clinic: clinics.name,
        coupleName: couples.name,
        startedOn: couples.startedOn,
        currentStep: couples.currentStep,
        status: couples.status,
        counsellor: counsellorUser.name,
      })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .innerJoin(couples, eq(couples.id, coupleId))
      .innerJoin(counsellorUser, eq(counsellorUser.id, couples.counsellorId))
      .where(eq(users.id, viewer.id))
      .limit(1),
    context.otherId
      ? database.select({ name: users.name }).from(users).where(eq(users.id, context.otherId)).limit(1)
      : Promise.resolve([]),
    database
      .select(myCheckInColumns)
      .from(checkIns)
      .where(and(eq(checkIns.coupleId, coupleId), ownCheckIns(viewer.id)))
      .orderBy(asc(checkIns.date)),
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        kind: assignments.exerciseKind,
        forUserId: assignments.forUserId,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        instructions: assignments.instructions,
        status: assignments.status,
      })
      .from(assignments)
      .where(and(eq(assignments.coupleId, coupleId), or(isNull(assignments.forUserId), eq(assignments.forUserId, viewer.id))))
      .orderBy(asc(assignments.step), asc(assignments.dueOn)),
    database
      .select({
        id: exerciseResponses.id,
        assignmentId: exerciseResponses.assignmentId,
        step: assignments.step,
        kind: exerciseResponses.exerciseKind,
        userId: exerciseResponses.userId,
        occurrenceOn: exerciseResponses.occurrenceOn,
        visibility: exerciseResponses.visibility,
        status: exerciseResponses.status,
        submittedAt: exerciseResponses.submittedAt,
        payload: partnerVisiblePayload,
      })
      .from(exerciseResponses)
      .innerJoin(assignments, eq(assignments.id, exerciseResponses.assignmentId))
      .where(and(eq(exerciseResponses.coupleId, coupleId), exerciseResponsesVisibleTo(viewer.id)))
      .orderBy(asc(exerciseResponses.occurrenceOn), asc(exerciseResponses.createdAt)),
    database.select().from(agreements).where(eq(agreements.coupleId, coupleId)).orderBy(asc(agreements.createdAt)),
    database.select().from(promises).where(eq(promises.coupleId, coupleId)).orderBy(asc(promises.createdAt)),
    recordAudit(database, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "record.export",
      entityId: viewer.id,
      coupleId,
      metadata: { format },
    }),
  ]);

  return {
    format: "mend-partner-record",
    version: 1,
    exportedAt: now.toISOString(),
    about: RECORD_ABOUT,
    profile: {
      name: profile!.name,
      email: profile!.email,
      timeZone: viewer.timeZone,
      clinic: profile!.clinic,
      counsellor: profile!.counsellor,
      couple: { name: profile!.coupleName, startedOn: profile!.startedOn, currentStep: profile!.currentStep, status: profile!.status },
      partnerName: partner[0]?.name ?? null,
    },
    checkIns: myCheckIns,
    assignments: work.map((a) => ({
      id: a.id,
      step: a.step,
      stepTitle: getStep(a.step)?.title ?? null,
      exercise: getExerciseKind(a.kind)?.title ?? a.kind,
      forWhom: a.forUserId === null ? "both of you" : "you",
      dueOn: a.dueOn,
      recurrence: a.recurrence,
      instructions: a.instructions,
      status: a.status,
    })),
    answers: answers.map((r) => {
      const kind = getExerciseKind(r.kind);
      const sealed = r.payload === null;
      return {
        id: r.id,
        assignmentId: r.assignmentId,
        step: r.step,
        exercise: kind?.title ?? r.kind,
        kind: r.kind,
        writtenBy: party(r.userId),
        occurrenceOn: r.occurrenceOn,
        visibility: r.visibility,
        status: r.status,
        submittedAt: iso(r.submittedAt),
        answer: r.payload,
        sealed,
      };
    }),
    agreements: agreementRows.map((a) => ({
      id: a.id,
      title: a.title,
      details: a.details,
      checkInsPerWeek: a.checkInsPerWeek,
      status: a.status,
      proposedBy: party(a.proposedBy),
      effectiveFrom: a.effectiveFrom,
      effectiveUntil: a.effectiveUntil,
      createdAt: iso(a.createdAt)!,
    })),
    promises: promiseRows.map((p) => ({
      id: p.id,
      text: p.text,
      details: p.details,
      madeBy: party(p.madeBy),
      dueAt: iso(p.dueAt)!,
      status: p.status,
      resolvedAt: iso(p.resolvedAt),
      createdAt: iso(p.createdAt)!,
    })),
  };
}
