import { date, jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

/**
 * The clinic overview's figures, stored per clinic and date range so the page reads one row instead
 * of recomputing a year of a large clinic on every view. A scheduled job refreshes each clinic's
 * default range; any other range is stored when first asked for. `figures` holds only the
 * already-suppressed aggregates (no names, no couple, nothing a partner wrote), checked against
 * their type on every read; a row older than the overview's limit or that does not parse is
 * computed again.
 */
export const clinicFigures = pgTable(
  "clinic_figures",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id, { onDelete: "cascade" }),
    rangeFrom: date("range_from", { mode: "string" }).notNull(),
    rangeTo: date("range_to", { mode: "string" }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    figures: jsonb("figures").$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.rangeFrom, t.rangeTo] })],
);
