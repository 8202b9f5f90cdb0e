import { beforeAll, describe, expect, it } from "vitest";
import { getClinicAggregates, RATE_EDGES } from "@/lib/dal/clinic-aggregates";
import { checkInAdherence, keepRate } from "@/lib/metrics";
import { distribution, median, roseFromBaseline, suppress } from "@/lib/metrics/clinic";
import { addIsoDays, toIsoDate } from "@/lib/metrics/dates";
import { createHandClinic, HAND_RANGE, MARKERS, type HandClinic } from "../support/clinic-fixture";
import { contactSpans } from "../support/contact-spans";
import { createClinic, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let hand: HandClinic;
let other: FixtureClinic;

beforeAll(async () => {
  hand = await createHandClinic();
  other = await createClinic({ couplesPerCounsellor: [["improving", "steady", "stalled", "declining", "improving", "steady"]] });
});

describe("getClinicAggregates on the hand-computed clinic (2 Feb – 1 Mar 2026)", () => {
  it("matches every clinic-wide figure worked out by hand", async () => {
    signInAs(hand.admin);
    const result = await getClinicAggregates(HAND_RANGE);
    expect(result.hasCouples).toBe(true);
    // Rosa is deactivated; c13 started after the range.
    expect(result.counsellors).toBe(2);
    expect(result.clinic.couples).toBe(12);
    expect(result.clinic.activeCouples).toBe(10);
    // Adherence per couple: 1, .75, .5, .125, .75, .625, 0, .5, .875, .75, 1, .75 → median .75
    expect(result.clinic.medianAdherence).toBeCloseTo(0.75, 10);
    // Keep rate per couple with a resolved promise: 1, .75, .5, .5, 0, 1, 1, .25, .5 → median .5
    expect(result.clinic.medianKeepRate).toBeCloseTo(0.5, 10);
    // Rose: c1 c3 c5 c9 c12 of the nine couples with both windows
    expect(result.clinic.roseShare).toBeCloseTo(5 / 9, 10);
  });

  it("shows the by-counsellor table, with a caseload of four suppressed throughout", async () => {
    signInAs(hand.admin);
    const result = await getClinicAggregates(HAND_RANGE);
    expect(result.byCounsellor.map((r) => r.name)).toEqual(["Priya Counsellor", "Quentin Counsellor"]);
    const [priya, quentin] = result.byCounsellor;
    expect(priya).toMatchObject({ counsellorId: hand.counsellors.P.id, couples: 8, activeCouples: 7 });
    expect(priya!.medianAdherence).toBeCloseTo(0.5625, 10);
    expect(priya!.medianKeepRate).toBeCloseTo(0.625, 10);
    expect(priya!.roseShare).toBeCloseTo(0.6, 10);
    expect(quentin).toMatchObject({
      counsellorId: hand.counsellors.Q.id,
      couples: null,
      activeCouples: null,
      medianAdherence: null,
      medianKeepRate: null,
      roseShare: null,
    });
  });

  it("counts couples reaching each step and the median weeks per step, suppressing small groups", async () => {
    signInAs(hand.admin);
    const result = await getClinicAggregates(HAND_RANGE);
    expect(result.funnel.map((s) => s.couples)).toEqual([12, 10, 8, 6, null, null, null, null, null, null]);
    // Step 2 completed in the range by five couples: 2, 5, 3, 11/7 and 59/7 weeks → median 3.
    expect(result.weeksPerStep[1]!.medianWeeks).toBeCloseTo(3, 10);
    expect(result.weeksPerStep.filter((s) => s.step !== 2).every((s) => s.medianWeeks === null)).toBe(true);
  });

  it("counts check-ins per week and bands couples into distributions", async () => {
    signInAs(hand.admin);
    const result = await getClinicAggregates(HAND_RANGE);
    expect(result.weeklyCheckIns).toEqual([
      { weekStart: "2026-02-02", checkIns: 129 },
      { weekStart: "2026-02-09", checkIns: 113 },
      { weekStart: "2026-02-16", checkIns: 90 },
      { weekStart: "2026-02-23", checkIns: 49 },
    ]);
    // Adherence bands 2, 0, 2, 5, 3 and keep-rate bands 1, 1, 3, 1, 3: only a band of 5 is shown.
    expect(result.adherenceDistribution.map((b) => b.count)).toEqual([null, null, null, 5, null]);
    expect(result.adherenceDistribution.map((b) => b.label)).toEqual(["0%–20%", "20%–40%", "40%–60%", "60%–80%", "80%–100%"]);
    expect(result.keepRateDistribution.map((b) => b.count)).toEqual([null, null, null, null, null]);
  });

  it("narrows to the couples of a shorter range", async () => {
    signInAs(hand.admin);
    // Before c8 started: eleven couples.
    const early = await getClinicAggregates({ from: "2026-02-02", to: "2026-02-15" });
    expect(early.clinic.couples).toBe(11);
    expect(early.weeklyCheckIns.map((w) => w.checkIns)).toEqual([129, 113]);
    // Nobody had started yet: nothing to show.
    const before = await getClinicAggregates({ from: "2025-01-01", to: "2025-01-31" });
    expect(before.hasCouples).toBe(false);
    expect(before.clinic.couples).toBeNull();
    expect(before.byCounsellor.every((r) => r.couples === null)).toBe(true);
  });

  it("never carries clinical content", async () => {
    signInAs(hand.admin);
    const text = JSON.stringify(await getClinicAggregates(HAND_RANGE));
    for (const marker of Object.values(MARKERS)) expect(text).not.toContain(marker);
  });

  it("keeps another clinic's couples and counsellors out", async () => {
    signInAs(hand.admin);
    const text = JSON.stringify(await getClinicAggregates({ from: "2025-01-01", to: "2026-12-31" }));
    for (const c of other.counsellors) expect(text).not.toContain(c.id);
    expect(text).not.toContain(other.clinicId);
    signInAs(other.admin);
    const theirs = await getClinicAggregates(HAND_RANGE);
    expect(theirs.byCounsellor.map((r) => r.counsellorId)).toEqual(other.counsellors.map((c) => c.id));
    expect(JSON.stringify(theirs)).not.toContain(hand.counsellors.P.id);
  });

  it("refuses a reversed or over-long range before querying", async () => {
    signInAs(hand.admin);
    await expect(getClinicAggregates({ from: "2026-03-01", to: "2026-02-01" })).rejects.toThrow(/first day comes after/);
    await expect(getClinicAggregates({ from: "2006-01-01", to: "2026-01-01" })).rejects.toThrow(/longer than five years/);
  });

  it("is for clinic admins only", async () => {
    signInAs(hand.counsellors.P);
    await expectNotFound(getClinicAggregates(HAND_RANGE));
    signInAs(hand.couples.c1!.partners[0]);
    await expectNotFound(getClinicAggregates(HAND_RANGE));
  });
});

describe("SQL and lib/metrics agree on generated data", () => {
  it("gives the same medians, share and distributions as the pure definitions", async () => {
    const today = "2026-06-30";
    const clinic = await createClinic({
      today,
      days: 120,
      couplesPerCounsellor: [["improving", "stalled", "declining", "steady", "paused", "improving", "steady", "stalled"]],
    });
    const range = { from: addIsoDays(today, -69), to: today };
    signInAs(clinic.admin);
    const result = await getClinicAggregates(range);

    const cohort = clinic.rows.couples.filter((c) => c.startedOn <= range.to && c.status !== "invited");
    const adherence: number[] = [];
    const keep: number[] = [];
    const rose: boolean[] = [];
    for (const couple of cohort) {
      const members = clinic.rows.coupleMembers.filter((m) => m.coupleId === couple.id);
      const perPartner = members
        .map((m) =>
          checkInAdherence({
            checkInDates: clinic.rows.checkIns.filter((c) => c.userId === m.userId && c.coupleId === couple.id).map((c) => c.date),
            window: { start: range.from, end: range.to },
            agreements: contactSpans(clinic.rows.agreements, couple.id!),
            startedOn: couple.startedOn,
          }),
        )
        .filter((v): v is number => v !== null);
      if (perPartner.length) adherence.push(perPartner.reduce((s, v) => s + v, 0) / perPartner.length);

      const resolved = clinic.rows.promises.filter((p) => {
        if (p.coupleId !== couple.id || !p.resolvedAt) return false;
        const day = toIsoDate(p.resolvedAt as Date);
        return day >= range.from && day <= range.to;
      });
      const rate = keepRate(resolved.map((p) => ({ status: p.status ?? "open", resolvedOn: toIsoDate(p.resolvedAt as Date) })));
      if (rate !== null) keep.push(rate);

      const r = roseFromBaseline({
        points: clinic.rows.checkIns.filter((c) => c.coupleId === couple.id).map((c) => ({ date: c.date, value: c.trust })),
        startedOn: couple.startedOn,
        today: range.to,
      });
      if (r !== null) rose.push(r);
    }
    expect(cohort.length).toBeGreaterThanOrEqual(5);
    expect(adherence.length).toBeGreaterThanOrEqual(5);
    expect(result.clinic.medianAdherence).not.toBeNull();
    expect(result.clinic.couples).toBe(cohort.length);
    const expectClose = (actual: number | null, expected: number | null) => {
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 9);
    };
    expectClose(result.clinic.medianAdherence, suppress(adherence.length, median(adherence)));
    expectClose(result.clinic.medianKeepRate, suppress(keep.length, median(keep)));
    expectClose(result.clinic.roseShare, suppress(rose.length, rose.length ? rose.filter(Boolean).length / rose.length : null));
    expect(result.adherenceDistribution.map((b) => b.count)).toEqual(
      distribution(adherence, RATE_EDGES).map((b) => suppress(b.count, b.count)),
    );
    expect(result.keepRateDistribution.map((b) => b.count)).toEqual(distribution(keep, RATE_EDGES).map((b) => suppress(b.count, b.count)));
  });
});
