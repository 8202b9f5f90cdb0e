import { expect, test } from "./fixtures";
import { ACCOUNTS, alexAndSamCouplePath, formAlert, signIn, signOut } from "./helpers";

test.describe("signing in lands each role on its own home", () => {
  test("a counsellor sees their caseload", async ({ page }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole("heading", { level: 1, name: "Caseload" })).toBeVisible();
    const table = page.getByRole("table", { name: "Your couples" });
    await expect(table.getByRole("link", { name: "Alex & Sam" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /Last check-in/ })).toBeVisible();
    expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(8);
    await signOut(page);
    await page.goto("/caseload");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a partner sees Today for their couple", async ({ page }) => {
    await signIn(page, ACCOUNTS.alex);
    await expect(page).toHaveURL(/\/today$/);
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    await expect(page.getByText("You and Sam Morgan")).toBeVisible();
    await expect(page.getByRole("heading", { name: "What's due" })).toBeVisible();
    await signOut(page);
  });

  test("a clinic admin sees the counsellors and their caseload sizes", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await expect(page).toHaveURL(/\/clinic$/);
    const table = page.getByRole("table", { name: "Counsellors and their caseloads" });
    await expect(table.getByRole("rowheader", { name: /Helen Achebe/ })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: /Tomás Lindqvist/ })).toBeVisible();
    await signOut(page);
  });
});

test.describe("a couple that is not yours does not exist", () => {
  test("another counsellor and a partner get not found; forged ids too", async ({ page }) => {
    const path = await alexAndSamCouplePath(page);

    await signIn(page, ACCOUNTS.counsellor2);
    await expect(page).toHaveURL(/\/caseload$/);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Alex & Sam")).toHaveCount(0);
    await page.goto("/couples/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.goto("/couples/not-an-id");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await signOut(page);

    await signIn(page, ACCOUNTS.sam);
    await expect(page).toHaveURL(/\/today$/);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await page.goto("/caseload");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test.describe("sign-in problems get clear messages", () => {
  test("a wrong password and an unknown email get the same message, and the email is kept", async ({ page }) => {
    await signIn(page, ACCOUNTS.counsellor2, "not-the-password");
    const message = formAlert(page);
    await expect(message).toHaveText("That email and password don't match an account. Check them and try again.");
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.counsellor2);

    await signIn(page, "nobody-here@demo.mend.test", "whatever-it-is");
    await expect(formAlert(page)).toHaveText("That email and password don't match an account. Check them and try again.");
  });

  test("malformed input is explained beside the field", async ({ page }) => {
    await signIn(page, "not-an-email", "x");
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("repeated failures pause the account with a try-again time", async ({ page }) => {
    const email = "throttle-check@demo.mend.test";
    for (let i = 0; i < 4; i++) {
      await signIn(page, email, `wrong-${i}`);
      await expect(formAlert(page)).toContainText("don't match");
    }
    await signIn(page, email, "wrong-final");
    await expect(formAlert(page)).toHaveText(/Too many sign-in attempts\. For your security, please try again in 15 minutes\./);
  });

  test("the demo accounts are listed on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await expect(page.getByText("counsellor@demo.mend.test")).toBeVisible();
  });
});
