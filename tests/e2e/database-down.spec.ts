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

test("the readiness probe answers signed out: 503 not ready with nothing else, never cached", async ({ request }) => {
  const response = await request.get("/api/health", { maxRedirects: 0 });
  expect(response.status()).toBe(503);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.text()).toBe(JSON.stringify({ status: "not ready" }));
});

test("a page that needs the database says calmly that it can't reach it", async ({ page }) => {
  const response = await page.goto("/invite/a-link-the-database-would-have-to-look-up");
  await expect(page.getByRole("heading", { name: "We can't reach the database just now" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  const body = (await response?.text()) + (await page.content());
  expect(body).not.toMatch(/ECONNREFUSED|Failed query|select |at async|node_modules|postgres:\/\//i);
});

test("beside it, the server whose database answers is ready", async ({ request }) => {
  const response = await request.get(`http://localhost:${downPort - 1}/api/health`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ready" });
});
