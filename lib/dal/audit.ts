import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Executor } from "@/db";
import { auditEvents, type AuditOutcome } from "@/db/schema";
import { AUDIT_ACTIONS, type AuditAction, type AuditEntityType, type AuditMetadata } from "@/lib/audit/actions";
import { clientAddress, UNKNOWN_ADDRESS } from "@/lib/http/client-address";

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
  /**
   * The client address the request came from. Left out, it is read from the request being served
   * (honouring MEND_TRUSTED_PROXIES); null says there is no request, as for scheduled work.
   */
  address?: string | null;
} & (AuditMetadata<A> extends undefined ? { metadata?: undefined } : { metadata: AuditMetadata<A> }) &
  ((typeof AUDIT_ACTIONS)[A] extends { namesEntity: true } ? { entityType: AuditEntityType } : { entityType?: undefined });

/** A client address worth storing: a real one, or null when it is not known. */
function storable(address: string | null): string | null {
  return address && address !== UNKNOWN_ADDRESS ? address : null;
}

/**
 * The address of the client behind the request being served, or null outside any request
 * (scheduled work, scripts, tests). Reading the headers costs no query.
 */
async function requestAddress(): Promise<string | null> {
  try {
    return storable(clientAddress(await headers()));
  } catch (error) {
    // Next's own control-flow signals (a page switching to dynamic rendering) must go through.
    unstable_rethrow(error);
    return null;
  }
}

/**
 * Appends one audit event from the closed vocabulary in lib/audit/actions.ts, with the client
 * address of the request. Pass the open transaction so the event commits with the change it
 * records. Metadata that does not match the action's schema throws, so nothing but identifiers and
 * counts reaches the log. One insert, no other query.
 */
export async function recordAudit<A extends AuditAction>(tx: Executor, event: AuditInput<A>): Promise<void> {
  const definition: { entity: string; metadata?: { parse(value: unknown): Record<string, string | number | boolean | null> } } =
    AUDIT_ACTIONS[event.action];
  const metadata = definition.metadata ? definition.metadata.parse(event.metadata) : null;
  const address = event.address === undefined ? await requestAddress() : storable(event.address);
  await tx.insert(auditEvents).values({
    clinicId: event.clinicId,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType ?? definition.entity,
    entityId: event.entityId ?? null,
    coupleId: event.coupleId ?? null,
    outcome: event.outcome ?? "success",
    address,
    metadata: event.job ? { ...metadata, job: event.job } : metadata,
  });
}
