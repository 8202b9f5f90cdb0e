import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { listCaseload } from "@/lib/dal/caseload";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { getExercise } from "@/lib/dal/exercises";
import { getPartnerToday } from "@/lib/dal/partner-today";
import { getMyProgress } from "@/lib/dal/progress";
import { setClinicTimeZone, setMyTimeZone } from "@/lib/dal/time-zones";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { createClinic, db, expectNotFound, type FixtureClinic, type FixtureCouple, type FixtureUser } from "../support/fixtures";
import { refusal } from "../support/input-error";
import { addAssignment } from "../support/partner-fixtures";
import { signInAs } from "../support/session";

// The server runs in UTC (and the suite must not care what zone the machine is in): every "now"
// below is an instant, and each clinic's day is read on its own calendar.

const checkIn = (trust = "6") => parseInput(checkInFormSchema, { trust, closeness: "5", mood: "okay", contact: "yes", noteVisibility: "shared" });
// Building a clinic of its own can be slow on a busy machine.
const SETUP_TIMEOUT_MS = 180_000;
const caseloadQuery = caseloadQuerySchema.parse({ pageSize: "100" });

/** Moves the clock (Date only: the database keeps its own timers) and signs `user` in afresh at that moment. */
function at(instant: string, user: FixtureUser): Date {
  const now = new Date(instant);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  signInAs(user);
  return now;
}

afterEach(() => {
  vi.useRealTimers();
});

/** Leaves the couple with no history: the test writes the rows it reasons about. */
async function emptyHistory(couple: FixtureCouple): Promise<void> {
  const database = db();
  const ids = couple.partners.map((p) => p.id);
  await database.delete(schema.exerciseResponses).where(eq(schema.exerciseResponses.coupleId, couple.id));
  await database.delete(schema.assignments).where(eq(schema.assignments.coupleId, couple.id));
  await database.delete(schema.checkIns).where(inArray(schema.checkIns.userId, ids));
  await database.delete(schema.promises).where(eq(schema.promises.coupleId, couple.id));
  await database.delete(schema.safetyConcerns).where(eq(schema.safetyConcerns.coupleId, couple.id));
}

async function checkInDates(userId: string): Promise<string[]> {
  const rows = await db().select({ date: schema.checkIns.date }).from(schema.checkIns).where(eq(schema.checkIns.userId, userId));
  return rows.map((r) => r.date).sort();
}

async function addCheckIn(couple: FixtureCouple, userId: string, date: string): Promise<void> {
  await db()
    .insert(schema.checkIns)
    .values({ coupleId: couple.id, userId, date, trust: 6, closeness: 6, mood: "okay", contact: "yes", noteVisibility: "shared" });
}

async function caseloadFlags(clinic: FixtureClinic, couple: FixtureCouple, now: Date) {
  signInAs(clinic.counsellors.find((c) => c.id === couple.counsellorId)!);
  const page = await listCaseload(caseloadQuery, now);
  return page.rows.find((r) => r.id === couple.id)!.flags;
}

