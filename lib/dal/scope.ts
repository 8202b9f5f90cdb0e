import "server-only";
import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import { coupleMembers, couples } from "@/db/schema";
import type { Viewer } from "./viewer";

const uuid = z.uuid();

/** A malformed id is simply a record that does not exist. */
export function parseIdOrNotFound(id: unknown): string {
  const parsed = uuid.safeParse(id);
  if (!parsed.success) notFound();
  return parsed.data;
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
