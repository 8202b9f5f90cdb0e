import { sql } from "drizzle-orm";
import { closeDb, getHandle, getRawDb, type Database } from "./index";
import { runMigrations } from "./migrate";

/** Dev servers and `MEND_DEMO=1` seed the demo clinic into an empty database. */
export function demoSeedingEnabled(): boolean {
  if (process.env.MEND_DEMO === "0") return false;
  return process.env.MEND_DEMO === "1" || process.env.NODE_ENV === "development";
}

const globalForReady = globalThis as unknown as { __mendReady?: Promise<void> };

async function prepare(): Promise<void> {
  const started = Date.now();
  await runMigrations();
  if (demoSeedingEnabled()) {
    const { seedDemoIfEmpty } = await import("./seed/demo");
    const seeded = await seedDemoIfEmpty(getRawDb());
    if (seeded) console.log(`[mend] seeded the demo clinic "${seeded.clinicName}"`);
  }
  if (getHandle().kind === "pglite") {
    // The embedded database has no autovacuum to keep planner statistics; without them a
    // bulk-loaded table gets nested-loop plans that take seconds instead of milliseconds.
    await getRawDb().execute(sql`analyze`);
  }
  console.log(`[mend] database ready (${getHandle().kind}) in ${Date.now() - started} ms`);
}

/**
 * Migrates (and seeds the demo clinic where enabled) once per process. A failure is not
 * remembered, so the next request tries again once the database is back.
 */
export function ensureReady(): Promise<void> {
  if (!globalForReady.__mendReady) {
    globalForReady.__mendReady = prepare().catch((error: unknown) => {
      globalForReady.__mendReady = undefined;
      throw error;
    });
  }
  return globalForReady.__mendReady;
}

/** The database, migrated. Everything that serves a request goes through this. */
export async function db(): Promise<Database> {
  await ensureReady();
  return getRawDb();
}

/**
 * True when the database is migrated and answers `select 1` within `timeoutMs`. A probe that
 * times out is abandoned, not cancelled: the driver's own connect timeout ends it.
 */
export async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = db()
    .then((database) => database.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes the connection and forgets that the database was ready, so the next request opens
 * whatever DATABASE_URL or MEND_DATA_DIR names now (a restore check, tests).
 */
export async function reopenDatabase(): Promise<void> {
  globalForReady.__mendReady = undefined;
  await closeDb();
}
