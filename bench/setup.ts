import { vi } from "vitest";

// Benchmarks keep their large seeded clinics between runs in their own data folder
// (or use DATABASE_URL when it is set).
if (!process.env.DATABASE_URL) process.env.MEND_DATA_DIR = process.env.MEND_BENCH_DATA_DIR || ".data/bench";
process.env.MEND_DEMO = "0";

vi.mock("@/lib/auth", () => ({
  // A session row is opened on first use, as signing in would (tests/support/session.ts).
  auth: async () => (await import("@/tests/support/session")).currentTestSession(),
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
