import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/actions/action";
import { listAuditLog, getAuditFilterOptions } from "@/lib/dal/audit-log";
import { listCaseload } from "@/lib/dal/caseload";
import { listClinicCouples, reassignCouple } from "@/lib/dal/clinic-couples";
import { exportAuditLogCsv, exportByCounsellorCsv } from "@/lib/dal/clinic-exports";
import {
  deactivateCounsellor,
  getClinicOverview,
  getCounsellorForDeactivation,
  listActiveCounsellors,
} from "@/lib/dal/clinic-staff";
import { getCouple } from "@/lib/dal/couples";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { auditQuerySchema, clinicCouplesQuerySchema, reassignCoupleSchema } from "@/lib/validations/clinic";
import { createHandClinic, HAND_RANGE, MARKERS, type HandClinic } from "../support/clinic-fixture";
import { createClinic, expectNotFound, expectRedirectToLogin, type FixtureClinic } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { signInAs } from "../support/session";

let hand: HandClinic;
let other: FixtureClinic;
const couplesQuery = (input: Record<string, unknown> = {}) => clinicCouplesQuerySchema.parse(input);
const auditQuery = (input: Record<string, unknown> = {}) => auditQuerySchema.parse(input);
// The reassign form as sent, parsed once by its shared schema (as the action does).
const reassignment = (input: { coupleId: string; counsellorId: string }) => parseInput(reassignCoupleSchema, input);

function expectNoMarkers(value: unknown) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  for (const marker of Object.values(MARKERS)) expect(text).not.toContain(marker);
}

beforeAll(async () => {
  hand = await createHandClinic();
  other = await createClinic({ couplesPerCounsellor: [["improving", "steady"], ["stalled"]] });
});

describe("listClinicCouples", () => {
  it("lists the clinic's couples with counsellor, status and start day only", async () => {
    signInAs(hand.admin);
    const page = await listClinicCouples(couplesQuery());
    expect(page.total).toBe(13);
    const c5 = page.rows.find((r) => r.id === hand.couples.c5!.id)!;
    expect(c5).toEqual({
      id: hand.couples.c5!.id,
      name: hand.couples.c5!.name,
      status: "paused",
      startedOn: "2025-12-01",
      counsellorId: hand.counsellors.P.id,
      counsellorName: "Priya Counsellor",
    });
    expectNoMarkers(page);
    const otherIds = new Set(other.couples.map((c) => c.id));
    expect(page.rows.some((r) => otherIds.has(r.id))).toBe(false);
  });

  it("filters by name and by counsellor", async () => {
    signInAs(hand.admin);
    const byName = await listClinicCouples(couplesQuery({ q: "Couple C12" }));
    expect(byName.rows.map((r) => r.id)).toEqual([hand.couples.c12!.id]);
    const quentin = await listClinicCouples(couplesQuery({ counsellor: hand.counsellors.Q.id }));
    expect(quentin.total).toBe(4);
    const foreign = await listClinicCouples(couplesQuery({ counsellor: other.counsellors[0]!.id }));
    expect(foreign.total).toBe(0);
  });

  it("is for clinic admins only", async () => {
    signInAs(hand.counsellors.P);
    await expectNotFound(listClinicCouples(couplesQuery()));
    signInAs(hand.couples.c1!.partners[0]);
    await expectNotFound(listClinicCouples(couplesQuery()));
    signInAs(null);
    await expectRedirectToLogin(listClinicCouples(couplesQuery()));
  });
});

