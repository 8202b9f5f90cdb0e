import { format, parseISO, subDays } from "date-fns";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { getRawDb } from "@/db";
import { coupleMembers } from "@/db/schema";
import { getCaseloadRow, listCaseload } from "@/lib/dal/caseload";
import { getClinicAggregates } from "@/lib/dal/clinic-aggregates";
import { getClinicOverview } from "@/lib/dal/clinic-staff";
import { getCoupleCharts } from "@/lib/dal/couple-charts";
import { getCouple, getCoupleActivity } from "@/lib/dal/couples";
import { listMyExercises } from "@/lib/dal/exercises";
import { listNotes } from "@/lib/dal/notes";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { getMyProgress } from "@/lib/dal/progress";
import { listPromises } from "@/lib/dal/promises";
import { todayIn } from "@/lib/time/zone";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { actAs, benchClinic, measure, report } from "./support";

it("counsellor pages on a 200-couple caseload with a year of data", async () => {
  const clinic = await benchClinic(200, 200);
  actAs({ id: clinic.counsellorIds[0]!, role: "counsellor", clinicId: clinic.clinicId });
  const coupleId = clinic.coupleIds[17]!;
  const q = (params: Record<string, string>) => caseloadQuerySchema.parse(params);
  const timings = [
    await measure("caseload: listCaseload, first page of 20", () => listCaseload(q({}))),
    await measure("caseload: listCaseload, needs attention", () => listCaseload(q({ flag: "attention" }))),
    await measure("caseload: listCaseload, page 5 by last check-in", () => listCaseload(q({ page: "5", sort: "lastCheckIn", dir: "desc" }))),
    await measure("caseload: listCaseload, 100 a page, search", () => listCaseload(q({ pageSize: "100", q: "a" }))),
    await measure("couple page: getCaseloadRow", () => getCaseloadRow(coupleId)),
    await measure("couple page: getCoupleCharts 4 weeks", () => getCoupleCharts(coupleId, "4w")),
    await measure("couple page: getCoupleCharts 12 weeks", () => getCoupleCharts(coupleId, "12w")),
    await measure("couple page: getCoupleCharts all (365 days)", () => getCoupleCharts(coupleId, "all")),
    await measure("couple page: getCoupleActivity", () => getCoupleActivity(coupleId)),
    await measure("couple page: listNotes", () => listNotes(coupleId)),
    await measure("couple page: all of the above at once", () =>
      Promise.all([getCouple(coupleId), getCaseloadRow(coupleId), getCoupleCharts(coupleId, "12w"), getCoupleActivity(coupleId), listNotes(coupleId)]),
    ),
  ];
  report("Counsellor pages (200 couples, 365 days)", timings);
  expect((await listCaseload(q({}))).total).toBe(200);
});

it("partner pages with a year of history", async () => {
  const clinic = await benchClinic(200, 200);
  const [member] = await getRawDb().select({ userId: coupleMembers.userId }).from(coupleMembers).where(eq(coupleMembers.coupleId, clinic.coupleIds[3]!)).limit(1);
  actAs({ id: member!.userId, role: "partner", clinicId: clinic.clinicId });
  const timings = [
    await measure("today: getPartnerToday", () => getPartnerToday()),
    await measure("exercises: listMyExercises", () => listMyExercises()),
    await measure("promises: listPromises", () => listPromises()),
    await measure("progress: getMyProgress", () => getMyProgress()),
  ];
  report("Partner pages (365 days of history)", timings);
});

it("clinic home on clinics of 200 and 2,000 couples", async () => {
  const timings = [];
  for (const size of [200, 2000]) {
    const clinic = await benchClinic(size, 100);
    actAs({ id: clinic.adminId, role: "clinic_admin", clinicId: clinic.clinicId });
    timings.push(await measure(`clinic: getClinicOverview (${size} couples)`, () => getClinicOverview(), 20));
    for (const days of [84, 365]) {
      const to = todayIn("UTC");
      const from = format(subDays(parseISO(to), days - 1), "yyyy-MM-dd");
      timings.push(await measure(`clinic: getClinicAggregates, ${days}-day range (${size} couples)`, () => getClinicAggregates({ from, to }), 10));
    }
  }
  report("Clinic admin (365 days)", timings);
});
