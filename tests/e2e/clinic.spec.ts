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

  test("lists the staff under Person and finds a partner by name to filter the audit log", async ({ page }) => {
    // Sam signs in, so the log holds an event of theirs.
    await signIn(page, ACCOUNTS.sam);
    await signOut(page);
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/clinic/audit");
    const person = page.getByLabel("Person");
    await expect(person.locator("option", { hasText: "Priya Raman" })).toHaveCount(1);
    await expect(person.locator("option", { hasText: "Morgan" })).toHaveCount(0);

    // Too short is explained beside the box, and nothing is searched.
    const box = page.getByRole("searchbox", { name: "Find a partner" });
    await box.fill("m");
    await box.press("Enter");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#audit-who-error")).toHaveText(/at least 2 characters/);

    // By keyboard: type part of the surname, Enter, then Tab to Sam and Enter.
    await box.fill("MORG");
    await box.press("Enter");
    const matches = page.getByRole("list", { name: "Partners matching “MORG”" });
    await expect(matches.getByRole("link")).toHaveCount(2);
    await expect(matches.getByRole("link", { name: /Alex Morgan/ })).toContainText("alex@demo.mend.test");
    const sam = matches.getByRole("link", { name: /Sam Morgan/ });
    // The search lands back on the box: Sam is a few Tabs away, past the box, Find and Alex.
    for (let i = 0; i < 6 && !(await sam.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(sam).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]actor=[0-9a-f-]{36}/);

    // The chosen partner is named, in the Person list too, and every event listed is theirs.
    await expect(page.getByText("Showing the events of Sam Morgan, a partner.")).toBeVisible();
    await expect(person.locator("option:checked")).toHaveText("Sam Morgan (partner)");
    const log = page.getByRole("table", { name: "Audit events" });
    await expect(log.getByRole("row").filter({ hasText: "Signed in" }).first()).toContainText("Sam Morgan");
    for (const cell of await log.locator("tbody tr td:nth-child(2)").allTextContents()) expect(cell).toBe("Sam Morgan");

    // Another filter keeps the partner; "Show everyone's events" lets go of them.
    await page.getByLabel("Action").selectOption("auth.sign_in");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    await expect(page.getByText("Showing the events of Sam Morgan, a partner.")).toBeVisible();
    await page.getByRole("link", { name: "Show everyone’s events" }).click();
    await expect(page).not.toHaveURL(/actor=/);
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    await expect(person.locator("option:checked")).toHaveText("Anyone");

    // A NUL byte in the search is a message on the page, not an error.
    const response = await page.goto("/clinic/audit?who=sa%00m");
    expect(response!.status()).toBe(200);
    await expect(page.locator("#audit-who-error")).toHaveText(/control character/);
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