describe("reassignCouple", () => {
  it("moves the couple to the new counsellor, who now sees it, and audits the move", async () => {
    const couple = other.couples.find((c) => c.counsellorId === other.counsellors[0]!.id)!;
    const from = other.counsellors[0]!;
    const to = other.counsellors[1]!;
    signInAs(other.admin);
    expect(await reassignCouple(reassignment({ coupleId: couple.id, counsellorId: to.id }))).toBeUndefined();

    signInAs(to);
    expect((await getCouple(couple.id)).id).toBe(couple.id);
    const caseload = await listCaseload(caseloadQuerySchema.parse({ pageSize: "100" }));
    expect(caseload.rows.map((r) => r.id)).toContain(couple.id);
    signInAs(from);
    await expectNotFound(getCouple(couple.id));

    signInAs(other.admin);
    const log = await listAuditLog(auditQuery({ action: "couple.reassign" }));
    expect(log.rows[0]).toMatchObject({ action: "couple.reassign", entityType: "couple", entityId: couple.id, coupleName: couple.name, actorName: "Ada Admin", outcome: "success" });
  });

  it("refuses a deactivated counsellor, another clinic's counsellor, the current one and nonsense, changing nothing", async () => {
    signInAs(hand.admin);
    const couple = hand.couples.c2!;
    const before = (await listAuditLog(auditQuery())).total;
    for (const counsellorId of [hand.counsellors.R.id, other.counsellors[0]!.id, hand.admin.id, hand.couples.c1!.partners[0].id, randomUUID(), "nope", ""]) {
      const result = await refusal(() => reassignCouple(reassignment({ coupleId: couple.id, counsellorId })));
      expect(result.fieldErrors).toEqual({ counsellorId: ["Choose an active counsellor of this clinic."] });
    }
    const same = await refusal(reassignCouple(reassignment({ coupleId: couple.id, counsellorId: hand.counsellors.P.id })));
    expect(same.fieldErrors.counsellorId?.[0]).toMatch(/already with that counsellor/);
    const directory = await listClinicCouples(couplesQuery({ q: "Couple C2 " }));
    expect(directory.rows.find((r) => r.id === couple.id)?.counsellorId).toBe(hand.counsellors.P.id);
    expect((await listAuditLog(auditQuery())).total).toBe(before);
  });

  it("does not find another clinic's couple or a forged id", async () => {
    signInAs(hand.admin);
    await expectNotFound(reassignCouple(reassignment({ coupleId: other.couples[0]!.id, counsellorId: hand.counsellors.Q.id })));
    await expectNotFound(reassignCouple(reassignment({ coupleId: "' or 1=1 --", counsellorId: hand.counsellors.Q.id })));
    signInAs(hand.counsellors.Q);
    await expectNotFound(reassignCouple(reassignment({ coupleId: hand.couples.c1!.id, counsellorId: hand.counsellors.Q.id })));
  });
});

describe("deactivateCounsellor", () => {
  it("refuses while the counsellor carries couples, naming each one, and changes nothing", async () => {
    signInAs(hand.admin);
    const quentin = await getCounsellorForDeactivation(hand.counsellors.Q.id);
    expect(quentin.couples.map((c) => c.id).sort()).toEqual(["c9", "c10", "c11", "c12"].map((k) => hand.couples[k]!.id).sort());
    const result = await refusal(deactivateCounsellor({
      counsellorId: hand.counsellors.Q.id,
      reassignments: { [hand.couples.c9!.id]: hand.counsellors.P.id, [hand.couples.c10!.id]: hand.counsellors.R.id },
    }));
    expect(result.message).toMatch(/still supports couples/);
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ["c10", "c11", "c12"].map((k) => `couple:${hand.couples[k]!.id}`).sort(),
    );
    // c9 was valid, but nothing is half-written.
    const after = await getCounsellorForDeactivation(hand.counsellors.Q.id);
    expect(after.active).toBe(true);
    expect(after.couples).toHaveLength(4);
  });

  it("hands every couple over and deactivates in one go; their session ends at once", async () => {
    const clinic = await createClinic({ couplesPerCounsellor: [["improving", "steady"], ["stalled"]] });
    const [leaving, staying] = clinic.counsellors as [typeof clinic.counsellors[0], typeof clinic.counsellors[0]];
    const theirs = clinic.couples.filter((c) => c.counsellorId === leaving.id);
    signInAs(leaving);
    expect((await listCaseload(caseloadQuerySchema.parse({}))).total).toBe(2);

    signInAs(clinic.admin);
    const result = await deactivateCounsellor({
      counsellorId: leaving.id,
      reassignments: Object.fromEntries(theirs.map((c) => [c.id, staying.id])),
    });
    expect(result).toBeUndefined();
    expect((await listActiveCounsellors()).map((c) => c.id)).toEqual([staying.id]);
    const overview = await getClinicOverview();
    expect(overview.counsellors.find((c) => c.id === leaving.id)).toMatchObject({ active: false, totalCouples: 0 });
    const log = await listAuditLog(auditQuery());
    expect(log.rows.filter((r) => r.action === "couple.reassign")).toHaveLength(2);
    expect(log.rows.find((r) => r.action === "counsellor.deactivate")).toMatchObject({ entityId: leaving.id, actorName: "Ada Admin" });

    signInAs(leaving);
    await expectRedirectToLogin(listCaseload(caseloadQuerySchema.parse({})));
    signInAs(staying);
    expect((await listCaseload(caseloadQuerySchema.parse({}))).total).toBe(3);

    signInAs(clinic.admin);
    const again = await refusal(deactivateCounsellor({ counsellorId: leaving.id }));
    expect([again.message, again.fieldErrors]).toEqual(["This counsellor is already deactivated.", {}]);
  });

  it("refuses to deactivate yourself, and does not find another clinic's counsellor", async () => {
    signInAs(hand.admin);
    const self = await refusal(deactivateCounsellor({ counsellorId: hand.admin.id }));
    expect([self.message, self.fieldErrors]).toEqual(["You can't deactivate your own account. Ask another admin of the clinic.", {}]);
    await expectNotFound(deactivateCounsellor({ counsellorId: other.counsellors[0]!.id }));
    await expectNotFound(getCounsellorForDeactivation(other.counsellors[0]!.id));
    await expectNotFound(getCounsellorForDeactivation("not-an-id"));
    signInAs(hand.counsellors.P);
    await expectNotFound(deactivateCounsellor({ counsellorId: hand.counsellors.Q.id }));
  });
});

