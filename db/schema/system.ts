import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { couples } from "./couples";
import { auditOutcomeEnum } from "./enums";

/** Who did what to which record, and when; never the record's content. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    coupleId: uuid("couple_id").references(() => couples.id, { onDelete: "set null" }),
    outcome: auditOutcomeEnum("outcome").notNull().default("success"),
    /** The client address the request came from (see lib/http/client-address.ts); null for system work. */
    address: text("address"),
    /** Identifiers and counts only (e.g. a row count for an export). */
    metadata: jsonb("metadata").$type<Record<string, string | number | boolean | null>>(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
    index("audit_events_couple_idx").on(t.coupleId),
    // The log filtered by action, newest first, pages straight off this index.
    index("audit_events_clinic_action_at_idx").on(t.clinicId, t.action, t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/** Fixed-window counters for sign-in throttling, shared by every server process. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});

export type AuditEvent = typeof auditEvents.$inferSelect;
