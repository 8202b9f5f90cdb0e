import "server-only";
import { db } from "@/db/ready";
import { limitsFor, sessionEndsAt } from "@/lib/auth/session-policy";
import { touchSession } from "./sessions";
import { peekSessionState } from "./viewer";

/**
 * When the signed-in session ends unless there is activity first, or null when it already has.
 * Asking does not count as activity: the idle warning asks before it shows itself.
 */
export async function getSessionDeadline(): Promise<Date | null> {
  const state = await peekSessionState();
  return state.status === "signed-in" ? state.endsAt : null;
}

/**
 * "Stay signed in": counts as activity now, whatever the once-a-minute throttle says. It cannot
 * pass the absolute limit. Returns the new deadline, or null when the session has already ended.
 */
export async function staySignedIn(): Promise<Date | null> {
  const state = await peekSessionState();
  if (state.status !== "signed-in") return null;
  const lastSeenAt = await touchSession(await db(), { id: state.sessionId, lastSeenAt: state.startedAt }, true);
  return sessionEndsAt({ createdAt: state.startedAt, lastSeenAt }, limitsFor(state.viewer.role));
}
