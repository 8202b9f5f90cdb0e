import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/ready";
import { agreements, couples, users, type AgreementStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { EXERCISE_KINDS } from "@/lib/program";
import type { AgreementInput } from "@/lib/validations/agreements";
import { recordAudit } from "./audit";
import { requirePartnerContext } from "./partner-scope";
import { isOnHold, JOINT_WORK_PAUSED_MESSAGE } from "./policy/joint-work-pause";
import { parseIdOrNotFound } from "./scope";

export type AgreementView = {
  id: string;
  title: string;
  details: string;
  checkInsPerWeek: number | null;
  status: AgreementStatus;
  proposedByMe: boolean;
  proposedByName: string;
  createdAt: string;
  respondedAt: string | null;
  /** True when the viewer is the one who may accept or decline it now. */
  canRespond: boolean;
};

/** The couple's agreements, newest first. Agreements are shared by both partners and the counsellor. */
export async function listAgreements(): Promise<AgreementView[]> {
  const context = await requirePartnerContext();
  const database = await db();
  const rows = await database
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
    })
    .from(agreements)
    .innerJoin(users, eq(users.id, agreements.proposedBy))
    .where(eq(agreements.coupleId, context.coupleId))
    .orderBy(desc(agreements.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    details: r.details,
    checkInsPerWeek: r.checkInsPerWeek,
    status: r.status,
    proposedByMe: r.proposedBy === context.viewer.id,
    proposedByName: r.proposedByName,
    createdAt: new Date(r.createdAt).toISOString(),
    respondedAt: r.respondedAt ? new Date(r.respondedAt).toISOString() : null,
    canRespond: r.status === "proposed" && r.proposedBy !== context.viewer.id,
  }));
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
    const [row] = await tx
      .insert(agreements)
      .values({
        coupleId: context.coupleId,
        proposedBy: context.viewer.id,
        title: input.title,
        details: input.details ?? "",
        checkInsPerWeek: input.checkInsPerWeek ?? null,
      })
      .returning({ id: agreements.id });
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
 * answer, and only while it is still proposed. Accepting one that sets a contact frequency sets
 * the couple's check-ins per week in the same transaction, so adherence uses it from then on.
 */
export async function respondToAgreement(agreementId: string, response: "accept" | "decline"): Promise<void> {
  const context = await requirePartnerContext();
  const id = parseIdOrNotFound(agreementId);
  if (response !== "accept" && response !== "decline") throw new InputError("Please choose to accept or decline.");
  const database = await db();
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
    if (response === "accept" && (await isOnHold(tx, context.coupleId, EXERCISE_KINDS.agreement))) throw new InputError(JOINT_WORK_PAUSED_MESSAGE);
    await tx
      .update(agreements)
      .set({ status: response === "accept" ? "accepted" : "declined", respondedBy: context.viewer.id, respondedAt: sql`now()` })
      .where(eq(agreements.id, id));
    if (response === "accept" && row.checkInsPerWeek !== null) {
      await tx
        .update(couples)
        .set({ checkInsPerWeek: row.checkInsPerWeek })
        .where(eq(couples.id, context.coupleId));
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
