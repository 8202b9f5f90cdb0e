import { sql } from "drizzle-orm";
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt } from "./columns";
import { couples } from "./couples";
import { measureSourceEnum } from "./enums";

/**
 * One version of a standardised measure. Mend's own measures have no clinic and are shared by
 * every clinic; an imported instrument belongs to the clinic that imported it. A changed measure
 * is a new row with the next version, so an answer keeps the version it was given under.
 */
export const measureVersions = pgTable(
  "measure_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** null: one of Mend's own measures (lib/measures/mend-measures.ts), shared by all clinics. */
    clinicId: uuid("clinic_id").references(() => clinics.id),
    /** Stable across versions (the definition's key); schedules name a measure by it. */
    key: text("key").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    /** The parsed MeasureDefinition (lib/measures/definition.ts), checked by its schema before it is written. */
    definition: jsonb("definition").notNull(),
    validated: boolean("validated").notNull(),
    source: measureSourceEnum("source").notNull(),
    /** The clinic admin who imported it; null for Mend's own. */
    importedBy: uuid("imported_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Nulls not distinct: Mend's own measures (no clinic) are unique per key and version too.
    unique("measure_versions_clinic_key_version_key").on(t.clinicId, t.key, t.version).nullsNotDistinct(),
    index("measure_versions_key_idx").on(t.key, t.version),
    index("measure_versions_imported_by_idx").on(t.importedBy),
    check("measure_versions_version_positive", sql`${t.version} >= 1`),
    check("measure_versions_source_owner", sql`(${t.source} = 'mend') = (${t.clinicId} is null)`),
    check("measure_versions_mend_not_validated", sql`${t.source} = 'imported' or not ${t.validated}`),
  ],
);

/**
 * A counsellor's request that both partners of a couple answer a measure: on the start day, then
 * every N weeks, and on the end day if one is set. Stopping keeps the row (and its answers).
 */
export const measureSchedules = pgTable(
  "measure_schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    /** A measure_versions key the couple's clinic can use; each answer is given under the latest version then. */
    measureKey: text("measure_key").notNull(),
    everyWeeks: smallint("every_weeks").notNull().default(2),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    stoppedBy: uuid("stopped_by").references(() => users.id),
  },
  (t) => [
    // At most one live schedule per couple and measure; a double submit finds this key.
    uniqueIndex("measure_schedules_live_key")
      .on(t.coupleId, t.measureKey)
      .where(sql`${t.stoppedAt} is null`),
    index("measure_schedules_couple_idx").on(t.coupleId, t.createdAt),
    index("measure_schedules_created_by_idx").on(t.createdBy),
    index("measure_schedules_stopped_by_idx").on(t.stoppedBy),
    check("measure_schedules_every_weeks_range", sql`${t.everyWeeks} between 1 and 12`),
    check("measure_schedules_ends_after_start", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * One partner's answer to one occasion of a schedule, scored on the server with the version in
 * force. A signed clinical record: written once, never updated (a trigger refuses updates).
 */
export const measureResponses = pgTable(
  "measure_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => measureSchedules.id, { onDelete: "cascade" }),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The occasion answered: the schedule's start day, a day every N weeks after it, or its end day. */
    occasionOn: date("occasion_on", { mode: "string" }).notNull(),
    measureVersionId: uuid("measure_version_id")
      .notNull()
      .references(() => measureVersions.id),
    /** Item id -> the chosen option's value, every item answered (checked against the version). */
    answers: jsonb("answers").notNull(),
    total: doublePrecision("total").notNull(),
    /** Subscale id -> score; empty when the measure has no subscales. */
    subscales: jsonb("subscales").notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One answer per partner per occasion: a double submit stores one.
    uniqueIndex("measure_responses_occasion_key").on(t.scheduleId, t.userId, t.occasionOn),
    index("measure_responses_couple_idx").on(t.coupleId, t.occasionOn),
    index("measure_responses_user_idx").on(t.userId, t.occasionOn),
    index("measure_responses_version_idx").on(t.measureVersionId),
  ],
);

export type MeasureVersionRow = typeof measureVersions.$inferSelect;
export type MeasureSchedule = typeof measureSchedules.$inferSelect;
export type MeasureResponse = typeof measureResponses.$inferSelect;
