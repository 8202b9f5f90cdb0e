import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { AUDIT_COUNT_LIMIT, getAuditFilterOptions, listAuditLog, listAuditPartnerMatches } from "@/lib/dal/audit-log";
import { auditQuerySchema } from "@/lib/validations/clinic";
import { createClinic, db, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let other: FixtureClinic;

beforeAll(async () => {
  clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
  other = await createClinic({ couplesPerCounsellor: [["steady"]] });
  // A new in-memory database per file: slow on a busy machine.
}, 600_000);

const auditQuery = (input: Record<string, string> = {}) => auditQuerySchema.parse(input);

describe("the clinic's audit log names people and records", () => {
  it("names the couple or person an event points at, filters by a partner, and never names another clinic's records", async () => {
    const couple = clinic.couples[0]!;
    const partner = couple.partners[0];
    const counsellor = clinic.counsellors[0]!;
    const foreign = other.couples[0]!;
    await db()
      .insert(schema.auditEvents)
      .values([
        { clinicId: clinic.clinicId, actorId: counsellor.id, action: "couple.create", entityType: "couple", entityId: couple.id, coupleId: couple.id, outcome: "success" },
        { clinicId: clinic.clinicId, actorId: partner.id, action: "auth.sign_in", entityType: "user", entityId: partner.id, outcome: "success" },
        // A forged pointer at another clinic's couple is shown without its name.
        { clinicId: clinic.clinicId, actorId: counsellor.id, action: "couple.create", entityType: "couple", entityId: foreign.id, outcome: "success" },
      ]);
    signInAs(clinic.admin);

    // Staff are listed; a partner is found by name and chosen from the matches.
    const options = await getAuditFilterOptions();
    const found = await listAuditPartnerMatches(partner.name);
    expect(found.matches.map((a) => a.id)).toContain(partner.id);
    expect(options.actors.map((a) => a.id)).toContain(counsellor.id);

    const byPartner = await listAuditLog(auditQuery({ actor: partner.id }));
    expect(byPartner.rows.map((r) => [r.action, r.recordName])).toContainEqual(["auth.sign_in", partner.name]);

    const created = await listAuditLog(auditQuery({ action: "couple.create" }));
    const names = created.rows.map((r) => r.recordName);
    expect(names).toContain(couple.name);
    expect(names).not.toContain(foreign.name);

    // A record id that is not a uuid is listed without a name rather than failing the page.
    await db()
      .insert(schema.auditEvents)
      .values({ clinicId: clinic.clinicId, actorId: counsellor.id, action: "counsellor.invite", entityType: "user", entityId: "not-a-uuid", outcome: "success" });
    const invited = await listAuditLog(auditQuery({ action: "counsellor.invite" }));
    expect(invited.rows.map((r) => [r.entityId, r.recordName])).toContainEqual(["not-a-uuid", null]);
  });

  it("counts a long log only so far and says there are more, yet every page stays reachable", async () => {
    // The other clinic's own log: AUDIT_COUNT_LIMIT + 30 sign-ins by its counsellor, a minute apart.
    const counsellor = other.counsellors[0]!;
    await db().execute(sql`
      insert into ${schema.auditEvents} (clinic_id, actor_id, action, entity_type, entity_id, outcome, at)
      select ${other.clinicId}::uuid, ${counsellor.id}::uuid, 'auth.sign_in', 'user', ${counsellor.id}, 'success',
        now() - g * interval '1 minute'
      from generate_series(1, ${AUDIT_COUNT_LIMIT + 30}) g`);
    signInAs(other.admin);
    const first = await listAuditLog(auditQuery({ action: "auth.sign_in" }));
    expect(first.rows).toHaveLength(50);
    expect(first.totalAtLeast).toBe(true);
    expect(first.total).toBe(AUDIT_COUNT_LIMIT);
    // Past the count, a page still has its events and counts on, so "Older events" leads on.
    const last = Math.ceil((AUDIT_COUNT_LIMIT + 30) / 50);
    const deep = await listAuditLog(auditQuery({ action: "auth.sign_in", page: String(last) }));
    expect(deep.rows).toHaveLength((AUDIT_COUNT_LIMIT + 30) % 50 || 50);
    expect(deep.totalAtLeast).toBe(false);
    expect(deep.total).toBe(AUDIT_COUNT_LIMIT + 30);
    expect(deep.pageCount).toBe(last);
    const before = await listAuditLog(auditQuery({ action: "auth.sign_in", page: String(last - 1) }));
    expect(before.page).toBeLessThan(before.pageCount);
    // A short filtered view is counted exactly.
    const narrow = await listAuditLog(auditQuery({ actor: other.admin.id }));
    expect(narrow.totalAtLeast).toBe(false);
    expect(narrow.total).toBe(narrow.rows.length);
  });
});
