import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { userSessions, users } from "@/db/schema";
import { changePassword } from "@/lib/dal/account";
import { endEverySession, peekSession, signOutFromToken, startSession } from "@/lib/dal/sessions";
import { getSessionState, getViewer, peekSessionState } from "@/lib/dal/viewer";
import { createClinic, db, FIXTURE_PASSWORD, type FixtureClinic, type FixtureUser } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["steady"]] });
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.MEND_STAFF_IDLE_MINUTES;
  delete process.env.MEND_STAFF_MAX_HOURS;
});

/** Signs `user` in at the faked time `at`, as the sign-in form would, and points the cookie at the new row. */
async function signInAt(user: FixtureUser, at: number): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  const { id } = await startSession(user.id);
  signInAs(user, id);
  return id;
}

async function sessionRow(id: string) {
  const [row] = await db().select().from(userSessions).where(eq(userSessions.id, id));
  return row!;
}

const T0 = Date.parse("2026-03-02T09:00:00Z");

describe("staff idle sign-out", () => {
  it("signs a counsellor out after 30 minutes without activity, not before", async () => {
    const counsellor = clinic.counsellors[0]!;
    await signInAt(counsellor, T0);
    vi.setSystemTime(T0 + 29 * MINUTE);
    expect(await getViewer()).toMatchObject({ id: counsellor.id });
    // That request was activity: the idle clock starts again from 29 minutes in.
    vi.setSystemTime(T0 + 29 * MINUTE + 29 * MINUTE);
    expect(await getViewer()).toMatchObject({ id: counsellor.id });
    vi.setSystemTime(T0 + 58 * MINUTE + 30 * MINUTE + 1000);
    expect(await getViewer()).toBeNull();
  });

  it("follows MEND_STAFF_IDLE_MINUTES", async () => {
    process.env.MEND_STAFF_IDLE_MINUTES = "5";
    await signInAt(clinic.admin, T0);
    vi.setSystemTime(T0 + 4 * MINUTE);
    expect(await getViewer()).not.toBeNull();
    vi.setSystemTime(T0 + 9 * MINUTE + 1000);
    expect(await getViewer()).toBeNull();
  });

  it("does not count a look at the session (the session endpoint, the idle warning) as activity", async () => {
    const counsellor = clinic.counsellors[1]!;
    const id = await signInAt(counsellor, T0);
    for (const minutes of [10, 20, 29]) {
      vi.setSystemTime(T0 + minutes * MINUTE);
      expect((await peekSessionState()).status).toBe("signed-in");
    }
    expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(T0);
    vi.setSystemTime(T0 + 31 * MINUTE);
    expect((await peekSessionState()).status).toBe("signed-out");
    // Once idle-expired, nothing brings it back, a page request included.
    expect(await getViewer()).toBeNull();
    expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(T0);
  });

  it("tells the shell when the session ends unless there is activity", async () => {
    await signInAt(clinic.counsellors[0]!, T0);
    vi.setSystemTime(T0 + 10 * MINUTE);
    const state = await getSessionState();
    expect(state.status === "signed-in" && state.endsAt.getTime()).toBe(T0 + 40 * MINUTE);
  });
});

describe("absolute limit", () => {
  it("signs staff out 12 hours after sign-in however active they are", async () => {
    const counsellor = clinic.counsellors[0]!;
    await signInAt(counsellor, T0);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      vi.setSystemTime(T0 + minutes * MINUTE);
      expect(await getViewer(), `at ${minutes} minutes`).not.toBeNull();
    }
    vi.setSystemTime(T0 + 12 * HOUR + 1000);
    expect(await getViewer()).toBeNull();
  });

  it("follows MEND_STAFF_MAX_HOURS", async () => {
    process.env.MEND_STAFF_MAX_HOURS = "1";
    await signInAt(clinic.admin, T0);
    vi.setSystemTime(T0 + 25 * MINUTE);
    expect(await getViewer()).not.toBeNull();
    vi.setSystemTime(T0 + 50 * MINUTE);
    expect(await getViewer()).not.toBeNull();
    vi.setSystemTime(T0 + 61 * MINUTE);
    expect(await getViewer()).toBeNull();
  });

  it("keeps a partner signed in for weeks of daily use, idle out after 30 days, and ends at 90 days", async () => {
    const partner = clinic.couples[0]!.partners[0];
    await signInAt(partner, T0);
    vi.setSystemTime(T0 + 29 * DAY);
    expect(await getViewer()).not.toBeNull();
    for (let day = 30; day < 90; day += 20) {
      vi.setSystemTime(T0 + day * DAY);
      expect(await getViewer(), `day ${day}`).not.toBeNull();
    }
    vi.setSystemTime(T0 + 90 * DAY + 1000);
    expect(await getViewer()).toBeNull();

    await signInAt(partner, T0);
    vi.setSystemTime(T0 + 30 * DAY + 1000);
    expect(await getViewer()).toBeNull();
  });
});

