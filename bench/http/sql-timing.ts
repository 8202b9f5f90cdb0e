import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

/**
 * A page's SQL alone: the statements the server ran for one request (logged with
 * `MEND_QUERY_LOG=<file>`, see db/query-log.ts), replayed under
 * `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` inside a transaction that is rolled back, so the
 * writes a page makes (session touch, audit rows) leave nothing behind.
 *
 * PostgreSQL: `timePageSql` does it all while the server runs. PGlite holds its data folder
 * exclusively, so there it takes two steps: `collectPageSql` while the server runs, then, once
 * it has stopped, `openExplainTarget(<data folder>)` and `explainStatements`.
 */

export type LoggedStatement = { sql: string; params: unknown[] };

export type StatementTiming = {
  sql: string;
  executionMs: number;
  planningMs: number;
  sharedBlocks: number;
  /** The plan node that spent the most time itself (children excluded), e.g. `Index Scan on check_ins: 412.3 ms`. */
  slowestNode: string;
};

export type SqlTiming = {
  /** Statements explained (reads and writes). */
  queries: number;
  executionMs: number;
  planningMs: number;
  /** One line per sequential scan of check_ins found in any plan. */
  seqScansOfCheckIns: string[];
  /** Statements EXPLAIN cannot take (BEGIN, COMMIT, SET, SAVEPOINT …): counted, not timed. */
  skipped: number;
  /** Statements that failed when replayed (their time is not counted). */
  failed: { sql: string; error: string }[];
  /** Shared buffers hit or read by all plans: a figure that does not depend on machine load. */
  sharedBlocks: number;
  /** Every explained statement, slowest first. */
  statements: StatementTiming[];
};

