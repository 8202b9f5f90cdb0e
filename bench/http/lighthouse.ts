import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Lighthouse (12.2.3, pinned: 13 needs Node 22) on a signed-in page, driving Debian's chromium
 * headless. Each page loads once and is scored twice:
 *
 * - with the default mobile settings: a Moto G Power–sized screen, simulated slow 4G and a 4×
 *   CPU slowdown. 4× assumes a fast desktop (benchmarkIndex about 1,500); on a slower or busy
 *   machine the page's main-thread work is multiplied from an already slow start, so the score
 *   says as much about the machine as about the page;
 * - calibrated: the same load audited again with the CPU slowdown Lighthouse's own CPU throttling
 *   calculator gives for the benchmarkIndex that load measured (docs/throttling.md, "Calibrating
 *   the CPU slowdown"), so the simulated CPU is the mid-tier phone Lighthouse targets whatever
 *   machine runs the bench.
 *
 * Only the performance and accessibility categories run. `BENCH_LIGHTHOUSE_DIR` keeps every full
 * report as JSON, for a closer look at what a score is made of.
 */

export type LighthouseMetrics = {
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  timeToInteractiveMs: number;
  serverResponseMs: number;
};

/** What a performance score is made of: each metric's own score and weight, and the costliest parts. */
export type LighthouseDiagnostics = {
  /** Per scored metric: its value, its 0–1 score and its weight in the performance score. */
  metricScores: { id: string; value: number; score: number | null; weight: number }[];
  /** Scripts by main-thread time (ms): total, of which scripting and parse/compile. */
  bootup: { url: string; totalMs: number; scriptingMs: number; parseCompileMs: number }[];
  /** Main-thread time (ms) by kind of work. */
  mainThread: { group: string; ms: number }[];
  unusedJavaScript: { url: string; totalBytes: number; wastedBytes: number }[];
  renderBlocking: { url: string; totalBytes: number; wastedMs: number }[];
  /** The LCP element and how its time splits (time to first byte, load delay, load time, render delay). */
  lcpElement: string | null;
  lcpPhases: { phase: string; ms: number }[];
  requests: number | null;
  totalByteWeight: number | null;
};

export type LighthouseRun = {
  /** 0–100, as Lighthouse shows it. */
  performance: number;
  /**
   * Lighthouse's measure of this machine's CPU during this run (higher is faster; a quiet fast
   * desktop is ~1,500–2,000, Lighthouse's target mid-tier phone ~125–800).
   */
  benchmarkIndex: number;
  /** The simulated CPU slowdown this run applied. */
  cpuSlowdownMultiplier: number;
  metrics: LighthouseMetrics;
  diagnostics: LighthouseDiagnostics;
};

export type LighthouseScores = LighthouseRun & {
  accessibility: number;
  /** Accessibility audits that did not pass, as `id: title`. */
  accessibilityFailures: string[];
  /** Estimated bytes of JavaScript loaded but not used on this page (Lighthouse's own audit). */
  unusedJavaScriptBytes: number;
  /** The same page with the CPU slowdown calibrated to this machine; null when it could not run. */
  calibrated: (LighthouseRun & { note: string | null }) | null;
};

export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
/** Lighthouse's default mobile CPU slowdown. */
export const DEFAULT_CPU_SLOWDOWN = 4;

/**
 * The CPU slowdown that makes a machine of `benchmarkIndex` act like Lighthouse's target mid-tier
 * phone, as Lighthouse's CPU throttling calculator computes it (linked from docs/throttling.md):
 * 150 → 1×, 800 → 2×, 1,300 → 3×, then one more × per 233 (1,533 → 4×, the default). Below 150
 * the machine is slower than the target and cannot be slowed down to it: null.
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): { multiplier: number; range: [number, number] } | null {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return null;
  let multiplier: number;
  let spread: number;
  if (benchmarkIndex >= 1300) {
    const excess = (benchmarkIndex - 1300) / 233;
    multiplier = 3 + excess;
    spread = Math.max(excess, 1.5, multiplier * 0.3);
  } else if (benchmarkIndex >= 800) {
    multiplier = 2 + (benchmarkIndex - 800) / 500;
    spread = 1.5;
  } else {
    multiplier = 1 + (benchmarkIndex - 150) / 650;
    spread = 0.5;
  }
  // The calculator shows and suggests one decimal.
  const round = (n: number) => Math.round(n * 10) / 10;
  return { multiplier: round(multiplier), range: [round(multiplier - spread / 2), round(multiplier + spread / 2)] };
}

type Item = Record<string, unknown>;
type Audit = {
  id: string;
  title: string;
  score: number | null;
  numericValue?: number;
  scoreDisplayMode?: string;
  details?: { overallSavingsBytes?: number; items?: Item[] };
};
type Lhr = {
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  audits: Record<string, Audit>;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  environment: { benchmarkIndex: number };
  configSettings: { throttling: { cpuSlowdownMultiplier: number } };
};

function numeric(audits: Record<string, Audit>, id: string): number {
  return Math.round((audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
}
const round = (n: unknown) => Math.round(Number(n ?? 0));
const itemsOf = (audit: Audit | undefined): Item[] => audit?.details?.items ?? [];

function diagnose(lhr: Lhr): LighthouseDiagnostics {
  const audits = lhr.audits;
  // The LCP element audit is a list of two tables: the element, then its phases.
  const [elementTable, phaseTable] = itemsOf(audits["largest-contentful-paint-element"]) as { items?: Item[] }[];
  const node = elementTable?.items?.[0]?.node as { snippet?: string; selector?: string } | undefined;
  const summary = itemsOf(audits.diagnostics)[0];
  return {
    metricScores: (lhr.categories.performance?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ id: ref.id, value: numeric(audits, ref.id), score: audits[ref.id]?.score ?? null, weight: ref.weight })),
    bootup: itemsOf(audits["bootup-time"])
      .slice(0, 8)
      .map((i) => ({ url: String(i.url), totalMs: round(i.total), scriptingMs: round(i.scripting), parseCompileMs: round(i.scriptParseCompile) })),
    mainThread: itemsOf(audits["mainthread-work-breakdown"]).map((i) => ({ group: String(i.groupLabel ?? i.group), ms: round(i.duration) })),
    unusedJavaScript: itemsOf(audits["unused-javascript"]).map((i) => ({ url: String(i.url), totalBytes: round(i.totalBytes), wastedBytes: round(i.wastedBytes) })),
    renderBlocking: itemsOf(audits["render-blocking-resources"]).map((i) => ({ url: String(i.url), totalBytes: round(i.totalBytes), wastedMs: round(i.wastedMs) })),
    lcpElement: node ? `${node.selector ?? ""} ${node.snippet ?? ""}`.trim() : null,
    lcpPhases: (phaseTable?.items ?? []).map((i) => ({ phase: String(i.phase), ms: round(i.timing) })),
    requests: summary?.numRequests == null ? null : round(summary.numRequests),
    totalByteWeight: summary?.totalByteWeight == null ? null : round(summary.totalByteWeight),
  };
}

function runOf(lhr: Lhr): LighthouseRun {
  const audits = lhr.audits;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    cpuSlowdownMultiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
    metrics: {
      firstContentfulPaintMs: numeric(audits, "first-contentful-paint"),
      largestContentfulPaintMs: numeric(audits, "largest-contentful-paint"),
      totalBlockingTimeMs: numeric(audits, "total-blocking-time"),
      cumulativeLayoutShift: numeric(audits, "cumulative-layout-shift"),
      speedIndexMs: numeric(audits, "speed-index"),
      timeToInteractiveMs: numeric(audits, "interactive"),
      serverResponseMs: numeric(audits, "server-response-time"),
    },
    diagnostics: diagnose(lhr),
  };
}

/** Lighthouse performance and accessibility of `path`, signed in with `cookie` (a `Cookie` header value). */
export async function lighthouseScores(options: { baseUrl: string; cookie: string; path: string }): Promise<LighthouseScores> {
  // Loaded on use: both are ES modules and heavy, and most bench runs never reach this.
  const [{ default: lighthouse, auditFlowArtifacts }, { launch }] = await Promise.all([import("lighthouse"), import("chrome-launcher")]);
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    logLevel: "silent",
  });
  const url = new URL(options.path, options.baseUrl).href;
  const flags = {
    port: chrome.port,
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance", "accessibility"],
    extraHeaders: { Cookie: options.cookie },
  };
  const keep = (lhr: Lhr, label: string) => {
    const folder = process.env.BENCH_LIGHTHOUSE_DIR;
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    const page = options.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
    writeFileSync(path.join(folder, `${page}-${label}.json`), JSON.stringify(lhr));
  };
  try {
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const lhr = result.lhr as unknown as Lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A redirect to sign-in would score the sign-in page instead: refuse it.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: is the cookie signed in?`);
    }
    keep(lhr, "default");
    const audits = lhr.audits;
    const accessibility = lhr.categories.accessibility;
    const accessibilityFailures = (accessibility?.auditRefs ?? [])
      .map((ref) => audits[ref.id])
      .filter((audit): audit is Audit => !!audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "notApplicable")
      .map((audit) => `${audit.id}: ${audit.title}`);
    const base = runOf(lhr);

    // The calibrated score audits the same load again. Simulated throttling loads the page
    // unthrottled and applies the CPU slowdown only when it simulates, so the recorded trace and
    // the benchmarkIndex measured with it stand for any multiplier: only the simulation changes.
    const calibration = calibratedCpuSlowdown(base.benchmarkIndex);
    // Below the calculator's range, 1× (no slowdown) is the nearest Lighthouse can come.
    const multiplier = calibration?.multiplier ?? 1;
    let calibrated: LighthouseScores["calibrated"] = null;
    try {
      const settings = result.artifacts.settings;
      const artifacts = { ...result.artifacts, settings: { ...settings, throttling: { ...settings.throttling, cpuSlowdownMultiplier: multiplier } } };
      const flow = await auditFlowArtifacts({ name: options.path, gatherSteps: [{ artifacts, flags: { ...flags, throttling: { cpuSlowdownMultiplier: multiplier } } }] });
      const again = flow.steps[0]!.lhr as unknown as Lhr;
      keep(again, `cpu${multiplier}`);
      calibrated = {
        ...runOf(again),
        note: calibration
          ? `×${multiplier} (the calculator's range ${calibration.range[0]}–${calibration.range[1]}) for benchmarkIndex ${base.benchmarkIndex}`
          : `benchmarkIndex ${base.benchmarkIndex} is below 150: this machine is slower than the target phone, so even 1× overstates the page's cost`,
      };
    } catch (error) {
      console.error(`Lighthouse, calibrated audit of ${options.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return {
      ...base,
      accessibility: Math.round((accessibility?.score ?? 0) * 100),
      accessibilityFailures,
      unusedJavaScriptBytes: audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0,
      calibrated,
    };
  } finally {
    chrome.kill();
  }
}
