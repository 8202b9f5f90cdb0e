import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";

/**
 * Backups of either database. A Postgres server is dumped with pg_dump's custom format (-Fc) and
 * restored with pg_restore; the embedded database is PGlite's own data-folder tarball
 * (`dumpDataDir`, gzip), restored by loading it into a new data folder (`loadDataDir`).
 * Restoring never overwrites a database or folder that holds anything unless forced.
 */

export const BACKUP_DIR = "backups";
export type BackupKind = "postgres" | "pglite";
const EXTENSION: Record<BackupKind, string> = { postgres: ".dump", pglite: ".tar.gz" };

/** `backups/mend-2026-11-25T23-30-00Z.dump` (or `.tar.gz` for the embedded database). */
export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.join(BACKUP_DIR, `mend-${stamp}${EXTENSION[kind]}`);
}

/** The newest backup of this kind in backups/, for a restore given no file. */
export function newestBackupFile(kind: BackupKind): string | null {
  if (!existsSync(BACKUP_DIR)) return null;
  const files = readdirSync(BACKUP_DIR)
    .filter((name) => name.startsWith("mend-") && name.endsWith(EXTENSION[kind]))
    .sort();
  return files.length ? path.join(BACKUP_DIR, files[files.length - 1]!) : null;
}

/** A PostgreSQL client program: $PGBIN, then PostgreSQL 15's folder, then PATH. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const folders = [process.env.PGBIN, "/usr/lib/postgresql/15/bin", ...(process.env.PATH ?? "").split(path.delimiter)].filter(Boolean) as string[];
  for (const folder of folders) {
    const candidate = path.join(folder, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} was not found (looked in $PGBIN, /usr/lib/postgresql/15/bin and PATH). Install the PostgreSQL client tools, version 15 or newer.`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

function ensureParent(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

/** Dumps the server database at `url` to `file` (pg_dump -Fc, without owners or grants). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  ensureParent(file);
  await run(pgTool("pg_dump"), ["-Fc", "--no-owner", "--no-privileges", "-f", file, `--dbname=${url}`]);
}

/** How many tables the database at `url` holds in Mend's schemas (0: safe to restore into). */
async function postgresTableCount(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`;
    return row!.n;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Restores `file` into the server database at `url`, in one transaction. A database that already
 * holds tables is refused unless `force`, which first drops Mend's schemas there.
 */
export async function restorePostgres(url: string, file: string, options: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`);
  const restore = pgTool("pg_restore");
  const tables = await postgresTableCount(url);
  if (tables > 0) {
    if (!options.force) throw new Error(`The target database already holds ${tables} tables; restore refuses to overwrite it. Use --force to replace it.`);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe("drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;");
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  await run(restore, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file]);
}

function folderHoldsAnything(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0;
}

/** Writes an open embedded database's data folder to `file` as a gzipped tarball. */
export async function dumpPglite(client: PGlite, file: string): Promise<void> {
  // dumpDataDir does not wait for the database to open; without this it never settles.
  await client.waitReady;
  const dump = await client.dumpDataDir("gzip");
  ensureParent(file);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Backs up the embedded database in `dataDir` (Mend must not be running on that folder). */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!folderHoldsAnything(dataDir)) throw new Error(`There is no embedded database in ${dataDir} to back up.`);
  const client = new PGlite(dataDir);
  try {
    await dumpPglite(client, file);
  } finally {
    await client.close();
  }
}

/**
 * Loads a PGlite tarball into `dataDir`. A folder that holds anything is refused unless `force`,
 * which moves it aside (to `<dataDir>.before-restore-<time>`) rather than deleting it.
 *
 * @returns the folder the old data was moved to, if any.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<string | null> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`);
  let movedTo: string | null = null;
  if (folderHoldsAnything(dataDir)) {
    if (!options.force) throw new Error(`${dataDir} already holds a database; restore refuses to overwrite it. Use --force to replace it (the old folder is kept beside it).`);
    movedTo = `${dataDir.replace(/\/+$/, "")}.before-restore-${new Date().toISOString().replaceAll(":", "-")}`;
    renameSync(dataDir, movedTo);
  }
  mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await client.waitReady;
    // Proves the restored folder opens and answers before calling it done.
    await client.query("select 1");
  } finally {
    await client.close();
  }
  return movedTo;
}
