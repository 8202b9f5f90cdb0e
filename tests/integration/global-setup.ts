import postgres from "postgres";

/**
 * Against a Postgres server, start from an empty schema once, before any worker migrates.
 * The embedded database needs nothing: each worker gets its own in memory.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const sql = postgres(url, { onnotice: () => {}, max: 1 });
  try {
    await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  } finally {
    await sql.end();
  }
}
