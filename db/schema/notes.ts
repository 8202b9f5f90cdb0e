import { index, jsonb, pgTable, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./clinics";
import { timestamps } from "./columns";
import { couples } from "./couples";
import { noteFormatEnum, noteStatusEnum } from "./enums";

/** Clinical notes: readable by the couple's current counsellor only. */
export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coupleId: uuid("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    format: noteFormatEnum("format").notNull(),
    /** Sections keyed by the format's headings (subjective, objective, … or body). */
    body: jsonb("body").$type<Record<string, string>>().notNull(),
    status: noteStatusEnum("status").notNull().default("draft"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** Set on an addendum: signed notes are never edited, only added to. */
    addendumTo: uuid("addendum_to").references((): AnyPgColumn => notes.id),
    ...timestamps(),
  },
  (t) => [
    index("notes_couple_created_idx").on(t.coupleId, t.createdAt),
    index("notes_author_idx").on(t.authorId),
    index("notes_addendum_to_idx").on(t.addendumTo),
  ],
);

export type Note = typeof notes.$inferSelect;
