import { expect, test, type Page } from "./fixtures";
import { expectAccessible, expectNoSideways, signIn, signOut } from "./helpers";
import { ACCOUNT_EMAIL, FIXTURE_PASSWORD } from "../support/markers";

/**
 * A partner answers a questionnaire on a phone. The fixture clinic's couple x (Ava and Ben) has
 * Mend's relationship check due for both partners today (scripts/e2e-fixtures.ts).
 */
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

const dueList = (page: Page) => page.getByRole("region", { name: "What's due" });

test("a partner answers the relationship check on a phone, fixing a missed question; it leaves their Today but not their partner's", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNT_EMAIL.partnerA, FIXTURE_PASSWORD);
  await expect(page).toHaveURL(/\/today$/);
  const due = dueList(page);
  await expect(due.getByText("Relationship check", { exact: true })).toBeVisible();
  await expect(due.getByText("5 questions · about a minute")).toBeVisible();
  await expectAccessible(page);

  await due.getByRole("link", { name: "Answer the relationship check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Relationship check" })).toBeVisible();
  await expect(page.getByText("Choose one answer for each question.")).toBeVisible();
  await expectNoSideways(page);
  await expectAccessible(page);

  const groups = page.getByRole("group");
  await expect(groups).toHaveCount(5);
  // Every answer is a big enough target for a thumb.
  for (const option of await groups.first().locator("label").all()) expect((await option.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // Four of five answered, by tapping and by keyboard; the third question is missed.
  await groups.nth(0).getByText("Often", { exact: true }).click();
  await groups.nth(1).getByText("Sometimes", { exact: true }).click();
  await groups.nth(3).getByRole("radio").first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(groups.nth(3).getByRole("radio", { name: "A little" })).toBeChecked();
  await groups.nth(4).getByText("Never", { exact: true }).click();
  await page.getByRole("button", { name: "Send my answers" }).click();

  const missed = groups.nth(2);
  await expect(missed).toHaveAttribute("aria-invalid", "true");
  await expect(missed).toContainText("Please answer this question.");
  await expect(missed.getByRole("radio").first()).toBeFocused();
  await expect(page).toHaveURL(/\/measures\//);
  // The answers already chosen are still chosen.
  await expect(groups.nth(0).getByRole("radio", { name: "Often" })).toBeChecked();
  await expect(groups.nth(3).getByRole("radio", { name: "A little" })).toBeChecked();
  await expect(groups.nth(4).getByRole("radio", { name: "Never" })).toBeChecked();
  await expectAccessible(page);

  await missed.getByText("Most days", { exact: true }).click();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page).toHaveURL(/\/today\?answered=1$/);
  // A thank-you, and nothing about how the answers scored.
  await expect(page.getByRole("status").filter({ hasText: "Thank you. Your answers are saved." })).toHaveText("Thank you. Your answers are saved.");
  await expect(dueList(page).getByText("Relationship check", { exact: true })).toHaveCount(0);

  // The page itself now says it is done.
  await page.goBack();
  await page.reload();
  await expect(page.getByText("You've answered this one. Thank you.")).toBeVisible();

  await page.goto("/today");
  await signOut(page);
  await signIn(page, ACCOUNT_EMAIL.partnerB, FIXTURE_PASSWORD);
  await expect(dueList(page).getByText("Relationship check", { exact: true })).toBeVisible();
  await expect(dueList(page).getByRole("link", { name: "Answer the relationship check" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts as a plain form: a missed question is shown beside it, then the answers are saved", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, ACCOUNT_EMAIL.partnerB, FIXTURE_PASSWORD);
    await page.goto("/today");
    await dueList(page).getByRole("link", { name: "Answer the relationship check" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Relationship check" })).toBeVisible();
    const groups = page.getByRole("group");
    for (const n of [0, 1, 2, 3]) await groups.nth(n).getByRole("radio").nth(2).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expect(groups.nth(4)).toContainText("Please answer this question.");
    await expect(groups.nth(1).getByRole("radio").nth(2)).toBeChecked();
    await groups.nth(4).getByRole("radio").nth(0).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await expect(page).toHaveURL(/\/today\?answered=1$/);
    await expect(page.getByText("Thank you. Your answers are saved.")).toBeVisible();
    await expect(dueList(page).getByText("Relationship check", { exact: true })).toHaveCount(0);
  });
});
