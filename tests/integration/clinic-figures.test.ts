import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { parseInput } from "@/lib/actions/action";
import { saveCheckIn } from "@/lib/dal/check-ins";
import { CLINIC_FIGURES_MAX_AGE_MS, getClinicAggregates, getLiveClinicAggregates, type ClinicAggregates } from "@/lib/dal/clinic-aggregates";
import { refreshClinicFigures } from "@/lib/jobs/clinic-figures";
import { addIsoDays } from "@/lib/metrics/dates";
import { todayIn } from "@/lib/time/zone";
import { checkInFormSchema } from "@/lib/validations/check-in";
import { parseDateRange, type DateRange } from "@/lib/validations/clinic";
import { createClinic, db, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

/*
 * The overview reads figures stored per clinic and range while they are young enough, and a
 * scheduled job refreshes each clinic's default range. These checks are about the storing; the
 * computation itself is checked in clinic-aggregates and clinic-rollups.
 */

let clinic: FixtureClinic;
let farEast: FixtureClinic;
const today = todayIn("UTC");
const range: DateRange = { from: addIsoDays(today, -13), to: today };
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const withoutTime = (result: ClinicAggregates) => ({ ...result, computedAt: "" });
const totalCheckIns = (result: ClinicAggregates) => result.weeklyCheckIns.reduce((sum, w) => sum + (w.checkIns ?? 0), 0);
const stored = (clinicId: string, r: DateRange) =>
  db()
    .select({ computedAt: schema.clinicFigures.computedAt, figures: schema.clinicFigures.figures })
    .from(schema.clinicFigures)
    .where(and(eq(schema.clinicFigures.clinicId, clinicId), eq(schema.clinicFigures.rangeFrom, r.from), eq(schema.clinicFigures.rangeTo, r.to)));

beforeAll(async () => {
  [clinic, farEast] = await Promise.all([
    createClinic({ days: 40, couplesPerCounsellor: [["steady", "improving", "steady", "improving", "steady", "steady"]] }),
    createClinic({ days: 20, timeZone: "Pacific/Kiritimati", couplesPerCounsellor: [["steady"]] }),
  ]);
});

/** A fresh check-in today by the first couple's first partner (today's own, if any, removed first). */
async function checkInToday() {
  const alex = clinic.couples[0]!.partners[0];
  await db().delete(schema.checkIns).where(and(eq(schema.checkIns.userId, alex.id), eq(schema.checkIns.date, today)));
  signInAs(alex);
  const input = { closeness: "6", mood: "okay", contact: "yes", noteVisibility: "shared", date: today, trust: "7" };
  expect(await saveCheckIn(parseInput(checkInFormSchema, input))).toEqual({ created: true });
  signInAs(clinic.admin);
}

describe("stored clinic figures", () => {
  it("are read again within the age limit, even after a new check-in, and recomputed past it", async () => {
    const alex = clinic.couples[0]!.partners[0];
    await db().delete(schema.checkIns).where(and(eq(schema.checkIns.userId, alex.id), eq(schema.checkIns.date, today)));
    signInAs(clinic.admin);
    const start = new Date();
    const first = await getClinicAggregates(range, start);
    expect(first.computedAt).toBe(start.toISOString());
    expect(withoutTime(first)).toEqual(withoutTime(await getLiveClinicAggregates(range)));
    expect(first.weeklyCheckIns.at(-1)?.checkIns).not.toBeNull();

    await checkInToday();
    const again = await getClinicAggregates(range, minutes(start, 9));
    expect(again.computedAt).toBe(first.computedAt);
    expect(totalCheckIns(again)).toBe(totalCheckIns(first));

    const later = minutes(start, CLINIC_FIGURES_MAX_AGE_MS / 60_000 + 1);
    const recomputed = await getClinicAggregates(range, later);
    expect(recomputed.computedAt).toBe(later.toISOString());
    expect(totalCheckIns(recomputed)).toBe(totalCheckIns(first) + 1);
    expect(withoutTime(recomputed)).toEqual(withoutTime(await getLiveClinicAggregates(range)));
    const [row] = await stored(clinic.clinicId, range);
    expect(row?.computedAt.toISOString()).toBe(later.toISOString());
  });

  it("are recomputed when computed_at is set back in the database", async () => {
    signInAs(clinic.admin);
    const r = { from: addIsoDays(today, -20), to: today };
    const first = await getClinicAggregates(r);
    await checkInToday();
    await db()
      .update(schema.clinicFigures)
      .set({ computedAt: sql`now() - interval '11 minutes'` })
      .where(and(eq(schema.clinicFigures.clinicId, clinic.clinicId), eq(schema.clinicFigures.rangeFrom, r.from)));
    const next = await getClinicAggregates(r);
    expect(next.computedAt).not.toBe(first.computedAt);
    expect(withoutTime(next)).toEqual(withoutTime(await getLiveClinicAggregates(r)));
  });

  it("hold no names and nothing a partner wrote", async () => {
    signInAs(clinic.admin);
    await getClinicAggregates(range);
    const [row] = await stored(clinic.clinicId, range);
    const text = JSON.stringify(row?.figures);
    for (const c of clinic.counsellors) {
      expect(text).toContain(c.id);
      expect(text).not.toContain(c.name);
    }
    for (const couple of clinic.couples) {
      expect(text).not.toContain(couple.id);
      expect(text).not.toContain(couple.name);
    }
  });

  it("are recomputed, not a failure, when the stored row does not parse", async () => {
    signInAs(clinic.admin);
    const r = { from: addIsoDays(today, -6), to: today };
    await getClinicAggregates(r);
    for (const corrupt of [{ version: 1, hasCouples: "yes" }, { version: 99 }, "not figures", null]) {
      await db()
        .update(schema.clinicFigures)
        .set({ figures: sql`${JSON.stringify(corrupt)}::jsonb`, computedAt: new Date() })
        .where(and(eq(schema.clinicFigures.clinicId, clinic.clinicId), eq(schema.clinicFigures.rangeFrom, r.from)));
      const result = await getClinicAggregates(r);
      expect(withoutTime(result)).toEqual(withoutTime(await getLiveClinicAggregates(r)));
      const [row] = await stored(clinic.clinicId, r);
      expect(row?.figures).toMatchObject({ version: 1, hasCouples: true });
    }
  });

  it("are one clinic's own: another clinic's admin gets their own for the same range", async () => {
    signInAs(clinic.admin);
    const ours = await getClinicAggregates(range);
    signInAs(farEast.admin);
    const theirs = await getClinicAggregates(range);
    expect(theirs.byCounsellor.map((c) => c.counsellorId)).toEqual(farEast.counsellors.map((c) => c.id));
    expect(JSON.stringify(theirs)).not.toContain(ours.byCounsellor[0]!.counsellorId);
  });

  it("are for clinic admins only, as before", async () => {
    signInAs(clinic.counsellors[0]!);
    await expectNotFound(getClinicAggregates(range));
    await expectNotFound(getLiveClinicAggregates(range));
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(getClinicAggregates(range));
  });
});

describe("the scheduled refresh", () => {
  it("stores every clinic's default range, on the clinic's own calendar", async () => {
    const now = new Date();
    const outcome = await refreshClinicFigures(now);
    for (const c of [clinic, farEast]) {
      expect(outcome.computed).toContain(c.clinicId);
      const zone = c === farEast ? "Pacific/Kiritimati" : "UTC";
      const parsed = parseDateRange({}, todayIn(zone, now));
      if (!parsed.ok) throw new Error("default range");
      const [row] = await stored(c.clinicId, parsed.range);
      expect(row?.computedAt.toISOString()).toBe(now.toISOString());
      // The overview's default view then reads them instead of computing.
      signInAs(c.admin);
      expect((await getClinicAggregates(parsed.range, minutes(now, 5))).computedAt).toBe(now.toISOString());
    }
  });

  it("computes each clinic once when two runs meet (one per process), and leaves figures just computed", async () => {
    const later = minutes(new Date(), 30);
    const [a, b] = await Promise.all([refreshClinicFigures(later), refreshClinicFigures(later)]);
    for (const c of [clinic, farEast]) {
      expect([a.computed.includes(c.clinicId), b.computed.includes(c.clinicId)].filter(Boolean)).toHaveLength(1);
      expect([a.skipped.includes(c.clinicId), b.skipped.includes(c.clinicId)].filter(Boolean)).toHaveLength(1);
    }
    const third = await refreshClinicFigures(minutes(later, 0.5));
    expect(third.skipped).toContain(clinic.clinicId);
  });

  // PGlite runs one transaction at a time, so only a server has a second process to hold the lock.
  it.skipIf(!process.env.TEST_DATABASE_URL)("skips a clinic whose figures another process is computing (PostgreSQL)", async () => {
    await db().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('clinic-figures'), hashtext(${clinic.clinicId}))`);
      const outcome = await refreshClinicFigures(minutes(new Date(), 60));
      expect(outcome.skipped).toContain(clinic.clinicId);
      expect(outcome.computed).toContain(farEast.clinicId);
    });
  });
});
