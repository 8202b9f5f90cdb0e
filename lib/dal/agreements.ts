import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { agreements, users, type AgreementStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { DEFAULT_CHECK_INS_PER_WEEK } from "@/lib/metrics/adherence";
import { EXERCISE_KINDS } from "@/lib/program";
import { todayIn } from "@/lib/time/zone";
import { agreementPhase, DEFAULT_CONTACT_LABEL, frequencyLabel, type AgreementInput, type AgreementPhase } from "@/lib/validations/agreements";
import { recordAudit } from "./audit";
import { findTwin, lockCreates } from "./duplicates";
import { requirePartnerContext, type PartnerContext } from "./partner-scope";
import { isOnHold, JOINT_WORK_PAUSED_MESSAGE } from "./policy/joint-work-pause";
import { lastEventWas, undoableUntil } from "./policy/undo-window";
import { parseIdOrNotFound } from "./scope";

/** An agreement as both partners and the counsellor read it. */
export type AgreementRecord = {
  id: string;
  title: string;
  details: string;
  checkInsPerWeek: number | null;
  status: AgreementStatus;
  /** Where it stands today: current, ended or replaced once accepted. */
  phase: AgreementPhase;
  proposedBy: string;
  proposedByName: string;
  createdAt: string;
  respondedAt: string | null;
  respondedBy: string | null;
  /** First day in force (accepted agreements). */
  effectiveFrom: string | null;
  /** First day no longer in force (exclusive); null while current. */
  effectiveUntil: string | null;
  /** The agreement that took over from this one, if one did. */
  replacedByTitle: string | null;
};

export type AgreementView = AgreementRecord & {
  proposedByMe: boolean;
  /** True when the viewer is the one who may accept or decline it now. */
  canRespond: boolean;
  /** True while it is in force: either partner may end it. */
  canEnd: boolean;
  /** Until when the viewer may take back accepting it (they accepted it moments ago), else null. */
  undoableUntil: string | null;
};

/** What is expected of each partner on a day: the contact agreement in force then, or the program's default. */
export type ContactExpectation = {
  perWeek: number;
  /** The agreement in force, or null for the default. */
  agreement: { id: string; title: string } | null;
  /** "Every day · A call every evening", or the default's label. */
  label: string;
};

/**
 * A partner's calendar day in their own time zone (else their clinic's): the day an agreement they
 * accept or end takes effect on, and the day their check-in's contact question is about.
 */
function partnerToday(context: PartnerContext): string {
  return todayIn(context.viewer.timeZone);
}

const replacement = alias(agreements, "replacement");

/**
 * Every agreement of a couple, newest first, with where each stands on `today`. The caller has
 * already checked the viewer may read the couple's agreements (a partner of it, or its counsellor).
 */
export async function listCoupleAgreements(executor: Executor, coupleId: string, today: string): Promise<AgreementRecord[]> {
  const rows = await executor
    .select({
      id: agreements.id,
      title: agreements.title,
      details: agreements.details,
      checkInsPerWeek: agreements.checkInsPerWeek,
      status: agreements.status,
      proposedBy: agreements.proposedBy,
      proposedByName: users.name,
      createdAt: agreements.createdAt,
      respondedAt: agreements.respondedAt,
      respondedBy: agreements.respondedBy,
      effectiveFrom: agreements.effectiveFrom,
      effectiveUntil: agreements.effectiveUntil,
      replacedByTitle: replacement.title,
    })
    .from(agreements)
    .innerJoin(users, eq(users.id, agreements.proposedBy))
    .leftJoin(replacement, eq(replacement.replacesId, agreements.id))
    .where(eq(agreements.coupleId, coupleId))
    .orderBy(desc(agreements.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    phase: agreementPhase(r, today),
    createdAt: new Date(r.createdAt).toISOString(),
    respondedAt: r.respondedAt ? new Date(r.respondedAt).toISOString() : null,
  }));
}

/**
 * The contact expectation of a couple on `day`: the accepted agreement with a check-in frequency
 * in force that day, else the daily default, labelled as the default. The same rule the adherence
 * figures follow (lib/metrics/adherence.ts, perWeekOn).
 */
export async function getContactExpectation(executor: Executor, coupleId: string, day: string): Promise<ContactExpectation> {
  const [row] = await executor
    .select({ id: agreements.id, title: agreements.title, perWeek: agreements.checkInsPerWeek })
    .from(agreements)
    .where(and(eq(agreements.coupleId, coupleId), contactInForceOn(day)))
    .orderBy(desc(agreements.effectiveFrom))
    .limit(1);
  if (!row || row.perWeek === null) return { perWeek: DEFAULT_CHECK_INS_PER_WEEK, agreement: null, label: DEFAULT_CONTACT_LABEL };
  return { perWeek: row.perWeek, agreement: { id: row.id, title: row.title }, label: `${frequencyLabel(row.perWeek)} · ${row.title}` };
}

