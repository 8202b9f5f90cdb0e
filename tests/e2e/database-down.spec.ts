import { expect, test } from "./fixtures";
import { ACCOUNTS, formAlert, PASSWORD } from "./helpers";
import { downPort } from "../../playwright.config";

test.use({ baseURL: `http://localhost:${downPort}` });

test("with the database unreachable, sign-in explains and nothing crashes", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS.counsellor);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText(/couldn't sign you in just now/);
  await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.counsellor);
  const body = await page.content();
  expect(body).not.toMatch(/ECONNREFUSED|at async|node_modules/);
});