describe("Pacific/Auckland (NZDT, UTC+13), server in UTC", () => {
  let clinic: FixtureClinic;
  let couple: FixtureCouple;

  beforeAll(async () => {
    clinic = await createClinic({ couplesPerCounsellor: [["steady"]], days: 30, today: "2026-03-10", timeZone: "Pacific/Auckland" });
    couple = clinic.couples[0]!;
    await emptyHistory(couple);
  }, SETUP_TIMEOUT_MS);

  it("dates a check-in by the partner's day: 11:30 UTC is already tomorrow in Auckland, and a second save that day edits", async () => {
    const [alex] = couple.partners;
    at("2026-03-10T10:30:00Z", alex);
    expect((await getPartnerToday()).today).toBe("2026-03-10");
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    expect(await checkInDates(alex.id)).toEqual(["2026-03-10"]);

    // 00:30 on the 11th in Auckland, still the 10th in UTC: a new day's check-in, not an edit of yesterday's.
    at("2026-03-10T11:30:00Z", alex);
    expect(await saveCheckIn(checkIn("7"))).toEqual({ created: true });
    at("2026-03-10T11:45:00Z", alex);
    expect(await saveCheckIn(checkIn("8"))).toEqual({ created: false });
    expect(await checkInDates(alex.id)).toEqual(["2026-03-10", "2026-03-11"]);

    const today = await getPartnerToday();
    expect(today.today).toBe("2026-03-11");
    expect(today.checkedInToday).toBe(true);
    expect(today.strip.at(-1)).toMatchObject({ date: "2026-03-11", checkedIn: true, trust: 8 });
    // The streak counts the partner's days: two in a row, ending today in Auckland.
    expect((await getMyProgress()).streak).toBe(2);

    // A check-in dated for "today" on the server's calendar is refused: it is not the partner's day.
    expect((await refusal(() => saveCheckIn(parseInput(checkInFormSchema, { ...checkIn(), date: "2026-03-10" })))).field).toBe("date");
  });

  it("makes work overdue at the partner's midnight, on their Today page and on the caseload", async () => {
    const [, sam] = couple.partners;
    await addAssignment(couple, "noticing_log", { dueOn: "2026-03-10", forUserId: sam.id, step: 9 });

    at("2026-03-10T10:59:00Z", sam);
    expect((await getPartnerToday()).due.find((d) => d.dueOn === "2026-03-10")?.overdue).toBe(false);
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-10T10:59:00Z"))).not.toContain("overdue_assignment");

    at("2026-03-10T11:01:00Z", sam);
    expect((await getPartnerToday()).due.find((d) => d.dueOn === "2026-03-10")?.overdue).toBe(true);
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-10T11:01:00Z"))).toContain("overdue_assignment");
  });

  it("raises 'no check-in for 3+ days' when the partner's third day begins, not the server's", async () => {
    const [, sam] = couple.partners;
    await db().delete(schema.checkIns).where(eq(schema.checkIns.userId, sam.id));
    await addCheckIn(couple, sam.id, "2026-03-08");
    // 23:30 on the 10th in Auckland: two days since the 8th.
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-10T10:30:00Z"))).not.toContain("no_recent_check_in");
    // 00:30 on the 11th in Auckland (still the 10th in UTC): three days.
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-10T11:30:00Z"))).toContain("no_recent_check_in");
  });
});