/** Accepted contact agreements in force on `day` (from ≤ day < until). */
function contactInForceOn(day: string) {
  return and(
    eq(agreements.status, "accepted"),
    isNotNull(agreements.checkInsPerWeek),
    lte(agreements.effectiveFrom, day),
    or(isNull(agreements.effectiveUntil), gt(agreements.effectiveUntil, day)),
  );
}

/** The couple's agreements, newest first. Agreements are shared by both partners and the counsellor. */
export async function listAgreements(): Promise<AgreementView[]> {
  const context = await requirePartnerContext();
  const database = await db();
  const rows = await listCoupleAgreements(database, context.coupleId, partnerToday(context));
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    proposedByMe: r.proposedBy === context.viewer.id,
    canRespond: r.status === "proposed" && r.proposedBy !== context.viewer.id,
    canEnd: r.phase === "current",
    undoableUntil: acceptanceUndoableUntil(r, context.viewer.id, now),
  }));
}

/** The signed-in partner's contact expectation today, as the agreements page and the check-in show it. */
export async function getMyContactExpectation(): Promise<ContactExpectation> {
  const context = await requirePartnerContext();
  return getContactExpectation(await db(), context.coupleId, partnerToday(context));
}

/**
 * Proposes an agreement to the other partner; it starts once they accept it.
 *
 * @param input the agreement form as parsed by `agreementInputSchema`.
 * @throws InputError while the couple's joint work is on hold.
 */
export async function proposeAgreement(input: AgreementInput): Promise<{ id: string }> {
  const context = await requirePartnerContext();
  const database = await db();
  return database.transaction(async (tx) => {
    if (await isOnHold(tx, context.coupleId, EXERCISE_KINDS.agreement)) throw new InputError(JOINT_WORK_PAUSED_MESSAGE);
    const values = {
      coupleId: context.coupleId,
      proposedBy: context.viewer.id,
      title: input.title,
      details: input.details ?? "",
      checkInsPerWeek: input.checkInsPerWeek ?? null,
    };
    // The same proposal sent twice at once (a double click) is one proposal.
    await lockCreates(tx, "agreement", context.coupleId);
    const same = await findTwin(tx, agreements, agreements, [
      [agreements.coupleId, values.coupleId],
      [agreements.proposedBy, values.proposedBy],
      [agreements.title, values.title],
      [agreements.details, values.details],
      [agreements.checkInsPerWeek, values.checkInsPerWeek],
    ]);
    if (same) return { id: same };
    const [row] = await tx.insert(agreements).values(values).returning({ id: agreements.id });
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: "agreement.propose",
      entityId: row!.id,
      coupleId: context.coupleId,
    });
    return { id: row!.id };
  });
}

/**
 * Accepts or declines an agreement the other partner proposed. Only the other partner may
 * answer, and only while it is still proposed. An accepted agreement starts on the accepting
 * partner's day. One that sets a contact frequency ends the contact agreement in force (exclusive
 * end = the new one's first day) and records which it replaced, in the same transaction, so each
 * day keeps the expectation it had and adherence already shown never changes.
 */
export async function respondToAgreement(agreementId: string, response: "accept" | "decline"): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(agreementId);
  if (response !== "accept" && response !== "decline") throw new InputError("Please choose to accept or decline.");
  const database = await db();
  const today = partnerToday(context);
  await database.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: agreements.id, proposedBy: agreements.proposedBy, status: agreements.status, checkInsPerWeek: agreements.checkInsPerWeek })
      .from(agreements)
      .where(and(eq(agreements.id, id), eq(agreements.coupleId, context.coupleId)))
      .for("update")
      .limit(1);
    if (!row) notFound();
    if (row.proposedBy === context.viewer.id) {
      throw new InputError("You suggested this agreement, so it's your partner who accepts or declines it.");
    }
    if (row.status !== "proposed") throw new InputError("This agreement has already been answered.");
    if (response === "decline") {
      await tx.update(agreements).set({ status: "declined", respondedBy: context.viewer.id, respondedAt: sql`now()` }).where(eq(agreements.id, id));
    } else {
      if (await isOnHold(tx, context.coupleId, EXERCISE_KINDS.agreement)) throw new InputError(JOINT_WORK_PAUSED_MESSAGE);
      const { effectiveFrom, replacesId } = row.checkInsPerWeek === null ? { effectiveFrom: today, replacesId: null } : await endContactAgreementsFor(tx, context.coupleId, today);
      await tx
        .update(agreements)
        .set({ status: "accepted", respondedBy: context.viewer.id, respondedAt: sql`now()`, effectiveFrom, replacesId })
        .where(eq(agreements.id, id));
    }
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: response === "accept" ? "agreement.accept" : "agreement.decline",
      entityId: id,
      coupleId: context.coupleId,
    });
  });
}

function acceptanceUndoableUntil(
  r: { status: AgreementStatus; respondedBy: string | null; respondedAt: Date | string | null },
  viewerId: string,
  now: number,
): string | null {
  return r.status === "accepted" && r.respondedBy === viewerId ? undoableUntil(r.respondedAt, now) : null;
}