describe("listAuditLog", () => {
  it("shows the clinic's events, filtered by person, action and day, paged on the server", async () => {
    signInAs(hand.admin);
    await exportByCounsellorCsv(HAND_RANGE);
    const all = await listAuditLog(auditQuery());
    expect(all.total).toBeGreaterThanOrEqual(1);
    expect(all.rows.every((r) => r.action !== "")).toBe(true);
    const mine = await listAuditLog(auditQuery({ actor: hand.admin.id, action: "export.download_by_counsellor" }));
    expect(mine.rows[0]).toMatchObject({ actorId: hand.admin.id, actorName: "Hana Admin", action: "export.download_by_counsellor", entityType: "export" });
    const none = await listAuditLog(auditQuery({ actor: hand.counsellors.P.id }));
    expect(none.total).toBe(0);
    const pastDays = await listAuditLog(auditQuery({ from: "2020-01-01", to: "2020-01-31" }));
    expect(pastDays.total).toBe(0);
    const options = await getAuditFilterOptions();
    expect(options.actions).toContain("export.download_by_counsellor");
    expect(options.actors.map((a) => a.id)).toContain(hand.counsellors.P.id);
    expect(options.actors.map((a) => a.id)).not.toContain(other.admin.id);
    expectNoMarkers([all, options]);
  });

  it("pages 50 at a time", async () => {
    signInAs(hand.admin);
    for (let i = 0; i < 51; i++) await exportByCounsellorCsv(HAND_RANGE);
    const first = await listAuditLog(auditQuery({ action: "export.download_by_counsellor" }));
    const second = await listAuditLog(auditQuery({ action: "export.download_by_counsellor", page: "2" }));
    expect(first.rows).toHaveLength(50);
    expect(first.pageCount).toBe(2);
    expect(second.rows.length).toBe(first.total - 50);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(first.total);
  });

  it("never shows another clinic's events, and refuses a reversed range", async () => {
    signInAs(other.admin);
    const theirs = await listAuditLog(auditQuery());
    expect(theirs.rows.some((r) => r.actorId === hand.admin.id)).toBe(false);
    await expect(listAuditLog(auditQuery({ from: "2026-02-01", to: "2026-01-01" }))).rejects.toThrow(/first day comes after/);
    signInAs(hand.counsellors.P);
    await expectNotFound(listAuditLog(auditQuery()));
  });
});

