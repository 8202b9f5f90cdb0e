import { expect, test } from "./fixtures";
import { ACCOUNTS, signIn, signOut } from "./helpers";

test.describe("the caseload on a laptop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("fits 1280 px with every default column, names the partner a flag concerns, and pages sensibly", async ({ page }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload$/);
    const table = page.getByRole("table", { name: "Your couples" });
    for (const header of ["Couple", "Status", "Current step", "Last check-in", "Flags", "Next due"]) {
      await expect(table.getByRole("columnheader", { name: new RegExp(header) })).toBeVisible();
    }
    const fit = await table.evaluate((t) => {
      const box = t.parentElement!;
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, page: document.documentElement.scrollWidth - document.documentElement.clientWidth };
    });
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.page).toBeLessThanOrEqual(0);

    // A flag that belongs to one partner says whose it is ("No check-in 3+ days · Sam").
    const flags = table.getByText(/^(No check-in \d\+ days|Trust down \d\+ points) · /);
    expect(await flags.count()).toBeGreaterThan(0);

    // Ten a page, then a page far past the end: the last page, not an empty one.
    await page.getByRole("list", { name: "Page size" }).getByRole("link", { name: "10 couples per page" }).click();
    await expect(page).toHaveURL(/pageSize=10/);
    await expect(page.getByRole("link", { name: "10 couples per page" })).toHaveAttribute("aria-current", "true");
    await page.goto("/caseload?pageSize=10&page=999");
    await expect(page.getByText(/^Page (\d+) of \1$/)).toBeVisible();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(table.getByText("No couples match this view.")).toHaveCount(0);
    // A page size that is not offered falls back to the default.
    await page.goto("/caseload?pageSize=7");
    await expect(page.getByRole("link", { name: "20 couples per page" })).toHaveAttribute("aria-current", "true");
    await signOut(page);
  });
});

test("every page has an icon, so no page asks for one that is missing", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && /icon|favicon/.test(response.url())) missing.push(response.url());
  });
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  expect(missing).toEqual([]);
  await signOut(page);
});

test("a page that is not found inside a signed-in area has one main landmark", async ({ page }) => {
  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  for (const path of ["/couples/00000000-0000-4000-8000-000000000000", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
  }
  // An unknown address is outside every signed-in layout, so sign out from a page that has the shell.
  await page.goto("/caseload");
  await signOut(page);
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/clinic$/);
  await page.goto("/clinic/counsellors/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await signOut(page);
});

test.describe("the clinic overview", () => {
  test("labels its counts, explains trust above baseline, and says when every group is too small to show", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await expect(page).toHaveURL(/\/clinic$/);
    await expect(page.getByText("Couples in these figures")).toBeVisible();
    await expect(page.getByText("Of those, active today")).toBeVisible();
    await expect(page.getByText(/compares each couple's mean trust/)).toBeVisible();
    const today = new Date().toISOString().slice(0, 10);
    // Ninety days back only the longest-running demo couples had started: every step's group is small.
    const d = new Date();
    d.setUTCDate(d.getUTCDate() - 85);
    const early = d.toISOString().slice(0, 10);
    await page.goto(`/clinic?from=${early}&to=${early}`);
    await expect(page.getByText("Every group has fewer than 5 couples, so nothing is shown to protect privacy").first()).toBeVisible();
    await page.goto(`/clinic?from=${early}&to=${today}`);
    await expect(page.getByRole("heading", { level: 1, name: "Clinic overview" })).toBeVisible();
    await signOut(page);
  });
});
