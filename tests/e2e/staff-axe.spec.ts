import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { ACCOUNTS, alexAndSamCouplePath, signIn, signOut } from "./helpers";
import type { Page } from "@playwright/test";

/** Serious and critical problems axe finds on the page as it stands, one line each. */
async function seriousProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function visit(page: Page, path: string, heading: RegExp | string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  // Charts draw after hydration; axe must see them drawn.
  await page.waitForLoadState("networkidle");
}

test("every counsellor page is free of serious accessibility problems", async ({ page }) => {
  test.setTimeout(180_000);
  const couplePath = await alexAndSamCouplePath(page);
  await signIn(page, ACCOUNTS.counsellor);
  const problems: string[] = [];
  for (const [path, heading] of [
    ["/caseload", "Caseload"],
    [couplePath, "Alex & Sam"],
    ["/couples/new", /couple/i],
    ["/account", /account/i],
  ] as const) {
    await visit(page, path, heading);
    problems.push(...(await seriousProblems(page)));
  }
  // The notes section, opened, and the charts' tables.
  await page.goto(couplePath);
  for (const summary of await page.locator("summary").all()) await summary.click();
  problems.push(...(await seriousProblems(page)));
  expect(problems).toEqual([]);
  await signOut(page);
});

test("every clinic page is free of serious accessibility problems", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/clinic$/);
  const problems: string[] = [];
  for (const [path, heading] of [
    ["/clinic", "Clinic overview"],
    ["/clinic/counsellors", "Counsellors"],
    ["/clinic/couples", "Couples"],
    ["/clinic/audit", "Audit log"],
    ["/clinic/settings", /settings/i],
    ["/account", /account/i],
  ] as const) {
    await visit(page, path, heading);
    problems.push(...(await seriousProblems(page)));
  }
  // A counsellor's own page, reached from their row.
  await page.goto("/clinic/counsellors");
  await page.getByRole("table", { name: "Counsellors of the clinic" }).getByRole("link", { name: "Dr Helen Achebe", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Helen Achebe/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Couples they carry" })).toBeVisible();
  problems.push(...(await seriousProblems(page)));
  expect(problems).toEqual([]);
  await signOut(page);
});
