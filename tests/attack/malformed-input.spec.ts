import { rawRequest } from "./http-client";
import { expect, test, type Page } from "../e2e/fixtures";
import { ACCOUNTS, PASSWORD } from "../e2e/helpers";
import type { APIRequestContext } from "@playwright/test";

/** Values no form would send: broken dates, NUL and control characters, huge, hostile. */
const BAD_VALUES = [
  "%00",
  "a%00b",
  "%0d%0aX-Injected:%201",
  "9999-99-99",
  "1899-12-31",
  "2101-01-01",
  "275760-09-13",
  "2025-02-30",
  "-1",
  "1e309",
  "%E0%A4%A",
  "<script>alert(1)</script>",
  "'%20OR%201=1--",
  "a".repeat(3000),
];

type Route = { path: string; params: string[] };

/** Every page and export that reads its URL, with the parameters it reads, by who can open it. */
const ROUTES: Record<"anyone" | "admin" | "counsellor" | "partner", Route[]> = {
  anyone: [
    { path: "/login", params: ["callbackUrl", "signedOut"] },
    { path: "/account", params: ["changed"] },
  ],
  admin: [
    { path: "/clinic", params: ["from", "to", "export"] },
    { path: "/clinic/audit", params: ["page", "actor", "action", "from", "to", "export", "who"] },
    { path: "/clinic/couples", params: ["page", "q", "counsellor"] },
    { path: "/clinic/counsellors", params: ["deactivated"] },
    { path: "/clinic/export/by-counsellor", params: ["from", "to"] },
    { path: "/clinic/export/audit-log", params: ["actor", "action", "from", "to"] },
  ],
  counsellor: [{ path: "/caseload", params: ["page", "pageSize", "sort", "dir", "q", "status", "step", "flag"] }],
  partner: [
    { path: "/today", params: ["day"] },
    { path: "/progress", params: ["range"] },
    { path: "/agreements", params: ["from", "to"] },
  ],
};

