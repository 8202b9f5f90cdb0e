import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";

/**
 * How long a partner may take back a one-tap answer (a promise marked kept, an agreement
 * accepted): long enough to notice a slip, short enough that the other partner and the counsellor
 * can rely on what they see.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** When the window to undo something done at `at` closes, or null once it has. */
export function undoableUntil(at: Date | string | null, now: number): string | null {
  if (!at) return null;
  const until = new Date(at).getTime() + UNDO_WINDOW_MS;
  return until > now ? new Date(until).toISOString() : null;
}

/**
 * True when the latest audited event on a record is one of `actions`, by `actorId`: nothing else
 * happened to it since, so taking it back cannot undo someone else's later change.
 */
export async function lastEventWas(tx: Executor, entityId: string, actorId: string, actions: readonly AuditAction[]): Promise<boolean> {
  const entity = AUDIT_ACTIONS[actions[0]!].entity;
  const [last] = await tx
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return last?.actorId === actorId && (actions as readonly string[]).includes(last.action);
}
