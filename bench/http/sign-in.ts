import { chromium, type Browser } from "playwright-core";

export type Signer = { signIn: (email: string, password: string) => Promise<string>; close: () => Promise<void> };

/**
 * Signs in through the real sign-in page in Debian's chromium (the form is a server action),
 * and hands back the session as a Cookie header. Each sign-in gets a fresh browser context.
 */
export async function openSigner(baseUrl: string): Promise<Signer> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    async signIn(email, password) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // A busy server (still answering the last run's abandoned requests) is slow, not broken.
        page.setDefaultTimeout(120_000);
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel("Email").fill(email);
        await page.getByLabel("Password", { exact: true }).fill(password);
        await Promise.all([
          page.waitForURL((url) => !url.pathname.startsWith("/login")),
          page.getByRole("button", { name: "Sign in" }).click(),
        ]);
        const cookies = await context.cookies(baseUrl);
        if (!cookies.some((c) => c.name.includes("session-token"))) throw new Error(`no session cookie after signing in as ${email}`);
        return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
      } catch (error) {
        throw new Error(`could not sign in as ${email}: ${(error as Error).message}`);
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

/**
 * Fetches `path` once with the session and fails unless it is the page itself: a redirect (to
 * sign-in, to a second factor) or an error page must not be timed as a fast page.
 */
export async function checkPage(baseUrl: string, path: string, cookie: string): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`${path} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}, not the page`);
  }
  // The sign-in form's hidden field: an error page that renders the form in place must not pass either.
  if (body.includes('name="callbackUrl"')) throw new Error(`${path} showed the sign-in form, not the page`);
}
