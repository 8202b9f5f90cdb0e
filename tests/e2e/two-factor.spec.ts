import { generate } from "otplib";
import { expect, test, type Page } from "./fixtures";
import { signIn, signOut } from "./helpers";

// Partners of the demo clinic whom no other spec signs in as (partners may opt in to two-factor
// sign-in; the pages and the second step are the ones staff use). A retry takes the next one, so
// a run that stopped with two-factor on cannot trip up the next attempt.
const ACCOUNTS = ["quinton.raynor@demo.mend.test", "clay.dickens@demo.mend.test"];

/** A partner's home page. */
const HOME = /\/today$/;
const WRONG_CODE = /That code didn't work/;
const USED_CODE = /That code has already been used/;

const period = () => Math.floor(Date.now() / 30_000);

/**
 * The code an authenticator app shows `steps` 30-second periods from now (-1: the one before),
 * which the server takes within its allowance for clock drift. Waits out the last seconds of a
 * period first, so the code cannot go stale between making and sending it.
 */
async function codeFor(secret: string, steps = 0): Promise<string> {
  const intoPeriod = (Date.now() / 1000) % 30;
  if (intoPeriod > 24) await new Promise((resolve) => setTimeout(resolve, (30 - intoPeriod + 0.5) * 1000));
  return generate({ secret, epoch: (period() + steps) * 30 });
}

/**
 * A six-digit code the server must refuse: none of the codes of the periods it allows for clock
 * drift (one either side). A fixed "wrong" code is right about once in a million runs; this run
 * met one.
 */
async function wrongCodeFor(secret: string): Promise<string> {
  const near = await Promise.all([-2, -1, 0, 1, 2].map((steps) => generate({ secret, epoch: (period() + steps) * 30 })));
  return ["000000", "123456", "999999"].find((code) => !near.includes(code))!;
}

async function enterCode(page: Page, label: string | RegExp, code: string, submit: string) {
  await page.getByLabel(label, { exact: true }).fill(code);
  await page.getByRole("button", { name: submit, exact: true }).click();
}

test("two-factor sign-in: enrol with a code, recovery codes shown once, a code signs in once, a recovery code signs in, then off", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const email = ACCOUNTS[testInfo.retry % ACCOUNTS.length]!;
  await signIn(page, email);
  await expect(page).toHaveURL(HOME);

  // Enrol on the account page, typing the key in by hand as someone without a camera would.
  await page.goto("/account");
  await expect(page.getByText(/^Off\. With it on/)).toBeVisible();
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await enterCode(page, "Code from your app", await wrongCodeFor(secret), "Turn on two-factor sign-in");
  await expect(page.getByText(WRONG_CODE)).toBeVisible();
  // The code of the period before (still inside the allowance for a slow phone clock), so the
  // current one is left to sign in with.
  await enterCode(page, "Code from your app", await codeFor(secret, -1), "Turn on two-factor sign-in");
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  const recovery = await page.getByTestId("recovery-code").allTextContents();
  expect(recovery).toHaveLength(10);
  expect(new Set(recovery).size).toBe(10);
  await page.getByRole("link", { name: /saved them/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(/^On\..*Recovery codes left: 10\./)).toBeVisible();
  // Shown once: neither the account page nor the set-up page shows them again.
  await page.reload();
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
  await page.goto("/account/two-factor");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);

  // The password alone now leads to the second step, not in.
  await signOut(page);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await expect(page.getByText(`Signing in as ${email}.`)).toBeVisible();
  await page.goto("/today");
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await enterCode(page, "Code", await wrongCodeFor(secret), "Continue");
  await expect(page.getByText(WRONG_CODE)).toBeVisible();
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  const code = await codeFor(secret);
  await enterCode(page, "Code", code, "Continue");
  await expect(page).toHaveURL(HOME, { timeout: 20_000 });

  // The same code again, as someone who watched it typed would: refused.
  await signOut(page);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await enterCode(page, "Code", code, "Continue");
  await expect(page.getByText(USED_CODE)).toBeVisible();
  await expect(page).toHaveURL(/\/login\/second-factor$/);

  // A recovery code signs in, once.
  await enterCode(page, "Code", recovery[0]!, "Continue");
  await expect(page).toHaveURL(HOME, { timeout: 20_000 });
  await page.goto("/account");
  await expect(page.getByText(/Recovery codes left: 9\./)).toBeVisible();
  await signOut(page);
  await signIn(page, email);
  await enterCode(page, "Code", recovery[0]!, "Continue");
  await expect(page.getByText(WRONG_CODE)).toBeVisible();

  // Back in with the app, and off again: the code that just signed in does not also turn it off.
  const last = await codeFor(secret, 1);
  const lastPeriod = period() + 1;
  await enterCode(page, "Code", last, "Continue");
  await expect(page).toHaveURL(HOME, { timeout: 20_000 });
  await page.goto("/account");
  await enterCode(page, "Code from your app, to turn it off", last, "Turn off");
  await expect(page.getByText(USED_CODE)).toBeVisible();
  // The allowance reaches one period ahead at most: wait until the code used is the current one.
  await expect.poll(period, { timeout: 35_000, intervals: [1_000] }).toBeGreaterThanOrEqual(lastPeriod);
  await enterCode(page, "Code from your app, to turn it off", await codeFor(secret, 1), "Turn off");
  await expect(page.getByText(/^Off\. With it on/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Off\. With it on/)).toBeVisible();

  // And the password alone signs in again.
  await signOut(page);
  await signIn(page, email);
  await expect(page).toHaveURL(HOME);
});
