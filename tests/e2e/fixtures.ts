import { test as base, expect, type BrowserContext } from "@playwright/test";

/**
 * Every end-to-end and attack spec imports `test` and `expect` from this file, never from
 * `@playwright/test` directly (tests/unit/e2e-fixtures.test.ts fails otherwise). The `test` here
 * fails any test during which a page reported a Content-Security-Policy violation, so the whole
 * suite doubles as proof that every page, chart included, works under the policy.
 *
 * Violations are seen twice, on purpose: Chromium's console message ("Refused to execute …
 * because it violates the following Content Security Policy directive") and the DOM's
 * `securitypolicyviolation` event, which also catches what the console does not print.
 * Contexts a test opens itself with `browser.newContext()` are watched too.
 */

type CspFixtures = {
  /** Set to true (with `test.use`) in a test that provokes violations on purpose and checks them. */
  allowCspViolations: boolean;
  /** The violations seen so far in this test, as "kind: detail" lines. */
  cspViolations: string[];
};

const BINDING = "__mendReportCspViolation";

async function watch(context: BrowserContext, violations: string[]) {
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(`console on ${message.page()?.url() ?? "?"}: ${message.text()}`);
    }
  });
  await context.exposeBinding(BINDING, ({ page }, detail: string) => {
    violations.push(`securitypolicyviolation on ${page?.url() ?? "?"}: ${detail}`);
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as Record<string, (detail: string) => void>)[binding];
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  }, BINDING);
}

export const test = base.extend<CspFixtures>({
  allowCspViolations: [false, { option: true }],
  cspViolations: [
    async ({ context, browser, allowCspViolations }, provide, testInfo) => {
      const violations: string[] = [];
      await watch(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        await watch(opened, violations);
        return opened;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      if (violations.length > 0) await testInfo.attach("csp-violations", { body: violations.join("\n") });
      if (!allowCspViolations && testInfo.status === testInfo.expectedStatus) {
        expect(violations, "no page may break the Content-Security-Policy").toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, BrowserContext, Page, Locator } from "@playwright/test";
