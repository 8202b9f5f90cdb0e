import { expect, test, type Page } from "./fixtures";
import { ACCOUNTS, expectAccessible, expectNoSideways, formAlert, signIn, signOut } from "./helpers";

/** Runs in the "phone" project (Pixel 7). */

const stamp = Date.now().toString(36);
const NOTE = `Phone check-in note ${stamp}`;
const ANSWER = `Phone sharing answer ${stamp}`;
const PROMISE = `Phone promise ${stamp}`;
const AGREEMENT = `Phone agreement ${stamp}`;

/** The form's result message is on screen (not above the fold of a long form) and has focus, so it is read out. */
async function expectResultInView(page: Page) {
  const result = page.locator("[data-form-result]").first();
  await expect(result).toBeFocused();
  const box = (await result.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** Today's date and the current minute in the browser's zone, as a datetime-local input wants them. */
function nowLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test("Alex checks in, answers an exercise and makes a promise; Sam marks it kept; the counsellor sees all three", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.alex);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What's due" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My last 14 days" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const link of await nav.getByRole("link").all()) {
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expectNoSideways(page);
  await expectAccessible(page);

  // Daily check-in, with a note too long first: a clear limit message beside it, and the answers kept.
  await nav.getByRole("link", { name: "Check-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daily check-in" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: /How much do I trust/ }).getByText("7", { exact: true }).click();
  await page.getByRole("group", { name: /How close do I feel/ }).getByText("6", { exact: true }).click();
  await page.getByRole("radio", { name: "Good", exact: true }).check();
  await page.getByRole("radio", { name: "Yes, we did" }).check();
  const note = page.getByLabel(/Anything you want to add/);
  await note.fill("x".repeat(50_000));
  await page.getByRole("button", { name: /today's check-in/ }).click();
  await expect(page.getByText("Please keep this to 2,000 characters or fewer.")).toBeVisible();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("radio", { name: "Good", exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: /How much do I trust/ }).getByRole("radio", { name: "7" })).toBeChecked();
  // A forged date (tomorrow) is refused with a clear message; the answers are kept.
  await note.fill(NOTE);
  await page.locator('input[name="date"]').evaluate((input: HTMLInputElement) => {
    const d = new Date(Date.now() + 86_400_000);
    input.value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await page.getByRole("button", { name: /today's check-in/ }).click();
  await expect(formAlert(page)).toContainText("You can only check in for today.");
  await expect(note).toHaveValue(NOTE);
  await page.getByRole("button", { name: /today's check-in/ }).click();
  await expect(page.locator("form [role=status]")).toContainText(/Today's check-in is (saved|updated)/);
  await expectResultInView(page);
  await expectNoSideways(page);

  await nav.getByRole("link", { name: "Today" }).click();
  await expect(page.getByText("You've checked in today. Thank you.")).toBeVisible();

  // An exercise: the step-6 question of the day.
  await nav.getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Question of the day/ }).first().click();
  await expect(page.getByRole("heading", { name: "Today's question" })).toBeVisible();
  await page.getByLabel("My answer to today's question").fill(ANSWER);
  await page.getByRole("radio", { name: "My partner and my counsellor" }).check();
  await page.getByRole("button", { name: /Send my answer|Update my answer/ }).click();
  await expect(page.locator("form [role=status]")).toContainText("Your answer is sent.");
  await expectResultInView(page);
  await expectNoSideways(page);
  await expectAccessible(page);

  // A promise due now, so Sam can mark it straight away.
  await nav.getByRole("link", { name: "Promises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Promises" })).toBeVisible();
  await page.getByLabel("What I promise").fill(PROMISE);
  await page.getByLabel("When it will be done by").fill(nowLocal());
  await page.getByRole("button", { name: "Make this promise" }).click();
  await expect(page.locator("form [role=status]")).toContainText("Your promise is made.");
  await expectResultInView(page);
  await expect(page.getByRole("region", { name: "Open promises" }).getByText(PROMISE)).toBeVisible();
  // Marking your own promise isn't offered.
  await expect(page.getByRole("form", { name: `Was it kept: ${PROMISE}` })).toHaveCount(0);
  await expectNoSideways(page);
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Agreements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
  await page.getByRole("button", { name: "Suggest this agreement" }).click();
  await expect(page.getByText("Please write what you are agreeing to.")).toBeVisible();
  await page.getByLabel("What we agree to").fill(AGREEMENT);
  await page.getByRole("button", { name: "Suggest this agreement" }).click();
  await expect(page.locator("form [role=status]")).toContainText("Your suggestion is sent.");
  await expectNoSideways(page);
  await expectAccessible(page);

  await nav.getByRole("link", { name: "My progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My progress" })).toBeVisible();
  await expect(page.getByRole("table", { name: /My last \d+ check-ins/ })).toBeVisible();
  await expectNoSideways(page);
  await expectAccessible(page);
  await signOut(page);

  // Sam: the promise is waiting on Today; marking it kept.
  await signIn(page, ACCOUNTS.sam);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("region", { name: "Promises waiting for you" }).getByText(PROMISE)).toBeVisible();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Promises" }).click();
  const confirm = page.getByRole("form", { name: `Was it kept: ${PROMISE}` });
  await confirm.getByRole("button", { name: "Kept", exact: true }).click();
  // The confirmation stays where the buttons were, with a short-lived undo.
  await expect(confirm.getByRole("status")).toContainText("Marked as kept.");
  await expectResultInView(page);
  await confirm.getByRole("button", { name: "Undo" }).click();
  await expect(confirm.getByRole("status")).toContainText("Undone. The promise is open again.");
  await confirm.getByRole("button", { name: "Kept", exact: true }).click();
  await expect(confirm.getByRole("status")).toContainText("Marked as kept.");
  await expect(page.getByRole("region", { name: "History" }).getByText(PROMISE)).toBeVisible();

  // Accepting Alex's suggestion says so at the top, with a short undo.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Agreements" }).click();
  await page.getByRole("form", { name: `Answer: ${AGREEMENT}` }).getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(`Accepted: “${AGREEMENT}” is now one of your agreements`)).toBeInViewport();
  const undo = page.getByRole("form", { name: `Undo accepting: ${AGREEMENT}` });
  await expect(undo).toContainText(/undo it for \d+ more minutes/);
  await undo.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(`Undone: “${AGREEMENT}” is waiting for your answer again.`)).toBeVisible();
  await page.getByRole("form", { name: `Answer: ${AGREEMENT}` }).getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(`Accepted: “${AGREEMENT}” is now one of your agreements`)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The counsellor's couple page shows all three.
  await signIn(page, ACCOUNTS.counsellor);
  await page.getByRole("searchbox", { name: "Search couples" }).fill("Alex");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: "Alex & Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex & Sam" })).toBeVisible();
  for (const [section, text] of [
    ["Recent check-ins", NOTE],
    ["Exercise answers", ANSWER],
    ["Promises", PROMISE],
  ] as const) {
    const heading = page.getByRole("heading", { level: 2, name: section, exact: true });
    await expect(heading).toBeVisible();
    await expect(page.locator("section, [role=region], div").filter({ has: heading }).last().getByText(text).first()).toBeVisible();
  }
  await expect(formAlert(page)).toHaveCount(0);
});
