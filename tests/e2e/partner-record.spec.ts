import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { ACCOUNTS, alexAndSamCouplePath, expectAccessible, expectNoSideways, signIn, signOut } from "./helpers";

/**
 * A partner's own record: who has opened it, in plain words; the JSON download; the printable page
 * (clean on paper); and the clinic admin's log naming the copy. Desktop, with a check at phone size.
 */

test("Sam sees the counsellor's view of the couple's page, downloads the record, opens the printable version, and the admin's log names the copy", async ({ page }) => {
  test.setTimeout(180_000);
  // The counsellor opens the couple's page: one audited view.
  await alexAndSamCouplePath(page);

  await signIn(page, ACCOUNTS.sam);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "My record and who has seen it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My record" })).toBeVisible();
  const log = page.getByRole("list", { name: "Access to my record, newest first" });
  await expect(log.getByRole("listitem").first()).toContainText(/^Your counsellor .+ viewed your couple's page — \d{1,2} \w{3} \d{4}, \d\d:\d\d$/);
  await expectAccessible(page);

  // The download: a JSON attachment of Sam's own record.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my record" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^mend-record-\d{4}-\d\d-\d\d\.json$/);
  const record = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(record).toMatchObject({ format: "mend-partner-record", version: 1, profile: { email: ACCOUNTS.sam } });
  expect(Array.isArray(record.checkIns) && Array.isArray(record.answers) && Array.isArray(record.promises)).toBe(true);
  expect(record.answers.every((a: { writtenBy: string; visibility: string }) => a.writtenBy === "you" || a.visibility === "shared")).toBe(true);
  const response = await page.request.get("/record/export");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="mend-record-/);
  expect(response.headers()["cache-control"]).toContain("no-store");

  // Each copy is listed for the partner who took it.
  await page.reload();
  await expect(log.getByRole("listitem").filter({ hasText: /^You downloaded your record/ }).first()).toBeVisible();

  // The printable version: the record itself, and on paper nothing of the app around it.
  await page.getByRole("link", { name: "Printable version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My record in Mend" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^My check-ins/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Our promises" })).toBeVisible();
  const printButton = page.getByRole("button", { name: "Print or save as PDF" });
  await expect(printButton).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(printButton).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "My record in Mend" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // At phone width both pages fit without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideways(page);
  await page.goto("/record");
  await expect(page.getByRole("heading", { level: 1, name: "My record" })).toBeVisible();
  await expectNoSideways(page);
  for (const link of await page.getByRole("navigation", { name: "Sections" }).getByRole("link").all()) {
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await signOut(page);

  // The clinic admin's log names the copy, the view and the address, and nothing the record says.
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/clinic/audit?action=record.export");
  const row = page.getByRole("row").filter({ hasText: "Downloaded or printed their own record" }).first();
  await expect(row).toContainText("Sam");
  await page.goto("/clinic/audit?action=couple.view");
  await expect(page.getByRole("row").filter({ hasText: "Opened a couple's page" }).first()).toContainText("Alex & Sam");
  await expect(page.getByRole("columnheader", { name: "Address" })).toBeVisible();
});

test("a counsellor and a signed-out visitor cannot reach a partner's record or its download", async ({ page }) => {
  const signedOut = await page.request.get("/record/export", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(signedOut.status());
  expect(signedOut.headers()["location"]).toMatch(/\/login/);
  await signIn(page, ACCOUNTS.counsellor);
  expect((await page.request.get("/record/export")).status()).toBe(404);
  const printable = await page.goto("/record/print");
  expect(printable!.status()).toBe(404);
});
