import { describe, expect, it } from "vitest";
import { buildClinic, type ClinicSpec, type CoupleSpec } from "@/db/seed/generator";

const spec = (couples: CoupleSpec[]): ClinicSpec => ({
  seed: 7,
  today: "2026-06-30",
  days: 60,
  clinicName: "Profile clinic",
  emailDomain: "profile.test",
  passwordHash: "x",
  admin: { email: "admin@profile.test", name: "Admin" },
  counsellors: [{ email: "c@profile.test", name: "Counsellor", couples }],
});

describe("a couple's profile override", () => {
  it("leaves a couple without one exactly as its trajectory makes it", () => {
    const plain = buildClinic(spec([{ trajectory: "improving" }]));
    const empty = buildClinic(spec([{ trajectory: "improving", profile: {} }]));
    expect(empty).toEqual(plain);
  });

  it("takes a later start and steadier check-ins from the override", () => {
    const rows = buildClinic(spec([{ trajectory: "improving", profile: { startDaysAgo: 30, checkInRate: [1, 1], silenceRate: 0 } }]));
    expect(rows.couples[0]!.startedOn).toBe("2026-05-31");
    // Both partners, every day from the start through today.
    expect(rows.checkIns).toHaveLength(2 * 31);
  });

  it("keeps the trajectory's sparser check-ins when only the start moves", () => {
    const rows = buildClinic(spec([{ trajectory: "stalled", profile: { startDaysAgo: 30 } }]));
    expect(rows.checkIns.length).toBeGreaterThan(0);
    expect(rows.checkIns.length).toBeLessThan(2 * 31 * 0.8);
  });
});
