import "server-only";
import { and, asc, count, eq, ilike, inArray, ne, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Executor } from "@/db";
import { db } from "@/db/ready";
import { couples, users, type CoupleStatus } from "@/db/schema";
import { COUPLES_PAGE_SIZE, reassignCoupleSchema, type ClinicCouplesQuery } from "@/lib/validations/clinic";
import { recordAudit } from "./audit";
import { isUuid, parseIdOrNotFound } from "./scope";
import { escapeLike } from "./sql";
import { requireRole, type Viewer } from "./viewer";

/** One couple in the clinic directory: who they are and who supports them, nothing clinical. */
export type DirectoryCouple = {
  id: string;
  name: string;
  status: CoupleStatus;
  startedOn: string;
  counsellorId: string;
  counsellorName: string;
};

export type DirectoryPage = { rows: DirectoryCouple[]; total: number; page: number; pageSize: number; pageCount: number };

export type CounsellorOption = { id: string; name: string };

export type FieldErrors = Record<string, string[]>;
export type AdminResult = { ok: true } | { ok: false; message?: string; fieldErrors?: FieldErrors };

const NOT_AVAILABLE = "Choose an active counsellor of this clinic.";

/**
 * The admin's clinic's couples: name, counsellor, status and start day, one page at a time.
 * No check-in, answer, promise or note is read.
 */
export async function listClinicCouples(query: ClinicCouplesQuery): Promise<DirectoryPage> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const filters: SQL[] = [eq(couples.clinicId, viewer.clinicId)];
  if (query.q) filters.push(ilike(couples.name, `%${escapeLike(query.q)}%`));
  if (query.counsellor) filters.push(eq(couples.counsellorId, query.counsellor));
  const where = and(...filters);
  const [[{ total }], rows] = await Promise.all([
    database.select({ total: count() }).from(couples).where(where),
    database
      .select({
        id: couples.id,
        name: couples.name,
        status: couples.status,
        startedOn: couples.startedOn,
        counsellorId: couples.counsellorId,
        counsellorName: users.name,
      })
      .from(couples)
      .innerJoin(users, eq(users.id, couples.counsellorId))
      .where(where)
      .orderBy(asc(couples.name), asc(couples.id))
      .limit(COUPLES_PAGE_SIZE)
      .offset((query.page - 1) * COUPLES_PAGE_SIZE),
  ]);
  return { rows, total, page: query.page, pageSize: COUPLES_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(total / COUPLES_PAGE_SIZE)) };
}

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
async function activeCounsellorIds(tx: Executor, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, valid), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor"), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Hands a couple of the admin's clinic to another active counsellor of the same clinic, in one
 * transaction with its "couple.reassign" audit event (from/to ids in the metadata). The new
 * counsellor then sees the couple and its history; the old one no longer does.
 * A couple outside the clinic is not found; an unsuitable counsellor is a field error.
 */
export async function reassignCouple(input: { coupleId: string; counsellorId: string }): Promise<AdminResult> {
  const viewer = await requireRole("clinic_admin");
  const coupleId = parseIdOrNotFound(input.coupleId);
  const parsed = reassignCoupleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: { counsellorId: [NOT_AVAILABLE] } };
  const target = parsed.data.counsellorId;
  const database = await db();
  return database.transaction(async (tx) => {
    const [couple] = await tx
      .select({ id: couples.id, counsellorId: couples.counsellorId })
      .from(couples)
      .where(and(eq(couples.id, coupleId), eq(couples.clinicId, viewer.clinicId)))
      .for("update")
      .limit(1);
    if (!couple) notFound();
    if (couple.counsellorId === target) {
      return { ok: false, fieldErrors: { counsellorId: ["This couple is already with that counsellor. Choose someone else."] } };
    }
    if (!(await activeCounsellorIds(tx, viewer, [target])).has(target)) {
      return { ok: false, fieldErrors: { counsellorId: [NOT_AVAILABLE] } };
    }
    await tx
      .update(couples)
      .set({ counsellorId: target, updatedAt: sql`now()` })
      .where(and(eq(couples.id, coupleId), eq(couples.clinicId, viewer.clinicId)));
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "couple.reassign",
      entityType: "couple",
      entityId: coupleId,
      coupleId,
      metadata: { from: couple.counsellorId, to: target },
    });
    return { ok: true };
  });
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
 * Deactivates a counsellor of the admin's clinic: their sessions end at once (session_version is
 * bumped, which getViewer checks). Refused while they still carry couples, unless `reassignments`
 * names a new active counsellor of the clinic for each (coupleId → counsellorId); then every
 * handover and the deactivation commit together with their audit events, or nothing does.
 * The admin cannot deactivate themself.
 */
export async function deactivateCounsellor(input: { counsellorId: string; reassignments?: Record<string, string> }): Promise<AdminResult> {
  const viewer = await requireRole("clinic_admin");
  if (input.counsellorId === viewer.id) {
    return { ok: false, message: "You can't deactivate your own account. Ask another admin of the clinic." };
  }
  const id = parseIdOrNotFound(input.counsellorId);
  const reassignments = input.reassignments ?? {};
  const database = await db();
  return database.transaction(async (tx) => {
    const [counsellor] = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor")))
      .for("update")
      .limit(1);
    if (!counsellor) notFound();
    if (!counsellor.active) return { ok: false, message: "This counsellor is already deactivated." };

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
    const fieldErrors: FieldErrors = {};
    for (const couple of carried) {
      const target = reassignments[couple.id];
      if (!target) fieldErrors[`couple:${couple.id}`] = ["Choose who will support this couple."];
      else if (!eligible.has(target)) fieldErrors[`couple:${couple.id}`] = [NOT_AVAILABLE];
    }
    if (Object.keys(fieldErrors).length > 0) {
      return {
        ok: false,
        message: "This counsellor still supports couples. Choose a new counsellor for each one first.",
        fieldErrors,
      };
    }

    for (const couple of carried) {
      const target = reassignments[couple.id]!;
      await tx
        .update(couples)
        .set({ counsellorId: target, updatedAt: sql`now()` })
        .where(and(eq(couples.id, couple.id), eq(couples.clinicId, viewer.clinicId), ne(couples.counsellorId, target)));
      await recordAudit(tx, {
        clinicId: viewer.clinicId,
        actorId: viewer.id,
        action: "couple.reassign",
        entityType: "couple",
        entityId: couple.id,
        coupleId: couple.id,
        metadata: { from: id, to: target },
      });
    }
    await tx
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, id), eq(users.clinicId, viewer.clinicId)));
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "counsellor.deactivate",
      entityType: "user",
      entityId: id,
      metadata: { couplesReassigned: carried.length },
    });
    return { ok: true };
  });
}
