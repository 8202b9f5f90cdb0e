import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { queryLogger } from "./query-log";
import * as schema from "./schema";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** The one database type the app sees, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: DAL helpers accept both. */
export type Executor = Database | Transaction;

type Handle = { db: Database; kind: "pglite" | "postgres"; close: () => Promise<void> };

export const DEFAULT_DATA_DIR = ".data/pglite";

/** Where the embedded database lives; `memory://` keeps it in memory (tests). */
export function dataDir(): string {
  return process.env.MEND_DATA_DIR || DEFAULT_DATA_DIR;
}

function openPglite(): Handle {
  const dir = dataDir();
  let target = dir;
  if (!dir.startsWith("memory://")) {
    target = path.resolve(/* turbopackIgnore: true */ process.cwd(), dir);
    // PGlite does not create parent folders; a missing one would surface as an opaque auth error.
    mkdirSync(target, { recursive: true });
  }
  const client = new PGlite(target);
  const db = drizzlePglite(client, { schema, casing: "snake_case", logger: queryLogger() }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}

type PgClient = postgres.Sql;

/**
 * The client as drizzle should see it: every statement sent as a named prepared statement, cached
 * per connection by its text. drizzle asks postgres.js for unnamed ones, which PostgreSQL parses
 * and plans on every call; a page's statements repeat with new values, so after a few runs
 * PostgreSQL keeps one plan and skips planning (13 of the couple page's 27 ms of SQL were
 * planning). Transactions and savepoints hand drizzle a client of their own: those are wrapped
 * too. `DATABASE_PREPARED_STATEMENTS=off` turns it off, for a pooler that cannot keep prepared
 * statements.
 */
function preparing(client: PgClient): PgClient {
  const wrapWork = (args: unknown[]) => {
    const work = args.at(-1) as (c: PgClient) => unknown;
    return [...args.slice(0, -1), (inner: PgClient) => work(preparing(inner))];
  };
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe") {
        return (text: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, params, { ...options, prepare: true });
      }
      if (key === "begin" || key === "savepoint") {
        const method = Reflect.get(target, key, receiver) as (...a: unknown[]) => unknown;
        return (...args: unknown[]) => method(...wrapWork(args));
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

function openPostgres(url: string): Handle {
  const raw = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    // Short OLTP queries: JIT compilation costs more than it saves (seen adding ~1 s to the clinic overview).
    connection: { jit: "off" },
  });
  const client = process.env.DATABASE_PREPARED_STATEMENTS === "off" ? raw : preparing(raw);
  const db = drizzlePostgres(client, { schema, casing: "snake_case", logger: queryLogger() }) as unknown as Database;
  return { db, kind: "postgres", close: () => raw.end({ timeout: 5 }) };
}

// One instance per process, kept on globalThis so dev reloads do not open the data folder twice
// (PGlite holds it exclusively).
const globalForDb = globalThis as unknown as { __mendDb?: Handle };

export function getHandle(): Handle {
  if (!globalForDb.__mendDb) {
    const url = process.env.DATABASE_URL;
    globalForDb.__mendDb = url ? openPostgres(url) : openPglite();
  }
  return globalForDb.__mendDb;
}

/** The database without waiting for migrations: scripts and the migrator use it. */
export function getRawDb(): Database {
  return getHandle().db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__mendDb;
  globalForDb.__mendDb = undefined;
  await handle?.close();
}

export { schema };
