import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/ready";
import { clinics, userSessions, users, type Role } from "@/db/schema";
import { auth } from "@/lib/auth";
import { isWithinLimits, limitsFor, sessionEndsAt } from "@/lib/auth/session-policy";
import { effectiveTimeZone } from "@/lib/time/zone";
import { isSessionId, touchSession } from "./sessions";

/**
 * `timeZone` is the zone the viewer's "today" follows: their own when they chose one, else their
 * clinic's. `clinicTimeZone` is the clinic's, for clinic-wide figures and the account form.
 */
export type Viewer = {
  id: string;
  role: Role;
  clinicId: string;
  name: string;
  email: string;
  timeZone: string;
  clinicTimeZone: string;
};

/**
 * Where the request's session stands: no live session; a correct password still owing its second
 * step; or signed in, with when the session ends unless there is activity first.
 */
export type SessionState =
  | { status: "signed-out" }
  | { status: "second-factor"; sessionId: string; userId: string; role: Role; clinicId: string; email: string }
  | { status: "signed-in"; viewer: Viewer; sessionId: string; startedAt: Date; endsAt: Date };

const SIGNED_OUT: SessionState = { status: "signed-out" };

/**
 * The session behind the cookie, checked against the database on every request in one query:
 * the session row must be live (not revoked, inside its idle and absolute limits) and its user
 * active. Counts as activity unless `touch` is false (the idle warning's own check must not).
 */
async function loadSessionState(touch: boolean): Promise<SessionState> {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id || !isSessionId(claims.sid) || !isSessionId(claims.id)) return SIGNED_OUT;
  const database = await db();
  // The zones come in the same query as the session check: no extra round trip per request.
  const [row] = await database
    .select({
      id: users.id,
      role: users.role,
      clinicId: users.clinicId,
      name: users.name,
      email: users.email,
      userTimeZone: users.timeZone,
      clinicTimeZone: clinics.timeZone,
      sessionId: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      secondFactorPending: userSessions.secondFactorPending,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(eq(userSessions.id, claims.sid), eq(users.id, claims.id), isNull(userSessions.revokedAt), eq(users.active, true)))
    .limit(1);
  if (!row) return SIGNED_OUT;
  const limits = limitsFor(row.role);
  if (!isWithinLimits(row, limits, new Date())) return SIGNED_OUT;
  if (row.secondFactorPending) {
    return { status: "second-factor", sessionId: row.sessionId, userId: row.id, role: row.role, clinicId: row.clinicId, email: row.email };
  }
  const lastSeenAt = touch ? await touchSession(database, { id: row.sessionId, lastSeenAt: row.lastSeenAt }) : row.lastSeenAt;
  const viewer: Viewer = {
    id: row.id,
    role: row.role,
    clinicId: row.clinicId,
    name: row.name,
    email: row.email,
    timeZone: effectiveTimeZone(row.userTimeZone, row.clinicTimeZone),
    clinicTimeZone: row.clinicTimeZone,
  };
  const endsAt = sessionEndsAt({ createdAt: row.createdAt, lastSeenAt }, limits);
  return { status: "signed-in", viewer, sessionId: row.sessionId, startedAt: row.createdAt, endsAt };
}

/** The request's session state; looking counts as activity (last-seen moves, at most once a minute). */
export const getSessionState = cache(() => loadSessionState(true));

/** The session state without counting as activity: the idle warning asks this. */
export function peekSessionState(): Promise<SessionState> {
  return loadSessionState(false);
}

/**
 * Who is asking: null for no cookie, a revoked or expired session, a deactivated user, or a
 * sign-in still owing its second factor.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const state = await getSessionState();
  return state.status === "signed-in" ? state.viewer : null;
});

/** The viewer, or a trip to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const state = await getSessionState();
  // A correct password whose second step is owed goes on to finish signing in, never further.
  if (state.status === "second-factor") redirect("/login/second-factor");
  if (state.status !== "signed-in") redirect("/login");
  return state.viewer;
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
