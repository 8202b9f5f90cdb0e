import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

/** When the row was written; the database sets it. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * `created_at` and `updated_at` for a row that changes. Drizzle adds `updated_at = now()` to every
 * update (and to an upsert's update), so no write has to remember it. It is the database's clock,
 * like the default, so `updated_at` never precedes `created_at` whatever the app server's clock
 * says. The column SQL is that of a plain `defaultNow()` column: adopting it needs no migration.
 */
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => sql`now()`),
});
