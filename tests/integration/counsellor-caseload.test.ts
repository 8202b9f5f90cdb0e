import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { listCaseload } from "@/lib/dal/caseload";
import {
  addIsoDays,
  checkInAdherence,
  computeFlags,
  keepRate,
  meanOverWindow,
  toIsoDate,
  trustChange,
  windowEnding,
} from "@/lib/metrics";
import { todayIn } from "@/lib/time/zone";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { contactSpans } from "../support/contact-spans";
import { createClinic, db, expectNotFound, type FixtureClinic } from "../support/fixtures";
import { signInAs } from "../support/session";

let clinic: FixtureClinic;
const today = todayIn("UTC");
const query = (input: Record<string, unknown> = {}) => caseloadQuerySchema.parse({ pageSize: "100", ...input });

beforeAll(async () => {
  clinic = await createClinic({
    couplesPerCounsellor: [["improving", "stalled", "declining", "just_started", "steady", "paused"], ["steady"]],
    days: 60,
  });
});

/** The caseload figures of one couple, from the fixture rows through lib/metrics. */
function expectedFigures(coupleId: string) {
  const rows = clinic.rows;
  const couple = rows.couples.find((c) => c.id === coupleId)!;
  const members = rows.coupleMembers.filter((m) => m.coupleId === coupleId).sort((a, b) => a.slot.localeCompare(b.slot));
  const partners = members.map((m) => {
    const checkIns = rows.checkIns.filter((c) => c.userId === m.userId);
    const points = checkIns.map((c) => ({ date: c.date, value: c.trust }));
    const resolvedIn30 = rows.promises
      .filter((p) => p.madeBy === m.userId && p.resolvedAt)
      .map((p) => ({ status: p.status!, resolvedOn: toIsoDate(p.resolvedAt as Date) }))
      .filter((p) => p.resolvedOn >= addIsoDays(today, -29) && p.resolvedOn <= today);
    return {
      slot: m.slot,
      lastCheckIn: checkIns.map((c) => c.date).sort().at(-1) ?? null,
      adherence: checkInAdherence({
        checkInDates: checkIns.map((c) => c.date),
        window: windowEnding(today, 14),
        agreements: contactSpans(rows.agreements, coupleId),
        startedOn: couple.startedOn,
      }),
      keepRate: keepRate(resolvedIn30),
      trust: meanOverWindow(points, windowEnding(today, 7)),
      trustChange: trustChange(points, today).change,
      // The facts that name this partner on a couple-wide flag.
      brokenPromise: rows.promises.some(
        (p) => p.madeBy === m.userId && p.status === "broken" && p.resolvedAt && toIsoDate(p.resolvedAt as Date) > addIsoDays(today, -7),
      ),
      overdue: rows.assignments.some(
        (a) =>
          a.coupleId === coupleId &&
          a.status === "active" &&
          a.recurrence === "once" &&
          a.dueOn < today &&
          (!a.forUserId || a.forUserId === m.userId) &&
          !rows.exerciseResponses.some((r) => r.assignmentId === a.id && r.userId === m.userId && r.status === "submitted"),
      ),
    };
  });
  const broken = rows.promises
    .filter((p) => p.coupleId === coupleId && p.status === "broken" && p.resolvedAt)
    .map((p) => toIsoDate(p.resolvedAt as Date))
    .sort();
  const overdue = rows.assignments.filter((a) => {
    if (a.coupleId !== coupleId || a.status !== "active" || a.recurrence !== "once" || a.dueOn >= today) return false;
    const answered = new Set(rows.exerciseResponses.filter((r) => r.assignmentId === a.id && r.status === "submitted").map((r) => r.userId));
    return answered.size < 2;
  }).length;
  const flags = computeFlags({
    today,
    coupleStartedOn: couple.startedOn,
    partners: partners.map((p) => ({ lastCheckIn: p.lastCheckIn, trustChange: p.trustChange })),
    lastBrokenPromiseOn: broken.at(-1) ?? null,
    overdueAssignments: overdue,
    openSafetyConcern: rows.safetyConcerns.some((s) => s.coupleId === coupleId && !s.clearedAt),
  });
  return { partners, flags };
}

