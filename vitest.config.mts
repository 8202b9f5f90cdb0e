import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@": root,
  // The marker package throws outside React Server Components; tests run the DAL directly.
  "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // postgres 3.4.9 throws from a timer when the backend of a transaction it is rolling back has
    // been killed (upstream porsager/postgres#1208); the caller still gets its error and Next's
    // server logs this one and keeps serving. tests/integration/killed-write.test.ts kills a
    // backend on purpose, so this one error is not a test failure.
    onUnhandledError: (error) =>
      !(error.message?.includes("reading 'write'") && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "")),
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          // Each file gets its own in-memory database; keep the two cores from thrashing.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "bench",
          include: ["bench/**/*.bench.test.ts"],
          environment: "node",
          setupFiles: ["bench/setup.ts"],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
        },
      },
      {
        // PostgreSQL server faults against `next start`: each file runs its own cluster and server.
        resolve: { alias },
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
