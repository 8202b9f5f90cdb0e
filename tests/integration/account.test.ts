import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/dal/account";
import { verifySignIn } from "@/lib/dal/auth";
import { getViewer } from "@/lib/dal/viewer";
import { createClinic, expectRedirectToLogin, FIXTURE_PASSWORD, type FixtureClinic } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { currentSessionId, signInAs } from "../support/session";

let clinic: FixtureClinic;
beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
});

describe("changePassword", () => {
  it("needs the current password", async () => {
    const partner = clinic.couples[0]!.partners[0];
    signInAs(partner);
    const refused = await refusal(changePassword({ current: "wrong one", next: "a brand new password" }));
    expect(refused.fieldErrors).toEqual({ current: ["That isn't your current password."] });
    expect(await getViewer()).not.toBeNull();
  });

  it("switches to the new password and ends every other existing session", async () => {
    const partner = clinic.couples[0]!.partners[1];
    signInAs(partner);
    const otherDevice = await currentSessionId();
    signInAs(partner);
    expect(await changePassword({ current: FIXTURE_PASSWORD, next: "a brand new password" })).toEqual({ email: partner.email });
    // The device it was changed on stays signed in; the other one is signed out.
    expect(await getViewer()).not.toBeNull();
    signInAs(partner, otherDevice);
    expect(await getViewer()).toBeNull();
    expect(await verifySignIn({ email: partner.email, password: FIXTURE_PASSWORD, ip: "acct-1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn({ email: partner.email, password: "a brand new password", ip: "acct-1" })).toMatchObject({ ok: true, user: { sessionVersion: 2 } });
  });

  it("is for signed-in people only", async () => {
    signInAs(null);
    await expectRedirectToLogin(changePassword({ current: "x", next: "y".repeat(12) }));
  });
});
