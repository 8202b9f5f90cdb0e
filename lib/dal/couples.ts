import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { db } from "@/db/ready";
import { coupleMembers, couples, users, type CoupleStatus, type PartnerSlot } from "@/db/schema";
import { coupleScope, parseIdOrNotFound } from "./scope";
import { getViewer, requireViewer, type Viewer } from "./viewer";

export type CouplePartner = { id: string; name: string; slot: PartnerSlot; isViewer: boolean };
export type CoupleSummary = {
  id: string;
  name: string;
  status: CoupleStatus;
  startedOn: string;
  currentStep: number;
  checkInsPerWeek: number;
  counsellor: { id: string; name: string };
  partners: CouplePartner[];
};

/** The couple if the viewer is its counsellor or one of its partners; otherwise not found. */
export async function getCouple(coupleId: string, viewerArg?: Viewer): Promise<CoupleSummary> {
  const id = parseIdOrNotFound(coupleId);
  const viewer = viewerArg ?? (await requireViewer());
  const database = await db();
  const [couple] = await database
    .select({
      id: couples.id,
      name: couples.name,
      status: couples.status,
      startedOn: couples.startedOn,
      currentStep: couples.currentStep,
      checkInsPerWeek: couples.checkInsPerWeek,
      counsellorId: users.id,
      counsellorName: users.name,
    })
    .from(couples)
    .innerJoin(users, eq(users.id, couples.counsellorId))
    .where(and(eq(couples.id, id), coupleScope(viewer)))
    .limit(1);
  if (!couple) notFound();
  const partners = await database
    .select({ id: users.id, name: users.name, slot: coupleMembers.slot })
    .from(coupleMembers)
    .innerJoin(users, eq(users.id, coupleMembers.userId))
    .where(eq(coupleMembers.coupleId, id))
    .orderBy(asc(coupleMembers.slot));
  return {
    id: couple.id,
    name: couple.name,
    status: couple.status,
    startedOn: couple.startedOn,
    currentStep: couple.currentStep,
    checkInsPerWeek: couple.checkInsPerWeek,
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
