import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getHandle } from "./index";
import { ensureMendMeasures } from "./mend-measures";
import type { PgliteDatabase } from "drizzle-orm/pglite";

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");
const MIGRATION_LOCK = 727_001;

/** Applies, on a Postgres server, every migration not yet run (and Mend's own measures), one server process at a time. */
export async function migratePostgresServer(url: string): Promise<void> {
  // One dedicated connection, so the advisory lock and the migration share a session.
  const client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const database = drizzle(client);
    await migratePostgres(database, { migrationsFolder: MIGRATIONS_FOLDER });
    await ensureMendMeasures(database);
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/**
 * Applies every committed migration that has not run yet, then makes sure Mend's own measures are
 * stored; safe to call on each start.
 */
export async function runMigrations(): Promise<void> {
  const handle = getHandle();
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    await ensureMendMeasures(handle.db);
  } else {
    await migratePostgresServer(process.env.DATABASE_URL!);
  }
}
