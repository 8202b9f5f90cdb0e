import { expect, test } from "./fixtures";
import { ACCOUNTS, signIn } from "./helpers";

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

// A phone-sized window: the question must appear where the counsellor is looking.
test.use({ viewport: { width: 390, height: 844 } });

test("cancelling work asks first, in the page, and leaves a record in the couple's history", async ({ page }) => {
  // The couple page draws every chart; give a busy machine time to render it.
  test.setTimeout(120_000);
  const instructions = `Cancel me ${Date.now()}`;
  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto("/caseload?q=Alex");
  await page.getByRole("link", { name: "Alex & Sam" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Alex & Sam" })).toBeVisible({ timeout: 30_000 });

  await page.getByText("Assign work").click();
  const assign = page.getByRole("form", { name: "Assign work" });
  await assign.getByLabel("Step").selectOption("8");
  await assign.getByLabel("Exercise").selectOption("trigger_map");
  await assign.getByLabel("Due").fill(isoDay(4));
  await assign.getByLabel("Instructions").fill(instructions);
  await assign.getByRole("button", { name: "Assign" }).click();
  const row = page.getByRole("list", { name: "Assigned work" }).getByRole("listitem").filter({ hasText: instructions });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Not sent yet")).toBeVisible();

  // No browser dialog: the question appears beside the button, in view, and "Keep it" changes nothing.
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
  await row.getByRole("button", { name: "Cancel assignment" }).click();
  const question = row.getByRole("group", { name: /Cancel “Trigger map”\?/ });
  await expect(question).toBeFocused();
  await expect(question.getByRole("button", { name: "Yes, cancel it" })).toBeInViewport();
  await expect(question.getByRole("button", { name: "Keep it" })).toBeInViewport();
  await question.getByRole("button", { name: "Keep it" }).click();
  await expect(row.getByRole("button", { name: "Cancel assignment" })).toBeFocused();
  await expect(row).toHaveCount(1);

  await row.getByRole("button", { name: "Cancel assignment" }).click();
  await row.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(row).toHaveCount(0);
  await page.getByText(/^Cancelled work/).click();
  const history = page.getByRole("list", { name: "Cancelled work" });
  await expect(history.getByRole("listitem").filter({ hasText: "Trigger map" }).first()).toContainText(/Cancelled by .+ on \d{1,2} \w{3} \d{4}/);
});

test("marking a step done asks first, in the page, then says so", async ({ page }) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });
  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  // A couple no other walk-through uses, so moving its step on changes nothing they check.
  const couples = page.getByRole("table").getByRole("link").filter({ hasText: " & " });
  const names = (await couples.allTextContents()).filter((name) => !/Alex|Sam|Nina|Merritt/.test(name));
  const name = names.at(-1)!;
  await page.getByRole("table").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 30_000 });

  const open = page.getByRole("button", { name: /^Mark step \d+ done$/ });
  const step = Number((await open.textContent())!.match(/\d+/)![0]);
  await open.click();
  const question = page.getByRole("group", { name: `Mark step ${step} as done and move the couple to the next step?` });
  await expect(question).toBeFocused();
  await expect(question.getByRole("button", { name: `Yes, step ${step} is done` })).toBeInViewport();
  await question.getByRole("button", { name: "Not yet" }).click();
  await expect(open).toBeFocused();

  await open.click();
  await question.getByRole("button", { name: `Yes, step ${step} is done` }).click();
  await expect(page.getByText(`Step ${step} is marked done.`)).toBeVisible();
  // The couple is on the next step now, and the button offers that one.
  if (step < 10) await expect(page.getByRole("button", { name: `Mark step ${step + 1} done` })).toBeVisible();
});
