import { existsSync } from "node:fs";
import path from "node:path";
import type { PageRow } from "./report";

// The probes live in their own modules; a run without one of them says so instead of a figure.
type LoggedStatement = { sql: string; params: unknown[] };
type SqlTiming = { queries: number; executionMs: number; planningMs: number; seqScansOfCheckIns: string[]; failed: unknown[] };
type ExplainTarget = { close(): Promise<void> };
type SqlModule = {
  timePageSql(options: { databaseUrl: string; queryLogFile: string; request: () => Promise<void> }): Promise<SqlTiming>;
  collectPageSql(options: { queryLogFile: string; request: () => Promise<void> }): Promise<LoggedStatement[]>;
  openExplainTarget(database: string): Promise<ExplainTarget>;
  explainStatements(target: ExplainTarget, statements: LoggedStatement[]): Promise<SqlTiming>;
};
type JsModule = { firstLoadJs(options: { baseUrl: string; cookie: string; path: string }): Promise<{ gzipBytes: number }> };
type LighthouseModule = {
  lighthouseScores(options: { baseUrl: string; cookie: string; path: string }): Promise<NonNullable<PageRow["lighthouse"]> & { accessibilityFailures: string[] }>;
};
export type ScaleOutOptions = { distDir: string; databaseUrl: string; env?: Record<string, string>; path: string; cookie: string; durationSeconds: number; log?: (line: string) => void };
export type ScaleOutResult = { oneRps: number; twoRps: number; ratio: number; kill: { requests: number; errors: number; retried: number; sessionStillValid: boolean } };
type ScaleOutModule = { runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> };

async function optional<T>(name: string): Promise<T | null> {
  const file = path.join(process.cwd(), "bench", "http", `${name}.ts`);
  return existsSync(file) ? ((await import(file)) as T) : null;
}

export type Probes = { notMeasured: string[]; runScaleOut?: (options: ScaleOutOptions) => Promise<ScaleOutResult> };

type ProbeOptions = {
  baseUrl: string;
  db: "postgres" | "pglite";
  databaseUrl?: string;
  /** The file the server appends its statements to (MEND_QUERY_LOG). */
  queryLog: string;
  rows: PageRow[];
  signIn: (email: string) => Promise<string>;
  /** Stops the server: PGlite's folder can only be opened for EXPLAIN once it has let go. */
  stop: () => Promise<void>;
  pgliteDir?: string;
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/\u001b\[\d+m/g, "");

function record(row: PageRow, timing: SqlTiming, notMeasured: string[]): void {
  row.sqlMs = timing.executionMs + timing.planningMs;
  row.queries = timing.queries;
  row.seqScansOfCheckIns = timing.seqScansOfCheckIns;
  for (const scan of timing.seqScansOfCheckIns) console.log(`  ${row.path}: ${scan}`);
  if (timing.failed.length) notMeasured.push(`${row.page} ${row.path}: ${timing.failed.length} statements could not be replayed under EXPLAIN (their time is left out)`);
}

/**
 * Each page's SQL alone (EXPLAIN ANALYZE of the statements one request ran), its first-load
 * JavaScript and, for partner pages, Lighthouse. The server must log its statements to
 * `queryLog`, and nothing else may load it meanwhile.
 */
export async function probePages(options: ProbeOptions): Promise<Probes> {
  const { rows, baseUrl, queryLog } = options;
  const notMeasured: string[] = [];
  const sql = await optional<SqlModule>("sql-timing");
  const js = await optional<JsModule>("first-load-js");
  const lighthouse = await optional<LighthouseModule>("lighthouse");
  const scaleOut = await optional<ScaleOutModule>("scale-out");
  if (!sql) notMeasured.push("SQL time and sequential scans: bench/http/sql-timing.ts is missing");
  if (!js) notMeasured.push("first-load JavaScript: bench/http/first-load-js.ts is missing");
  if (!lighthouse) notMeasured.push("Lighthouse: bench/http/lighthouse.ts is missing");
  if (!scaleOut) notMeasured.push("scale-out: bench/http/scale-out.ts is missing");

  const cookies = new Map<string, string>();
  const cookieOf = async (email: string) => {
    if (!cookies.has(email)) cookies.set(email, await options.signIn(email));
    return cookies.get(email)!;
  };
  const pending: [PageRow, LoggedStatement[]][] = [];
  for (const row of rows) {
    // A page that never opened is not probed; one that was only too slow under load still is.
    if (row.failure && !row.c1) continue;
    let cookie: string;
    try {
      cookie = await cookieOf(row.who);
    } catch (error) {
      row.failure = message(error);
      continue;
    }
    const request = async () => {
      const response = await fetch(`${baseUrl}${row.path}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${row.path} answered ${response.status}`);
    };
    if (row.c1 && sql) {
      try {
        if (options.db === "postgres") record(row, await sql.timePageSql({ databaseUrl: options.databaseUrl!, queryLogFile: queryLog, request }), notMeasured);
        else pending.push([row, await sql.collectPageSql({ queryLogFile: queryLog, request })]);
      } catch (error) {
        notMeasured.push(`SQL of ${row.page} ${row.path}: ${message(error)}`);
      }
    }
    if (js) {
      try {
        row.firstLoadGzipKb = (await js.firstLoadJs({ baseUrl, cookie, path: row.path })).gzipBytes / 1024;
      } catch (error) {
        notMeasured.push(`first-load JS of ${row.path}: ${message(error)}`);
      }
    }
    if (row.budget === "partner" && lighthouse) {
      try {
        const scores = await lighthouse.lighthouseScores({ baseUrl, cookie, path: row.path });
        const { accessibilityFailures, ...kept } = scores;
        row.lighthouse = kept;
        for (const failure of accessibilityFailures) console.log(`  ${row.path} accessibility: ${failure}`);
      } catch (error) {
        notMeasured.push(`Lighthouse of ${row.path}: ${message(error)}`);
      }
    }
    console.log(`${row.page} ${row.path}: SQL ${row.sqlMs != null ? `${row.sqlMs.toFixed(1)} ms` : row.c1 && options.db === "pglite" ? "after the server stops" : "—"}, JS ${row.firstLoadGzipKb?.toFixed(1) ?? "?"} kB gz${row.lighthouse ? `, Lighthouse ${row.lighthouse.performance}/${row.lighthouse.accessibility} (×${row.lighthouse.cpuSlowdownMultiplier}, benchmarkIndex ${row.lighthouse.benchmarkIndex}), calibrated ${row.lighthouse.calibrated ? `${row.lighthouse.calibrated.performance} (×${row.lighthouse.calibrated.cpuSlowdownMultiplier})` : "—"}` : ""}`);
  }

  if (pending.length && sql) {
    await options.stop();
    const target = await sql.openExplainTarget(options.pgliteDir!);
    try {
      for (const [row, statements] of pending) record(row, await sql.explainStatements(target, statements), notMeasured);
    } finally {
      await target.close();
    }
  }
  return { notMeasured, runScaleOut: scaleOut?.runScaleOut };
}
