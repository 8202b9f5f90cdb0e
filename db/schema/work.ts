import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./clinics";
import { createdAt, timestamps } from "./columns";
import { couples } from "./couples";
import {
  agreementStatusEnum,
  assignmentStatusEnum,
  contactEnum,
  moodEnum,
  promiseStatusEnum,
  recurrenceEnum,
  responseStatusEnum,
  visibilityEnum,
} from "./enums";

export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    /** An id from lib/program's exercise kinds; checked in code so the program can grow without a migration. */
    exerciseKind: text("exercise_kind").notNull(),
    /** null: both partners. */
    forUserId: uuid("for_user_id").references(() => users.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    recurrence: recurrenceEnum("recurrence").notNull().default("once"),
    instructions: text("instructions").notNull().default(""),
    status: assignmentStatusEnum("status").notNull().default("active"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** Who cancelled it and when, kept for the couple's history. */
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("assignments_cancelled_by_idx").on(t.cancelledBy),
    index("assignments_couple_status_due_idx").on(t.coupleId, t.status, t.dueOn),
    index("assignments_for_user_idx").on(t.forUserId),
    index("assignments_created_by_idx").on(t.createdBy),
    check("assignments_step_range", sql`${t.step} between 1 and 10`),
  ],
);

export const exerciseResponses = pgTable(
  "exercise_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    exerciseKind: text("exercise_kind").notNull(),
    /** The occurrence this answers: the due date for a one-off, the day or week for a recurring one. */
    occurrenceOn: date("occurrence_on", { mode: "string" }).notNull(),
    /** Validated by the exercise kind's zod schema before it is written. */
    payload: jsonb("payload").notNull(),
    visibility: visibilityEnum("visibility").notNull().default("shared"),
    status: responseStatusEnum("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("exercise_responses_occurrence_key").on(t.assignmentId, t.userId, t.occurrenceOn),
    index("exercise_responses_couple_idx").on(t.coupleId, t.exerciseKind),
    index("exercise_responses_user_idx").on(t.userId),
  ],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    date: date("date", { mode: "string" }).notNull(),
    trust: smallint("trust").notNull(),
    closeness: smallint("closeness").notNull(),
    mood: moodEnum("mood").notNull(),
    contact: contactEnum("contact").notNull(),
    note: text("note"),
    noteVisibility: visibilityEnum("note_visibility").notNull().default("shared"),
    ...timestamps(),
  },
  (t) => [
    // One per partner per day: a second submit is an upsert onto this key.
    uniqueIndex("check_ins_user_date_key").on(t.userId, t.date),
    index("check_ins_couple_date_idx").on(t.coupleId, t.date),
    check("check_ins_trust_range", sql`${t.trust} between 0 and 10`),
    check("check_ins_closeness_range", sql`${t.closeness} between 0 and 10`),
  ],
);

export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    checkInsPerWeek: integer("check_ins_per_week"),
    status: agreementStatusEnum("status").notNull().default("proposed"),
    respondedBy: uuid("responded_by").references(() => users.id),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    /** First calendar day an accepted agreement is in force (the accepting partner's day). */
    effectiveFrom: date("effective_from", { mode: "string" }),
    /** First day it is no longer in force (exclusive): the day a replacement starts, or the day it was ended. Null while current. */
    effectiveUntil: date("effective_until", { mode: "string" }),
    /** The agreement this one replaced when it was accepted. */
    replacesId: uuid("replaces_id").references((): AnyPgColumn => agreements.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("agreements_couple_status_idx").on(t.coupleId, t.status),
    index("agreements_proposed_by_idx").on(t.proposedBy),
    index("agreements_responded_by_idx").on(t.respondedBy),
    index("agreements_couple_effective_idx").on(t.coupleId, t.effectiveFrom),
    index("agreements_replaces_idx").on(t.replacesId),
    check("agreements_effective_order", sql`${t.effectiveUntil} is null or ${t.effectiveFrom} is null or ${t.effectiveUntil} >= ${t.effectiveFrom}`),
    check("agreements_check_ins_per_week_range", sql`${t.checkInsPerWeek} is null or ${t.checkInsPerWeek} between 1 and 7`),
  ],
);

export const promises = pgTable(
  "promises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    madeBy: uuid("made_by")
      .notNull()
      .references(() => users.id),
    text: text("text").notNull(),
    details: text("details").notNull().default(""),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: promiseStatusEnum("status").notNull().default("open"),
    /** The other partner, who marks it kept or broken. */
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** A release needs both: the first partner to ask is recorded here until the other agrees. */
    releaseRequestedBy: uuid("release_requested_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("promises_couple_status_idx").on(t.coupleId, t.status, t.resolvedAt),
    index("promises_made_by_idx").on(t.madeBy),
    index("promises_confirmed_by_idx").on(t.confirmedBy),
    index("promises_release_requested_by_idx").on(t.releaseRequestedBy),
  ],
);

/** A concerning safety screen holds couple exercises until the counsellor clears it. */
export const safetyConcerns = pgTable(
  "safety_concerns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    responseId: uuid("response_id").references(() => exerciseResponses.id, { onDelete: "set null" }),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    clearedBy: uuid("cleared_by").references(() => users.id),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  (t) => [
    index("safety_concerns_couple_idx").on(t.coupleId, t.clearedAt),
    index("safety_concerns_response_idx").on(t.responseId),
    index("safety_concerns_cleared_by_idx").on(t.clearedBy),
  ],
);

export type Assignment = typeof assignments.$inferSelect;
export type ExerciseResponse = typeof exerciseResponses.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;
export type Agreement = typeof agreements.$inferSelect;
export type PromiseRow = typeof promises.$inferSelect;
export type SafetyConcern = typeof safetyConcerns.$inferSelect;
