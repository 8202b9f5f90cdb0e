import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./clinics";
import { createdAt } from "./columns";

/**
 * One row per signed-in browser. The session cookie carries only this row's id (inside the
 * signed JWT), so idle and absolute limits, sign-out and revocation are decided here, by the
 * database, on every request: a copied cookie dies with its row.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    /** Last request that counted as activity; idle sign-out measures from here. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the password was right but the second factor is still owed. */
    secondFactorPending: boolean("second_factor_pending").notNull().default(false),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** A person's second factor (TOTP). The secret is stored encrypted with a key derived from AUTH_SECRET. */
export const userSecondFactors = pgTable("user_second_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  /** Null while enrolment awaits its first correct code. */
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The 30-second TOTP step of the last accepted code, so a code cannot be used twice. */
  lastUsedStep: integer("last_used_step"),
  createdAt: createdAt(),
});

/** Single-use recovery codes, stored hashed; shown once at enrolment. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export type UserSession = typeof userSessions.$inferSelect;
