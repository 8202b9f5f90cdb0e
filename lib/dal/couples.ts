import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/ready";
import {
  assignments,
  checkIns,
  coupleMembers,
  couples,
  exerciseResponses,
  promises,
  users,
  type AssignmentStatus,
  type CoupleStatus,
  type PartnerSlot,
  type Recurrence,
} from "@/db/schema";
import { concerningFieldsOf, getExerciseKind } from "@/lib/program";
import { dayOf, todayIn } from "@/lib/time/zone";
import { listCoupleAgreements, type AgreementRecord } from "./agreements";
import { recordAudit } from "./audit";
import { isJointWorkPaused, setJointWorkPaused } from "./policy/joint-work-pause";
import { clearOpenSafetyConcerns, listOpenSafetyConcerns } from "./policy/safety-concerns";
import { coupleScope, parseIdOrNotFound, refuseAsNotFound } from "./scope";
import { getViewer, requireRole, requireViewer, type Viewer } from "./viewer";

export type CouplePartner = { id: string; name: string; slot: PartnerSlot; isViewer: boolean };
export type CoupleSummary = {
  id: string;
  name: string;
  status: CoupleStatus;
  startedOn: string;
  currentStep: number;
  counsellor: { id: string; name: string };
  partners: CouplePartner[];
};

/** The couple if the viewer is its counsellor or one of its partners; otherwise not found. */
export async function getCouple(coupleId: string, viewerArg?: Viewer): Promise<CoupleSummary> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = viewerArg ?? (await requireViewer());
  const database = await db();
  // Both reads go out together: the partners are only returned once the couple is in scope.
  const [[couple], partners] = await Promise.all([
    database
      .select({
        id: couples.id,
        name: couples.name,
        status: couples.status,
        startedOn: couples.startedOn,
        currentStep: couples.currentStep,
        counsellorId: users.id,
        counsellorName: users.name,
      })
      .from(couples)
      .innerJoin(users, eq(users.id, couples.counsellorId))
      .where(and(eq(couples.id, id), coupleScope(viewer)))
      .limit(1),
    database
      .select({ id: users.id, name: users.name, slot: coupleMembers.slot })
      .from(coupleMembers)
      .innerJoin(users, eq(users.id, coupleMembers.userId))
      .where(eq(coupleMembers.coupleId, id))
      .orderBy(asc(coupleMembers.slot)),
  ]);
  if (!couple) return refuseAsNotFound(viewer, "couple", id);
  return {
    id: couple.id,
    name: couple.name,
    status: couple.status,
    startedOn: couple.startedOn,
    currentStep: couple.currentStep,
    counsellor: { id: couple.counsellorId, name: couple.counsellorName },
    partners: partners.map((p) => ({ ...p, isViewer: p.id === viewer.id })),
  };
}

/** The couple a partner belongs to, or null for anyone else (or a partner not yet in a couple). */
export async function getMyCoupleId(): Promise<string | null> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "partner") return null;
  const database = await db();
  const [row] = await database
    .select({ coupleId: coupleMembers.coupleId })
    .from(coupleMembers)
    .where(eq(coupleMembers.userId, viewer.id))
    .limit(1);
  return row?.coupleId ?? null;
}

export type CoupleCheckIn = {
  id: string;
  date: string;
  partnerName: string;
  trust: number;
  closeness: number;
  mood: string;
  contact: string;
  note: string | null;
  noteVisibility: "shared" | "counsellor_only";
};

export type CoupleAnswer = {
  id: string;
  exerciseKind: string;
  step: number;
  partnerName: string;
  occurrenceOn: string;
  /** The assignment's due date and repeat, shown beside the day the answer was sent. */
  dueOn: string;
  recurrence: Recurrence;
  payload: Record<string, unknown>;
  visibility: "shared" | "counsellor_only";
  submittedAt: string | null;
  /** The calendar day it was sent: the date an answer is shown with (never its due date). */
  submittedOn: string | null;
  /** Fields whose answers the kind finds worrying (a safety screen), in the form's order. */
  concerning: string[];
};

/** An agreement with where it stands today (current, ended or replaced) and its dates. */
export type CoupleAgreement = AgreementRecord;

export type CouplePromise = {
  id: string;
  text: string;
  details: string;
  status: string;
  madeByName: string;
  dueAt: string;
  resolvedAt: string | null;
};

export type CoupleAssignment = {
  id: string;
  step: number;
  exerciseKind: string;
  forUserId: string | null;
  forName: string | null;
  dueOn: string;
  recurrence: Recurrence;
  instructions: string;
  status: AssignmentStatus;
  createdAt: string;
};

