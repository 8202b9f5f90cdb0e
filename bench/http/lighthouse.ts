/**
 * Lighthouse (12.2.3, pinned: 13 needs Node 22) on a signed-in page, driving Debian's chromium
 * headless. The default config is the mobile one: a Moto G Power–sized screen and simulated
 * slow-4G / 4× CPU throttling, so the score leans on bytes and main-thread work more than on
 * how busy this machine is. Only the performance and accessibility categories run.
 */

export type LighthouseScores = {
  /** 0–100, as Lighthouse shows it. */
  performance: number;
  accessibility: number;
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    totalBlockingTimeMs: number;
    cumulativeLayoutShift: number;
    speedIndexMs: number;
    timeToInteractiveMs: number;
    serverResponseMs: number;
  };
  /** Accessibility audits that did not pass, as `id: title`. */
  accessibilityFailures: string[];
  /** Estimated bytes of JavaScript loaded but not used on this page (Lighthouse's own audit). */
  unusedJavaScriptBytes: number;
  /**
   * Lighthouse's measure of this machine's CPU at the time (higher is faster; a quiet desktop is
   * ~1000–2000). The simulated throttling multiplies the main-thread work it saw, so on a busy
   * machine performance scores drop: compare scores only at similar indexes.
   */
  benchmarkIndex: number;
};

export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";

type Audit = { id: string; title: string; score: number | null; numericValue?: number; scoreDisplayMode?: string; details?: { overallSavingsBytes?: number } };

function numeric(audits: Record<string, Audit>, id: string): number {
  return Math.round((audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
}

/** Lighthouse performance and accessibility of `path`, signed in with `cookie` (a `Cookie` header value). */
export async function lighthouseScores(options: { baseUrl: string; cookie: string; path: string }): Promise<LighthouseScores> {
  // Loaded on use: both are ES modules and heavy, and most bench runs never reach this.
  const [{ default: lighthouse }, { launch }] = await Promise.all([import("lighthouse"), import("chrome-launcher")]);
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    logLevel: "silent",
  });
  try {
    const url = new URL(options.path, options.baseUrl).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: { Cookie: options.cookie },
    });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // A redirect to sign-in would score the sign-in page instead: refuse it.
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: is the cookie signed in?`);
    }
    const audits = lhr.audits as unknown as Record<string, Audit>;
    const accessibility = lhr.categories.accessibility;
    const accessibilityFailures = (accessibility?.auditRefs ?? [])
      .map((ref) => audits[ref.id])
      .filter((audit): audit is Audit => !!audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "notApplicable")
      .map((audit) => `${audit.id}: ${audit.title}`);
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((accessibility?.score ?? 0) * 100),
      metrics: {
        firstContentfulPaintMs: numeric(audits, "first-contentful-paint"),
        largestContentfulPaintMs: numeric(audits, "largest-contentful-paint"),
        totalBlockingTimeMs: numeric(audits, "total-blocking-time"),
        cumulativeLayoutShift: numeric(audits, "cumulative-layout-shift"),
        speedIndexMs: numeric(audits, "speed-index"),
        timeToInteractiveMs: numeric(audits, "interactive"),
        serverResponseMs: numeric(audits, "server-response-time"),
      },
      accessibilityFailures,
      unusedJavaScriptBytes: audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0,
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    };
  } finally {
    chrome.kill();
  }
}
