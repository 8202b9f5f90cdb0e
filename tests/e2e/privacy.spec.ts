import { expect, test, type Page } from "./fixtures";
import { ACCOUNTS, signIn, signOut } from "./helpers";

/**
 * The privacy sweep: Alex writes counsellor-only text through the UI; Sam then opens every
 * partner page, and neither the HTML nor the RSC payload of any of them holds it.
 */
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const NOTE_MARKER = `PRIVATE-NOTE-${stamp}`;
const REFLECTION_MARKER = `PRIVATE-REFLECTION-${stamp}`;
const MARKERS = [NOTE_MARKER, REFLECTION_MARKER];

async function partnerPages(page: Page): Promise<string[]> {
  const pages = ["/today", "/check-in", "/exercises", "/agreements", "/promises", "/progress"];
  await page.goto("/exercises");
  const hrefs = await page.locator('main a[href^="/exercises/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  return [...pages, ...new Set(hrefs)];
}

test("Sam never receives Alex's counsellor-only check-in note or answer, in any page or RSC payload", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.alex);
  await expect(page).toHaveURL(/\/today$/);

  await page.goto("/check-in");
  await page.getByRole("group", { name: /How much do I trust/ }).getByText("4", { exact: true }).click();
  await page.getByRole("group", { name: /How close do I feel/ }).getByText("3", { exact: true }).click();
  await page.getByRole("radio", { name: "Low", exact: true }).check();
  await page.getByRole("radio", { name: "No, not today" }).check();
  await page.getByLabel(/Anything you want to add/).fill(`Something I'm not ready to say: ${NOTE_MARKER}`);
  await page.getByRole("radio", { name: "Only my counsellor" }).check();
  await page.getByRole("button", { name: /today's check-in/ }).click();
  await expect(page.locator("form [role=status]")).toContainText(/Today's check-in is (saved|updated)/);

  // A counsellor-only answer: Alex's reflection on today's question, kept from Sam.
  await page.goto("/exercises");
  await page.getByRole("link", { name: /Question of the day/ }).first().click();
  await page.getByLabel("My answer to today's question").fill(`A reflection for my counsellor: ${REFLECTION_MARKER}`);
  await page.getByRole("radio", { name: "Only my counsellor" }).check();
  await page.getByRole("button", { name: /Send my answer|Update my answer/ }).click();
  await expect(page.locator("form [role=status]")).toContainText("Your answer is sent.");

  // The sweep can see: Alex's own pages do carry the markers.
  await page.goto("/check-in");
  expect(await page.content()).toContain(NOTE_MARKER);
  await signOut(page);

  await signIn(page, ACCOUNTS.sam);
  await expect(page).toHaveURL(/\/today$/);
  const urls = await partnerPages(page);
  expect(urls.length).toBeGreaterThan(6);
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const html = await page.content();
    const payload = await page.request.get(url, { headers: { RSC: "1" } });
    expect(payload.headers()["content-type"], `${url} answers with its RSC payload`).toContain("text/x-component");
    const rsc = await payload.text();
    expect(rsc.length, `${url} RSC payload`).toBeGreaterThan(0);
    for (const marker of MARKERS) {
      expect(html.includes(marker), `${url} HTML holds ${marker}`).toBe(false);
      expect(rsc.includes(marker), `${url} RSC holds ${marker}`).toBe(false);
    }
  }

  // Sam answering the question too still doesn't reveal a counsellor-only answer.
  await page.goto(urls.find((u) => u.startsWith("/exercises/"))!);
  const answer = page.getByLabel("My answer to today's question");
  if (await answer.count()) {
    await answer.fill("Sam's answer");
    await page.getByRole("button", { name: /Send my answer|Update my answer/ }).click();
    await expect(page.locator("form [role=status]")).toContainText("Your answer is sent.");
    expect(await page.content()).not.toContain(REFLECTION_MARKER);
    const rsc = await (await page.request.get(page.url(), { headers: { RSC: "1" } })).text();
    expect(rsc).not.toContain(REFLECTION_MARKER);
  }
});