export type CoupleActivity = {
  /** The newest check-ins, answers, agreements and promises, as many as asked for. */
  checkIns: CoupleCheckIn[];
  answers: CoupleAnswer[];
  agreements: CoupleAgreement[];
  promises: CouplePromise[];
  assignments: CoupleAssignment[];
  openSafetyConcerns: { id: string; raisedAt: string }[];
  /** True while the counsellor has paused the couple's joint work. */
  jointWorkPaused: boolean;
  /** Which lists have older rows than those returned. */
  more: Record<ActivityList, boolean>;
};

/** The activity lists read a page at a time, newest first. */
export type ActivityList = "checkIns" | "answers" | "agreements" | "promises";
/** How many rows of each list to return. */
export type ActivityLimits = Record<ActivityList, number>;

/** How many of the newest check-ins, answers, agreements and promises are read when not asked otherwise. */
export const ACTIVITY_LIMIT = 20;
const DEFAULT_LIMITS: ActivityLimits = { checkIns: ACTIVITY_LIMIT, answers: ACTIVITY_LIMIT, agreements: ACTIVITY_LIMIT, promises: ACTIVITY_LIMIT };

/** The couple if the signed-in counsellor carries it; otherwise not found. */
async function requireCounsellorCouple(coupleId: string): Promise<{ viewer: Viewer; id: string }> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = await requireRole("counsellor");
  const database = await db();
  const [row] = await database
    .select({ id: couples.id })
    .from(couples)
    .where(and(eq(couples.id, id), coupleScope(viewer)))
    .limit(1);
  if (!row) return refuseAsNotFound(viewer, "couple", id);
  return { viewer, id };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function concernsIn(kindId: string, payload: unknown): string[] {
  const kind = getExerciseKind(kindId);
  return kind ? concerningFieldsOf(kind, payload) : [];
}

/**
 * What the couple has been doing, newest first, for their counsellor: check-ins with notes, both
 * partners' submitted answers (shared and counsellor-only, marked), agreements, promises, the
 * assignments set, and any safety concern not yet cleared. A fixed number of queries; each long
 * list holds at most its limit, with `more` saying whether older rows remain.
 */
export async function getCoupleActivity(coupleId: string, limits: ActivityLimits = DEFAULT_LIMITS): Promise<CoupleActivity> {
  const { viewer, id } = await requireCounsellorCouple(coupleId);
  return unsafeGetCoupleActivity(viewer, id, limits);
}

/**
 * {@link getCoupleActivity} for a couple already checked to be the viewer's (the couple page
 * reads the couple first): it does not check again. Each list reads one row past its limit, to
 * know whether a "show more" link is due without counting.
 */
