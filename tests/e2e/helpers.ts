import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "mend-demo";
export const ACCOUNTS = {
  admin: "admin@demo.mend.test",
  counsellor: "counsellor@demo.mend.test",
  counsellor2: "counsellor2@demo.mend.test",
  alex: "alex@demo.mend.test",
  sam: "sam@demo.mend.test",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // With the demo password the sign-in succeeds: wait until it has landed, so the next
  // navigation cannot race the redirect that sets the session cookie.
  if (password === PASSWORD) await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 20_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The demo couple Alex and Sam's page id, as counsellor@ sees it in the caseload. */
export async function alexAndSamCouplePath(page: Page): Promise<string> {
  await signIn(page, ACCOUNTS.counsellor);
  await page.getByRole("searchbox", { name: "Search couples" }).fill("Alex");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: "Alex & Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex & Sam" })).toBeVisible();
  const path = new URL(page.url()).pathname;
  await signOut(page);
  return path;
}

/** The form's own message box (Next.js keeps an empty route announcer with the same role). */
export function formAlert(page: Page) {
  return page.locator("form [role=alert]");
}

/** No serious or critical axe violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Nothing on the page is wider than the screen, so nothing scrolls sideways. */
export async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
