import { expect, test } from "../e2e/fixtures";
import { ACCOUNTS, PASSWORD } from "../e2e/helpers";
import { HOSTILE_REDIRECT_TARGETS } from "../support/hostile-targets";

/**
 * An attacker mails a sign-in link whose callback points at their own site. Whatever the
 * callback, a person who signs in through the real form lands on Mend, never elsewhere.
 */
test.describe("open redirect after sign-in", () => {
  for (const target of HOSTILE_REDIRECT_TARGETS) {
    test(`callback ${JSON.stringify(target).slice(0, 60)} stays on Mend`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
      // The page may drop a bad callback; put it back in the form as a crafted POST would send it.
      await page.locator('input[name="callbackUrl"]').evaluate((input, value) => {
        (input as HTMLInputElement).value = value;
      }, target);
      await page.getByLabel("Email").fill(ACCOUNTS.counsellor);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe("/login");
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin).toBe(origin);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }

  test("a plain path on Mend is still honoured", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/account")}`);
    await page.getByLabel("Email").fill(ACCOUNTS.counsellor);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});
