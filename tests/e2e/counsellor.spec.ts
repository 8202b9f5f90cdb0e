import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { ACCOUNTS, formAlert, signIn, signOut } from "./helpers";

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** No WCAG A/AA problems axe can find; the charts' drawings are aria-hidden and have their tables. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).exclude(".recharts-wrapper").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a counsellor triages, reads the charts, assigns work and signs a note; the partner sees the work and never the note", async ({ page }) => {
  // The longest journey of the suite (two accounts, a dozen pages, axe twice): room for a busy machine.
  test.slow();
  const marker = `note-marker-${Date.now()}`;
  const instructions = `Write it before our session ${Date.now()}`;

  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  const table = page.getByRole("table", { name: "Your couples" });
  await expect(table.getByRole("link", { name: "Alex & Sam" })).toBeVisible();
  await expectAccessible(page);
  const allRows = await table.locator("tbody tr").count();

  // Hidden columns stay hidden on this device; sorting lives in the URL.
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Status" }).uncheck();
  await expect(table.getByRole("columnheader", { name: "Status" })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: /Last check-in/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Status" })).toHaveCount(0);
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("button", { name: "Show all columns" }).click();
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
  await table.getByRole("link", { name: "Flags" }).click();
  await expect(page).toHaveURL(/sort=flags&dir=asc/);

  // Needs attention: only flagged couples, and the view lives in the URL.
  await page.getByRole("combobox", { name: "Flags" }).selectOption("attention");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/flag=attention/);
  const flaggedRows = table.locator("tbody tr");
  await expect(flaggedRows.first()).toBeVisible();
  const flagged = await flaggedRows.count();
  expect(flagged).toBeGreaterThan(0);
  expect(flagged).toBeLessThanOrEqual(allRows);
  for (let i = 0; i < flagged; i++) await expect(flaggedRows.nth(i).getByRole("cell").nth(7)).not.toHaveText("None");
  await page.reload();
  await expect(table.locator("tbody tr")).toHaveCount(flagged);

  // A flagged couple's page: flags, the charts and their table alternatives.
  await flaggedRows.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Progress" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Flags" }).getByRole("listitem").first()).not.toHaveText("No flags");
  for (const title of ["Trust", "Closeness", "Check-ins per week", "Promises", "The ten steps"]) {
    await expect(page.getByRole("heading", { level: 3, name: title, exact: true })).toBeVisible();
  }
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const trustFigure = page.locator("figure", { has: page.getByRole("heading", { name: "Trust", exact: true }) });
  await trustFigure.getByText("Show as a table").click();
  await expect(trustFigure.getByRole("table", { name: "Trust, by day" })).toBeVisible();
  await page.getByRole("link", { name: "4 weeks" }).click();
  await expect(page).toHaveURL(/range=4w/);

  // Alex & Sam.
  await page.goto("/caseload?q=Alex");
  await page.getByRole("link", { name: "Alex & Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex & Sam" })).toBeVisible();
  for (const heading of ["Recent check-ins", "Exercise answers", "Agreements", "Promises", "Clinical notes"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expectAccessible(page);

  // A due date in the past is refused beside the field, and what was typed is kept.
  await page.getByText("Assign work").click();
  const assign = page.getByRole("form", { name: "Assign work" });
  await assign.getByLabel("Step").selectOption("1");
  await assign.getByLabel("Exercise").selectOption("disclosure_worksheet");
  await assign.getByLabel("Due").fill(isoDay(-1));
  await assign.getByLabel("Instructions").fill(instructions);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(assign.getByText("The due date can't be in the past.")).toBeVisible();
  await expect(formAlert(page).first()).toBeVisible();
  await expect(assign.getByLabel("Instructions")).toHaveValue(instructions);

  // A double click makes one assignment.
  await assign.getByLabel("Due").fill(isoDay(5));
  await assign.getByRole("button", { name: "Assign" }).dblclick();
  await expect(assign.getByText(/Assigned\. The partners can see it now\.|That assignment was already made\./)).toBeVisible();
  await expect(page.getByRole("list", { name: "Assigned work" }).getByRole("listitem").filter({ hasText: instructions })).toHaveCount(1);

  // A signed note is locked; its text shows on the counsellor's page.
  await page.getByText("Write a note").click();
  const note = page.getByRole("form", { name: "New note" });
  await note.getByLabel("Subjective").fill(`Both spoke openly. ${marker}`);
  await note.getByLabel("Plan").fill("Keep the daily check-ins going.");
  await note.getByRole("button", { name: "Sign note" }).click();
  await expect(note.getByText("Note signed.")).toBeVisible();
  const signed = page.getByRole("article").filter({ hasText: marker });
  await expect(signed.getByText(/^Signed/)).toBeVisible();
  await expect(signed.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await signOut(page);

  // The partner sees the new assignment on Today, and no trace of the note.
  await signIn(page, ACCOUNTS.alex);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByText("Talking it through").first()).toBeVisible();
  expect(await page.content()).not.toContain(marker);
  for (const path of ["/today", "/caseload"]) {
    await page.goto(path);
    expect(await page.content()).not.toContain(marker);
  }
});

test("a counsellor adds a couple and gets a single-use link for each partner", async ({ page }) => {
  const tag = Date.now();
  await signIn(page, ACCOUNTS.counsellor);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New couple" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New couple" })).toBeVisible();
  await page.getByLabel("Couple name").fill(`Robin & Kai ${tag}`);
  await page.getByLabel("Partner 1 name").fill("Robin Test");
  await page.getByLabel("Partner 1 email").fill(`robin.${tag}@example.test`);
  await page.getByLabel("Partner 2 name").fill("Kai Test");
  // The same address twice is refused beside the field, and the rest is kept.
  await page.getByLabel("Partner 2 email").fill(`robin.${tag}@example.test`);
  await page.getByRole("button", { name: "Create couple and invitations" }).click();
  await expect(page.getByText("Each partner needs their own email address.")).toBeVisible();
  await expect(page.getByLabel("Partner 1 name")).toHaveValue("Robin Test");
  await page.getByLabel("Partner 2 email").fill(`kai.${tag}@example.test`);
  await page.getByRole("button", { name: "Create couple and invitations" }).click();

  const robinLink = page.getByRole("textbox", { name: "Invitation link for Robin Test" });
  await expect(robinLink).toHaveValue(/\/invite\/[\w-]{20,}$/);
  await expect(page.getByRole("textbox", { name: "Invitation link for Kai Test" })).toHaveValue(/\/invite\//);
  const firstLink = await robinLink.inputValue();

  await page.getByRole("link", { name: "Go to the couple's page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Robin & Kai ${tag}` })).toBeVisible();
  const invitations = page.getByRole("heading", { level: 2, name: "Invitations" }).locator("..");
  await expect(invitations.getByText("Waiting")).toHaveCount(2);
  await invitations.getByRole("button", { name: "New link for Robin Test" }).click();
  const newLink = invitations.getByRole("textbox", { name: "Invitation link for Robin Test" });
  await expect(newLink).toHaveValue(/\/invite\//);
  expect(await newLink.inputValue()).not.toBe(firstLink);
});
