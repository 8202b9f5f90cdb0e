import { expect, test } from "./fixtures";
import { ACCOUNTS, signIn, signOut } from "./helpers";

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

test.describe("the clinic admin", () => {
  test("changes the range, reads the funnel, reassigns a couple and finds it in the audit log", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await expect(page).toHaveURL(/\/clinic$/);
    await expect(page.getByRole("heading", { level: 1, name: "Clinic overview" })).toBeVisible();

    // A reversed range is explained, and no figures are shown for it.
    const rangeForm = page.getByRole("form", { name: "Date range" });
    await rangeForm.getByLabel("From").fill(isoDaysAgo(1));
    await rangeForm.getByLabel("To").fill(isoDaysAgo(30));
    await rangeForm.getByRole("button", { name: "Show figures" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("The first day comes after the last day");
    await expect(page.getByRole("table", { name: "Couples reaching each step" })).toHaveCount(0);

    const from = isoDaysAgo(60);
    const to = isoDaysAgo(0);
    await rangeForm.getByLabel("From").fill(from);
    await rangeForm.getByLabel("To").fill(to);
    await rangeForm.getByRole("button", { name: "Show figures" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
    await expect(page.locator("form [role=alert]")).toHaveCount(0);

    const funnel = page.getByRole("table", { name: "Couples reaching each step" });
    await expect(funnel.getByRole("rowheader", { name: /^Step 1:/ })).toBeAttached();
    await expect(funnel.getByRole("rowheader", { name: /^Step 10:/ })).toBeAttached();
    await expect(funnel.getByRole("row", { name: /^Step 1:/ })).toContainText("14");
    // Only the improving couples got far: a step reached by fewer than 5 couples is suppressed.
    await expect(funnel.getByRole("row", { name: /^Step 10:/ })).toContainText("fewer than 5");

    const byCounsellor = page.getByRole("table", { name: "Figures by counsellor" });
    await expect(byCounsellor.getByRole("rowheader", { name: /Helen Achebe/ })).toBeVisible();
    await expect(byCounsellor.getByRole("row", { name: /Helen Achebe/ })).toContainText("9");

    // Reassign one of Helen's couples to Tomás.
    await page.getByRole("link", { name: "Couples" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Couples" })).toBeVisible();
    const directory = page.getByRole("table", { name: "Couples of the clinic" });
    const row = directory
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Dr Helen Achebe", exact: true }) })
      .filter({ hasNotText: "Alex & Sam" })
      .first();
    const coupleName = (await row.getByRole("rowheader").textContent())!.trim();
    await row.getByLabel(`New counsellor for ${coupleName}`).selectOption({ label: "Tomás Lindqvist" });
    await row.getByRole("button", { name: "Reassign" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reassigned" })).toBeVisible();

    await page.goto("/clinic/couples");
    const moved = directory.getByRole("row").filter({ has: page.getByRole("rowheader", { name: coupleName, exact: true }) });
    await expect(moved.getByRole("cell").first()).toHaveText("Tomás Lindqvist");

    // The audit log shows who moved which couple.
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Action").selectOption("couple.reassign");
    await page.getByRole("button", { name: "Apply" }).click();
    const log = page.getByRole("table", { name: "Audit events" });
    const event = log.getByRole("row").filter({ hasText: coupleName });
    await expect(event).toHaveCount(1);
    await expect(event).toContainText("Priya Raman");
    // Readable words for the action, the record and the outcome, not the stored codes.
    await expect(event).toContainText("Handed a couple to another counsellor");
    // The record column (fourth) names the couple that was handed over.
    await expect(event.getByRole("cell").nth(3)).toContainText(coupleName);
    await expect(event).toContainText("Done");
    await expect(event).not.toContainText("couple.reassign");

    // Hand the couple back so the demo clinic is as it was for other tests.
    await page.goto("/clinic/couples");
    const back = directory.getByRole("row").filter({ has: page.getByRole("rowheader", { name: coupleName, exact: true }) });
    await back.getByLabel(`New counsellor for ${coupleName}`).selectOption({ label: "Dr Helen Achebe" });
    await back.getByRole("button", { name: "Reassign" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reassigned" })).toBeVisible();
    await signOut(page);
  });

  test("a counsellor cannot reach the clinic pages", async ({ page }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload$/);
    for (const path of ["/clinic", "/clinic/couples", "/clinic/audit", "/clinic/export/audit-log"]) {
      await page.goto(path);
      await expect(page.getByText(/not found/i).first()).toBeVisible();
    }
  });
});
