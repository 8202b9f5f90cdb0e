import { describe, expect, it } from "vitest";
import { formatDueTime, isoDay, isoMinute } from "@/lib/format";
import { dayOf, effectiveTimeZone, endOfDayIn, isValidTimeZone, listTimeZones, startOfDayIn, todayIn } from "@/lib/time/zone";
import { parseDueAt } from "@/lib/validations/promises";

// The server's own zone must never leak into these answers: each case names its zone.
describe("time zones", () => {
  it("knows real IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("Pacific/Auckland")).toBe(true);
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("utc")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone(null)).toBe(false);
    expect(isValidTimeZone("+13:00")).toBe(false);
    expect(listTimeZones()).toContain("UTC");
    expect(listTimeZones()).toContain("Europe/London");
  });

  it("gives Auckland's day on both sides of its midnight (NZDT, UTC+13)", () => {
    expect(todayIn("Pacific/Auckland", new Date("2026-03-10T10:30:00Z"))).toBe("2026-03-10");
    expect(todayIn("Pacific/Auckland", new Date("2026-03-10T11:30:00Z"))).toBe("2026-03-11");
    // The same instants are still the 10th in UTC: the answer follows the zone, not the server.
    expect(todayIn("UTC", new Date("2026-03-10T11:30:00Z"))).toBe("2026-03-10");
  });

  it("gives Los Angeles's day on both sides of its midnight, across the spring-forward change", () => {
    // PST (UTC−8) on 7 March, PDT (UTC−7) from 8 March 2026 at 02:00.
    expect(todayIn("America/Los_Angeles", new Date("2026-03-08T07:59:00Z"))).toBe("2026-03-07");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-08T08:00:00Z"))).toBe("2026-03-08");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-09T06:59:00Z"))).toBe("2026-03-08");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-09T07:00:00Z"))).toBe("2026-03-09");
  });

  it("finds where a local day starts and ends as instants", () => {
    expect(startOfDayIn("2026-03-11", "Pacific/Auckland").toISOString()).toBe("2026-03-10T11:00:00.000Z");
    expect(endOfDayIn("2026-03-11", "Pacific/Auckland").toISOString()).toBe("2026-03-11T11:00:00.000Z");
    // The spring-forward day in Los Angeles is 23 hours long.
    const start = startOfDayIn("2026-03-08", "America/Los_Angeles");
    const end = endOfDayIn("2026-03-08", "America/Los_Angeles");
    expect(start.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
    // Month ends roll over.
    expect(endOfDayIn("2026-02-28", "UTC").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("dates an instant by the zone it is seen from", () => {
    const instant = "2026-03-10T11:30:00Z";
    expect(dayOf(instant, "Pacific/Auckland")).toBe("2026-03-11");
    expect(dayOf(instant, "America/Los_Angeles")).toBe("2026-03-10");
    expect(dayOf(new Date("2026-03-10T06:30:00Z"), "America/Los_Angeles")).toBe("2026-03-09");
  });

  it("uses the person's own zone, else the clinic's, else UTC", () => {
    expect(effectiveTimeZone("America/Los_Angeles", "Pacific/Auckland")).toBe("America/Los_Angeles");
    expect(effectiveTimeZone(null, "Pacific/Auckland")).toBe("Pacific/Auckland");
    expect(effectiveTimeZone("Nowhere/Else", "Pacific/Auckland")).toBe("Pacific/Auckland");
    expect(effectiveTimeZone(null, null)).toBe("UTC");
  });

  it("shows moments on the viewer's clock, and reads a typed due time on it", () => {
    const instant = "2026-03-10T11:30:00Z";
    expect(isoMinute(instant, "Pacific/Auckland")).toBe("2026-03-11 00:30");
    expect(isoMinute(instant)).toBe("2026-03-10 11:30");
    expect(isoDay(instant, "Pacific/Auckland")).toBe("2026-03-11");
    expect(formatDueTime(instant, "America/Los_Angeles")).toBe("Tue 10 Mar, 04:30");
    // A datetime-local value has no zone: it is a time on the partner's clock.
    expect(parseDueAt("2026-03-11T00:30", "Pacific/Auckland").toISOString()).toBe("2026-03-10T11:30:00.000Z");
    expect(parseDueAt("2026-03-10T04:30", "America/Los_Angeles").toISOString()).toBe("2026-03-10T11:30:00.000Z");
    expect(parseDueAt("2026-03-10T11:30:00Z", "Pacific/Auckland").toISOString()).toBe("2026-03-10T11:30:00.000Z");
  });
});
