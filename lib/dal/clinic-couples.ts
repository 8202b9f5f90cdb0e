import "server-only";
import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/ready";
import { couples, users, type CoupleStatus } from "@/db/schema";
import { InputError } from "@/lib/actions/errors";
import { COUNSELLOR_NOT_AVAILABLE, COUPLES_PAGE_SIZE, type ClinicCouplesQuery, type ReassignCoupleInput } from "@/lib/validations/clinic";
import { recordAudit } from "./audit";
import { activeCounsellorIds } from "./clinic-staff";
import { parseIdOrNotFound } from "./scope";
import { escapeLike } from "./sql";
import { requireRole } from "./viewer";

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

/**
 * Hands a couple of the admin's clinic to another active counsellor of the same clinic, in one
 * transaction with its "couple.reassign" audit event (from/to ids in the metadata). The new
 * counsellor then sees the couple and its history; the old one no longer does.
 * A couple outside the clinic is not found; an unsuitable counsellor is a field error.
 *
 * @param input the reassign form as parsed by `reassignCoupleSchema`.
 * @throws InputError on `counsellorId` for the couple's own counsellor, or one who is not an active counsellor of the clinic.
 */
export async function reassignCouple(input: ReassignCoupleInput): Promise<void> {
  const viewer = await requireRole("clinic_admin");
  const coupleId = parseIdOrNotFound(input.coupleId);
  const target = input.counsellorId;
  const database = await db();
  await database.transaction(async (tx) => {
    const [couple] = await tx
      .select({ id: couples.id, counsellorId: couples.counsellorId })
      .from(couples)
      .where(and(eq(couples.id, coupleId), eq(couples.clinicId, viewer.clinicId)))
      .for("update")
      .limit(1);
    if (!couple) notFound();
    if (couple.counsellorId === target) {
      throw new InputError("This couple is already with that counsellor. Choose someone else.", "counsellorId");
    }
    if (!(await activeCounsellorIds(tx, viewer, [target])).has(target)) throw new InputError(COUNSELLOR_NOT_AVAILABLE, "counsellorId");
    await tx
      .update(couples)
      .set({ counsellorId: target })
      .where(and(eq(couples.id, coupleId), eq(couples.clinicId, viewer.clinicId)));
    await recordAudit(tx, {
      clinicId: viewer.clinicId,
      actorId: viewer.id,
      action: "couple.reassign",
      entityId: coupleId,
      coupleId,
      metadata: { from: couple.counsellorId, to: target },
    });
  });
}
