import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { couples, invitations, users } from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { InputError } from "@/lib/actions/errors";
import { verifySignIn } from "@/lib/dal/auth";
import { listCaseload } from "@/lib/dal/caseload";
import {
  acceptInvitation,
  createCoupleWithInvitations,
  createCounsellorInvitation,
  getInvitation,
  listCoupleInvitations,
  reissueInvitation,
} from "@/lib/dal/invitations";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { INVITATION_ENDED, inviteeSchema, newCoupleSchema } from "@/lib/validations/invitations";
import { createClinic, db, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
const unique = () => randomUUID().slice(0, 8);
const tokenOf = (url: string) => url.split("/invite/")[1]!;
const newCouple = (a = `a-${unique()}@example.test`, b = `b-${unique()}@example.test`) => ({
  name: `Pat & Chris ${unique()}`,
  startedOn: "2026-11-01",
  partners: [
    { name: "Pat Quinn", email: a },
    { name: "Chris Quinn", email: b },
  ] as [{ name: string; email: string }, { name: string; email: string }],
});
// Each form is parsed once, by its shared schema, before the data layer sees it (as the actions do).
const parsedCouple = (form = newCouple()) => parseInput(newCoupleSchema, form);
const invitee = (form: { name: string; email: string }) => parseInput(inviteeSchema, form);

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["improving"], ["steady"]] });
});

describe("createCoupleWithInvitations", () => {
  it("puts a new couple on the counsellor's caseload with two single-use links, stored only as hashes", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const input = newCouple();
    const result = await createCoupleWithInvitations(parsedCouple(input));
    expect(result.invitations.map((i) => i.email)).toEqual(input.partners.map((p) => p.email));
    expect(result.invitations.every((i) => i.url.includes("/invite/") && !i.emailed)).toBe(true);
    const days = (result.invitations[0]!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const stored = await db().select().from(invitations).where(eq(invitations.coupleId, result.coupleId));
    expect(stored).toHaveLength(2);
    for (const inv of result.invitations) {
      expect(stored.some((s) => s.tokenHash === tokenOf(inv.url))).toBe(false);
    }
    const page = await listCaseload(caseloadQuerySchema.parse({ q: input.name }));
    expect(page.rows).toMatchObject([{ id: result.coupleId, status: "invited", currentStep: 1 }]);
  });

  it("refuses an address that already has an account, or the same address twice, writing nothing", async () => {
    signInAs(clinic.counsellors[0]!);
    const existing = clinic.couples[0]!.partners[0].email;
    const input = newCouple(existing.toUpperCase());
    const result = await refusal(() => createCoupleWithInvitations(parsedCouple(input)));
    expect(result.fieldErrors).toEqual({ "partners.0.email": ["This email address already has a Mend account."] });
    const same = `same-${unique()}@example.test`;
    const twice = await refusal(() => createCoupleWithInvitations(parsedCouple(newCouple(same, same))));
    expect(twice.fieldErrors["partners.1.email"]).toEqual(["Each partner needs their own email address."]);
    const written = await db().select({ id: couples.id }).from(couples).where(eq(couples.name, input.name));
    expect(written).toHaveLength(0);
    const partnerRow = await db().select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.partners[1].email));
    expect(partnerRow).toHaveLength(0);
  });

  it("is for counsellors only", async () => {
    signInAs(clinic.admin);
    await expectNotFound(createCoupleWithInvitations(parsedCouple()));
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(createCoupleWithInvitations(parsedCouple()));
  });
});

