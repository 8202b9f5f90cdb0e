import "server-only";
import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db/ready";
import { coupleMembers, couples } from "@/db/schema";
import type { AuditEntityType } from "@/lib/audit/actions";
import { recordAudit } from "./audit";
import type { Viewer } from "./viewer";

const uuid = z.uuid();

/** A malformed id is simply a record that does not exist. */
export function parseIdOrNotFound(id: unknown): string {
  const parsed = uuid.safeParse(id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * Ends an out-of-scope lookup as "not found", as for a record that does not exist, after recording
 * "access.refused" with the record type and the id asked for: the person sees nothing, the audit
 * trail keeps the attempt. Call it outside any open transaction (the refusal must outlive the
 * rollback that follows), and only with a well-formed id (see {@link parseIdOrNotFound}).
 */
export async function refuseAsNotFound(viewer: Viewer, entityType: AuditEntityType, entityId: string): Promise<never> {
  const database = await db();
  await recordAudit(database, {
    clinicId: viewer.clinicId,
    actorId: viewer.id,
    action: "access.refused",
    entityType,
    entityId,
    outcome: "denied",
  });
  notFound();
}

export function isUuid(id: unknown): id is string {
  return uuid.safeParse(id).success;
}

/**
 * The couples this viewer may see as a member of the care team or of the couple, as a WHERE
 * clause on `couples`: a counsellor their own caseload, a partner their own couple, an admin none
 * (admins read the directory through the clinic functions, which return no clinical content).
 */
export function coupleScope(viewer: Viewer): SQL {
  switch (viewer.role) {
    case "counsellor":
      return and(eq(couples.counsellorId, viewer.id), eq(couples.clinicId, viewer.clinicId))!;
    case "partner":
      return exists(
        sql`(select 1 from ${coupleMembers} where ${coupleMembers.coupleId} = ${couples.id} and ${coupleMembers.userId} = ${viewer.id})`,
      );
    default:
      return sql`false`;
  }
}