describe("America/Los_Angeles (PST UTC−8, PDT UTC−7 from 8 March 2026), server in UTC", () => {
  let clinic: FixtureClinic;
  let couple: FixtureCouple;

  beforeAll(async () => {
    clinic = await createClinic({ couplesPerCounsellor: [["steady"]], days: 30, today: "2026-03-07", timeZone: "America/Los_Angeles" });
    couple = clinic.couples[0]!;
    await emptyHistory(couple);
  }, SETUP_TIMEOUT_MS);

  it("dates check-ins by the Los Angeles day across the spring-forward night, and the streak follows", async () => {
    const [alex] = couple.partners;
    // 23:30 PST on the 7th (already the 8th in UTC).
    at("2026-03-08T07:30:00Z", alex);
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    // 23:30 PDT on the 8th, a 23-hour day (already the 9th in UTC).
    at("2026-03-09T06:30:00Z", alex);
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    // 00:30 PDT on the 9th: the next day, though UTC is still the 9th as it was an hour ago.
    at("2026-03-09T07:30:00Z", alex);
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    expect(await checkInDates(alex.id)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect((await getMyProgress()).streak).toBe(3);
  });

  it("is overdue only after midnight in Los Angeles, though UTC passed the due date hours before", async () => {
    const [, sam] = couple.partners;
    await addAssignment(couple, "noticing_log", { dueOn: "2026-03-08", forUserId: sam.id, step: 9 });
    at("2026-03-09T06:30:00Z", sam);
    expect((await getPartnerToday()).due.find((d) => d.dueOn === "2026-03-08")?.overdue).toBe(false);
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-09T06:30:00Z"))).not.toContain("overdue_assignment");
    at("2026-03-09T07:30:00Z", sam);
    expect((await getPartnerToday()).due.find((d) => d.dueOn === "2026-03-08")?.overdue).toBe(true);
    expect(await caseloadFlags(clinic, couple, new Date("2026-03-09T07:30:00Z"))).toContain("overdue_assignment");
  });
});

describe("choosing zones", () => {
  let clinic: FixtureClinic;
  let couple: FixtureCouple;

  beforeAll(async () => {
    clinic = await createClinic({ couplesPerCounsellor: [["steady"]], days: 30, today: "2026-03-10", timeZone: "Pacific/Auckland" });
    couple = clinic.couples[0]!;
    await emptyHistory(couple);
  }, SETUP_TIMEOUT_MS);

  it("a partner's own zone decides their day; shared daily work stays on the clinic's day so both answer the same question", async () => {
    const [alex, sam] = couple.partners;
    const shared = await addAssignment(couple, "daily_sharing", { recurrence: "daily", dueOn: "2026-03-01", step: 6 });
    const samsOwn = await addAssignment(couple, "daily_sharing", { recurrence: "daily", dueOn: "2026-03-01", step: 6, forUserId: sam.id });

    signInAs(sam);
    expect(await setMyTimeZone("America/Los_Angeles")).toEqual({ changed: true });
    const [audit] = await db()
      .select({ metadata: schema.auditEvents.metadata })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.actorId, sam.id), eq(schema.auditEvents.action, "user.set_time_zone")));
    expect(audit?.metadata).toEqual({ timeZone: "America/Los_Angeles" });

    // 00:30 on the 11th in Auckland is 04:30 on the 10th in Los Angeles.
    at("2026-03-10T11:30:00Z", sam);
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    expect(await checkInDates(sam.id)).toEqual(["2026-03-10"]);
    const samShared = await getExercise(shared);
    expect(samShared.occurrenceOn).toBe("2026-03-11");
    expect((await getExercise(samsOwn)).occurrenceOn).toBe("2026-03-10");

    at("2026-03-10T11:30:00Z", alex);
    expect(await saveCheckIn(checkIn())).toEqual({ created: true });
    expect(await checkInDates(alex.id)).toEqual(["2026-03-11"]);
    const alexShared = await getExercise(shared);
    expect(alexShared.occurrenceOn).toBe("2026-03-11");
    expect(alexShared.question).toBe(samShared.question);

    // Back to the clinic's zone.
    signInAs(sam);
    expect(await setMyTimeZone(null)).toEqual({ changed: true });
    at("2026-03-10T11:40:00Z", sam);
    expect((await getPartnerToday()).today).toBe("2026-03-11");
  });

  it("the clinic admin sets the clinic's zone, checked on the server and audited; no one else can", async () => {
    signInAs(clinic.admin);
    expect((await refusal(setClinicTimeZone("Mars/Olympus_Mons"))).field).toBe("timeZone");
    expect((await refusal(setClinicTimeZone("+13:00"))).field).toBe("timeZone");
    expect(await setClinicTimeZone("Europe/London")).toEqual({ changed: true });
    expect(await setClinicTimeZone("Europe/London")).toEqual({ changed: false });
    const [row] = await db().select({ timeZone: schema.clinics.timeZone }).from(schema.clinics).where(eq(schema.clinics.id, clinic.clinicId));
    expect(row?.timeZone).toBe("Europe/London");
    const events = await db()
      .select({ metadata: schema.auditEvents.metadata, entityId: schema.auditEvents.entityId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.clinicId, clinic.clinicId), eq(schema.auditEvents.action, "clinic.set_time_zone")));
    expect(events).toEqual([{ metadata: { timeZone: "Europe/London" }, entityId: clinic.clinicId }]);

    // 23:30 UTC on 10 March is still the 10th in London (the 11th in Auckland): the partners' day follows the new zone.
    at("2026-03-10T23:30:00Z", couple.partners[0]);
    expect((await getPartnerToday()).today).toBe("2026-03-10");

    for (const someone of [couple.partners[0], clinic.counsellors[0]!]) {
      signInAs(someone);
      await expectNotFound(setClinicTimeZone("Europe/London"));
    }
    signInAs(couple.partners[1]);
    expect((await refusal(setMyTimeZone("Nowhere/Else"))).field).toBe("timeZone");
  });
});