// SQL text, not the word "select" of an HTML <select> near a field named "…-from".
const LEAKS = [/\bat [\w.<>]+ \(/, /node_modules/, /\.next\/server/, /\bselect\s+(?:\*|distinct\b|"\w+"|\w+\s*,)[\s\S]{0,80}?\bfrom\s+"?\w/i, /syntax error at or near/i, /PGlite|PostgresError/];

function expectNoLeak(status: number, body: string, what: string) {
  expect(status, what).toBeLessThan(500);
  for (const leak of LEAKS) expect(body, `${what} leaks ${leak}`).not.toMatch(leak);
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).not.toBe("/login");
}

async function battery(request: APIRequestContext, who: string, routes: Route[], idPaths: string[]) {
  const get = async (url: string) => {
    const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
    expectNoLeak(res.status(), await res.text(), `${who} GET ${url.slice(0, 120)}`);
  };
  for (const route of routes) {
    for (const param of route.params) {
      for (const value of BAD_VALUES) await get(`${route.path}?${param}=${value}`);
      // The same parameter twice arrives as an array.
      await get(`${route.path}?${param}=2026-01-01&${param}=%00`);
    }
  }
  for (const prefix of idPaths) {
    for (const value of [...BAD_VALUES, "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc%2Fpasswd"]) await get(`${prefix}${value}`);
  }
}

test.describe("malformed input never breaks a page", () => {
  test.describe.configure({ timeout: 600_000 });
  const everyRoute = Object.values(ROUTES).flat();

  test("signed out", async ({ request }) => {
    await battery(request, "anonymous", everyRoute, ["/invite/"]);
  });

  for (const [role, email, ids] of [
    ["admin", ACCOUNTS.admin, ["/clinic/counsellors/"]],
    ["counsellor", ACCOUNTS.counsellor, ["/couples/"]],
    ["partner", ACCOUNTS.alex, ["/exercises/"]],
  ] as const) {
    test(`as a ${role === "admin" ? "clinic admin" : role}`, async ({ page }) => {
      await signIn(page, email);
      // Every role also tries the others' pages: they must be refused as cleanly.
      const own = [...ROUTES.anyone, ...ROUTES[role]];
      if (role === "counsellor") {
        await page.goto("/caseload");
        const couple = await page.locator('a[href^="/couples/"]:not([href="/couples/new"])').first().getAttribute("href");
        own.push({ path: couple!, params: ["range", "nq", "nfrom", "nto"] });
      }
      await battery(page.request, role, own, [...ids]);
      for (const other of everyRoute) await battery(page.request, role, [{ path: other.path, params: other.params.slice(0, 1) }], []);
    });
  }
});

test.describe("malformed requests are refused before they reach a page", () => {
  /**
   * An RSC request as Next's router sends it: Next first answers 307 to add the `_rsc` cache key
   * it derives from the router headers, so follow that once, headers and all.
   */
  async function routerRequest(url: string, headers: Record<string, string>) {
    const first = await rawRequest(url, { headers });
    const location = typeof first.headers.location === "string" ? first.headers.location : "";
    if (first.status !== 307 || !location.includes("_rsc=")) return first;
    return rawRequest(new URL(location, url).toString(), { headers });
  }

  test("an unparsable router state header is refused with 400, as plain text", async ({ page, baseURL }) => {
    await signIn(page, ACCOUNTS.counsellor);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const trees = ["%%%", "[", "garbage", "%5B%22", "[1,2", '{"a":1}', "[1,2]", "null", "%00", "x".repeat(3000)];
    for (const path of ["/caseload", "/account", "/login"]) {
      for (const tree of trees) {
        const what = `${path} with router state ${tree.slice(0, 20)}`;
        const res = await routerRequest(`${baseURL}${path}`, { cookie, rsc: "1", "next-router-state-tree": tree });
        expect(res.status, what).toBe(400);
        expect(String(res.headers["content-type"]), what).toMatch(/^text\/plain/);
        expectNoLeak(res.status, res.body, what);
      }
      // Over Node's limit for all headers together: refused by Node itself, before anything else.
      const huge = await routerRequest(`${baseURL}${path}`, { cookie, rsc: "1", "next-router-state-tree": "x".repeat(20_000) });
      expect([400, 431], `${path} with a 20 kB router state`).toContain(huge.status);
    }
    // The router's own requests still work: a real client-side navigation renders the next page.
    await page.goto("/caseload");
    await page.locator('header a[href="/account"]').click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });

  test("junk in the other router headers never makes a 500", async ({ page, baseURL }) => {
    await signIn(page, ACCOUNTS.counsellor);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const junk = ["%%%", "[", "2", "1,1", "x".repeat(3000)];
    const cases: Record<string, string>[] = [];
    for (const v of junk) cases.push({ rsc: v }, { rsc: "1", "next-router-prefetch": v }, { "next-router-prefetch": v }, { "next-action": v });
    for (const v of [...junk, "/_tree", "/../../etc", "/_tree/%%%"]) {
      cases.push({ rsc: "1", "next-router-segment-prefetch": v }, { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": v });
    }
    for (const path of ["/caseload", "/login"]) {
      for (const headers of cases) {
        const res = await routerRequest(`${baseURL}${path}`, { cookie, ...headers });
        expectNoLeak(res.status, res.body, `GET ${path} with ${JSON.stringify(headers).slice(0, 80)}`);
      }
      for (const action of junk) {
        const res = await rawRequest(`${baseURL}${path}`, {
          method: "POST",
          headers: { cookie, origin: new URL(baseURL!).origin, "next-action": action, "content-type": "text/plain;charset=UTF-8" },
          body: "[]",
        });
        expectNoLeak(res.status, res.body, `POST ${path} with action ${action.slice(0, 20)}`);
      }
    }
  });

  test("a cross-origin server action is a 403", async ({ baseURL }) => {
    const res = await rawRequest(`${baseURL}/login`, {
      method: "POST",
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(res.status).toBe(403);
  });

  test("an oversized server action body is a 413", async ({ baseURL }) => {
    const body = Buffer.alloc(3 * 1024 * 1024, "a");
    const res = await rawRequest(`${baseURL}/login`, {
      method: "POST",
      headers: {
        origin: new URL(baseURL!).origin,
        "next-action": "0".repeat(42),
        "content-type": "text/plain;charset=UTF-8",
        "content-length": String(body.length),
      },
      body,
    });
    expect(res.status).toBe(413);
  });

  test("a very long URL is refused at once", async ({ baseURL }) => {
    for (const length of [9_000, 20_000, 100_000]) {
      const started = Date.now();
      // Node answers an oversized request line with 431 and closes the socket, sometimes before
      // the client has finished sending it: a reset that quick is a refusal too.
      const outcome = await rawRequest(`${baseURL}/caseload?q=${"a".repeat(length)}`, { timeoutMs: 5_000 }).then(
        (res) => ({ status: res.status, ms: res.ms }),
        (error: NodeJS.ErrnoException) => ({ status: error.code === "ECONNRESET" || error.code === "EPIPE" ? 431 : 0, ms: Date.now() - started }),
      );
      expect([414, 431], `${length} characters`).toContain(outcome.status);
      expect(outcome.ms, `${length} characters`).toBeLessThan(2_000);
    }
  });
});
