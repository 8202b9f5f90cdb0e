import { vi } from "vitest";

// One database per test worker: the embedded one in memory, or the server CI points us at.
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
  process.env.MEND_DATA_DIR = "memory://";
}
process.env.MEND_DEMO = "0";

// The DAL asks next-auth who is signed in; tests say it directly (see tests/support/session.ts).
vi.mock("@/lib/auth", () => ({
  auth: async () => (globalThis as { __mendTestSession?: unknown }).__mendTestSession ?? null,
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
