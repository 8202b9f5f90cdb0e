import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LoadResult } from "./load";

export type Budget = "caseload" | "couple" | "clinic" | "partner" | "none";

export type PageRow = {
  page: string;
  path: string;
  who: string;
  budget: Budget;
  c1?: LoadResult;
  c20?: LoadResult;
  /** The page's SQL alone (EXPLAIN ANALYZE planning + execution of each statement), ms; null: not measured. */
  sqlMs: number | null;
  queries: number | null;
  seqScansOfCheckIns: string[] | null;
  firstLoadGzipKb: number | null;
  /** Lighthouse with its default mobile settings (4× CPU slowdown), and again calibrated to this machine's CPU. */
  lighthouse: (LighthouseRunRow & { accessibility: number; calibrated: (LighthouseRunRow & { note: string | null }) | null }) | null;
  /** What each budget check found: true met, false missed, null not measured. */
  checks: Record<string, boolean | null>;
  /** Why the page could not be measured (a redirect to sign-in, a failed sign-in …). */
  failure: string | null;
};

/** One Lighthouse run: its score, the CPU it measured (benchmarkIndex) and the slowdown it simulated; metrics and diagnostics as Lighthouse found them. */
type LighthouseRunRow = { performance: number; benchmarkIndex: number; cpuSlowdownMultiplier: number; metrics?: Record<string, number>; diagnostics?: unknown };

export type ScaleOut = { oneRps: number; twoRps: number; ratio: number; kill: { requests: number; errors: number; retried: number; sessionStillValid: boolean } };

export type BenchReport = {
  db: "postgres" | "pglite";
  startedAt: string;
  commit: string;
  secondsPerRun: number;
  machine: { cpus: number; loadAverage: number[] };
  seed: { seconds: number; reused: boolean; clinics: { coupleCount: number; seededSeconds: number | null }[] };
  rows: PageRow[];
  scaleOut: ScaleOut | null;
  notMeasured: string[];
};

const le = (value: number | null | undefined, limit: number | null | undefined) => (value == null || limit == null || Number.isNaN(value) ? null : value <= limit);
const ge = (value: number | null | undefined, limit: number | null | undefined) => (value == null || limit == null || Number.isNaN(value) ? null : value >= limit);

/** Fills every row's budget checks, the issue's budgets, against the floor measured in the same run. */
export function checkBudgets(rows: PageRow[]): void {
  const floor = rows.find((r) => r.budget === "none" && r.path === "/account");
  const smallClinic = rows.find((r) => r.page.startsWith("clinic overview (200"));
  for (const row of rows) {
    const checks: Record<string, boolean | null> = {};
    if (row.c1 || row.c20) checks["0 errors"] = (row.c1?.errors ?? 0) + (row.c20?.errors ?? 0) === 0;
    if (row.budget !== "none" || row.path !== "/account") checks["no seq scan of check-ins"] = row.seqScansOfCheckIns ? row.seqScansOfCheckIns.length === 0 : null;
    if (row.budget === "caseload" || row.budget === "couple") {
      const limit = floor?.c1 && row.sqlMs != null ? floor.c1.p50 + row.sqlMs + 20 : null;
      checks["p50 ≤ floor+SQL+20"] = le(row.c1?.p50, limit);
      checks["p95 ≤ 150 ms"] = le(row.c1?.p95, 150);
      checks["req/s ≥ 80 % floor"] = ge(row.c20?.rps, floor?.c20 ? 0.8 * floor.c20.rps : null);
    }
    if (row.budget === "clinic") {
      checks["p95 ≤ 300 ms"] = le(row.c1?.p95, 300);
      checks["≤ 1.5× at 200"] = le(row.c1?.p95, smallClinic?.c1 ? 1.5 * smallClinic.c1.p95 : null);
    }
    if (row.budget === "partner") {
      checks["JS ≤ 150 kB"] = le(row.firstLoadGzipKb, 150);
      checks["Lighthouse perf ≥ 95"] = ge(row.lighthouse?.performance, 95);
      checks["Lighthouse perf ≥ 95 calibrated"] = ge(row.lighthouse?.calibrated?.performance, 95);
      checks["a11y 100"] = ge(row.lighthouse?.accessibility, 100);
    }
    row.checks = checks;
  }
}

const ms = (n: number | null | undefined) => (n == null || Number.isNaN(n) ? "—" : n.toFixed(0));
const num = (n: number | null | undefined, digits = 1) => (n == null || Number.isNaN(n) ? "—" : n.toFixed(digits));

function verdict(checks: Record<string, boolean | null>, failure: string | null): string {
  if (failure) return `✗ ${failure}`;
  const values = Object.values(checks);
  if (values.length === 0) return "";
  const missed = Object.entries(checks).filter(([, ok]) => ok === false).map(([name]) => name);
  if (missed.length) return `✗ ${missed.join("; ")}`;
  const unknown = Object.entries(checks).filter(([, ok]) => ok === null).map(([name]) => name);
  return unknown.length ? `✓ so far (not measured: ${unknown.join("; ")})` : "✓";
}

