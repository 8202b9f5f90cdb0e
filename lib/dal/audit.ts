import "server-only";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";

export type AuditInput = {
  clinicId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  coupleId?: string | null;
  outcome?: "success" | "denied" | "failure";
  metadata?: Record<string, string | number | boolean | null>;
};

/** Appends one audit event. Pass the open transaction so the event commits with the change it records. */
export async function recordAudit(tx: Executor, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    clinicId: event.clinicId,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    coupleId: event.coupleId ?? null,
    outcome: event.outcome ?? "success",
    metadata: event.metadata ?? null,
  });
}
