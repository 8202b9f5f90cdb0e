import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { createdAt, timestamps } from "./columns";
import { coupleStatusEnum, partnerSlotEnum, roleEnum, stepStatusEnum } from "./enums";

export const couples = pgTable(
  "couples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    counsellorId: uuid("counsellor_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    status: coupleStatusEnum("status").notNull().default("active"),
    startedOn: date("started_on", { mode: "string" }).notNull(),
    currentStep: integer("current_step").notNull().default(1),
    /** Set by an accepted agreement; adherence figures divide by it. */
    checkInsPerWeek: integer("check_ins_per_week").notNull().default(7),
    /**
     * Set while the counsellor has paused joint work (their decision, never automatic); both
     * partners then read the same neutral words. Null when joint work goes ahead.
     */
    jointWorkPausedAt: timestamp("joint_work_paused_at", { withTimezone: true }),
    jointWorkPausedBy: uuid("joint_work_paused_by").references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("couples_counsellor_idx").on(t.counsellorId, t.status),
    index("couples_clinic_idx").on(t.clinicId, t.status),
    index("couples_joint_work_paused_by_idx").on(t.jointWorkPausedBy),
    check("couples_current_step_range", sql`${t.currentStep} between 1 and 10`),
    check("couples_check_ins_per_week_range", sql`${t.checkInsPerWeek} between 1 and 7`),
  ],
);

export const coupleMembers = pgTable(
  "couple_members",
  {
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    slot: partnerSlotEnum("slot").notNull(),
  },
  (t) => [primaryKey({ columns: [t.coupleId, t.slot] }), uniqueIndex("couple_members_user_key").on(t.userId)],
);

/** One row per couple and step: the timeline, the funnel and weeks-per-step read it. */
export const stepProgress = pgTable(
  "step_progress",
  {
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    status: stepStatusEnum("status").notNull().default("not_started"),
    startedOn: date("started_on", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.coupleId, t.step] }),
    index("step_progress_step_status_idx").on(t.step, t.status),
    check("step_progress_step_range", sql`${t.step} between 1 and 10`),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    coupleId: uuid("couple_id").references(() => couples.id, { onDelete: "cascade" }),
    slot: partnerSlotEnum("slot"),
    /** SHA-256 of the token; the token itself is only ever in the link. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_clinic_idx").on(t.clinicId),
    index("invitations_couple_idx").on(t.coupleId),
    index("invitations_created_by_idx").on(t.createdBy),
  ],
);

export type Couple = typeof couples.$inferSelect;
export type CoupleMember = typeof coupleMembers.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
