import { expect, test } from "./fixtures";
import { ACCOUNTS, signIn } from "./helpers";

/**
 * The staff idle warning, with the browser's clock under the test's control. The server's clock
 * cannot be moved, so where the server would by then have ended the session the test ends it the
 * way the idle limit does (the row is revoked; the cookie stays behind, now worthless). The limit
 * itself, measured on the server, is covered by tests/integration/sessions.test.ts.
 */
test("staff are warned before the idle sign-out, can stay signed in, and otherwise land calmly on sign-in", async ({ page, browser }) => {
  await page.clock.install();
  await signIn(page, ACCOUNTS.counsellor2);
  await expect(page).toHaveURL(/\/caseload/);
  const warning = page.getByRole("alertdialog", { name: "You'll be signed out soon" });
  const stay = warning.getByRole("button", { name: "Stay signed in" });
  const search = page.getByRole("searchbox", { name: "Search couples" });
  await search.focus();

  // Twenty-seven minutes away from the keyboard: nothing yet.
  await page.clock.fastForward("27:00");
  await expect(warning).toBeHidden();
  // A minute more and the warning is up, with the time left, and focus on its button.
  await page.clock.fastForward("01:05");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Time left: 1:\d\d/);
  await expect(stay).toBeFocused();

  // Back to the server's time (only the browser's clock moved), then stay, from the keyboard.
  await page.clock.setSystemTime(Date.now());
  await page.keyboard.press("Enter");
  await expect(warning).toBeHidden();
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/\/caseload/);
  // The session goes on: the next warning is a full stretch away.
  await page.clock.fastForward("27:00");
  await expect(warning).toBeHidden();
  await page.clock.setSystemTime(Date.now());
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // This time nobody answers the warning.
  await page.clock.fastForward("28:05");
  await expect(warning).toBeVisible();
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(await page.context().cookies());
  const { csrfToken } = (await (await elsewhere.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await elsewhere.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 })).status()).toBeLessThan(400);
  await elsewhere.close();
  await page.clock.fastForward("02:00");
  await expect(page).toHaveURL(/\/login\?signedOut=idle&callbackUrl=%2Faccount$/);
  await expect(page.getByRole("status").filter({ hasText: "You were signed out after a while without activity" })).toBeVisible();
  await expect(warning).toBeHidden();
});
