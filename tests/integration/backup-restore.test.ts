import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { schema, type Database } from "@/db";
import { backupPglite, backupPostgres, pgTool, restorePglite, restorePostgres } from "@/db/backup";
import { MIGRATIONS_FOLDER, migratePostgresServer } from "@/db/migrate";
import { reopenDatabase } from "@/db/ready";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/accounts";
import { seedDemoIfEmpty } from "@/db/seed/demo";
import { verifySignIn } from "@/lib/dal/auth";

/**
 * A backup restored into a fresh database holds every row of every table, and a demo account
 * signs in against it through the real credential check. The embedded database always; a
 * Postgres server when TEST_DATABASE_URL names one and pg_dump / pg_restore are installed.
 */
const work = mkdtempSync(path.join(tmpdir(), "mend-backup-"));
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, MEND_DATA_DIR: process.env.MEND_DATA_DIR };
const TABLES = `select table_schema || '.' || table_name as name from information_schema.tables
  where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`;

type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Row count of every table in Mend's schemas, by "schema.table". */
async function rowCounts(query: Query): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of (await query(TABLES)) as { name: string }[]) {
    const [schemaName, table] = name.split(".");
    const [row] = await query(`select count(*)::int as n from "${schemaName}"."${table}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

const pgliteQuery = (client: PGlite): Query => async (text) => (await client.query<Record<string, unknown>>(text)).rows;

/** Points the app's own database at the restored copy and signs a demo account in through it. */
async function demoSignsIn(env: { DATABASE_URL?: string; MEND_DATA_DIR?: string }): Promise<void> {
  await reopenDatabase();
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  if (env.MEND_DATA_DIR) process.env.MEND_DATA_DIR = env.MEND_DATA_DIR;
  try {
    const counsellor = DEMO_ACCOUNTS.find((a) => a.email.startsWith("counsellor@"))!;
    const result = await verifySignIn({ email: counsellor.email, password: DEMO_PASSWORD, ip: "192.0.2.10" });
    expect(result.ok).toBe(true);
    const wrong = await verifySignIn({ email: counsellor.email, password: "not the password", ip: "192.0.2.10" });
    expect(wrong.ok).toBe(false);
  } finally {
    await reopenDatabase();
    process.env.DATABASE_URL = savedEnv.DATABASE_URL;
    if (savedEnv.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    process.env.MEND_DATA_DIR = savedEnv.MEND_DATA_DIR;
  }
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// The embedded part runs in the embedded run of the suite; against a server it would only repeat itself.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("backup and restore of the embedded database", () => {
  it("restores every row into a fresh folder, where a demo account signs in", async () => {
    const source = path.join(work, "source");
    const client = new PGlite(source);
    await migratePglite(drizzlePglite(client, { schema, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_FOLDER });
    await seedDemoIfEmpty(drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database);
    const before = await rowCounts(pgliteQuery(client));
    await client.close();
    expect(before["public.users"]).toBeGreaterThan(5);
    expect(before["drizzle.__drizzle_migrations"]).toBeGreaterThan(0);

    const file = path.join(work, "backups", "mend-embedded.tar.gz");
    await backupPglite(source, file);
    expect(statSync(file).size).toBeGreaterThan(0);

    const target = path.join(work, "restored");
    await restorePglite(file, target);
    const restored = new PGlite(target);
    expect(await rowCounts(pgliteQuery(restored))).toEqual(before);
    await restored.close();

    // A second restore into the now non-empty folder is refused, and --force keeps the old one aside.
    await expect(restorePglite(file, target)).rejects.toThrow(/refuses to overwrite/);
    const movedTo = await restorePglite(file, target, { force: true });
    expect(movedTo).toMatch(/restored\.before-restore-/);

    await demoSignsIn({ MEND_DATA_DIR: target });
  }, 300_000);
});

const serverUrl = process.env.TEST_DATABASE_URL;
const tools = (() => {
  try {
    return Boolean(pgTool("pg_dump") && pgTool("pg_restore"));
  } catch {
    return false;
  }
})();

describe.skipIf(!serverUrl || !tools)("backup and restore of a Postgres server database (needs TEST_DATABASE_URL and pg_dump)", () => {
  it("restores every row into a fresh database, where a demo account signs in", async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const suffix = randomUUID().slice(0, 8);
    const names = { source: `mend_backup_src_${suffix}`, target: `mend_backup_dst_${suffix}` };
    const urlOf = (name: string) => {
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      return url.toString();
    };
    await admin.unsafe(`create database ${names.source}`);
    await admin.unsafe(`create database ${names.target}`);
    try {
      await migratePostgresServer(urlOf(names.source));
      const source = postgres(urlOf(names.source), { max: 1, onnotice: () => {} });
      await seedDemoIfEmpty(drizzlePostgres(source, { schema, casing: "snake_case" }) as unknown as Database);
      const query: (sql: postgres.Sql) => Query = (sql) => (text) => sql.unsafe(text) as unknown as Promise<Record<string, unknown>[]>;
      const before = await rowCounts(query(source));
      await source.end();

      const file = path.join(work, "backups", "mend-server.dump");
      await backupPostgres(urlOf(names.source), file);
      await restorePostgres(urlOf(names.target), file);
      const target = postgres(urlOf(names.target), { max: 1, onnotice: () => {} });
      expect(await rowCounts(query(target))).toEqual(before);
      await target.end();
      await expect(restorePostgres(urlOf(names.target), file)).rejects.toThrow(/refuses to overwrite/);

      await demoSignsIn({ DATABASE_URL: urlOf(names.target) });
    } finally {
      await admin.unsafe(`drop database if exists ${names.source} with (force)`);
      await admin.unsafe(`drop database if exists ${names.target} with (force)`);
      await admin.end();
    }
  }, 300_000);
});
