import { vi } from "vitest";

// One database per test worker: the embedded one in memory, or the server CI points us at.
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
  process.env.MEND_DATA_DIR = "memory://";
}
process.env.MEND_DEMO = "0";
// Second-factor secrets are sealed with a key derived from it.
process.env.AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

// The DAL asks next-auth who is signed in; tests say it directly (see tests/support/session.ts).
vi.mock("@/lib/auth", () => ({
  // A session row is opened on first use, as signing in would (tests/support/session.ts).
  auth: async () => (await import("@/tests/support/session")).currentTestSession(),
  signIn: async () => undefined,
  signOut: async () => undefined,
}));
