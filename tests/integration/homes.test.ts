import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listCaseload } from "@/lib/dal/caseload";
import { getClinicOverview } from "@/lib/dal/clinic-staff";
import { getCouple } from "@/lib/dal/couples";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { createClinic, expectNotFound, expectRedirectToLogin, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
let otherClinic: FixtureClinic;
const query = (input: Record<string, unknown> = {}) => caseloadQuerySchema.parse(input);

beforeAll(async () => {
  clinic = await createClinic({
    couplesPerCounsellor: [["improving", "stalled", "declining", "just_started", "steady", "paused", "improving"], ["steady", "stalled"]],
  });
  otherClinic = await createClinic({ couplesPerCounsellor: [["improving"]] });
});

describe("listCaseload", () => {
  it("lists exactly the counsellor's own couples, paged on the server", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const own = clinic.couples.filter((c) => c.counsellorId === counsellor.id);
    const first = await listCaseload(query({ pageSize: "10" }));
    expect(first.total).toBe(own.length);
    expect(new Set(first.rows.map((r) => r.id))).toEqual(new Set(own.map((c) => c.id)));

    const names = own.map((c) => c.name).sort((a, b) => a.localeCompare(b));
    const page = await listCaseload({ ...query(), pageSize: 10, page: 1, sort: "name", dir: "asc" });
    expect(page.rows.map((r) => r.name)).toEqual([...page.rows.map((r) => r.name)].sort());
    expect(page.rows[0]!.name.localeCompare(names.at(-1)!)).toBeLessThanOrEqual(0);
  });

  it("pages: the second page continues where the first stopped", async () => {
    signInAs(clinic.counsellors[0]!);
    const all = await listCaseload({ ...query(), pageSize: 100 });
    const p1 = await listCaseload({ ...query(), pageSize: 10, page: 1 });
    expect(p1.pageCount).toBe(Math.ceil(all.total / 10));
    expect(p1.rows.map((r) => r.id)).toEqual(all.rows.slice(0, 10).map((r) => r.id));
  });

  it("searches by couple name and filters by status", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const target = clinic.couples.find((c) => c.counsellorId === counsellor.id)!;
    const found = await listCaseload(query({ q: target.name.split(" ")[0] }));
    expect(found.rows.map((r) => r.id)).toContain(target.id);
    const paused = await listCaseload(query({ status: "paused" }));
    expect(paused.rows.length).toBe(1);
    expect(paused.rows.every((r) => r.status === "paused")).toBe(true);
    const none = await listCaseload(query({ q: `%_${randomUUID()}` }));
    expect(none.total).toBe(0);
  });

  it("shows the last check-in date", async () => {
    signInAs(clinic.counsellors[0]!);
    const rows = (await listCaseload({ ...query(), pageSize: 100 })).rows;
    for (const row of rows) {
      const expected = clinic.rows.checkIns.filter((c) => c.coupleId === row.id).map((c) => c.date).sort().at(-1) ?? null;
      expect(row.lastCheckIn).toBe(expected);
    }
  });

  it("is not for partners or admins, and not for the signed out", async () => {
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(listCaseload(query()));
    signInAs(clinic.admin);
    await expectNotFound(listCaseload(query()));
    signInAs(null);
    await expectRedirectToLogin(listCaseload(query()));
  });
});

describe("getCouple", () => {
  it("shows a couple to its counsellor and to its partners", async () => {
    const couple = clinic.couples[0]!;
    signInAs(clinic.counsellors.find((c) => c.id === couple.counsellorId)!);
    const seen = await getCouple(couple.id);
    expect(seen.partners.map((p) => p.id)).toEqual(couple.partners.map((p) => p.id));
    signInAs(couple.partners[1]);
    const asPartner = await getCouple(couple.id);
    expect(asPartner.partners.find((p) => p.isViewer)?.id).toBe(couple.partners[1].id);
  });

  it("is not found for another counsellor, another couple's partner, the admin, another clinic and forged ids", async () => {
    const couple = clinic.couples[0]!;
    signInAs(clinic.counsellors.find((c) => c.id !== couple.counsellorId)!);
    await expectNotFound(getCouple(couple.id));
    signInAs(clinic.couples[1]!.partners[0]);
    await expectNotFound(getCouple(couple.id));
    signInAs(clinic.admin);
    await expectNotFound(getCouple(couple.id));
    signInAs(otherClinic.counsellors[0]!);
    await expectNotFound(getCouple(couple.id));
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(getCouple("not-a-uuid"));
    await expectNotFound(getCouple(randomUUID()));
    await expectNotFound(getCouple("' or 1=1 --"));
  });
});

describe("getPartnerToday", () => {
  it("shows the partner their couple, whether they checked in today, and what is due", async () => {
    const couple = clinic.couples[0]!;
    const partner = couple.partners[0];
    signInAs(partner);
    const today = await getPartnerToday();
    expect(today.couple?.id).toBe(couple.id);
    const checkedIn = clinic.rows.checkIns.some((c) => c.userId === partner.id && c.date === today.today);
    expect(today.checkedInToday).toBe(checkedIn);
    const dueIds = today.due.map((d) => d.id);
    const active = clinic.rows.assignments.filter((a) => a.coupleId === couple.id && a.status === "active");
    for (const a of active) expect(dueIds).toContain(a.id);
    const otherCouples = new Set(clinic.rows.assignments.filter((a) => a.coupleId !== couple.id).map((a) => a.id));
    expect(dueIds.some((id) => otherCouples.has(id))).toBe(false);
  });

  it("is for partners only", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(getPartnerToday());
  });
});

describe("getClinicOverview", () => {
  it("counts each counsellor's couples in the admin's own clinic only", async () => {
    signInAs(clinic.admin);
    const overview = await getClinicOverview();
    expect(overview.counsellors.map((c) => c.id).sort()).toEqual(clinic.counsellors.map((c) => c.id).sort());
    for (const counsellor of overview.counsellors) {
      const theirs = clinic.rows.couples.filter((c) => c.counsellorId === counsellor.id);
      expect(counsellor.totalCouples).toBe(theirs.length);
      expect(counsellor.activeCouples).toBe(theirs.filter((c) => c.status === "active").length);
    }
    expect(overview.totalCouples).toBe(clinic.couples.length);
    expect(overview.counsellors.some((c) => c.id === otherClinic.counsellors[0]!.id)).toBe(false);
  });

  it("is for clinic admins only", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(getClinicOverview());
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(getClinicOverview());
  });
});
