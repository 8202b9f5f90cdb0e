import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamps } from "./columns";
import { roleEnum } from "./enums";

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /**
   * IANA time zone (e.g. "Europe/London") whose calendar day the clinic's figures use, and every
   * member's "today" unless they set their own. Validated by the app against the runtime's zone list.
   */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** When set, every counsellor and admin of the clinic must sign in with a second factor. */
  requireStaffTwoFactor: boolean("require_staff_two_factor").notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    role: roleEnum("role").notNull(),
    /** Stored lower-cased; the unique index makes one account per address. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null until an invited person sets a password. */
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    /** Bumped on sign-out, password change and deactivation: every JWT carrying an older value is dead. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** The person's own IANA time zone for their "today"; null follows the clinic's. */
    timeZone: text("time_zone"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_clinic_role_idx").on(t.clinicId, t.role),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type User = typeof users.$inferSelect;
