import { expect, it } from "vitest";
import { listCaseload } from "@/lib/dal/caseload";
import { getClinicOverview } from "@/lib/dal/clinic";
import { getCouple } from "@/lib/dal/couples";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { actAs, benchClinic, measure, report } from "./support";

it("caseload and couple page on a 200-couple caseload with a year of data", async () => {
  const clinic = await benchClinic(200, 200);
  const counsellor = { id: clinic.counsellorIds[0]!, role: "counsellor", clinicId: clinic.clinicId };
  actAs(counsellor);
  const coupleId = clinic.coupleIds[17]!;
  const timings = [
    await measure("listCaseload: first page of 20, by name", () => listCaseload(caseloadQuerySchema.parse({}))),
    await measure("listCaseload: page 5 of 20, by last check-in", () => listCaseload(caseloadQuerySchema.parse({ page: "5", sort: "lastCheckIn", dir: "desc" }))),
    await measure("listCaseload: 100 a page, search", () => listCaseload(caseloadQuerySchema.parse({ pageSize: "100", q: "a" }))),
    await measure("getCouple", () => getCouple(coupleId)),
  ];
  report("Counsellor pages (200 couples, 365 days)", timings);
  expect((await listCaseload(caseloadQuerySchema.parse({}))).total).toBe(200);
});

it("clinic overview on clinics of 200 and 2,000 couples", async () => {
  const timings = [];
  for (const size of [200, 2000]) {
    const clinic = await benchClinic(size, 100);
    actAs({ id: clinic.adminId, role: "clinic_admin", clinicId: clinic.clinicId });
    timings.push(await measure(`getClinicOverview (${size} couples)`, () => getClinicOverview(), 20));
  }
  report("Clinic admin (365 days)", timings);
});
