import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/ready";
import { coupleMembers, couples } from "@/db/schema";
import { requireRole, type Viewer } from "./viewer";

/** The signed-in partner with their couple and the other partner's id. */
export type PartnerContext = {
  viewer: Viewer;
  coupleId: string;
  clinicId: string;
  /** The other partner, or null while only one partner has joined. */
  otherId: string | null;
};

/**
 * The signed-in partner's couple. Anyone else — and a partner not yet in a couple — gets not
 * found, so every partner DAL function starts here and scopes its queries by `coupleId`.
 */
export async function requirePartnerContext(): Promise<PartnerContext> {
  const viewer = await requireRole("partner");
  const database = await db();
  const [membership] = await database
    .select({ coupleId: coupleMembers.coupleId, clinicId: couples.clinicId })
    .from(coupleMembers)
    .innerJoin(couples, eq(couples.id, coupleMembers.coupleId))
    .where(and(eq(coupleMembers.userId, viewer.id), eq(couples.clinicId, viewer.clinicId)))
    .limit(1);
  if (!membership) notFound();
  const [other] = await database
    .select({ userId: coupleMembers.userId })
    .from(coupleMembers)
    .where(and(eq(coupleMembers.coupleId, membership.coupleId), ne(coupleMembers.userId, viewer.id)))
    .limit(1);
  return { viewer, coupleId: membership.coupleId, clinicId: membership.clinicId, otherId: other?.userId ?? null };
}