/** Where EXPLAIN runs: one connection, so BEGIN … ROLLBACK holds. */
export type ExplainTarget = {
  kind: "postgres" | "pglite";
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

/** Opens a PostgreSQL URL (`postgres://…`) or a PGlite data folder (any other string). */
export async function openExplainTarget(database: string): Promise<ExplainTarget> {
  if (/^postgres(ql)?:\/\//.test(database)) {
    const client = postgres(database, { max: 1, onnotice: () => {}, connection: { jit: "off" } });
    const reserved = await client.reserve();
    return {
      kind: "postgres",
      query: async (text, params = []) => [...(await reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[]))],
      close: async () => {
        reserved.release();
        await client.end({ timeout: 5 });
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(path.resolve(database));
  await client.waitReady;
  return {
    kind: "pglite",
    query: async (text, params = []) => (await client.query<Record<string, unknown>>(text, params)).rows,
    close: () => client.close(),
  };
}

const EXPLAINABLE = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*\(?\s*(select|insert|update|delete|with|values|table|merge)\b/i;

/** Whether EXPLAIN takes this statement (transaction control, SET and the like it does not). */
export function isExplainable(sqlText: string): boolean {
  return EXPLAINABLE.test(sqlText);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Waits until the log has not grown for `quietMs` (work a page schedules after its response). */
async function settle(file: string, quietMs = 200, maxMs = 3000): Promise<void> {
  const started = Date.now();
  let size = fileSize(file);
  let stableSince = Date.now();
  while (Date.now() - started < maxMs) {
    await sleep(50);
    const now = fileSize(file);
    if (now !== size) {
      size = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return;
    }
  }
}

/** The statements in a query log, in the order they ran. */
export function readQueryLog(file: string): LoggedStatement[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LoggedStatement);
}

/**
 * The statements one request runs: a warm-up request first (caches, first-use work), then the
 * log is emptied, the request made again and its statements read. Nothing else may hit the
 * server meanwhile, or its statements are mixed in.
 */
export async function collectPageSql(options: { queryLogFile: string; request: () => Promise<void>; warmUp?: boolean }): Promise<LoggedStatement[]> {
  const { queryLogFile, request, warmUp = true } = options;
  if (warmUp) {
    await request();
    await settle(queryLogFile);
  }
  writeFileSync(queryLogFile, "");
  await request();
  await settle(queryLogFile);
  return readQueryLog(queryLogFile);
}

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

function seqScansOfCheckIns(node: PlanNode, sqlText: string, found: string[]): void {
  if (String(node["Node Type"]).endsWith("Seq Scan") && node["Relation Name"] === "check_ins") {
    const alias = node["Alias"] && node["Alias"] !== "check_ins" ? ` ${String(node["Alias"])}` : "";
    const filter = node["Filter"] ? ` filter ${String(node["Filter"])}` : "";
    const rows = `${String(node["Actual Rows"] ?? "?")} rows × ${String(node["Actual Loops"] ?? 1)} loops, ${String(node["Rows Removed by Filter"] ?? 0)} removed`;
    const statement = sqlText.replace(/\s+/g, " ").slice(0, 160);
    found.push(`Seq Scan on check_ins${alias}${filter} (${rows}) in: ${statement}`);
  }
  for (const child of node.Plans ?? []) seqScansOfCheckIns(child, sqlText, found);
}

/** Time a node spent itself: its total over all loops minus its children's. */
function selfMs(node: PlanNode): number {
  const total = (node: PlanNode) => Number(node["Actual Total Time"] ?? 0) * Number(node["Actual Loops"] ?? 1);
  return total(node) - (node.Plans ?? []).reduce((sum, child) => sum + total(child), 0);
}

function slowestNode(root: PlanNode): string {
  let slowest = root;
  const walk = (node: PlanNode) => {
    if (selfMs(node) > selfMs(slowest)) slowest = node;
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(root);
  const relation = slowest["Relation Name"] ? ` on ${String(slowest["Relation Name"])}` : "";
  const index = slowest["Index Name"] ? ` using ${String(slowest["Index Name"])}` : "";
  return `${String(slowest["Node Type"])}${relation}${index}: ${selfMs(slowest).toFixed(1)} ms, ${String(slowest["Actual Rows"] ?? "?")} rows × ${String(slowest["Actual Loops"] ?? 1)}`;
}

function firstPlan(rows: Record<string, unknown>[]): Record<string, unknown> {
  const cell = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof cell === "string" ? JSON.parse(cell) : cell) as Record<string, unknown>[] | undefined;
  if (!parsed?.[0]) throw new Error("EXPLAIN returned no plan");
  return parsed[0];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs each statement under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` in order (after planning
 * them all once, so catalog caches are warm as on the app's pooled connections), in one
 * transaction that is rolled back (each in its own savepoint, so a statement that fails does not
 * stop the rest), and sums execution and planning time.
 */
export async function explainStatements(target: ExplainTarget, statements: LoggedStatement[]): Promise<SqlTiming> {
  const timing: SqlTiming = {
    queries: 0,
    executionMs: 0,
    planningMs: 0,
    seqScansOfCheckIns: [],
    skipped: 0,
    failed: [],
    sharedBlocks: 0,
    statements: [],
  };
  await target.query("begin");
  try {
    // A fresh connection plans its first statements with cold catalog caches (seen: 20–40 ms of
    // planning for a primary-key lookup); the app's pooled connections are warm. Planning each
    // statement once without running it warms them.
    for (const statement of statements) {
      if (!isExplainable(statement.sql)) continue;
      await target.query("savepoint explain_one");
      await target.query(`explain ${statement.sql}`, statement.params).catch(() => undefined);
      await target.query("rollback to savepoint explain_one");
    }
    for (const statement of statements) {
      if (!isExplainable(statement.sql)) {
        timing.skipped++;
        continue;
      }
      await target.query("savepoint explain_one");
      try {
        const plan = firstPlan(await target.query(`explain (analyze, buffers, format json) ${statement.sql}`, statement.params));
        const root = plan["Plan"] as PlanNode;
        const executionMs = Number(plan["Execution Time"] ?? 0);
        const planningMs = Number(plan["Planning Time"] ?? 0);
        const sharedBlocks = Number(root["Shared Hit Blocks"] ?? 0) + Number(root["Shared Read Blocks"] ?? 0);
        timing.queries++;
        timing.executionMs += executionMs;
        timing.planningMs += planningMs;
        timing.sharedBlocks += sharedBlocks;
        timing.statements.push({ sql: statement.sql, executionMs, planningMs, sharedBlocks, slowestNode: slowestNode(root) });
        seqScansOfCheckIns(root, statement.sql, timing.seqScansOfCheckIns);
        await target.query("release savepoint explain_one");
      } catch (error) {
        await target.query("rollback to savepoint explain_one");
        timing.failed.push({ sql: statement.sql, error: message(error) });
      }
    }
  } finally {
    await target.query("rollback");
  }
  timing.statements.sort((a, b) => b.executionMs + b.planningMs - (a.executionMs + a.planningMs));
  return timing;
}

/**
 * The SQL time of one page on PostgreSQL, while its server runs with `MEND_QUERY_LOG` set to
 * `queryLogFile`: collects the statements of one request (after a warm-up), then explains them
 * against `databaseUrl`. For PGlite use `collectPageSql` and, after the server stopped,
 * `explainStatements(await openExplainTarget(dataFolder), statements)`.
 */
export async function timePageSql(options: { databaseUrl: string; queryLogFile: string; request: () => Promise<void> }): Promise<SqlTiming> {
  const statements = await collectPageSql(options);
  const target = await openExplainTarget(options.databaseUrl);
  try {
    return await explainStatements(target, statements);
  } finally {
    await target.close();
  }
}

/** One line per figure, for a console table. */
export function formatSqlTiming(name: string, timing: SqlTiming): string {
  const scans = timing.seqScansOfCheckIns.length ? `, ${timing.seqScansOfCheckIns.length} seq scans of check_ins` : "";
  const failed = timing.failed.length ? `, ${timing.failed.length} failed` : "";
  return `${name}: ${timing.queries} queries (${timing.skipped} skipped${failed}), execution ${timing.executionMs.toFixed(1)} ms, planning ${timing.planningMs.toFixed(1)} ms, ${timing.sharedBlocks} buffers${scans}`;
}
