import { appendFileSync } from "node:fs";
import type { Logger } from "drizzle-orm";

/**
 * JSON can carry every parameter the drivers are given except bigints and bytes; both become the
 * text form PostgreSQL accepts back as a parameter.
 */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "Buffer" && Array.isArray((value as { data?: unknown }).data)) {
    return `\\x${Buffer.from((value as { data: number[] }).data).toString("hex")}`;
  }
  return value;
}

/**
 * With `MEND_QUERY_LOG=<file>`, every statement the app runs is appended to that file, with its
 * parameters, as one JSON line `{"sql": …, "params": […]}`: the benchmark replays a page's
 * statements under EXPLAIN ANALYZE. Unset (always, outside the benchmark), no logger is given and
 * the driver keeps its no-op one, so a request pays nothing for it. The write is synchronous so a
 * statement is in the file before its page's response ends.
 */
export function queryLogger(): Logger | undefined {
  const file = process.env.MEND_QUERY_LOG;
  if (!file) return undefined;
  return {
    logQuery(query, params) {
      appendFileSync(file, `${JSON.stringify({ sql: query, params }, replacer)}\n`);
    },
  };
}
