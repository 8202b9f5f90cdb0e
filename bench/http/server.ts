import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

/** A port nobody listens on right now (`BENCH_PORT` when set). */
export function freePort(preferred?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error) => (preferred ? resolve(freePort()) : reject(error)));
    server.listen(preferred ?? 0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * `next build` into `distDir` when it holds no build yet, or always with `force`. A build into a
 * custom folder rewrites tsconfig.json's include list; it is put back as it was.
 */
export function buildIfNeeded(distDir: string, force: boolean): void {
  if (!force && existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log(`using the build in ${distDir} (--build to rebuild)`);
    return;
  }
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const started = performance.now();
  console.log(`next build into ${distDir} …`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  writeFileSync("tsconfig.json", tsconfig);
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export type AppServer = { baseUrl: string; process: ChildProcess; stop: () => Promise<void> };

/** `next start` of the build in `distDir` with `env`, answered once /api/health says ready. */
export async function startApp(distDir: string, port: number, env: Record<string, string>): Promise<AppServer> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ready) return { baseUrl, process: child, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not become ready in 120 s:\n${output}`);
}
