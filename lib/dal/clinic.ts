import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db/ready";
import { clinics, couples, users } from "@/db/schema";
import { requireRole } from "./viewer";

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

/** The admin's clinic: its counsellors and how many couples each carries. No clinical content. */
export async function getClinicOverview(): Promise<ClinicOverview> {
  const viewer = await requireRole("clinic_admin");
  const database = await db();
  const [[clinic], counsellors] = await Promise.all([
    database.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, viewer.clinicId)).limit(1),
    database
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        activeCouples: sql<number>`count(${couples.id}) filter (where ${couples.status} = 'active')`.mapWith(Number),
        totalCouples: count(couples.id),
      })
      .from(users)
      .leftJoin(couples, and(eq(couples.counsellorId, users.id), eq(couples.clinicId, viewer.clinicId)))
      .where(and(eq(users.clinicId, viewer.clinicId), eq(users.role, "counsellor")))
      .groupBy(users.id)
      .orderBy(asc(users.name)),
  ]);
  return {
    clinicName: clinic?.name ?? "",
    counsellors,
    activeCouples: counsellors.reduce((sum, c) => sum + c.activeCouples, 0),
    totalCouples: counsellors.reduce((sum, c) => sum + c.totalCouples, 0),
  };
}
