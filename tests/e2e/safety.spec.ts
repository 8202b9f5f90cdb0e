import { expect, test } from "./fixtures";
import { ACCOUNTS, signIn, signOut } from "./helpers";
import type { Page } from "@playwright/test";

/**
 * The safety-screen case as both partners and their counsellor: a worrying screen shows the
 * partner who answered where to find help, alerts the counsellor, and changes nothing the other
 * partner sees; pausing joint work is the counsellor's decision, and then both partners read the
 * same neutral words.
 */

const PAUSED = "Some shared exercises are paused for now. Your counsellor will talk with you about next steps.";

/** Signs in and waits until the first page after sign-in has loaded. */
async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

/** The visible text of a partner page's main content. */
async function mainText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.locator("main").innerText();
}

test("a worrying safety screen tips off nobody but the counsellor; a pause reads the same for both partners", async ({ page }) => {
  test.setTimeout(300_000);
  const instructions = `Answer on your own, when you are alone. ${Date.now()}`;

  // The counsellor gives Alex alone a safety screen.
  await signInAs(page, ACCOUNTS.counsellor);
  await page.getByRole("searchbox", { name: "Search couples" }).fill("Alex");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: "Alex & Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex & Sam" })).toBeVisible({ timeout: 30_000 });
  const couplePath = new URL(page.url()).pathname;
  const assignWork = page.getByText("Assign work", { exact: true }).first();
  if (!(await page.getByRole("form", { name: "Assign work" }).isVisible())) await assignWork.click();
  const assign = page.getByRole("form", { name: "Assign work" });
  await assign.getByLabel("Step").selectOption("2");
  await assign.getByLabel("Exercise").selectOption("safety_screen");
  await assign.getByLabel("For").selectOption({ label: "Alex Morgan only" });
  await assign.getByLabel("Instructions").fill(instructions);
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(assign.getByText(/Assigned\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "A safety concern is open" })).toHaveCount(0);
  await signOut(page);

  // Sam's pages before Alex answers.
  await signInAs(page, ACCOUNTS.sam);
  await expect(page).toHaveURL(/\/today/);
  const samTodayBefore = await mainText(page, "/today");
  const samExercisesBefore = await mainText(page, "/exercises");
  expect(samTodayBefore).not.toContain(PAUSED);
  await signOut(page);

  // Alex answers with a worrying answer and is shown where to find help.
  await signInAs(page, ACCOUNTS.alex);
  await page.goto("/exercises");
  await page.getByRole("link").filter({ hasText: "Feeling safe" }).filter({ hasText: "To do" }).first().click();
  await expect(page.getByText(instructions)).toBeVisible();
  for (const [question, answer] of [
    [/afraid of your partner/, "Sometimes"],
    [/hurt you, or threatened/, "Never"],
    [/check up on you/, "Often"],
    [/worry about what might happen at home/, "Sometimes"],
  ] as const) {
    await page.getByRole("group", { name: question }).getByRole("radio", { name: answer, exact: true }).check();
  }
  await page.getByRole("group", { name: /safe to speak freely/ }).getByRole("radio", { name: "I'm not sure" }).check();
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByText("If you ever feel unsafe, you are not alone, and help is there.").first()).toBeVisible();
  await expect(page.getByText(PAUSED)).toHaveCount(0);
  await signOut(page);

  // Sam's pages read exactly as before.
  await signInAs(page, ACCOUNTS.sam);
  expect(await mainText(page, "/today")).toBe(samTodayBefore);
  expect(await mainText(page, "/exercises")).toBe(samExercisesBefore);
  await signOut(page);

  // The counsellor sees the concern at the top of the couple's page, with the worrying answers marked, and pauses joint work.
  await signInAs(page, ACCOUNTS.counsellor);
  await page.goto(couplePath);
  const banner = page.getByRole("heading", { name: "A safety concern is open" });
  await expect(banner).toBeVisible();
  const bannerTop = (await banner.boundingBox())!.y;
  const notesTop = (await page.getByRole("heading", { level: 2, name: "Exercise answers", exact: true }).boundingBox())!.y;
  expect(bannerTop).toBeLessThan(notesTop);
  await expect(page.getByText("Worrying answer").first()).toBeVisible();
  await page.getByRole("button", { name: "Pause joint work" }).click();
  await expect(page.getByRole("button", { name: "Resume joint work" })).toBeVisible();
  await signOut(page);

  // Both partners now read the same neutral words, and nothing more.
  const messages: string[] = [];
  for (const who of [ACCOUNTS.alex, ACCOUNTS.sam]) {
    await signInAs(page, who);
    await expect(page).toHaveURL(/\/today/);
    const alert = page.locator("main [role=status]").filter({ hasText: "paused" });
    await expect(alert).toBeVisible();
    messages.push(await alert.innerText());
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/safety|concern|screen|worr/i);
    await signOut(page);
  }
  expect(messages).toEqual([PAUSED, PAUSED]);

  // Resuming restores the partners' pages.
  await signInAs(page, ACCOUNTS.counsellor);
  await page.goto(couplePath);
  await page.getByRole("button", { name: "Resume joint work" }).click();
  await expect(page.getByRole("button", { name: "Pause joint work" })).toBeVisible();
  await signOut(page);
  await signInAs(page, ACCOUNTS.sam);
  expect(await mainText(page, "/today")).toBe(samTodayBefore);
});
