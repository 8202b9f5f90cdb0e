import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { closeDb } from "@/db";
import { load } from "./load";
import { startPostgres, type PgServer } from "./pg-server";
import { probePages, type Probes } from "./probes";
import { checkBudgets, formatTable, writeReport, type BenchReport, type Budget, type PageRow } from "./report";
import { BENCH_PASSWORD, seedBenchClinics } from "./seed";
import { buildIfNeeded, freePort, startApp } from "./server";
import { checkPage, openSigner } from "./sign-in";

/**
 * The HTTP benchmark: seeds the load clinics, starts `next start` on a production build, signs in
 * through the real sign-in page and measures each page under load beside the framework's floor (a
 * signed-in /account of the same build), then each page's SQL alone, its first-load JavaScript,
 * Lighthouse for partner pages, and the scale-out run. Prints one table, writes it as JSON to
 * bench/results/, and exits 1 when any request failed.
 *
 *   tsx bench/http/run.ts [--db=postgres|pglite] [--no-build | --build]
 */
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const db = (option("db") ?? "postgres") as "postgres" | "pglite";
if (db !== "postgres" && db !== "pglite") throw new Error(`--db must be postgres or pglite, not ${db}`);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARM_SECONDS = Math.min(3, SECONDS);
const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const AUTH_SECRET = process.env.AUTH_SECRET || "bench-secret-0123456789abcdef0123456789";
const PARTNER_PAGES = (process.env.BENCH_PARTNER_PAGES ?? "/check-in,/exercises,/promises,/progress").split(",").filter(Boolean);

// Playwright's messages run on with a coloured call log: the table keeps the first line.
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/\u001b\[\d+m/g, "");