function lighthouseCell(lighthouse: PageRow["lighthouse"]): string {
  if (!lighthouse) return "—";
  const calibrated = lighthouse.calibrated;
  // The calibrated multiplier comes from the benchmarkIndex of the default run, shown beside it.
  return `${lighthouse.performance}/${lighthouse.accessibility} · ${calibrated ? `${calibrated.performance} ×${calibrated.cpuSlowdownMultiplier}` : "—"} (index ${lighthouse.benchmarkIndex})`;
}

/** The one table, as text. */
export function formatTable(report: BenchReport): string {
  const floor = report.rows.find((r) => r.path === "/account" && r.budget === "none");
  const header = ["page", "c1 p50", "c1 p95", "c1 req/s", "c20 p50", "c20 p95", "c20 req/s", "errors", "SQL ms", "÷(floor+SQL)", "req/s÷floor", "JS gz kB", "LH perf/a11y · calibrated ×CPU (benchmarkIndex)", "budget"];
  const lines = report.rows.map((r) => {
    const ratio = r.c1?.requests && floor?.c1?.requests && r.sqlMs != null && r !== floor ? r.c1.p50 / (floor.c1.p50 + r.sqlMs) : null;
    const share = r.c20 && floor?.c20?.rps ? r.c20.rps / floor.c20.rps : null;
    const errors = r.c1 || r.c20 ? String((r.c1?.errors ?? 0) + (r.c20?.errors ?? 0)) : "—";
    return [
      `${r.page} ${r.path}`,
      ms(r.c1?.p50),
      ms(r.c1?.p95),
      num(r.c1?.rps),
      ms(r.c20?.p50),
      ms(r.c20?.p95),
      num(r.c20?.rps),
      errors,
      num(r.sqlMs),
      num(ratio, 2),
      share == null ? "—" : `${(share * 100).toFixed(0)} %`,
      num(r.firstLoadGzipKb),
      lighthouseCell(r.lighthouse),
      verdict(r.checks, r.failure),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ").trimEnd();
  const out = [
    `Mend HTTP benchmark — ${report.db}, ${report.startedAt}, commit ${report.commit}, ${report.secondsPerRun} s per run, ${report.machine.cpus} cores (load ${report.machine.loadAverage.map((l) => l.toFixed(1)).join(" ")})`,
    `seed: ${report.seed.reused ? "reused" : "seeded"} in ${report.seed.seconds.toFixed(1)} s; times in ms, p50/p95 over every response`,
    fmt(header),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...lines.map(fmt),
  ];
  if (report.scaleOut) {
    const s = report.scaleOut;
    out.push(
      `scale-out: one process ${s.oneRps.toFixed(1)} req/s, two behind the balancer ${s.twoRps.toFixed(1)} req/s (×${s.ratio.toFixed(2)}); ` +
        `killing one mid-run: ${s.kill.requests} requests, ${s.kill.errors} errors, ${s.kill.retried} retried, session ${s.kill.sessionStillValid ? "still valid" : "LOST"}`,
    );
  }
  const lighthouseRows = report.rows.filter((r) => r.lighthouse);
  if (lighthouseRows.length) {
    const indexes = lighthouseRows.flatMap(({ lighthouse }) => [lighthouse!.benchmarkIndex, ...(lighthouse!.calibrated ? [lighthouse!.calibrated.benchmarkIndex] : [])]);
    const multipliers = [...new Set(lighthouseRows.map((r) => r.lighthouse!.calibrated?.cpuSlowdownMultiplier).filter((m) => m != null))];
    out.push(
      `Lighthouse: default mobile settings (×${lighthouseRows[0]!.lighthouse!.cpuSlowdownMultiplier} CPU slowdown), then calibrated to this machine ` +
        `(×${multipliers.join(", ×") || "?"}, from Lighthouse's CPU throttling calculator for the benchmarkIndex measured: ${Math.min(...indexes)}–${Math.max(...indexes)})`,
    );
  }
  for (const missing of report.notMeasured) out.push(`not measured: ${missing}`);
  return out.join("\n");
}

/** Writes the report to bench/results/<db>-<date>.json and bench/results/latest.json; returns the first path. */
export function writeReport(report: BenchReport, folder = path.join("bench", "results")): string {
  mkdirSync(folder, { recursive: true });
  const stamp = report.startedAt.replace(/[:]/g, "").replace(/\.\d+Z$/, "Z");
  const file = path.join(folder, `${report.db}-${stamp}.json`);
  const json = JSON.stringify(report, null, 2) + "\n";
  writeFileSync(file, json);
  writeFileSync(path.join(folder, "latest.json"), json);
  return file;
}
