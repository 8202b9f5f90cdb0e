import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where PostgreSQL 15's server programs live (Debian's layout); PGBIN overrides it. */
export const PGBIN = process.env.PGBIN || "/usr/lib/postgresql/15/bin";
export const postgres15Available = existsSync(path.join(PGBIN, "initdb")) && existsSync(path.join(PGBIN, "pg_ctl"));

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): number | null {
  try {
    return Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  } catch {
    return null;
  }
}

/**
 * A throwaway PostgreSQL 15 cluster in a temporary folder, on its own port, that a test can stop
 * and start like an operator would. initdb refuses to run as root, so as root every program runs
 * as the postgres user (as .ci/run does).
 */
export class ThrowawayCluster {
  readonly root = mkdtempSync(path.join(tmpdir(), "mend-faults-pg-"));
  readonly data = path.join(this.root, "data");
  readonly socket = path.join(this.root, "sock");
  private readonly asPostgres = process.getuid?.() === 0;

  constructor(readonly port: number) {}

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(program: string, args: string[]): string {
    const command = path.join(PGBIN, program);
    const [file, argv] = this.asPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] }).toString();
  }

  init(): void {
    mkdirSync(this.data, { recursive: true });
    mkdirSync(this.socket, { recursive: true });
    if (this.asPostgres) {
      const uid = postgresUid();
      if (uid === null) throw new Error("Running as root, but there is no postgres user to run the server as.");
      for (const folder of [this.root, this.data, this.socket]) chownSync(folder, uid, uid);
    }
    this.run("initdb", ["-D", this.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  }

  start(): void {
    this.run("pg_ctl", [
      "-D",
      this.data,
      "-l",
      path.join(this.root, "server.log"),
      "-w",
      "-o",
      `-p ${this.port} -k ${this.socket} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
  }

  /** A fast shutdown: open transactions are rolled back and every connection is closed. */
  stop(): void {
    this.run("pg_ctl", ["-D", this.data, "-m", "fast", "-w", "stop"]);
  }

  createDatabase(name: string): void {
    this.run("psql", ["-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-q", "-c", `create database ${name}`]);
  }

  remove(): void {
    try {
      this.run("pg_ctl", ["-D", this.data, "-m", "immediate", "stop"]);
    } catch {
      // Already stopped.
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