type Target = { page: string; path: string; who: "counsellor" | "admin" | "smallAdmin" | "partner"; budget: Budget; loaded: boolean };

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  let pg: PgServer | undefined;
  let appEnv: Record<string, string>;
  if (db === "postgres") {
    if (!process.env.DATABASE_URL) pg = await startPostgres(process.env.BENCH_PG_DIR || ".data/bench-postgres");
    process.env.DATABASE_URL ||= pg!.url;
    appEnv = { DATABASE_URL: process.env.DATABASE_URL };
  } else {
    delete process.env.DATABASE_URL;
    process.env.MEND_DATA_DIR = process.env.BENCH_PGLITE_DIR || ".data/bench-pglite";
    appEnv = { MEND_DATA_DIR: process.env.MEND_DATA_DIR };
  }
  Object.assign(appEnv, { AUTH_SECRET, MEND_DEMO: "0", AUTH_TRUST_HOST: "true" });
  const servers: { stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const server of servers.splice(0)) await server.stop();
  };
  try {
    const seed = await seedBenchClinics();
    await closeDb();
    const [big, small] = seed.clinics as [(typeof seed.clinics)[0], (typeof seed.clinics)[0]];
    const email = { counsellor: big.counsellor, admin: big.admin, smallAdmin: small.admin, partner: big.partner };
    const targets: Target[] = [
      { page: "floor", path: "/account", who: "counsellor", budget: "none", loaded: true },
      { page: "caseload (40 couples)", path: "/caseload", who: "counsellor", budget: "caseload", loaded: true },
      { page: "couple page (365 days)", path: `/couples/${big.coupleId}`, who: "counsellor", budget: "couple", loaded: true },
      { page: "clinic overview (2,000 couples)", path: "/clinic", who: "admin", budget: "clinic", loaded: true },
      { page: "clinic overview (200 couples)", path: "/clinic", who: "smallAdmin", budget: "none", loaded: true },
      { page: "audit log", path: "/clinic/audit", who: "admin", budget: "none", loaded: true },
      { page: "partner Today", path: "/today", who: "partner", budget: "partner", loaded: true },
      ...PARTNER_PAGES.map((p) => ({ page: "partner", path: p, who: "partner" as const, budget: "partner" as const, loaded: false })),
    ];
    const rows: PageRow[] = targets.map((t) => ({
      page: t.page,
      path: t.path,
      who: email[t.who],
      budget: t.budget,
      sqlMs: null,
      queries: null,
      seqScansOfCheckIns: null,
      firstLoadGzipKb: null,
      lighthouse: null,
      checks: {},
      failure: null,
    }));

    buildIfNeeded(DIST_DIR, flag("build") && !flag("no-build"));
    if (flag("no-build") && !existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`--no-build, but ${DIST_DIR} holds no build`);
    const port = await freePort(Number(process.env.BENCH_PORT) || undefined);

    // 1. Load, on a server that logs nothing; each person signs in right before their pages.
    const app = await startApp(DIST_DIR, port, appEnv);
    servers.push(app);
    const signer = await openSigner(app.baseUrl);
    const cookies: Partial<Record<Target["who"], string>> = {};
    try {
      for (const [i, target] of targets.entries()) {
        const row = rows[i]!;
        if (!target.loaded) continue;
        try {
          cookies[target.who] ??= await signer.signIn(email[target.who], BENCH_PASSWORD);
          await checkPage(app.baseUrl, target.path, cookies[target.who]!);
          row.c1 = await load(app.baseUrl + target.path, cookies[target.who]!, 1, SECONDS, WARM_SECONDS);
          row.c20 = await load(app.baseUrl + target.path, cookies[target.who]!, 20, SECONDS, WARM_SECONDS);
          // A run in which no response came back measured nothing: it fails rather than reading as 0 errors.
          const empty = [row.c1, row.c20].find((r) => r.requests === 0);
          if (empty) row.failure = `no response within ${SECONDS} s at concurrency ${empty.connections}`;
          console.log(`${target.page} ${target.path}: c1 p50 ${row.c1.p50.toFixed(0)} ms, c20 ${row.c20.rps.toFixed(1)} req/s, ${row.c1.errors + row.c20.errors} errors`);
        } catch (error) {
          row.failure = firstLine(error);
          console.error(`${target.page} ${target.path}: ${row.failure}`);
        }
      }
    } finally {
      await signer.close();
      await stopAll();
    }

    // 2. The SQL, the JavaScript and Lighthouse, on a server that logs its statements.
    const queryLog = path.join(tmpdir(), `mend-bench-queries-${process.pid}.jsonl`);
    const probeApp = await startApp(DIST_DIR, port, { ...appEnv, MEND_QUERY_LOG: queryLog });
    servers.push(probeApp);
    const probes: Probes = await probePages({
      baseUrl: probeApp.baseUrl,
      db,
      databaseUrl: process.env.DATABASE_URL,
      queryLog,
      rows,
      signIn: async (who) => {
        const signer2 = await openSigner(probeApp.baseUrl);
        try {
          return await signer2.signIn(who, BENCH_PASSWORD);
        } finally {
          await signer2.close();
        }
      },
      stop: stopAll,
      pgliteDir: process.env.MEND_DATA_DIR,
    });
    await stopAll();
    rmSync(queryLog, { force: true });

    // 3. Two processes behind a balancer (PostgreSQL only: PGlite belongs to one process).
    let scaleOut: BenchReport["scaleOut"] = null;
    const notMeasured = [...probes.notMeasured];
    if (db === "postgres" && probes.runScaleOut) {
      const counsellorCookie = await (async () => {
        const again = await startApp(DIST_DIR, port, appEnv);
        servers.push(again);
        const signer3 = await openSigner(again.baseUrl);
        try {
          return await signer3.signIn(email.counsellor, BENCH_PASSWORD);
        } finally {
          await signer3.close();
          await stopAll();
        }
      })();
      try {
        const result = await probes.runScaleOut({ distDir: DIST_DIR, databaseUrl: process.env.DATABASE_URL!, env: appEnv, path: "/caseload", cookie: counsellorCookie, durationSeconds: SECONDS, log: (line) => console.log(`scale-out: ${line}`) });
        scaleOut = { oneRps: result.oneRps, twoRps: result.twoRps, ratio: result.ratio, kill: { requests: result.kill.requests, errors: result.kill.errors, retried: result.kill.retried, sessionStillValid: result.kill.sessionStillValid } };
      } catch (error) {
        notMeasured.push(`scale-out: ${firstLine(error)}`);
      }
    } else if (db === "pglite") {
      notMeasured.push("scale-out: needs a PostgreSQL server (an embedded PGlite folder is held by one process)");
    }

    checkBudgets(rows);
    const report: BenchReport = {
      db,
      startedAt,
      commit: execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim(),
      secondsPerRun: SECONDS,
      machine: { cpus: cpus().length, loadAverage: loadavg() },
      seed: { seconds: seed.seedSeconds, reused: seed.reused, clinics: seed.clinics.map((c) => ({ coupleCount: c.coupleCount, seededSeconds: c.seededSeconds })) },
      rows,
      scaleOut,
      notMeasured,
    };
    console.log(`\n${formatTable(report)}\n`);
    console.log(`written to ${writeReport(report)} and bench/results/latest.json`);
    const failed = rows.filter((r) => r.failure || r.checks["0 errors"] === false);
    // A scale-out run in which nothing came back measured nothing, and fails like a page would.
    const killLost = scaleOut && (scaleOut.kill.errors > 0 || !scaleOut.kill.sessionStillValid || scaleOut.kill.requests === 0 || scaleOut.oneRps === 0);
    if (failed.length || killLost) {
      console.error(`\nFAILED: ${[...failed.map((r) => `${r.page} ${r.path}${r.failure ? `: ${r.failure}` : " had errors under load"}`), ...(killLost ? ["scale-out: lost requests or the session, or no response came back"] : [])].join("\n  ")}`);
      return 1;
    }
    return 0;
  } finally {
    await stopAll();
    pg?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
