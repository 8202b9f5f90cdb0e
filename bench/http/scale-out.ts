import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { startBalancer, type Balancer, type BalancerStats } from "./balancer";
import { load } from "./load";

/**
 * Two `next start` processes of one build, on one database, behind the local balancer: how many
 * more requests a second serve than one, and what a client sees when one process is killed mid-run.
 * The processes share nothing but the database (sessions, throttles, one-time codes and submission
 * twins all live there), so a request the balancer retries elsewhere, and a session cookie, work on
 * whichever process answers.
 */

export type ScaleOutOptions = {
  /** The build to start (NEXT_DIST_DIR), relative to the project root. */
  distDir: string;
  databaseUrl: string;
  /** Extra environment for both processes (AUTH_SECRET and the like). */
  env?: Record<string, string>;
  /** A signed-in page, e.g. `/caseload`. */
  path: string;
  /** The `Cookie` header of a signed-in session. */
  cookie: string;
  durationSeconds: number;
  /** Concurrent connections for every run (20). */
  connections?: number;
  log?: (line: string) => void;
};

export type KillRun = {
  requests: number;
  /** Requests that failed: connection errors, timeouts, any non-2xx answer, and bodies cut off mid-way. */
  errors: number;
  /** Requests the balancer sent to the other process after a refused or reset connection. */
  retried: number;
  /** The same cookie still opens the page (200, not a redirect to sign in) on the survivor. */
  sessionStillValid: boolean;
  balancer: BalancerStats;
};

export type ScaleOutResult = { oneRps: number; twoRps: number; ratio: number; kill: KillRun };

// Run from the project root (npm scripts, vitest and `npx tsx bench/http/scale-out.ts` all are).
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Server = { url: string; child: ChildProcess; output: string[] };

/** Starts `next start` in its own process group (so a kill reaches everything it spawned). */
async function startNext(distDir: string, databaseUrl: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "70000"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      MEND_DEMO: "0",
      // One proxy (the balancer) stands in front: the client is the last X-Forwarded-For entry.
      MEND_TRUSTED_PROXIES: "1",
      ...env,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
    },
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean).slice(-20));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child, output };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  killGroup(child);
  throw new Error(`next start on ${url} did not become ready:\n${output.slice(-20).join("\n")}`);
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Whether the cookie opens `pagePath` (200) every time, over several requests so each process answers. */
async function sessionWorks(baseUrl: string, pagePath: string, cookie: string, times = 4): Promise<boolean> {
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) return false;
  }
  return true;
}

const DEFAULT_SECRET = "bench-secret-0123456789abcdef0123456789";

type Cluster = { first: Server; second: Server; balancer: Balancer; close(): Promise<void> };

/** Two processes of the build, same environment and database, behind a fresh balancer. */
async function startCluster(distDir: string, databaseUrl: string, env: Record<string, string>): Promise<Cluster> {
  const started = await Promise.allSettled([0, 1].map(() => startNext(distDir, databaseUrl, env)));
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failure = started.find((s) => s.status === "rejected");
  if (failure) {
    for (const server of servers) killGroup(server.child);
    throw failure.reason;
  }
  const [first, second] = servers as [Server, Server];
  const balancer = await startBalancer({ upstreams: [first.url, second.url], downForMs: 2000 });
  return {
    first,
    second,
    balancer,
    async close() {
      await balancer.close();
      killGroup(first.child);
      killGroup(second.child);
    },
  };
}

export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const log = options.log ?? (() => {});
  const connections = options.connections ?? 20;
  const seconds = options.durationSeconds;
  const env = { AUTH_SECRET: DEFAULT_SECRET, ...options.env };
  const cluster = await startCluster(options.distDir, options.databaseUrl, env);
  try {
    const { first, second, balancer } = cluster;
    const target = `${balancer.url}${options.path}`;
    log(`processes ${first.url} and ${second.url} behind ${balancer.url}`);
    if (!(await sessionWorks(balancer.url, options.path, options.cookie))) {
      throw new Error(`The cookie does not open ${options.path} (signed out, or the page failed).`);
    }

    // Warm both processes (first renders load code and fill caches) so neither run pays for it.
    for (const server of [first, second]) await sessionWorks(server.url, options.path, options.cookie, 3);
    await load(target, options.cookie, connections, Math.min(5, seconds), 0);

    // One, two, one, two (half the time each): whatever else the machine is doing, and how warm
    // the processes are, falls on both sides of the ratio rather than on whichever ran first.
    const rps = { one: [] as number[], two: [] as number[] };
    for (const processes of ["one", "two", "one", "two"] as const) {
      balancer.setEnabled(second.url, processes === "two");
      const run = await load(target, options.cookie, connections, Math.max(1, seconds / 2), 0);
      rps[processes].push(run.rps);
      log(`${processes} process${processes === "two" ? "es" : ""}: ${run.rps.toFixed(1)} req/s, p50 ${Math.round(run.p50)} ms, ${run.errors} errors`);
      if (run.errors > 0) throw new Error(`${run.errors} errors under load with ${processes} process(es).`);
    }
    balancer.setEnabled(second.url, true);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const one = { rps: mean(rps.one) };
    const two = { rps: mean(rps.two) };

    balancer.resetStats();
    const running = load(target, options.cookie, connections, seconds, 0);
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
    killGroup(second.child);
    log(`killed ${second.url} (SIGKILL) halfway through the run`);
    const killed = await running;
    const stats = balancer.stats();
    const sessionStillValid = await sessionWorks(balancer.url, options.path, options.cookie);
    log(`kill run: ${killed.requests} requests, ${killed.errors} errors, ${stats.retries} retried, session ${sessionStillValid ? "kept" : "lost"}`);
    return {
      oneRps: one.rps,
      twoRps: two.rps,
      ratio: one.rps > 0 ? two.rps / one.rps : 0,
      // A body cut off mid-way may not count as an error on the client's side: count it here.
      kill: { requests: killed.requests, errors: killed.errors + stats.brokenResponses, retried: stats.retries, sessionStillValid, balancer: stats },
    };
  } finally {
    await cluster.close();
  }
}

