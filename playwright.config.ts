import { defineConfig, devices } from "@playwright/test";
import { fixtureFile } from "./tests/support/markers";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
/** A second server on the same build whose database refuses connections. */
export const downPort = port + 1;
/** A third server on the same build that trusts one proxy hop, as if it sat behind TLS termination. */
export const proxiedPort = port + 2;
/**
 * Set by CI's second pass, on a PostgreSQL server after the whole suite has passed on the embedded
 * database: it leaves out the specs that check only what the browser is sent (redirect parsing,
 * security headers, layout and axe), which the database behind the pages cannot change, and keeps
 * every spec that reads or writes through it.
 */
const repeatPass = process.env.E2E_DATABASE_PASS === "repeat";
const DATABASE_AGNOSTIC = [/open-redirect\.spec\.ts$/, /headers\.spec\.ts$/, /staff-axe\.spec\.ts$/, /screens\.spec\.ts$/];
const secret = process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-use-0123456789";

/**
 * End-to-end tests run against a production build (`next start`) on a throwaway database:
 * an embedded one in .data/e2e by default, or DATABASE_URL when it is set.
 */
export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      testDir: "tests/e2e",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [/\.phone\.spec\.ts$/, ...(repeatPass ? DATABASE_AGNOSTIC : [])],
    },
    { name: "phone", testDir: "tests/e2e", use: { ...devices["Pixel 7"] }, testMatch: /\.phone\.spec\.ts$/ },
    // Specs that attack the production build as an outsider and as every role would.
    {
      name: "attack",
      testDir: "tests/attack",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: repeatPass ? DATABASE_AGNOSTIC : [],
    },
  ],
  webServer: [
    {
      // The fixture clinics of the access matrix and leak sweep go in before the server holds the database.
      command: `npx tsx scripts/e2e-fixtures.ts ${fixtureFile(port)} && npx next start -p ${port}`,
      url: `${baseURL}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        MEND_DEMO: "1",
        MEND_DATA_DIR: process.env.MEND_DATA_DIR || ".data/e2e",
        AUTH_SECRET: secret,
        ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      },
    },
    {
      command: `npx next start -p ${downPort}`,
      url: `http://localhost:${downPort}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: { DATABASE_URL: "postgres://mend@127.0.0.1:9/unreachable", AUTH_SECRET: secret },
    },
    {
      command: `npx next start -p ${proxiedPort}`,
      url: `http://localhost:${proxiedPort}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        DATABASE_URL: "postgres://mend@127.0.0.1:9/unreachable",
        AUTH_SECRET: secret,
        MEND_TRUSTED_PROXIES: "1",
      },
    },
  ],
});