describe("listCaseload figures", () => {
  it("match lib/metrics for every couple (adherence, keep rate, trust, change, flags)", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const page = await listCaseload(query());
    const own = clinic.couples.filter((c) => c.counsellorId === counsellor.id);
    expect(page.rows).toHaveLength(own.length);
    for (const row of page.rows) {
      const expected = expectedFigures(row.id);
      expect(row.flags, row.name).toEqual(expected.flags);
      expect(row.partners.map((p) => p.slot)).toEqual(["A", "B"]);
      row.partners.forEach((p, i) => {
        const e = expected.partners[i]!;
        expect(p.lastCheckIn).toBe(e.lastCheckIn);
        expect({ brokenPromise: p.brokenPromise, overdue: p.overdue }, `${row.name} ${p.slot}`).toEqual({
          brokenPromise: e.brokenPromise,
          overdue: e.overdue,
        });
        for (const key of ["adherence", "keepRate", "trust", "trustChange"] as const) {
          if (e[key] === null) expect(p[key], `${row.name} ${p.slot} ${key}`).toBeNull();
          else expect(p[key], `${row.name} ${p.slot} ${key}`).toBeCloseTo(e[key]!, 9);
        }
      });
    }
    // The fixture's declining couple has a partner gone quiet and recent broken promises.
    expect(page.rows.some((r) => r.flags.length > 0)).toBe(true);
    // Every couple-wide flag that belongs to someone names at least one partner.
    for (const row of page.rows) {
      if (row.flags.includes("broken_promise")) expect(row.partners.some((p) => p.brokenPromise), row.name).toBe(true);
      if (row.flags.includes("overdue_assignment")) expect(row.partners.some((p) => p.overdue), row.name).toBe(true);
    }
  });

  it("'needs attention' lists exactly the flagged couples, and a flag filter only that flag", async () => {
    signInAs(clinic.counsellors[0]!);
    const all = (await listCaseload(query())).rows;
    const attention = await listCaseload(query({ flag: "attention" }));
    expect(attention.rows.map((r) => r.id).sort()).toEqual(all.filter((r) => r.flags.length > 0).map((r) => r.id).sort());
    expect(attention.total).toBe(attention.rows.length);
    const quiet = await listCaseload(query({ flag: "no_recent_check_in" }));
    expect(quiet.rows.map((r) => r.id).sort()).toEqual(
      all.filter((r) => r.flags.includes("no_recent_check_in")).map((r) => r.id).sort(),
    );
  });

  it("raises the safety flag for an uncleared concern and drops it once cleared", async () => {
    const counsellor = clinic.counsellors[0]!;
    signInAs(counsellor);
    const couple = clinic.couples.find((c) => c.counsellorId === counsellor.id)!;
    const [concern] = await db().insert(schema.safetyConcerns).values({ coupleId: couple.id }).returning();
    const flagged = await listCaseload(query({ flag: "safety_concern" }));
    expect(flagged.rows.map((r) => r.id)).toEqual([couple.id]);
    // A concern with no answer behind it names no one; one from a partner's screen names that partner only.
    expect(flagged.rows[0]!.partners.map((p) => p.raisedConcern)).toEqual([false, false]);
    const screenOf = (userId: string) =>
      clinic.rows.exerciseResponses.find((r) => r.userId === userId && r.status === "submitted" && r.assignmentId);
    const partnerB = couple.partners[1]!;
    const response = screenOf(partnerB.id);
    expect(response, "the fixture has an answer from partner B").toBeDefined();
    const [fromB] = await db().insert(schema.safetyConcerns).values({ coupleId: couple.id, responseId: response!.id }).returning();
    const named = (await listCaseload(query({ flag: "safety_concern" }))).rows[0]!;
    expect(named.partners.map((p) => p.raisedConcern)).toEqual([false, true]);
    await db().update(schema.safetyConcerns).set({ clearedAt: new Date() }).where(eq(schema.safetyConcerns.id, fromB!.id));
    await db().update(schema.safetyConcerns).set({ clearedAt: new Date() }).where(eq(schema.safetyConcerns.id, concern!.id));
    expect((await listCaseload(query({ flag: "safety_concern" }))).total).toBe(0);
  });

  it("filters by step, sorts by flags, searches, and reproduces a view from URL parameters", async () => {
    signInAs(clinic.counsellors[0]!);
    const all = (await listCaseload(query())).rows;
    const step = all[0]!.currentStep;
    const byStep = await listCaseload(query({ step: String(step) }));
    expect(byStep.rows.every((r) => r.currentStep === step)).toBe(true);
    expect(byStep.total).toBe(all.filter((r) => r.currentStep === step).length);

    const byFlags = await listCaseload(query({ sort: "flags", dir: "desc" }));
    const counts = byFlags.rows.map((r) => r.flags.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const url = new URLSearchParams({ sort: "trust", dir: "asc", pageSize: "10", page: "1", flag: "attention" });
    const a = await listCaseload(caseloadQuerySchema.parse(Object.fromEntries(url)));
    const b = await listCaseload(caseloadQuerySchema.parse(Object.fromEntries(new URLSearchParams(url.toString()))));
    expect(a.rows.map((r) => r.id)).toEqual(b.rows.map((r) => r.id));

    expect((await listCaseload(query({ q: `%_${randomUUID()}` }))).total).toBe(0);
    const past = await listCaseload(query({ pageSize: "10", page: "50" }));
    expect(past.total).toBe(all.length);
    expect(past.page).toBe(past.pageCount);
  });

  it("answers a page past the end with the last page, and pages by the chosen size", async () => {
    signInAs(clinic.counsellors[0]!);
    const all = (await listCaseload(query({ pageSize: "100" }))).rows;
    expect(all.length).toBeGreaterThan(1);
    // A page size of 1 is not offered: the URL falls back to the default size.
    expect((await listCaseload(query({ pageSize: "1" }))).pageSize).toBe(20);
    const ten = await listCaseload(query({ pageSize: "10" }));
    expect(ten.pageSize).toBe(10);
    expect(ten.rows).toHaveLength(Math.min(10, all.length));
    const lastPage = Math.ceil(all.length / 10);
    const past = await listCaseload(query({ pageSize: "10", page: "50" }));
    expect(past.page).toBe(lastPage);
    expect(past.pageCount).toBe(lastPage);
    expect(past.rows.map((r) => r.id)).toEqual(all.slice((lastPage - 1) * 10).map((r) => r.id));
    expect(past.rows.length).toBeGreaterThan(0);
  });

  it("pages a view sorted by name, status or step into the same rows, figures and total as the whole list", async () => {
    signInAs(clinic.counsellors[0]!);
    for (const sort of ["name", "status", "step"]) {
      for (const dir of ["asc", "desc"]) {
        const whole = await listCaseload(query({ sort, dir, pageSize: "100" }));
        expect(whole.rows.length).toBeGreaterThan(2);
        const pages = [];
        for (let n = 1; n <= Math.ceil(whole.total / 10); n++) {
          const page = await listCaseload(query({ sort, dir, pageSize: "10", page: String(n) }));
          expect(page.total).toBe(whole.total);
          pages.push(...page.rows);
        }
        // Same order and the same figures and flags as the rows computed for the whole caseload.
        expect(pages).toEqual(whole.rows);
      }
    }
    // With a filter on the couples themselves, the total counts the matching couples only.
    const paused = await listCaseload(query({ status: "paused", pageSize: "10" }));
    const all = await listCaseload(query({ pageSize: "100" }));
    expect(paused.total).toBe(all.rows.filter((r) => r.status === "paused").length);
  });

  it("shows another counsellor's couples to nobody else, and is not for partners or admins", async () => {
    signInAs(clinic.counsellors[1]!);
    const theirs = await listCaseload(query());
    expect(theirs.rows.map((r) => r.id)).toEqual(clinic.couples.filter((c) => c.counsellorId === clinic.counsellors[1]!.id).map((c) => c.id));
    signInAs(clinic.couples[0]!.partners[0]);
    await expectNotFound(listCaseload(query()));
    signInAs(clinic.admin);
    await expectNotFound(listCaseload(query()));
  });
});
