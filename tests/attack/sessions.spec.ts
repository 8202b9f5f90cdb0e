import { expect, test, type Browser, type BrowserContext } from "../e2e/fixtures";
import { ACCOUNTS, signIn, signOut } from "../e2e/helpers";

/** A second browser holding a copy of the first one's cookies, as a thief would. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const thief = await browser.newContext();
  await thief.addCookies(await context.cookies());
  return thief;
}

test.describe("a copied session cookie", () => {
  test("is worth nothing once its owner signs out: no user from the session endpoint, every page sends it to sign in", async ({ browser, page }) => {
    await signIn(page, ACCOUNTS.counsellor2);
    await expect(page).toHaveURL(/\/caseload/);
    const thief = await copyOf(browser, page.context());
    const live = await thief.request.get("/api/auth/session");
    expect((await live.json())?.user?.email).toBe(ACCOUNTS.counsellor2);

    await signOut(page);
    const after = await thief.request.get("/api/auth/session");
    expect(after.status()).toBe(200);
    expect(await after.json()).toBeNull();
    const stolen = await thief.newPage();
    for (const path of ["/", "/caseload", "/account", "/couples/new"]) {
      await stolen.goto(path);
      await expect(stolen, path).toHaveURL(/\/login/);
    }
    await thief.close();
  });

  test("the auth library's own sign-out revokes the session too", async ({ browser, page }) => {
    await signIn(page, ACCOUNTS.counsellor2);
    await expect(page).toHaveURL(/\/caseload/);
    const thief = await copyOf(browser, page.context());
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
    expect(out.status()).toBeLessThan(400);
    expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
    const stolen = await thief.newPage();
    await stolen.goto("/caseload");
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
  });
});

test("the auth library's default pages are not served", async ({ request }) => {
  for (const path of ["/api/auth/signin", "/api/auth/signin/credentials", "/api/auth/signout", "/api/auth/error", "/api/auth/verify-request", "/api/auth/providers", "/api/auth/callback/credentials"]) {
    expect((await request.get(path)).status(), `GET ${path}`).toBe(404);
  }
  for (const path of ["/api/auth/session", "/api/auth/callback/credentials", "/api/auth/signin/credentials"]) {
    expect((await request.post(path, { form: { email: ACCOUNTS.counsellor2, password: "mend-demo" } })).status(), `POST ${path}`).toBe(404);
  }
});
