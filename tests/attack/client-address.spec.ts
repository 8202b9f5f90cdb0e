import { randomUUID } from "node:crypto";
import { postSignInForm } from "./http-client";
import { expect, test } from "../e2e/fixtures";

const THROTTLED = /Too many sign-in attempts/;
const WRONG = /don(?:&#x27;|')t match an account/;
const ADDRESS_ATTEMPTS = 30;

/**
 * The per-address sign-in limit counts the address the connection came from. A client that sends
 * a new X-Forwarded-For with every guess is still one client, and cannot name someone else's
 * address to get them throttled. Each test is its own client on the loopback network.
 */
test.describe("client address for the sign-in limit", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a spoofed X-Forwarded-For does not reset the per-address limit", async ({ baseURL }) => {
    const attacker = "127.0.0.21";
    let last = "";
    for (let i = 0; i <= ADDRESS_ATTEMPTS; i++) {
      const res = await postSignInForm(
        baseURL!,
        { email: `spray-${randomUUID()}@example.test`, password: "guess" },
        { localAddress: attacker, headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` } },
      );
      expect(res.status).toBeLessThan(500);
      last = res.body;
    }
    expect(last).toMatch(THROTTLED);
  });

  test("naming someone else's address does not get them throttled", async ({ baseURL }) => {
    const attacker = "127.0.0.22";
    const victim = "127.0.0.23";
    for (let i = 0; i <= ADDRESS_ATTEMPTS; i++) {
      await postSignInForm(
        baseURL!,
        { email: `spray-${randomUUID()}@example.test`, password: "guess" },
        { localAddress: attacker, headers: { "x-forwarded-for": victim } },
      );
    }
    const res = await postSignInForm(baseURL!, { email: `someone-${randomUUID()}@example.test`, password: "typo" }, { localAddress: victim });
    expect(res.body).toMatch(WRONG);
    expect(res.body).not.toMatch(THROTTLED);
  });
});