/**
 * Takes back accepting an agreement: it is waiting for an answer again, and a contact agreement it
 * replaced is back in force as if never replaced. Only the partner who accepted it, within
 * the undo window (10 minutes), and only if nothing else happened to it since (ended, say). The days
 * before today keep the expectation they had, because acceptance only ever changes today onward.
 * Audited.
 *
 * @throws InputError when the window has passed or the agreement changed since.
 */
export async function undoAgreementAcceptance(agreementId: string): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(agreementId);
  const database = await db();
  await database.transaction(async (tx) => {
    const [row] = await tx
      .select({
        status: agreements.status,
        respondedBy: agreements.respondedBy,
        respondedAt: agreements.respondedAt,
        effectiveFrom: agreements.effectiveFrom,
        replacesId: agreements.replacesId,
      })
      .from(agreements)
      .where(and(eq(agreements.id, id), eq(agreements.coupleId, context.coupleId)))
      .for("update")
      .limit(1);
    if (!row) notFound();
    if (acceptanceUndoableUntil(row, context.viewer.id, Date.now()) === null) {
      throw new InputError("This can no longer be undone: it was accepted more than 10 minutes ago, or not by you.");
    }
    if (!(await lastEventWas(tx, id, context.viewer.id, ["agreement.accept"]))) {
      throw new InputError("This agreement has changed since you accepted it, so it can't be undone.");
    }
    if (row.replacesId && row.effectiveFrom) {
      // Only the end this acceptance set is taken back; an agreement ended some other way stays ended.
      await tx
        .update(agreements)
        .set({ effectiveUntil: null })
        .where(and(eq(agreements.id, row.replacesId), eq(agreements.effectiveUntil, row.effectiveFrom)));
    }
    await tx
      .update(agreements)
      .set({ status: "proposed", respondedBy: null, respondedAt: null, effectiveFrom: null, replacesId: null })
      .where(eq(agreements.id, id));
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: "agreement.undo_accept",
      entityId: id,
      coupleId: context.coupleId,
    });
  });
}

/**
 * Ends every contact agreement still in force on or after `today` (locked), so a new one can start
 * without overlapping. The new one starts today, or on the latest of their first days should one
 * start later (a partner whose day is already tomorrow accepted it): spans never overlap.
 */
async function endContactAgreementsFor(tx: Executor, coupleId: string, today: string): Promise<{ effectiveFrom: string; replacesId: string | null }> {
  const open = await tx
    .select({ id: agreements.id, effectiveFrom: agreements.effectiveFrom })
    .from(agreements)
    .where(
      and(
        eq(agreements.coupleId, coupleId),
        eq(agreements.status, "accepted"),
        isNotNull(agreements.checkInsPerWeek),
        isNotNull(agreements.effectiveFrom),
        or(isNull(agreements.effectiveUntil), gt(agreements.effectiveUntil, today)),
      ),
    )
    .orderBy(desc(agreements.effectiveFrom), desc(agreements.respondedAt))
    .for("update");
  const latest = open[0];
  const effectiveFrom = latest?.effectiveFrom && latest.effectiveFrom > today ? latest.effectiveFrom : today;
  for (const a of open) {
    await tx.update(agreements).set({ effectiveUntil: effectiveFrom }).where(eq(agreements.id, a.id));
  }
  return { effectiveFrom, replacesId: latest?.id ?? null };
}

/**
 * Ends an agreement in force, from the signed-in partner's today: it no longer counts from that
 * day (the exclusive end), and a contact agreement's days before it keep their expectation.
 * Either partner may end it.
 *
 * @throws InputError when it is not in force (never accepted, or already ended or replaced).
 */
export async function endAgreement(agreementId: string): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(agreementId);
  const database = await db();
  const today = partnerToday(context);
  await database.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: agreements.status, effectiveFrom: agreements.effectiveFrom, effectiveUntil: agreements.effectiveUntil })
      .from(agreements)
      .where(and(eq(agreements.id, id), eq(agreements.coupleId, context.coupleId)))
      .for("update")
      .limit(1);
    if (!row) notFound();
    if (row.status !== "accepted" || (row.effectiveUntil !== null && row.effectiveUntil <= today)) {
      throw new InputError("This agreement is no longer in force, so there is nothing to end.");
    }
    // An agreement that starts later than today (accepted on a day already tomorrow) ends before it began.
    const effectiveFrom = row.effectiveFrom ?? today;
    const effectiveUntil = effectiveFrom > today ? effectiveFrom : today;
    await tx.update(agreements).set({ effectiveFrom, effectiveUntil }).where(eq(agreements.id, id));
    await recordAudit(tx, {
      clinicId: context.clinicId,
      actorId: context.viewer.id,
      action: "agreement.end",
      entityId: id,
      coupleId: context.coupleId,
    });
  });
}