export async function unsafeGetCoupleActivity(viewer: Viewer, id: string, limits: ActivityLimits = DEFAULT_LIMITS): Promise<CoupleActivity> {
  const database = await db();
  const forUser = alias(users, "for_user");
  const [checkInRows, answerRows, agreementRows, promiseRows, assignmentRows, concernRows, jointWorkPaused] = await Promise.all([
    database
      .select({
        id: checkIns.id,
        date: checkIns.date,
        partnerName: users.name,
        trust: checkIns.trust,
        closeness: checkIns.closeness,
        mood: checkIns.mood,
        contact: checkIns.contact,
        note: checkIns.note,
        noteVisibility: checkIns.noteVisibility,
      })
      .from(checkIns)
      .innerJoin(users, eq(users.id, checkIns.userId))
      .where(eq(checkIns.coupleId, id))
      .orderBy(desc(checkIns.date), desc(checkIns.updatedAt), desc(checkIns.id))
      .limit(limits.checkIns + 1),
    database
      .select({
        id: exerciseResponses.id,
        exerciseKind: exerciseResponses.exerciseKind,
        step: assignments.step,
        partnerName: users.name,
        occurrenceOn: exerciseResponses.occurrenceOn,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        payload: exerciseResponses.payload,
        visibility: exerciseResponses.visibility,
        submittedAt: exerciseResponses.submittedAt,
      })
      .from(exerciseResponses)
      .innerJoin(users, eq(users.id, exerciseResponses.userId))
      .innerJoin(assignments, eq(assignments.id, exerciseResponses.assignmentId))
      .where(and(eq(exerciseResponses.coupleId, id), eq(exerciseResponses.status, "submitted")))
      .orderBy(desc(exerciseResponses.submittedAt), desc(exerciseResponses.updatedAt), desc(exerciseResponses.id))
      .limit(limits.answers + 1),
    listCoupleAgreements(database, id, todayIn(viewer.timeZone)),
    database
      .select({
        id: promises.id,
        text: promises.text,
        details: promises.details,
        status: promises.status,
        madeByName: users.name,
        dueAt: promises.dueAt,
        resolvedAt: promises.resolvedAt,
      })
      .from(promises)
      .innerJoin(users, eq(users.id, promises.madeBy))
      .where(eq(promises.coupleId, id))
      .orderBy(desc(promises.createdAt), desc(promises.id))
      .limit(limits.promises + 1),
    database
      .select({
        id: assignments.id,
        step: assignments.step,
        exerciseKind: assignments.exerciseKind,
        forUserId: assignments.forUserId,
        forName: forUser.name,
        dueOn: assignments.dueOn,
        recurrence: assignments.recurrence,
        instructions: assignments.instructions,
        status: assignments.status,
        createdAt: assignments.createdAt,
      })
      .from(assignments)
      .leftJoin(forUser, eq(forUser.id, assignments.forUserId))
      .where(and(eq(assignments.coupleId, id), ne(assignments.status, "cancelled")))
      .orderBy(desc(assignments.createdAt), desc(assignments.id))
      .limit(50),
    listOpenSafetyConcerns(database, id),
    isJointWorkPaused(database, id),
  ]);
  return {
    checkIns: checkInRows.slice(0, limits.checkIns).map((r) => ({ ...r, trust: Number(r.trust), closeness: Number(r.closeness) })),
    answers: answerRows.slice(0, limits.answers).map((r) => ({
      ...r,
      payload: (r.payload ?? {}) as Record<string, unknown>,
      submittedAt: iso(r.submittedAt),
      concerning: concernsIn(r.exerciseKind, r.payload),
      submittedOn: r.submittedAt ? dayOf(r.submittedAt, viewer.timeZone) : null,
    })),
    agreements: agreementRows.slice(0, limits.agreements),
    promises: promiseRows.slice(0, limits.promises).map((r) => ({ ...r, dueAt: r.dueAt.toISOString(), resolvedAt: iso(r.resolvedAt) })),
    assignments: assignmentRows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    openSafetyConcerns: concernRows.map((r) => ({ id: r.id, raisedAt: r.raisedAt.toISOString() })),
    jointWorkPaused,
    more: {
      checkIns: checkInRows.length > limits.checkIns,
      answers: answerRows.length > limits.answers,
      agreements: agreementRows.length > limits.agreements,
      promises: promiseRows.length > limits.promises,
    },
  };
}

/**
 * Marks every open safety concern of the couple as reviewed by the signed-in counsellor. It does
 * not pause or resume joint work: that is a separate decision ({@link setJointWorkPause}).
 * Audited as "safety_concern.clear". Returns how many were cleared (0 when none was open).
 */
export async function clearSafetyConcern(coupleId: string): Promise<number> {
  const { viewer, id } = await requireCounsellorCouple(coupleId);
  const database = await db();
  return database.transaction(async (tx) => {
    const cleared = await clearOpenSafetyConcerns(tx, id, viewer.id);
    if (cleared.length > 0) {
      await recordAudit(tx, {
        clinicId: viewer.clinicId,
        actorId: viewer.id,
        action: "safety_concern.clear",
        entityId: id,
        coupleId: id,
        metadata: { cleared: cleared.length },
      });
    }
    return cleared.length;
  });
}

/**
 * Pauses (`paused` true) or resumes the couple's joint work, as the signed-in counsellor decides.
 * While paused both partners read the same neutral words and joint work is refused in the data
 * layer. Audited as "couple.pause_joint_work" / "couple.resume_joint_work", once per change:
 * returns false (and records nothing) when the couple was already in that state.
 */
export async function setJointWorkPause(coupleId: string, paused: boolean): Promise<boolean> {
  const { viewer, id } = await requireCounsellorCouple(coupleId);
  const database = await db();
  return database.transaction(async (tx) => {
    const changed = await setJointWorkPaused(tx, id, viewer.id, paused);
    if (changed) {
      await recordAudit(tx, {
        clinicId: viewer.clinicId,
        actorId: viewer.id,
        action: paused ? "couple.pause_joint_work" : "couple.resume_joint_work",
        entityId: id,
        coupleId: id,
      });
    }
    return changed;
  });
}