describe("touching last-seen", () => {
  it("writes at most once a minute however many requests come", async () => {
    const id = await signInAt(clinic.counsellors[1]!, T0);
    for (const seconds of [5, 20, 59]) {
      vi.setSystemTime(T0 + seconds * 1000);
      expect(await getViewer()).not.toBeNull();
      expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(T0);
    }
    vi.setSystemTime(T0 + 61_000);
    await getViewer();
    expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(T0 + 61_000);
    vi.setSystemTime(T0 + 90_000);
    await getViewer();
    expect((await sessionRow(id)).lastSeenAt.getTime()).toBe(T0 + 61_000);
  });
});

describe("revocation", () => {
  it("signing out ends every session of the user, on every device", async () => {
    const counsellor = clinic.counsellors[0]!;
    const laptop = await signInAt(counsellor, T0);
    const phone = (await startSession(counsellor.id)).id;
    await endEverySession(counsellor.id);
    for (const sid of [laptop, phone]) {
      signInAs(counsellor, sid);
      expect(await getViewer()).toBeNull();
      expect((await sessionRow(sid)).revokedAt).not.toBeNull();
    }
  });

  it("the library's own sign-out revokes like Mend's; a dead copied cookie cannot sign its owner out elsewhere", async () => {
    const counsellor = clinic.counsellors[1]!;
    const first = await signInAt(counsellor, T0);
    await signOutFromToken({ userId: counsellor.id, sessionId: first });
    expect(await peekSession({ userId: counsellor.id, sessionId: first })).toBeNull();

    const fresh = (await startSession(counsellor.id)).id;
    // Replaying the revoked cookie's sign-out leaves the new session alone.
    await signOutFromToken({ userId: counsellor.id, sessionId: first });
    expect(await peekSession({ userId: counsellor.id, sessionId: fresh })).not.toBeNull();
    // A token naming another user's session is nothing.
    await signOutFromToken({ userId: clinic.admin.id, sessionId: fresh });
    expect(await peekSession({ userId: counsellor.id, sessionId: fresh })).not.toBeNull();
  });

  it("a password change signs out every other device and keeps this one", async () => {
    const partner = clinic.couples[1]!.partners[0];
    const other = (await startSession(partner.id)).id;
    const here = (await startSession(partner.id)).id;
    signInAs(partner, here);
    await changePassword({ current: FIXTURE_PASSWORD, next: "another brand new password" });
    expect(await getViewer()).toMatchObject({ id: partner.id });
    signInAs(partner, other);
    expect(await getViewer()).toBeNull();
  });

  it("deactivating a user ends their sessions even if they are reactivated later", async () => {
    const partner = clinic.couples[1]!.partners[1];
    const sid = (await startSession(partner.id)).id;
    signInAs(partner, sid);
    expect(await getViewer()).not.toBeNull();
    await db().update(users).set({ active: false }).where(eq(users.id, partner.id));
    expect(await getViewer()).toBeNull();
  });

  it("a cookie without a session id, or with a forged one, is signed out", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor, "not-a-uuid");
    expect(await getViewer()).toBeNull();
    signInAs(counsellor, "00000000-0000-4000-8000-000000000000");
    expect(await getViewer()).toBeNull();
    // Another user's live session id under this user's name is nothing either.
    const adminSession = (await startSession(clinic.admin.id)).id;
    signInAs(counsellor, adminSession);
    expect(await getViewer()).toBeNull();
  });
});
