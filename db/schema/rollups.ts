import { date, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { couples } from "./couples";

/*
 * Roll-ups of check-ins that the clinic figures read instead of the check-ins themselves.
 * Database triggers on check_ins and couple_members keep them current in the same transaction
 * as the write (for the app, the seed and COPY alike; see migration 0005), so they are never
 * stale and no code writes them by hand. Only the figures read them.
 */

/**
 * One row per couple and day with at least one check-in: that day's counts, and running totals
 * from the couple's first day up to and including it, so any range [from, to] is the difference
 * of two rows (the last row on or before `to`, minus the last one before `from`).
 */
export const coupleCheckInDays = pgTable(
  "couple_check_in_days",
  {
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    /** Check-ins that day by the partner in slot A (0 or 1: one per partner per day). */
    partnerA: integer("partner_a").notNull(),
    /** The same for slot B. */
    partnerB: integer("partner_b").notNull(),
    /** Every check-in of the couple that day (both partners). */
    checkIns: integer("check_ins").notNull(),
    /** Sum of those check-ins' trust (each 0–10). */
    trustSum: integer("trust_sum").notNull(),
    /** Running totals of the four columns above, over every day up to and including this one. */
    partnerAToDate: integer("partner_a_to_date").notNull(),
    partnerBToDate: integer("partner_b_to_date").notNull(),
    checkInsToDate: integer("check_ins_to_date").notNull(),
    trustSumToDate: integer("trust_sum_to_date").notNull(),
  },
  (t) => [primaryKey({ columns: [t.coupleId, t.day] })],
);

/** Check-ins per couple and ISO week (Monday start), for the weekly chart's whole weeks. */
export const coupleCheckInWeeks = pgTable(
  "couple_check_in_weeks",
  {
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    checkIns: integer("check_ins").notNull(),
  },
  (t) => [primaryKey({ columns: [t.coupleId, t.weekStart] })],
);
