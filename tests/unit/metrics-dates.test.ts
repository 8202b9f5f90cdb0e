import { afterEach, describe, expect, it } from "vitest";
import {
  daysBetweenInclusive,
  eachDay,
  isoWeekStart,
  isoWeeksOverlapping,
  parseIsoDate,
  toIsoDate,
  windowEnding,
} from "@/lib/metrics";

// 2025-03-03 is a Monday; most examples sit in March 2025 so ISO weeks are easy to check by hand.

describe("dates", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("counts days inclusively and never negative", () => {
    expect(daysBetweenInclusive("2025-03-01", "2025-03-01")).toBe(1);
    expect(daysBetweenInclusive("2025-02-27", "2025-03-02")).toBe(4);
    expect(daysBetweenInclusive("2024-02-28", "2024-03-01")).toBe(3); // leap day
    expect(daysBetweenInclusive("2025-03-02", "2025-03-01")).toBe(0);
  });

  it("lists each day of a range across a month end", () => {
    expect(eachDay("2025-02-27", "2025-03-02")).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(eachDay("2025-03-02", "2025-03-01")).toEqual([]);
  });

  it("builds an inclusive window of n days ending on a day", () => {
    expect(windowEnding("2025-03-14", 7)).toEqual({ start: "2025-03-08", end: "2025-03-14" });
    expect(windowEnding("2025-03-14", 1)).toEqual({ start: "2025-03-14", end: "2025-03-14" });
    expect(windowEnding("2025-03-02", 28)).toEqual({ start: "2025-02-03", end: "2025-03-02" });
    expect(() => windowEnding("2025-03-14", 0)).toThrow(RangeError);
  });

  it("finds the Monday of the ISO week", () => {
    expect(isoWeekStart("2025-03-03")).toBe("2025-03-03");
    expect(isoWeekStart("2025-03-09")).toBe("2025-03-03"); // Sunday belongs to the week before
    expect(isoWeekStart("2025-03-10")).toBe("2025-03-10");
    expect(isoWeekStart("2025-01-01")).toBe("2024-12-30"); // across a year end
  });

  it("takes the UTC calendar date of an instant", () => {
    expect(toIsoDate(new Date("2025-03-14T23:30:00-05:00"))).toBe("2025-03-15");
    expect(toIsoDate(new Date("2025-03-14T00:30:00+02:00"))).toBe("2025-03-13");
    expect(toIsoDate(new Date("2025-03-14T00:00:00Z"))).toBe("2025-03-14");
  });

  it("rejects strings that are not calendar days", () => {
    expect(() => parseIsoDate("2025-02-30")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-3-1")).toThrow(RangeError);
    expect(() => parseIsoDate("2025-03-01T10:00:00Z")).toThrow(RangeError);
    expect(() => daysBetweenInclusive("", "2025-03-01")).toThrow(RangeError);
  });

  it("clips ISO weeks to a range", () => {
    expect(isoWeeksOverlapping("2025-03-06", "2025-03-18")).toEqual([
      { weekStart: "2025-03-03", start: "2025-03-06", end: "2025-03-09" },
      { weekStart: "2025-03-10", start: "2025-03-10", end: "2025-03-16" },
      { weekStart: "2025-03-17", start: "2025-03-17", end: "2025-03-18" },
    ]);
    expect(isoWeeksOverlapping("2025-03-18", "2025-03-06")).toEqual([]);
  });

  it("does not lose or repeat a day where local midnight does not exist", () => {
    // São Paulo skipped 2018-11-04 00:00 (DST started at midnight).
    process.env.TZ = "America/Sao_Paulo";
    expect(eachDay("2018-11-03", "2018-11-05")).toEqual(["2018-11-03", "2018-11-04", "2018-11-05"]);
    expect(daysBetweenInclusive("2018-11-03", "2018-11-05")).toBe(3);
    expect(isoWeekStart("2018-11-06")).toBe("2018-11-05");
    expect(windowEnding("2018-11-06", 7)).toEqual({ start: "2018-10-31", end: "2018-11-06" });
  });
});
