import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Database } from "@/db";
import { migratePostgresServer } from "@/db/migrate";
import { DEMO_PASSWORD } from "@/db/seed/accounts";
import { seedDemoIfEmpty } from "@/db/seed/demo";
import { freePort, postgres15Available, PGBIN, ThrowawayCluster } from "./pg-cluster";
import { cookiesFrom, postSignInForm, rawRequest } from "../attack/http-client";

/**
 * The PostgreSQL server stops while Mend is in use, then comes back. Against a real PostgreSQL 15
 * cluster of its own and `next start` on the existing production build: while the server is down,
 * /api/health says 503 not ready and pages are calm (no SQL, no stack); once it is back, Mend
 * answers again by itself, with no restart, and the same session cookie still works.
 */
const distDir = process.env.NEXT_DIST_DIR || ".next";
const built = existsSync(path.join(distDir, "BUILD_ID"));
const LEAKS = /ECONNREFUSED|Failed query|select "|insert into|at async|node_modules|postgres:\/\/|\.ts:\d+/i;
const DATABASE_DOWN_HEADING = "We can't reach the database just now";
const PARTNER = { email: "alex@demo.mend.test", name: "Alex Morgan" };

if (!postgres15Available) {
  console.warn(`[faults] skipped: PostgreSQL 15 server programs not found in ${PGBIN} (set PGBIN to run these tests).`);
}

let cluster: ThrowawayCluster;
let server: ChildProcess | undefined;
let base = "";
let serverLog = "";
const timings: Record<string, number> = {};

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs} ms\n${serverLog.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const health = () => rawRequest(`${base}/api/health`, { timeoutMs: 10_000 });
const get = (pathname: string, cookie?: string) => rawRequest(`${base}${pathname}`, { headers: cookie ? { cookie } : {}, timeoutMs: 20_000 });

/**
 * What a person sees at `pathname` with this session cookie, in a real browser: a failed page is
 * sent as an empty shell and its error page is drawn by the browser, so HTTP alone cannot tell.
 */
async function seenInBrowser(browser: Browser, pathname: string, cookie: string): Promise<{ heading: string; text: string; html: string }> {
  const context = await browser.newContext();
  const pairs = cookie.split("; ").map((pair) => pair.split("="));
  await context.addCookies(pairs.map(([name, ...value]) => ({ name: name!, value: value.join("="), url: base })));
  const page = await context.newPage();
  try {
    await page.goto(`${base}${pathname}`);
    // The error page refines its words once the readiness probe has answered.
    await page
      .getByRole("heading", { name: DATABASE_DOWN_HEADING })
      .waitFor({ timeout: 15_000 })
      .catch(() => {});
    const heading = page.getByRole("heading", { level: 1 }).first();
    return { heading: (await heading.textContent()) ?? "", text: await page.locator("body").innerText(), html: await page.content() };
  } finally {
    await context.close();
  }
}

describe.skipIf(!postgres15Available)("the database server stops while Mend is in use, then comes back", () => {
  beforeAll(async () => {
    if (!built) throw new Error(`No production build in ${distDir}: run \`npx next build\` (or set NEXT_DIST_DIR) before the fault tests.`);
    cluster = new ThrowawayCluster(await freePort());
    cluster.init();
    cluster.start();
    cluster.createDatabase("mend_faults");
    const url = cluster.url("mend_faults");
    await migratePostgresServer(url);
    const client = postgres(url, { max: 1, onnotice: () => {} });
    await seedDemoIfEmpty(drizzle(client, { schema, casing: "snake_case" }) as unknown as Database);
    await client.end();

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: url,
        MEND_DEMO: "0",
        AUTH_SECRET: "faults-only-secret-not-for-production-0123456789",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    timings.serverReadyMs = await waitFor(async () => (await health()).status === 200, 120_000, "next start answering ready");
  }, 300_000);

  afterAll(async () => {
    server?.kill("SIGTERM");
    cluster?.remove();
    console.log(`[faults] timings (ms): ${JSON.stringify(timings)}`);
  });

  it("serves, goes calmly not-ready while the server is down, and recovers with the same session", async () => {
    // Up: ready, a signed-out page, a signed-in page.
    const ready = await health();
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: "ready" });
    expect(ready.headers["cache-control"]).toBe("no-store");
    expect((await get("/login")).status).toBe(200);
    const signedIn = await postSignInForm(base, { email: PARTNER.email, password: DEMO_PASSWORD });
    const cookie = cookiesFrom(signedIn);
    expect(cookie).toMatch(/authjs\.session-token=/);
    const today = await get("/today", cookie);
    expect(today.status).toBe(200);
    expect(today.body).toContain(PARTNER.name);

    // Down: the operator stops PostgreSQL.
    let started = Date.now();
    cluster.stop();
    timings.pgStopMs = Date.now() - started;

    const notReady = await health();
    timings.healthWhileDownMs = notReady.ms;
    expect(notReady.status).toBe(503);
    expect(notReady.body).toBe(JSON.stringify({ status: "not ready" }));
    expect(notReady.headers["cache-control"]).toBe("no-store");
    expect(notReady.ms).toBeLessThan(4_000);

    const downPage = await get("/today", cookie);
    timings.pageWhileDownMs = downPage.ms;
    expect(downPage.body).not.toContain(PARTNER.name);
    expect(downPage.body).not.toMatch(LEAKS);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const seen = await seenInBrowser(browser, "/today", cookie);
      expect(seen.heading).toBe(DATABASE_DOWN_HEADING);
      expect(seen.text).toMatch(/reconnects by itself/);
      expect(seen.html).not.toMatch(LEAKS);
    } finally {
      await browser.close();
    }
    // Pages that need no database still answer.
    const login = await get("/login");
    expect(login.status).toBe(200);
    expect(login.body).not.toMatch(LEAKS);

    // Back: PostgreSQL starts again; Mend is not restarted.
    started = Date.now();
    cluster.start();
    timings.pgStartMs = Date.now() - started;
    timings.readyAgainAfterStartMs = await waitFor(async () => (await health()).status === 200, 30_000, "ready again after the server came back");
    expect(JSON.parse((await health()).body)).toEqual({ status: "ready" });

    const again = await get("/today", cookie);
    expect(again.status).toBe(200);
    expect(again.body).toContain(PARTNER.name);
    expect(server?.exitCode).toBeNull();
  }, 300_000);
});
