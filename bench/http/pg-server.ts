import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./server";

export type PgServer = { url: string; stop: () => void };

/**
 * Starts a PostgreSQL 15 server of the benchmark's own, the way CI does (initdb, trust auth,
 * fsync off, as the postgres user when run as root). Its data folder is kept between runs, so
 * the seeded clinics are reused; delete the folder to start afresh.
 */
export async function startPostgres(dataDir: string): Promise<PgServer> {
  const bin = process.env.PGBIN || "/usr/lib/postgresql/15/bin";
  if (!existsSync(path.join(bin, "initdb"))) throw new Error(`PostgreSQL 15 not found at ${bin} (set PGBIN, or DATABASE_URL to use a running server)`);
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] }).toString();
  };
  const data = path.resolve(dataDir);
  const socket = mkdtempSync(path.join(tmpdir(), "mend-bench-pg-"));
  mkdirSync(data, { recursive: true });
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", data, socket]);
  if (!existsSync(path.join(data, "PG_VERSION"))) run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const port = await freePort();
  run("pg_ctl", ["-D", data, "-l", path.join(data, "server.log"), "-w", "-o", `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  const stop = () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "fast", "stop"]);
    } catch {
      // Already stopped.
    }
    rmSync(socket, { recursive: true, force: true });
  };
  try {
    const exists = run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-Atc", "select 1 from pg_database where datname = 'mend_bench_http'"]);
    if (!exists.trim()) run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-qc", "create database mend_bench_http"]);
  } catch (error) {
    stop();
    throw error;
  }
  console.log(`PostgreSQL 15 started on port ${port} (data in ${dataDir})`);
  return { url: `postgres://postgres@127.0.0.1:${port}/mend_bench_http`, stop };
}
