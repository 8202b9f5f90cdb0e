import { proxiedPort } from "../../playwright.config";
import { expect, test, type Page } from "../e2e/fixtures";
import { ACCOUNTS, signIn, signOut } from "../e2e/helpers";
import type { APIResponse } from "@playwright/test";

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  expect(policy, "a Content-Security-Policy header").toBeTruthy();
  return new Map(
    policy!.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

function nonceOf(response: APIResponse): string {
  const scripts = directives(response.headers()["content-security-policy"]).get("script-src") ?? [];
  const nonce = scripts.map((v) => /^'nonce-([^']+)'$/.exec(v)?.[1]).find(Boolean);
  expect(nonce, "script-src carries a nonce").toBeTruthy();
  return nonce!;
}

function expectNoStore(response: APIResponse, what: string) {
  expect(response.headers()["cache-control"] ?? "", `${what}: Cache-Control`).toContain("no-store");
}

test.describe("Content-Security-Policy", () => {
  test("is strict: scripts only by nonce, nothing inline or eval'd, no plugins, base, framing or foreign forms", async ({
    request,
  }) => {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const d = directives(response.headers()["content-security-policy"]);
    const scripts = d.get("script-src")!;
    expect(scripts).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    // Style elements by nonce too; only style attributes (which React renders) go without.
    expect(d.get("style-src")).toEqual(["'self'", `'nonce-${nonceOf(response)}'`]);
    expect(d.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  test("has a fresh nonce for every request, and every script on the page carries it", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get("/login");
      const nonce = nonceOf(response);
      nonces.add(nonce);
      const html = await response.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, "every script tag carries this response's nonce").toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  test("ignores a nonce or policy the visitor sends", async ({ request }) => {
    const response = await request.get("/login", {
      headers: { "x-nonce": "attacker", "content-security-policy": "script-src * 'unsafe-inline'" },
    });
    const nonce = nonceOf(response);
    expect(nonce).not.toBe("attacker");
    expect(await response.text()).not.toContain('nonce="attacker"');
  });
});

test.describe("an injected script", () => {
  test.use({ allowCspViolations: true });

  test("does not run as an event handler, and the page has no inline script without the nonce", async ({
    page,
    cspViolations,
  }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload/);
    // Every inline script carries the nonce; the only scripts without one are Next's own chunks,
    // which its nonce'd loader added ('strict-dynamic' trusts those, and only those).
    expect(await page.locator("script:not([nonce]):not([src])").count()).toBe(0);
    const foreign = await page
      .locator("script:not([nonce])[src]")
      .evaluateAll((scripts) =>
        scripts.map((s) => (s as HTMLScriptElement).src).filter((src) => !src.startsWith(`${location.origin}/_next/static/`)),
      );
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);

    // Markup a visitor smuggled into a page: its event handler carries no nonce and does not run.
    // (A script a running script creates is trusted under 'strict-dynamic' by design: the policy
    // stops injected markup, and React escapes what visitors type.)
    const ran = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const holder = document.createElement("div");
      holder.innerHTML = '<img src="data:," onerror="window.__mendHandler = true">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { handler: w.__mendHandler === true };
    });
    expect(ran).toEqual({ handler: false });
    await expect.poll(() => cspViolations.filter((v) => v.includes("script-src")).length).toBeGreaterThanOrEqual(1);
  });
});

test.describe("an injected style element", () => {
  test.use({ allowCspViolations: true });

  test("does not apply: smuggled markup cannot restyle the page (hide it, overlay it, or read it out through selectors)", async ({
    page,
    cspViolations,
  }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload/);
    expect(cspViolations).toEqual([]);
    const applied = await page.evaluate(async () => {
      const holder = document.createElement("div");
      holder.innerHTML = "<style>main { visibility: hidden !important }</style>";
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return getComputedStyle(document.querySelector("main")!).visibility;
    });
    expect(applied).toBe("visible");
    await expect.poll(() => cspViolations.filter((v) => v.includes("style-src")).length).toBeGreaterThanOrEqual(1);
  });
});

test.describe("HSTS", () => {
  test("is not sent over plain HTTP, even when the visitor claims HTTPS", async ({ request }) => {
    const plain = await request.get("/login");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    expect(directives(plain.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(false);
    // No proxy is trusted on this server, so the header is anyone's word.
    const claimed = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("is sent when a trusted proxy says the visitor came over HTTPS", async ({ request }) => {
    const viaProxy = await request.get(`http://localhost:${proxiedPort}/login`, {
      headers: { "x-forwarded-proto": "https" },
    });
    expect(viaProxy.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directives(viaProxy.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    const plainViaProxy = await request.get(`http://localhost:${proxiedPort}/login`, {
      headers: { "x-forwarded-proto": "http" },
    });
    expect(plainViaProxy.headers()["strict-transport-security"]).toBeUndefined();
  });
});

/** Opens each path in the browser (which must work under the policy) and checks its response's headers. */
async function expectPrivatePages(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(new URL(page.url()).pathname, `${path} is not redirected`).toBe(path);
    const headers = await response!.allHeaders();
    expect(headers["cache-control"] ?? "", `${path}: Cache-Control`).toContain("no-store");
    expect(headers["content-security-policy"] ?? "", `${path}: CSP`).toContain("'strict-dynamic'");
    await expect(page.locator("main").first()).toBeVisible();
  }
}

test.describe("no-store on everything signed in", () => {
  // Each test opens every page of a role in the browser.
  test.describe.configure({ timeout: 180_000 });

  test("every partner page", async ({ page }) => {
    await signIn(page, ACCOUNTS.alex);
    await expect(page).toHaveURL(/\/today/);
    await expectPrivatePages(page, ["/today", "/check-in", "/exercises", "/agreements", "/promises", "/progress", "/account"]);
    const exercise = page.locator('a[href^="/exercises/"]').first();
    await page.goto("/exercises");
    if (await exercise.count()) await expectPrivatePages(page, [(await exercise.getAttribute("href"))!]);
  });

  test("every counsellor page, and a server action's response", async ({ page }) => {
    await signIn(page, ACCOUNTS.counsellor);
    await expect(page).toHaveURL(/\/caseload/);
    const couple = await page.locator('a[href^="/couples/"]:not([href="/couples/new"])').first().getAttribute("href");
    await expectPrivatePages(page, ["/caseload", "/couples/new", couple!, "/account"]);

    const action = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await signOut(page);
    const actionResponse = await action;
    expect((await actionResponse.allHeaders())["cache-control"] ?? "", "server action: Cache-Control").toContain(
      "no-store",
    );
  });

  test("every clinic admin page and both CSV exports", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await expect(page).toHaveURL(/\/clinic$/);
    await page.goto("/clinic/counsellors");
    const counsellor = await page.locator('a[href^="/clinic/counsellors/"]').first().getAttribute("href");
    await expectPrivatePages(page, [
      "/clinic",
      "/clinic/counsellors",
      counsellor!,
      "/clinic/couples",
      "/clinic/audit",
      "/account",
    ]);
    for (const path of ["/clinic/export/by-counsellor", "/clinic/export/audit-log"]) {
      const csv = await page.request.get(path, { maxRedirects: 0 });
      expect(csv.status(), path).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");
      expectNoStore(csv, path);
    }
  });

  test("a redirect to sign in", async ({ request }) => {
    const response = await request.get("/caseload", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expectNoStore(response, "redirect");
  });
});
