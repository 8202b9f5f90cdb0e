import { randomUUID } from "node:crypto";
import type { Role } from "@/db/schema";

type TestUser = { id: string; role: Role; clinicId: string; sessionVersion?: number };
type TestSession = { user: { id: string; role: Role; clinicId: string; sid?: string }; expires: string };

const globalForSession = globalThis as { __mendTestSession?: TestSession | null };

/**
 * Makes the DAL see this user as signed in (the auth module is mocked in tests/integration/setup.ts).
 * Without `sid` a fresh live session row is opened for them on first use, as a sign-in would;
 * with one, the cookie points at that row as it stands (revoked, expired or pending).
 */
export function signInAs(user: TestUser | null, sid?: string): void {
  globalForSession.__mendTestSession = user
    ? { user: { id: user.id, role: user.role, clinicId: user.clinicId, ...(sid ? { sid } : {}) }, expires: "2999-01-01" }
    : null;
}

/** What the mocked `auth()` answers: the test's session, its row opened on first use. */
export async function currentTestSession(): Promise<TestSession | null> {
  const session = globalForSession.__mendTestSession ?? null;
  if (session && !session.user.sid) {
    const { db } = await import("@/db/ready");
    const { userSessions } = await import("@/db/schema");
    const now = new Date();
    const database = await db();
    try {
      const [row] = await database.insert(userSessions).values({ userId: session.user.id, createdAt: now, lastSeenAt: now }).returning({ id: userSessions.id });
      session.user.sid = row!.id;
    } catch {
      // A user who does not exist has no session: the cookie points at nothing.
      session.user.sid = randomUUID();
    }
  }
  return session;
}

/** The session row id the current test cookie points at (opening it if needed). */
export async function currentSessionId(): Promise<string> {
  const session = await currentTestSession();
  if (!session?.user.sid) throw new Error("nobody is signed in");
  return session.user.sid;
}
