import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { changePassword } from "@/lib/dal/account";
import { verifySignIn } from "@/lib/dal/auth";
import { ACCOUNT_ATTEMPTS, CHANGE_PASSWORD_ATTEMPTS, PAIR_ATTEMPTS } from "@/lib/dal/sign-in-throttle";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { createClinic, db, FIXTURE_PASSWORD, type FixtureClinic } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let next = 0;
/** A fresh address for each call, so tests never share a counter by accident. Tests that make dozens of password checks get minutes. */
const address = () => `198.51.100.${++next}`;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady", "steady"], ["steady"]] });
}, 300_000);

describe("a stranger guessing a password", () => {
  it("cannot lock the owner out: the owner signs in from their own address after the stranger's failures", async () => {
    const counsellor = clinic.counsellors[0]!;
    const stranger = address();
    for (let i = 0; i < PAIR_ATTEMPTS; i++) {
      await verifySignIn({ email: counsellor.email, password: `guess-${i}`, ip: stranger });
    }
    const owner = await verifySignIn({ email: counsellor.email, password: FIXTURE_PASSWORD, ip: address() });
    expect(owner).toMatchObject({ ok: true, user: { id: counsellor.id } });
  });

  it("is paused on that account, even when they try the right password", async () => {
    const partner = clinic.couples[0]!.partners[1];
    const stranger = address();
    const results = [];
    for (let i = 0; i < PAIR_ATTEMPTS + 2; i++) {
      results.push(await verifySignIn({ email: partner.email, password: `guess-${i}`, ip: stranger }));
    }
    expect(results.slice(PAIR_ATTEMPTS - 1).every((r) => !r.ok && r.reason === "throttled")).toBe(true);
    expect(await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: stranger })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("the owner's right password clears only the owner's own count, not the stranger's", async () => {
    const partner = clinic.couples[1]!.partners[0];
    const stranger = address();
    const owner = address();
    for (let i = 0; i < PAIR_ATTEMPTS; i++) await verifySignIn({ email: partner.email, password: `guess-${i}`, ip: stranger });
    for (let i = 0; i < PAIR_ATTEMPTS - 1; i++) await verifySignIn({ email: partner.email, password: `typo-${i}`, ip: owner });
    expect((await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: owner })).ok).toBe(true);
    // The owner's typos are forgiven: a fresh run of wrong passwords starts from nothing.
    expect(await verifySignIn({ email: partner.email, password: "typo-again", ip: owner })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: stranger })).toMatchObject({ reason: "throttled" });
  });

  it("spread over many addresses, is slowed by the account's own cap", async () => {
    const partner = clinic.couples[1]!.partners[1];
    let last;
    for (let i = 0; i < ACCOUNT_ATTEMPTS; i++) {
      last = await verifySignIn({ email: partner.email, password: `guess-${i}`, ip: address() });
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled" });
    const fresh = await verifySignIn({ email: partner.email, password: `guess-more`, ip: address() });
    expect(fresh).toMatchObject({ ok: false, reason: "throttled" });
    if (!fresh.ok && fresh.reason === "throttled") expect(fresh.retryAfterSeconds).toBeGreaterThan(55 * 60);
  }, 300_000);
});

describe("the address a sign-in is counted against", () => {
  /** The headers a sign-in request carries: the socket's address as stamped by the server, and whatever the client sent. */
  const fromSocket = (socket: string, forwardedFor: string) =>
    new Headers({ [PEER_ADDRESS_HEADER]: socket, "x-forwarded-for": forwardedFor });

  it("does not change when the client sends a different X-Forwarded-For each time", async () => {
    const socket = address();
    let last;
    for (let i = 0; i < 30; i++) {
      const ip = clientAddress(fromSocket(socket, `203.0.113.${i}`));
      expect(ip).toBe(socket);
      last = await verifySignIn({ email: `spray-${i}@example.test`, password: "guess", ip });
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled" });
  }, 300_000);

  it("cannot be pointed at someone else's address to get them throttled", async () => {
    const victim = address();
    const attacker = address();
    for (let i = 0; i < 30; i++) {
      await verifySignIn({ email: `spray-${i}@example.test`, password: "guess", ip: clientAddress(fromSocket(attacker, victim)) });
    }
    const counsellor = clinic.counsellors[1]!;
    expect((await verifySignIn({ email: counsellor.email, password: FIXTURE_PASSWORD, ip: victim })).ok).toBe(true);
  }, 300_000);
});

describe("change password", () => {
  it("pauses after repeated wrong current passwords, audits each, and then refuses even the right one", async () => {
    const partner = clinic.couples[2]!.partners[0];
    signInAs(partner);
    const messages = [];
    for (let i = 0; i < CHANGE_PASSWORD_ATTEMPTS; i++) {
      messages.push((await refusal(changePassword({ current: `wrong-${i}`, next: "a brand new password" }))).fieldErrors?.current?.[0]);
    }
    expect(messages.slice(0, -1).every((m) => m === "That isn't your current password.")).toBe(true);
    expect(messages.at(-1)).toMatch(/^Too many wrong passwords\. .*try again in 15 minutes\.$/);
    const right = await refusal(changePassword({ current: FIXTURE_PASSWORD, next: "a brand new password" }));
    expect(right.fieldErrors?.current?.[0]).toMatch(/^Too many wrong passwords/);

    const failures = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, partner.id), eq(auditEvents.action, "auth.change_password"), eq(auditEvents.outcome, "failure")));
    expect(failures).toHaveLength(CHANGE_PASSWORD_ATTEMPTS);
    // The password did not change.
    expect((await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: address() })).ok).toBe(true);
  });
});