describe("accepting an invitation", () => {
  it("sets the password once; the couple becomes active when both have joined", async () => {
    signInAs(clinic.counsellors[0]!);
    const result = await createCoupleWithInvitations(parsedCouple());
    const [first, second] = result.invitations;
    expect(await getInvitation(tokenOf(first!.url))).toMatchObject({ state: "valid", name: "Pat Quinn", role: "partner" });

    expect(await acceptInvitation(tokenOf(first!.url), "a long new password")).toEqual({ email: first!.email });
    const signIn = await verifySignIn({ email: first!.email, password: "a long new password", ip: `inv-${unique()}` });
    expect(signIn).toMatchObject({ ok: true, user: { role: "partner" } });

    expect((await refusal(acceptInvitation(tokenOf(first!.url), "another password!!"))).fieldErrors).toEqual({ token: [INVITATION_ENDED.used] });
    expect(await getInvitation(tokenOf(first!.url))).toEqual({ state: "used" });
    const [stillInvited] = await db().select({ status: couples.status }).from(couples).where(eq(couples.id, result.coupleId));
    expect(stillInvited!.status).toBe("invited");

    await acceptInvitation(tokenOf(second!.url), "yet another long one");
    const [active] = await db().select({ status: couples.status }).from(couples).where(eq(couples.id, result.coupleId));
    expect(active!.status).toBe("active");
  });

  it("says so when a link has expired, and ignores made-up links", async () => {
    signInAs(clinic.counsellors[0]!);
    const result = await createCoupleWithInvitations(parsedCouple());
    await db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.coupleId, result.coupleId));
    const token = tokenOf(result.invitations[0]!.url);
    expect(await getInvitation(token)).toEqual({ state: "expired" });
    expect((await refusal(acceptInvitation(token, "a long new password"))).fieldErrors).toEqual({ token: [INVITATION_ENDED.expired] });
    expect(await getInvitation("x".repeat(43))).toEqual({ state: "invalid" });
    expect(await getInvitation("short")).toEqual({ state: "invalid" });
  });

  it("a double submit uses the link once", async () => {
    signInAs(clinic.counsellors[0]!);
    const result = await createCoupleWithInvitations(parsedCouple());
    const token = tokenOf(result.invitations[0]!.url);
    const outcomes = await Promise.allSettled([acceptInvitation(token, "first password!!"), acceptInvitation(token, "second password!")]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === "rejected" ? [(o.reason as InputError).fieldErrors] : []))).toEqual([{ token: [INVITATION_ENDED.used] }]);
  });
});

describe("listCoupleInvitations and reissueInvitation", () => {
  it("a new link replaces the old one; only the couple's counsellor may ask", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const result = await createCoupleWithInvitations(parsedCouple());
    const listed = await listCoupleInvitations(result.coupleId);
    expect(listed.map((i) => i.status)).toEqual(["pending", "pending"]);

    signInAs(clinic.counsellors[1]!);
    await expectNotFound(listCoupleInvitations(result.coupleId));
    await expectNotFound(reissueInvitation(listed[0]!.id));
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(reissueInvitation(listed[0]!.id));

    signInAs(counsellor);
    const oldToken = tokenOf(result.invitations.find((i) => i.email === listed[0]!.email)!.url);
    const fresh = await reissueInvitation(listed[0]!.id);
    expect(await getInvitation(oldToken)).toEqual({ state: "invalid" });
    expect(await getInvitation(tokenOf(fresh.url))).toMatchObject({ state: "valid" });
    const after = await listCoupleInvitations(result.coupleId);
    expect(after.filter((i) => i.status === "revoked")).toHaveLength(1);

    await acceptInvitation(tokenOf(fresh.url), "a long new password");
    const accepted = (await listCoupleInvitations(result.coupleId)).find((i) => i.status === "accepted")!;
    await expect(reissueInvitation(accepted.id)).rejects.toBeInstanceOf(InputError);
  });
});

describe("createCounsellorInvitation", () => {
  it("lets the admin invite a counsellor who can then sign in", async () => {
    signInAs(clinic.admin);
    const email = `new-counsellor-${unique()}@example.test`;
    const result = await createCounsellorInvitation(invitee({ name: "Jo Rivers", email }));
    expect(await getInvitation(tokenOf(result.url))).toMatchObject({ state: "valid", role: "counsellor" });
    await acceptInvitation(tokenOf(result.url), "counsellor password");
    expect(await verifySignIn({ email, password: "counsellor password", ip: `inv-${unique()}` })).toMatchObject({ ok: true, user: { role: "counsellor", clinicId: clinic.clinicId } });
    const again = await refusal(createCounsellorInvitation(invitee({ name: "Jo Rivers", email })));
    expect(again.fieldErrors).toEqual({ email: ["This email address already has a Mend account."] });
    await refusal(() => createCounsellorInvitation(invitee({ name: "", email: "nope" })));
  });

  it("is for clinic admins only", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(createCounsellorInvitation(invitee({ name: "X", email: `x-${unique()}@example.test` })));
  });
});
