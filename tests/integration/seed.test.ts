import { describe, expect, it } from "vitest";
import { DEMO_CLINIC_NAME } from "@/db/seed/accounts";
import { demoClinicSpec } from "@/db/seed/demo";
import { buildClinic } from "@/db/seed/generator";
import { checkInAdherence, keepRate, windowEnding } from "@/lib/metrics";
import { parseAnswer, type ExerciseKindId } from "@/lib/program";

describe("the demo clinic", async () => {
  const spec = await demoClinicSpec("2026-11-24");
  const rows = buildClinic(spec);
  const byEmail = new Map(rows.users.map((u) => [u.email, u]));

  it("has the documented accounts, all able to sign in", () => {
    expect(rows.clinic.name).toBe(DEMO_CLINIC_NAME);
    for (const email of ["admin@demo.mend.test", "counsellor@demo.mend.test", "counsellor2@demo.mend.test", "alex@demo.mend.test", "sam@demo.mend.test"]) {
      expect(byEmail.get(email)?.passwordHash, email).toBeTruthy();
    }
    expect(byEmail.get("admin@demo.mend.test")?.role).toBe("clinic_admin");
    expect(rows.users.filter((u) => u.role === "partner").every((u) => u.passwordHash)).toBe(true);
    expect(new Set(rows.users.map((u) => u.email)).size).toBe(rows.users.length);
  });

  it("gives counsellor@ at least 8 couples (Alex and Sam among them) and counsellor2@ at least 4", () => {
    const c1 = byEmail.get("counsellor@demo.mend.test")!;
    const c2 = byEmail.get("counsellor2@demo.mend.test")!;
    expect(rows.couples.filter((c) => c.counsellorId === c1.id).length).toBeGreaterThanOrEqual(8);
    expect(rows.couples.filter((c) => c.counsellorId === c2.id).length).toBeGreaterThanOrEqual(4);
    const alex = byEmail.get("alex@demo.mend.test")!;
    const sam = byEmail.get("sam@demo.mend.test")!;
    const alexCouple = rows.coupleMembers.find((m) => m.userId === alex.id)!.coupleId;
    expect(rows.coupleMembers.find((m) => m.userId === sam.id)!.coupleId).toBe(alexCouple);
    expect(rows.couples.find((c) => c.id === alexCouple)!.counsellorId).toBe(c1.id);
  });

  it("is the same every time for the same day", async () => {
    const again = buildClinic(await demoClinicSpec("2026-11-24"));
    expect(again.checkIns.length).toBe(rows.checkIns.length);
    expect(again.couples.map((c) => c.id)).toEqual(rows.couples.map((c) => c.id));
    expect(again.promises.map((p) => p.status)).toEqual(rows.promises.map((p) => p.status));
  });

  it("tells different stories: adherence and keep rates vary, gaps exist, trust moves", () => {
    const window = windowEnding("2026-11-23", 28);
    const adherence = rows.couples.map((c) =>
      checkInAdherence({
        checkInDates: rows.checkIns.filter((x) => x.coupleId === c.id && x.userId === rows.coupleMembers.find((m) => m.coupleId === c.id && m.slot === "A")!.userId).map((x) => x.date),
        window,
        perWeek: c.checkInsPerWeek,
        startedOn: c.startedOn,
      }),
    ).filter((a): a is number => a !== null);
    expect(Math.max(...adherence) - Math.min(...adherence)).toBeGreaterThan(0.3);
    const rates = rows.couples
      .map((c) => keepRate(rows.promises.filter((p) => p.coupleId === c.id).map((p) => ({ status: p.status!, resolvedOn: null }))))
      .filter((r): r is number => r !== null);
    expect(rates.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.2);
    expect(rows.promises.some((p) => p.status === "broken")).toBe(true);
    expect(rows.notes.some((n) => n.status === "signed")).toBe(true);
    expect(rows.agreements.some((a) => a.status === "accepted")).toBe(true);
    expect(rows.safetyConcerns.length).toBeGreaterThan(0);
    expect(new Set(rows.couples.map((c) => c.currentStep)).size).toBeGreaterThanOrEqual(5);
  });

  it("leaves today's check-in to Alex and Sam", () => {
    const alex = byEmail.get("alex@demo.mend.test")!;
    expect(rows.checkIns.some((c) => c.userId === alex.id && c.date === "2026-11-24")).toBe(false);
  });

  it("stores only answers that pass their exercise kind's schema", () => {
    for (const r of rows.exerciseResponses) {
      expect(parseAnswer(r.exerciseKind as ExerciseKindId, r.payload).success).toBe(true);
    }
  });
});
