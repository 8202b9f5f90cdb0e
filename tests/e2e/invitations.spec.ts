import { expect, test, type Browser } from "./fixtures";
import { ACCOUNTS, formAlert, signIn, signOut } from "./helpers";

/** Opens an invitation link in a fresh browser, as the invited person would. */
async function openAsInvitee(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  return { page, close: () => context.close() };
}

test("a partner accepts an invitation, lands on Today, and the link cannot be used again", async ({ page, browser }) => {
  const tag = Date.now();
  await signIn(page, ACCOUNTS.counsellor);
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto("/couples/new");
  await page.getByLabel("Couple name").fill(`Jamie & Lee ${tag}`);
  await page.getByLabel("Partner 1 name").fill("Jamie Invite");
  await page.getByLabel("Partner 1 email").fill(`jamie.${tag}@example.test`);
  await page.getByLabel("Partner 2 name").fill("Lee Invite");
  await page.getByLabel("Partner 2 email").fill(`lee.${tag}@example.test`);
  await page.getByRole("button", { name: "Create couple and invitations" }).click();
  const link = await page.getByRole("textbox", { name: "Invitation link for Jamie Invite" }).inputValue();
  await signOut(page);

  const invitee = await openAsInvitee(browser, link);
  await expect(invitee.page.getByRole("heading", { name: "Welcome, Jamie Invite" })).toBeVisible();
  await invitee.page.getByLabel("Choose a password").fill("a calm long password");
  await invitee.page.getByLabel("Type it again").fill("a different password");
  await invitee.page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.page.getByText("The two passwords don't match.")).toBeVisible();
  await invitee.page.getByLabel("Choose a password").fill("a calm long password");
  await invitee.page.getByLabel("Type it again").fill("a calm long password");
  await invitee.page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.page).toHaveURL(/\/today$/);
  await expect(invitee.page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await invitee.close();

  const again = await openAsInvitee(browser, link);
  await expect(again.page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
  await again.close();

  await signIn(page, `jamie.${tag}@example.test`, "a calm long password");
  await expect(page).toHaveURL(/\/today$/);
});

test("a made-up invitation link says it isn't valid", async ({ page }) => {
  await page.goto("/invite/this-is-not-a-real-invitation-token-at-all");
  await expect(page.getByRole("heading", { name: "This link isn't valid" })).toBeVisible();
});

test("a clinic admin invites a counsellor, who sets a password and lands on an empty caseload", async ({ page, browser }) => {
  const tag = Date.now();
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/clinic$/);
  await page.goto("/clinic/counsellors");
  const form = page.getByRole("form", { name: "Invite a counsellor" });
  await form.getByLabel("Name").fill("Morgan Newhire");
  await form.getByLabel("Email").fill(`morgan.${tag}@example.test`);
  await form.getByRole("button", { name: "Invite counsellor" }).click();
  const link = await form.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/\/invite\//);
  await expect(formAlert(page)).toHaveCount(0);
  await signOut(page);

  const invitee = await openAsInvitee(browser, link);
  await invitee.page.getByLabel("Choose a password").fill("counsellor password 1");
  await invitee.page.getByLabel("Type it again").fill("counsellor password 1");
  await invitee.page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.page).toHaveURL(/\/caseload$/);
  await expect(invitee.page.getByText("No couples match this view.")).toBeVisible();
  await invitee.close();
});
