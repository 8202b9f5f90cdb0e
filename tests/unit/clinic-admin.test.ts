import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "@/lib/csv";
import { assertDateRange, auditQuerySchema, auditRangeProblem, parseDateRange, readReassignments } from "@/lib/validations/clinic";

describe("neutraliseCell", () => {
  it("prefixes cells a spreadsheet would run as a formula", () => {
    for (const danger of ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"]) {
      expect(neutraliseCell(danger)).toBe(`'${danger}`);
    }
  });

  it("leaves ordinary text, numbers and empties alone", () => {
    expect(neutraliseCell("Helen Achebe")).toBe("Helen Achebe");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(null)).toBe("");
  });

  it("writes quoted CSV that reads back to the same cells", () => {
    const csv = toCsv(["Name", "Note"], [["O'Brien, \"Pat\"", "=cmd|' /C calc'!A0"]]);
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ["Name", "Note"],
      ["O'Brien, \"Pat\"", "'=cmd|' /C calc'!A0"],
    ]);
    expect(csv).toContain("\r\n");
  });
});

describe("parseDateRange", () => {
  it("defaults to the 12 weeks ending today", () => {
    expect(parseDateRange({}, "2026-03-01")).toEqual({ ok: true, range: { from: "2025-12-08", to: "2026-03-01" } });
  });

  it("accepts a one-day range and a range of five years", () => {
    expect(parseDateRange({ from: "2026-03-01", to: "2026-03-01" }, "2026-03-01").ok).toBe(true);
    expect(parseDateRange({ from: "2021-03-02", to: "2026-03-01" }, "2026-03-01").ok).toBe(true);
  });

  it("refuses a reversed range, a 20-year range and made-up days, keeping what was typed", () => {
    const reversed = parseDateRange({ from: "2026-03-02", to: "2026-03-01" }, "2026-03-01");
    expect(reversed).toMatchObject({ ok: false, message: expect.stringMatching(/first day comes after the last day/), values: { from: "2026-03-02", to: "2026-03-01" } });
    const long = parseDateRange({ from: "2006-01-01", to: "2026-01-01" }, "2026-03-01");
    expect(long).toMatchObject({ ok: false, message: expect.stringMatching(/longer than five years/) });
    const fake = parseDateRange({ from: "2026-02-30", to: "soon" }, "2026-03-01");
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(Object.keys(fake.fieldErrors).sort()).toEqual(["from", "to"]);
  });

  it("guards the data layer the same way", () => {
    expect(() => assertDateRange({ from: "2026-03-02", to: "2026-03-01" })).toThrow(RangeError);
    expect(() => assertDateRange({ from: "", to: "2026-03-01" })).toThrow(RangeError);
    expect(() => assertDateRange({ from: "2026-01-01", to: "2026-03-01" })).not.toThrow();
  });
});

describe("audit filters", () => {
  it("drops unreadable filters and flags a reversed range", () => {
    expect(auditQuerySchema.parse({ page: "x", actor: "nobody", action: "DROP TABLE", from: "2026-13-01" })).toEqual({
      page: 1,
      actor: undefined,
      action: undefined,
      from: undefined,
      to: undefined,
    });
    expect(auditRangeProblem({ from: "2026-02-01", to: "2026-01-01" })).toMatch(/first day comes after/);
    expect(auditRangeProblem({ from: "2026-01-01", to: "2026-02-01" })).toBeNull();
  });

  it("reads the couple handovers from a deactivation form", () => {
    const form = new FormData();
    form.set("counsellorId", "x");
    form.set("couple:abc", " def ");
    expect(readReassignments(form)).toEqual({ abc: "def" });
  });
});
