import "server-only";
import type { Executor } from "@/db";
import { auditEvents, type AuditOutcome } from "@/db/schema";
import { AUDIT_ACTIONS, type AuditAction, type AuditMetadata } from "@/lib/audit/actions";

/** One event to record: the action decides the record type and the shape of the metadata. */
export type AuditInput<A extends AuditAction> = {
  clinicId: string | null;
  /** The signed-in person; null for scheduled work, which names its job instead. */
  actorId: string | null;
  action: A;
  entityId?: string | null;
  coupleId?: string | null;
  outcome?: AuditOutcome;
  /** The scheduled job that acted (see lib/jobs/system.ts); stored in the metadata as `job`. */
  job?: string;
} & (AuditMetadata<A> extends undefined ? { metadata?: undefined } : { metadata: AuditMetadata<A> });

/**
 * Appends one audit event from the closed vocabulary in lib/audit/actions.ts. Pass the open
 * transaction so the event commits with the change it records. Metadata that does not match the
 * action's schema throws, so nothing but identifiers and counts reaches the log.
 */
export async function recordAudit<A extends AuditAction>(tx: Executor, event: AuditInput<A>): Promise<void> {
  const definition: { entity: string; metadata?: { parse(value: unknown): Record<string, string | number | boolean | null> } } =
    AUDIT_ACTIONS[event.action];
  const metadata = definition.metadata ? definition.metadata.parse(event.metadata) : null;
  await tx.insert(auditEvents).values({
    clinicId: event.clinicId,
    actorId: event.actorId,
    action: event.action,
    entityType: definition.entity,
    entityId: event.entityId ?? null,
    coupleId: event.coupleId ?? null,
    outcome: event.outcome ?? "success",
    metadata: event.job ? { ...metadata, job: event.job } : metadata,
  });
}
