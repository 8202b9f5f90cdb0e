import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { endAllSessions, PAIR_ATTEMPTS, verifySignIn } from "@/lib/dal/auth";
import { getViewer } from "@/lib/dal/viewer";
import { createClinic, db, FIXTURE_PASSWORD, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
const ip = () => `10.${Math.floor(Math.random() * 250)}.0.${Math.floor(Math.random() * 250)}`;

beforeAll(async () => {
  clinic = await createClinic();
});

describe("verifySignIn", () => {
  it("signs in with the right password, any capitalisation of the email", async () => {
    const counsellor = clinic.counsellors[0]!;
    const result = await verifySignIn({ email: counsellor.email.toUpperCase(), password: FIXTURE_PASSWORD, ip: ip() });
    expect(result).toMatchObject({ ok: true, user: { id: counsellor.id, role: "counsellor", clinicId: clinic.clinicId } });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const unknown = await verifySignIn({ email: `nobody-${randomUUID()}@example.test`, password: FIXTURE_PASSWORD, ip: ip() });
    const wrong = await verifySignIn({ email: clinic.admin.email, password: "not the password", ip: ip() });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
  });

  it("pauses an account from the address that failed, even for the right password, and says for how long", async () => {
    const partner = clinic.couples[0]!.partners[0];
    const guesser = ip();
    const results = [];
    for (let i = 0; i < PAIR_ATTEMPTS; i++) {
      results.push(await verifySignIn({ email: partner.email, password: `wrong-${i}`, ip: guesser }));
    }
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    const afterwards = await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: guesser });
    expect(afterwards.ok).toBe(false);
    if (!afterwards.ok && afterwards.reason === "throttled") {
      expect(afterwards.retryAfterSeconds).toBeGreaterThan(13 * 60);
      expect(afterwards.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    } else {
      throw new Error("expected the account to be throttled");
    }
    // Another account is unaffected.
    const other = await verifySignIn({ email: clinic.couples[0]!.partners[1].email, password: FIXTURE_PASSWORD, ip: ip() });
    expect(other.ok).toBe(true);
  });

  it("throttles one address trying many accounts", async () => {
    const address = ip();
    let last;
    for (let i = 0; i < 30; i++) {
      last = await verifySignIn({ email: `spray-${i}-${randomUUID()}@example.test`, password: "guess", ip: address });
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled" });
    const legit = await verifySignIn({ email: clinic.counsellors[1]!.email, password: FIXTURE_PASSWORD, ip: address });
    expect(legit).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("refuses a deactivated user with the usual answer", async () => {
    const partner = clinic.couples[1]!.partners[0];
    await db().update(users).set({ active: false }).where(eq(users.id, partner.id));
    const result = await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: ip() });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("getViewer and session versions", () => {
  it("knows the signed-in user", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs({ ...counsellor, sessionVersion: 1 });
    expect(await getViewer()).toMatchObject({ id: counsellor.id, role: "counsellor", name: counsellor.name });
  });

  it("forgets every session of a user who signs out, on every device", async () => {
    const counsellor = clinic.counsellors[1]!;
    signInAs({ ...counsellor, sessionVersion: 1 });
    expect(await getViewer()).not.toBeNull();
    await endAllSessions(counsellor.id);
    expect(await getViewer()).toBeNull();
  });

  it("treats a token for a deleted or unknown user as signed out", async () => {
    signInAs({ id: randomUUID(), role: "counsellor", clinicId: clinic.clinicId });
    expect(await getViewer()).toBeNull();
    signInAs(null);
    expect(await getViewer()).toBeNull();
  });

  it("treats a deactivated user's old cookie as signed out", async () => {
    const partner = clinic.couples[2]!.partners[1];
    signInAs({ ...partner, sessionVersion: 1 });
    expect(await getViewer()).not.toBeNull();
    await db().update(users).set({ active: false }).where(eq(users.id, partner.id));
    expect(await getViewer()).toBeNull();
  });
});