describe("exports", () => {
  it("exports the by-counsellor table as CSV with suppression, and audits the export", async () => {
    signInAs(hand.admin);
    const before = (await listAuditLog(auditQuery({ action: "export.download_by_counsellor" }))).total;
    const result = await exportByCounsellorCsv(HAND_RANGE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = Papa.parse<string[]>(result.csv.trim()).data;
    expect(parsed[0]).toEqual(["Counsellor", "Couples", "Active couples", "Median check-in adherence", "Median promise keep rate", "Trust rose from baseline", "From", "To"]);
    expect(parsed[1]).toEqual(["Priya Counsellor", "8", "7", "56%", "63%", "60%", "2026-02-02", "2026-03-01"]);
    expect(parsed[2]!.slice(0, 6)).toEqual(["Quentin Counsellor", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5"]);
    expectNoMarkers(result.csv);
    for (const c of other.counsellors) expect(result.csv).not.toContain(c.id);
    expect((await listAuditLog(auditQuery({ action: "export.download_by_counsellor" }))).total).toBe(before + 1);
  });

  it("exports the audit log as CSV, audited, without content", async () => {
    signInAs(hand.admin);
    const result = await exportAuditLogCsv(auditQuery({ action: "export.download_by_counsellor" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = Papa.parse<string[]>(result.csv.trim()).data;
    expect(parsed[0]).toEqual(["When (UTC)", "Person", "Action", "Record type", "Record id", "Couple", "Outcome", "Address"]);
    expect(parsed.slice(1).every((row) => row[2] === "export.download_by_counsellor" && row[1] === "Hana Admin")).toBe(true);
    expectNoMarkers(result.csv);
    const log = await listAuditLog(auditQuery({ action: "export.download_audit_log" }));
    expect(log.rows[0]).toMatchObject({ actorId: hand.admin.id, outcome: "success" });
  });

  it("exports nothing, with a clear message, for an empty range or filter", async () => {
    signInAs(hand.admin);
    const before = (await listAuditLog(auditQuery())).total;
    const empty = await exportByCounsellorCsv({ from: "2020-01-01", to: "2020-01-31" });
    expect(empty).toEqual({ ok: false, message: "There are no couples in this range, so there is nothing to export. Choose a wider range." });
    const noEvents = await exportAuditLogCsv(auditQuery({ from: "2020-01-01", to: "2020-01-31" }));
    expect(noEvents.ok).toBe(false);
    expect((await listAuditLog(auditQuery())).total).toBe(before);
  });

  it("neutralises spreadsheet formulas in names", async () => {
    const clinic = await createClinic({ couplesPerCounsellor: [["steady"]] });
    const { getRawDb } = await import("@/db");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await getRawDb().update(users).set({ name: '=HYPERLINK("http://evil.test","x")' }).where(eq(users.id, clinic.counsellors[0]!.id));
    signInAs(clinic.admin);
    const result = await exportByCounsellorCsv({ from: "2024-01-01", to: "2028-01-01" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = Papa.parse<string[]>(result.csv.trim()).data;
    expect(parsed[1]![0]).toBe(`'=HYPERLINK("http://evil.test","x")`);
  });

  it("is for clinic admins only", async () => {
    signInAs(hand.counsellors.P);
    await expectNotFound(exportByCounsellorCsv(HAND_RANGE));
    await expectNotFound(exportAuditLogCsv(auditQuery()));
  });
});

describe("privacy sweep", () => {
  it("no admin read carries a check-in note, an answer, a promise or a counsellor note", async () => {
    signInAs(hand.admin);
    const results = await Promise.all([
      listClinicCouples(couplesQuery()),
      listActiveCounsellors(),
      getCounsellorForDeactivation(hand.counsellors.P.id),
      getClinicOverview(),
      listAuditLog(auditQuery()),
      getAuditFilterOptions(),
      exportByCounsellorCsv(HAND_RANGE),
      exportAuditLogCsv(auditQuery()),
    ]);
    expectNoMarkers(results);
    // The sweep is only worth something if the markers are really in the clinic's data.
    const { getRawDb } = await import("@/db");
    const { sql } = await import("drizzle-orm");
    const found = await getRawDb().execute(
      sql`select count(*)::int as n from check_ins where note = ${MARKERS.checkInNote} and couple_id = ${hand.couples.c1!.id}`,
    );
    const rows = Array.isArray(found) ? found : (found as { rows: { n: number }[] }).rows;
    expect(Number((rows[0] as { n: number }).n)).toBeGreaterThan(0);
  });

  it("the admin lists and options are not for counsellors or partners", async () => {
    for (const user of [hand.counsellors.P, hand.couples.c1!.partners[1]]) {
      signInAs(user);
      await expectNotFound(listActiveCounsellors());
      await expectNotFound(getAuditFilterOptions());
      await expectNotFound(getCounsellorForDeactivation(hand.counsellors.Q.id));
      await expectNotFound(reassignCouple(reassignment({ coupleId: hand.couples.c1!.id, counsellorId: hand.counsellors.Q.id })));
    }
  });
});