export type ActionsAcross = {
  /** The Cookie header of the session opened by the walk. */
  cookie: string;
  /** The sign-in form, rendered by one process and submitted (a server action) to the other. */
  signInAcross: boolean;
  /** A bound server action (pause, then resume, joint work) rendered by one process and run by the other. */
  boundActionAcross: boolean;
  /** What went wrong, when something did. */
  detail?: string;
};

/**
 * Walks two server actions in a real browser through the balancer with the processes swapped
 * between rendering a form and submitting it: the sign-in form (an action id), then a couple's
 * "Pause joint work" and "Resume joint work" buttons (actions with the couple id bound). Both must
 * work, or a balancer would break every other submission. Pauses and resumes one couple's joint work.
 */
export async function checkActionsAcrossProcesses(options: {
  distDir: string;
  databaseUrl: string;
  env?: Record<string, string>;
  email: string;
  password: string;
}): Promise<ActionsAcross> {
  const cluster = await startCluster(options.distDir, options.databaseUrl, { AUTH_SECRET: DEFAULT_SECRET, ...options.env });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const only = (server: Server) => {
    cluster.balancer.setEnabled(cluster.first.url, server === cluster.first);
    cluster.balancer.setEnabled(cluster.second.url, server === cluster.second);
  };
  try {
    const page = await browser.newPage();
    const base = cluster.balancer.url;
    only(cluster.first);
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(options.email);
    await page.getByLabel("Password").fill(options.password);
    only(cluster.second);
    await page.getByRole("button", { name: /sign in/i }).click();
    const signInAcross = await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    let boundActionAcross = false;
    let detail: string | undefined;
    if (signInAcross) {
      await page.goto(`${base}/caseload`);
      const couple = await page.locator('a[href^="/couples/"]:not([href="/couples/new"])').first().getAttribute("href");
      await page.goto(`${base}${couple}`);
      // Rendered by the second process; each button press goes to the other one.
      const card = page.getByRole("region", { name: "Joint work" }).or(page.locator('[aria-labelledby="joint-work-heading"]'));
      const flip = async (from: string, to: string, server: Server) => {
        only(server);
        await card.getByRole("button", { name: from }).click();
        await card.getByRole("button", { name: to }).waitFor({ timeout: 20_000 });
      };
      const paused = await card.getByRole("button", { name: "Resume joint work" }).isVisible();
      const [a, b] = paused ? ["Resume joint work", "Pause joint work"] : ["Pause joint work", "Resume joint work"];
      boundActionAcross = await flip(a, b, cluster.first)
        .then(() => flip(b, a, cluster.second))
        .then(
          () => true,
          (error: unknown) => {
            detail = `${error instanceof Error ? error.message.split("\n")[0] : error} on ${page.url()}`;
            return false;
          },
        );
    } else detail = `sign-in stayed on ${page.url()}`;
    return { cookie, signInAcross, boundActionAcross, detail };
  } finally {
    await browser.close();
    await cluster.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string", default: process.env.DATABASE_URL },
      "dist-dir": { type: "string", default: process.env.NEXT_DIST_DIR ?? ".next" },
      path: { type: "string", default: "/caseload" },
      cookie: { type: "string" },
      email: { type: "string", default: "counsellor1@bench200.test" },
      password: { type: "string", default: "mend-demo" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
    },
  });
  const databaseUrl = values["database-url"];
  if (!databaseUrl) throw new Error("Give --database-url (or DATABASE_URL): two processes cannot share an embedded database.");
  const distDir = values["dist-dir"]!;
  const env: Record<string, string> = process.env.AUTH_SECRET ? { AUTH_SECRET: process.env.AUTH_SECRET } : {};
  let cookie = values.cookie;
  let actions: Omit<ActionsAcross, "cookie"> | undefined;
  if (!cookie) {
    // Signing in is itself the first cross-process check: the form comes from one process, the
    // submission goes to the other.
    const walked = await checkActionsAcrossProcesses({ distDir, databaseUrl, env, email: values.email!, password: values.password! });
    ({ cookie, ...actions } = walked);
    console.log(`[scale-out] actions across processes: sign-in ${walked.signInAcross}, bound action ${walked.boundActionAcross} ${walked.detail ?? ""}`);
    if (!walked.signInAcross) throw new Error("Signing in across the two processes failed.");
  }
  const result = await runScaleOut({
    distDir,
    databaseUrl,
    path: values.path!,
    cookie,
    durationSeconds: Number(values.duration),
    connections: Number(values.connections),
    env,
    log: (line) => console.log(`[scale-out] ${line}`),
  });
  console.log(JSON.stringify({ ...result, ratio: Number(result.ratio.toFixed(2)), actions }, null, 2));
}

if (/scale-out\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
