import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { isInputError } from "@/lib/actions/errors";
import {
  AUDIT_PARTNER_MATCH_LIMIT,
  getAuditFilterOptions,
  getAuditPartner,
  listAuditLog,
  listAuditPartnerMatches,
} from "@/lib/dal/audit-log";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { createClinic, db, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let other: FixtureClinic;
let deactivated: FixtureClinic["counsellors"][number];

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"], ["steady"]] });
  other = await createClinic({ couplesPerCounsellor: [["steady"]] });
  // A counsellor who has left: their events stay in the log, so they stay in the list.
  deactivated = clinic.counsellors[1]!;
  await db().update(schema.users).set({ active: false }).where(eq(schema.users.id, deactivated.id));
  // Look-alike partners in both clinics, so a search that leaked across clinics would show.
  await db().update(schema.users).set({ name: "Zephyrine Quill" }).where(eq(schema.users.id, clinic.couples[0]!.partners[0].id));
  await db().update(schema.users).set({ name: "Zephyrine Quillon" }).where(eq(schema.users.id, other.couples[0]!.partners[0].id));
}, 600_000);

const auditQuery = (input: Record<string, string> = {}) => auditQuerySchema.parse(input);
const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();

async function refusal(search: string): Promise<string> {
  try {
    await listAuditPartnerMatches(search);
  } catch (error) {
    if (isInputError(error)) return error.message;
    throw error;
  }
  throw new Error(`expected the search ${JSON.stringify(search)} to be refused`);
}

describe("the audit log's Person list", () => {
  it("lists the clinic's staff only, deactivated ones included, by their names", async () => {
    signInAs(clinic.admin);
    const options = await getAuditFilterOptions();
    const staff = [clinic.admin, ...clinic.counsellors];
    expect(ids(options.actors)).toEqual(ids(staff));
    expect(options.actors.map((a) => a.id)).toContain(deactivated.id);
    for (const person of staff) expect(options.actors).toContainEqual({ id: person.id, name: person.name });
    const partners = clinic.couples.flatMap((c) => c.partners);
    for (const partner of partners) expect(options.actors.map((a) => a.id)).not.toContain(partner.id);
    for (const person of [other.admin, ...other.counsellors]) expect(options.actors.map((a) => a.id)).not.toContain(person.id);
  });
});

describe("finding a partner for the audit log", () => {
  it("matches part of a name or email, in any case, within the admin's clinic only", async () => {
    signInAs(clinic.admin);
    const zephyr = clinic.couples[0]!.partners[0];
    const byName = await listAuditPartnerMatches("  pHYRine qu ");
    expect(byName).toEqual({ matches: [{ id: zephyr.id, name: "Zephyrine Quill", email: zephyr.email }], more: false });

    // The fixture's email domain is the clinic's own: every partner has it, and no staff member is offered.
    const domain = zephyr.email.split("@")[1]!;
    const byEmail = await listAuditPartnerMatches(domain.toUpperCase());
    expect(ids(byEmail.matches)).toEqual(ids(clinic.couples.flatMap((c) => c.partners)));
    const prefix = await listAuditPartnerMatches(zephyr.email.slice(0, 4));
    expect(prefix.matches.map((m) => m.id)).toContain(zephyr.id);

    // The other clinic's admin finds their own look-alike, never this clinic's partner.
    signInAs(other.admin);
    const theirs = await listAuditPartnerMatches("zephyrine");
    expect(theirs.matches.map((m) => m.name)).toEqual(["Zephyrine Quillon"]);
    expect(await listAuditPartnerMatches(domain)).toEqual({ matches: [], more: false });
  });

  it("returns at most a page of matches, by name, says there are more, and treats % and _ as letters", async () => {
    const extra = Array.from({ length: AUDIT_PARTNER_MATCH_LIMIT + 2 }, (_, i) => ({
      clinicId: clinic.clinicId,
      role: "partner" as const,
      email: `many-${String(i).padStart(2, "0")}-${randomUUID().slice(0, 8)}@many.test`,
      name: `Manyfold ${String(i).padStart(2, "0")}`,
    }));
    await db().insert(schema.users).values(extra);
    try {
      signInAs(clinic.admin);
      const found = await listAuditPartnerMatches("manyfold");
      expect(found.more).toBe(true);
      expect(found.matches.map((m) => m.name)).toEqual(extra.slice(0, AUDIT_PARTNER_MATCH_LIMIT).map((e) => e.name));
      expect(await listAuditPartnerMatches("%%")).toEqual({ matches: [], more: false });
      expect(await listAuditPartnerMatches("m_ny")).toEqual({ matches: [], more: false });
    } finally {
      await db().delete(schema.users).where(inArray(schema.users.email, extra.map((e) => e.email)));
    }
  });

  it("refuses a search too short, too long or holding a NUL byte, with a message and no database error", async () => {
    signInAs(clinic.admin);
    expect(await refusal("a")).toMatch(/at least 2 characters/);
    expect(await refusal("  z  ")).toMatch(/at least 2 characters/);
    expect(await refusal("x".repeat(101))).toMatch(/at most 100 characters/);
    expect(await refusal("ze\u0000phyr")).toMatch(/control character/);
    expect(await refusal("\u0000\u0000")).toMatch(/control character/);
  });

  it("names the chosen partner only when they are one of the clinic's partners, and filters the log by them", async () => {
    signInAs(clinic.admin);
    const zephyr = clinic.couples[0]!.partners[0];
    await db()
      .insert(schema.auditEvents)
      .values({ clinicId: clinic.clinicId, actorId: zephyr.id, action: "auth.sign_in", entityType: "user", entityId: zephyr.id, outcome: "success" });
    expect(await getAuditPartner(zephyr.id)).toEqual({ id: zephyr.id, name: "Zephyrine Quill" });
    const theirs = await listAuditLog(auditQuery({ actor: zephyr.id }));
    expect(theirs.rows.map((r) => [r.actorName, r.action])).toContainEqual(["Zephyrine Quill", "auth.sign_in"]);

    // Staff are in the list already; another clinic's partner and a non-id name no one.
    expect(await getAuditPartner(clinic.counsellors[0]!.id)).toBeNull();
    const foreign = other.couples[0]!.partners[0];
    expect(await getAuditPartner(foreign.id)).toBeNull();
    expect(await getAuditPartner("not-a-uuid")).toBeNull();
    // Filtering by another clinic's partner shows nothing, as before.
    const none = await listAuditLog(auditQuery({ actor: foreign.id }));
    expect(none).toMatchObject({ rows: [], total: 0 });
  });

  it("is for clinic admins only", async () => {
    for (const user of [clinic.counsellors[0]!, clinic.couples[0]!.partners[1]]) {
      signInAs(user);
      await expectNotFound(listAuditPartnerMatches("zephyrine"));
      await expectNotFound(getAuditPartner(clinic.couples[0]!.partners[0].id));
    }
  });
});
