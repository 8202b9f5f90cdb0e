import "server-only";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { clinics, couples, users, type CoupleStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { COUNSELLOR_NOT_AVAILABLE, type DeactivateCounsellorInput } from "@/lib/validations/clinic";
import { recordAudit } from "./audit";
import { isUuid, parseIdOrNotFound } from "./scope";
import { revokeSessions } from "./sessions";
import { sqlEnum } from "./sql";
import { requireRole, type Viewer } from "./viewer";

export type CounsellorLoad = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  activeCouples: number;
  totalCouples: number;
};

export type ClinicOverview = {
  clinicName: string;
  counsellors: CounsellorLoad[];
  activeCouples: number;
  totalCouples: number;
};

/**
 * The clinic's name and its counsellors with how many couples each carries, read once per request
 * however many parts of a page ask (the clinic overview's load table and its figures both do).
 * The caller has checked the viewer belongs to the clinic.
 */
export const readClinicPeople = cache(async (clinicId: string): Promise<{ clinicName: string; counsellors: CounsellorLoad[] }> => {
  const database = await db();
  const [[clinic], counsellors] = await Promise.all([
    database.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).limit(1),
    database
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        activeCouples: sql<number>`count(${couples.id}) filter (where ${couples.status} = ${sqlEnum(couples.status, "active")})`.mapWith(Number),
        totalCouples: count(couples.id),
      })
      .from(users)
      .leftJoin(couples, and(eq(couples.counsellorId, users.id), eq(couples.clinicId, clinicId)))
      .where(and(eq(users.clinicId, clinicId), eq(users.role, "counsellor")))
      .groupBy(users.id)
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { clinicName: clinic?.name ?? "", counsellors };
});

/** The admin's clinic: its counsellors and how many couples each carries. No clinical content. */
export async function getClinicOverview(): Promise<ClinicOverview> {
  const viewer = await requireRole("clinic_admin");
  const { clinicName, counsellors } = await readClinicPeople(viewer.clinicId);
  return {
    clinicName,
    counsellors,
    activeCouples: counsellors.reduce((sum, c) => sum + c.activeCouples, 0),
    totalCouples: counsellors.reduce((sum, c) => sum + c.totalCouples, 0),
  };
}

export type CounsellorOption = { id: string; name: string };


/** Active counsellors of the admin's clinic: the people a couple may be handed to. */
export async function listActiveCounsellors(): Promise<CounsellorOption[]> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  return database
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor"), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id));
}

/** Ids among `ids` that are active counsellors of the viewer's clinic. */
export async function activeCounsellorIds(tx: Executor, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, valid), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor"), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/** A counsellor's record for the deactivation form: who they are and which couples they carry. */
export type CounsellorForDeactivation = {
  id: string;
  name: string;
  active: boolean;
  couples: { id: string; name: string; status: CoupleStatus }[];
};

/** One counsellor of the admin's clinic with the couples they carry; anyone else is not found. */
export async function getCounsellorForDeactivation(counsellorId: string): Promise<CounsellorForDeactivation> {
  const viewer = await requireRole("clinic_admin");
  const id = parseIdOrNotFound(counsellorId);
  const database = await db();
  const [counsellor] = await database
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor")))
    .limit(1);
  if (!counsellor) notFound();
  const carried = await database
    .select({ id: couples.id, name: couples.name, status: couples.status })
    .from(couples)
    .where(and(eq(couples.counsellorId, id), eq(couples.clinicId, viewer.clinicId)))
    .orderBy(asc(couples.name), asc(couples.id));
  return { ...counsellor, couples: carried };
}

/**
 * Deactivates a counsellor of the admin's clinic: their sessions end at once (their session rows
 * are revoked, and getViewer also refuses an inactive user). Refused while they still carry couples, unless `reassignments`
 * names a new active counsellor of the clinic for each (coupleId → counsellorId); then every
 * handover and the deactivation commit together with their audit events, or nothing does.
 * The admin cannot deactivate themself.
 *
 * @throws InputError for oneself or someone already deactivated; with a message beside each
 *   `couple:<id>` that still needs a new counsellor.
 */
export async function deactivateCounsellor(input: { counsellorId: string; reassignments?: DeactivateCounsellorInput["reassignments"] }): Promise<void> {
  const viewer = await requireRole("clinic_admin");
  if (input.counsellorId === viewer.id) throw new InputError("You can't deactivate your own account. Ask another admin of the clinic.");
  const id = parseIdOrNotFound(input.counsellorId);
  const reassignments = input.reassignments ?? {};
  const database = await db();
  await database.transaction(async (tx) => {
    const [counsellor] = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor")))
      .for("update")
      .limit(1);
    if (!counsellor) notFound();
    if (!counsellor.active) throw new InputError("This counsellor is already deactivated.");

    const carried = await tx
      .select({ id: couples.id })
      .from(couples)
      .where(and(eq(couples.counsellorId, id), eq(couples.clinicId, viewer.clinicId)))
      .for("update");
    const eligible = await activeCounsellorIds(
      tx,
      viewer,
      carried.map((c) => reassignments[c.id] ?? ""),
    );
    eligible.delete(id);
    const fieldErrors: Record<string, string[]> = {};
    for (const couple of carried) {
      const target = reassignments[couple.id];
      if (!target) fieldErrors[`couple:${couple.id}`] = ["Choose who will support this couple."];
      else if (!eligible.has(target)) fieldErrors[`couple:${couple.id}`] = [COUNSELLOR_NOT_AVAILABLE];
    }
    if (Object.keys(fieldErrors).length > 0) {
      throw new InputError("This counsellor still supports couples. Choose a new counsellor for each one first.", fieldErrors);
    }

    for (const couple of carried) {
      const target = reassignments[couple.id]!;
      await tx
        .update(couples)
        .set({ counsellorId: target })
        .where(and(eq(couples.id, couple.id), eq(couples.clinicId, viewer.clinicId), ne(couples.counsellorId, target)));
      await recordAudit(tx, {
        clinicId: viewer.clinicId,
        actorId: viewer.id,
        action: "couple.reassign",
        entityId: couple.id,
        coupleId: couple.id,
        metadata: { from: id, to: target },
      });
    }
    await tx
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId)));
    await revokeSessions(tx, id);
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "counsellor.deactivate",
      entityId: id,
      metadata: { couplesReassigned: carried.length },
    });
  });
}
