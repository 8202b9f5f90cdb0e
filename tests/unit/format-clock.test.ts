import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount, formatDay, formatDueTime, formatShortDay, isoDay, isoMinute } from "@/lib/format";

// The formatters are built once per zone; each must say exactly what date-fns and toLocale* said.
const ZONES = ["UTC", "Europe/London", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns"];
const instant = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2060-12-31T23:59:59Z"), noInvalidDate: true });

describe("dates on a person's clock", () => {
  it("match date-fns in every zone, across daylight-saving changes", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
        expect(isoDay(at, zone)).toBe(format(at, "yyyy-MM-dd", { in: tz(zone) }));
        expect(isoMinute(at.toISOString(), zone)).toBe(format(at, "yyyy-MM-dd HH:mm", { in: tz(zone) }));
        expect(formatDueTime(at, zone)).toBe(format(at, "EEE d MMM, HH:mm", { in: tz(zone) }));
      }),
      { numRuns: 2000 },
    );
  });

  it("shows midnight as 00:00 and refuses an invalid moment or zone", () => {
    expect(isoMinute("2026-03-01T00:00:00Z", "UTC")).toBe("2026-03-01 00:00");
    expect(formatDueTime("2026-03-03T18:00:00Z", "UTC")).toBe("Tue 3 Mar, 18:00");
    expect(() => isoDay("not a date", "UTC")).toThrow(RangeError);
    expect(() => isoDay("2026-03-01T00:00:00Z", "Not/A_Zone")).toThrow(RangeError);
  });
});

describe("calendar days and counts", () => {
  it("match toLocale* with the same options", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -1e9, max: 1e9 }), (at, n) => {
        const iso = at.toISOString().slice(0, 10);
        const day = new Date(`${iso}T00:00:00Z`);
        expect(formatDay(iso)).toBe(day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
        expect(formatShortDay(iso)).toBe(day.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }));
        expect(formatCount(n)).toBe(n.toLocaleString("en-GB"));
      }),
      { numRuns: 500 },
    );
  });
});
