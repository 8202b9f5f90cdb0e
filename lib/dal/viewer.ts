import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/ready";
import { users, type Role } from "@/db/schema";
import { auth } from "@/lib/auth";

export type Viewer = { id: string; role: Role; clinicId: string; name: string; email: string };

/**
 * Who is asking, checked against the database on every request: a token for a deleted or
 * deactivated user, or one issued before a sign-out or password change, yields null.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || typeof claims.sessionVersion !== "number") return null;
  const database = await db();
  const [user] = await database
    .select({ id: users.id, role: users.role, clinicId: users.clinicId, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, claims.id), eq(users.active, true), eq(users.sessionVersion, claims.sessionVersion)))
    .limit(1);
  return user ?? null;
});

/** The viewer, or a trip to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** The viewer in one of the given roles; to any other role the page does not exist. */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}

export const HOME_BY_ROLE: Record<Role, string> = {
  counsellor: "/caseload",
  partner: "/today",
  clinic_admin: "/clinic",
};
