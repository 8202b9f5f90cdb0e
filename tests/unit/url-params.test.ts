import { describe, expect, it } from "vitest";
import { caseloadQuerySchema } from "@/lib/validations/caseload";
import { auditQuerySchema, clinicCouplesQuerySchema, parseDateRange } from "@/lib/validations/clinic";
import { couplePageQuerySchema } from "@/lib/validations/couple-page";
import { isSaneDay, urlText } from "@/lib/validations/url-params";

const BAD_DAYS = ["1999-12-31", "2101-01-01", "0000-01-01", "275760-09-13", "+02025-01-01", "2025-02-30", "2025-13-01", "2025-1-1", "", "\u0000"];
const BAD_TEXT = ["a\u0000b", "\u0000", "x\r\ny", "tab\there", "\u001b[31m", "del\u007f"];

describe("URL parameters", () => {
  it("accepts only real days from 2000 to 2100", () => {
    expect(isSaneDay("2000-01-01")).toBe(true);
    expect(isSaneDay("2100-12-31")).toBe(true);
    expect(isSaneDay("2024-02-29")).toBe(true);
    for (const day of BAD_DAYS) expect(isSaneDay(day), day).toBe(false);
  });

  it("refuses control characters in search text", () => {
    expect(urlText(100).safeParse(" van Dijk ").data).toBe("van Dijk");
    for (const text of BAD_TEXT) expect(urlText(100).safeParse(text).success, JSON.stringify(text)).toBe(false);
  });

  it("falls back to no filter for every bad search or day on every page", () => {
    for (const q of BAD_TEXT) {
      expect(caseloadQuerySchema.parse({ q }).q).toBe("");
      expect(clinicCouplesQuerySchema.parse({ q }).q).toBe("");
      expect(couplePageQuerySchema.parse({ nq: q }).noteSearch.q).toBe("");
    }
    for (const day of BAD_DAYS) {
      expect(auditQuerySchema.parse({ from: day, to: day })).toMatchObject({ from: undefined, to: undefined });
      expect(couplePageQuerySchema.parse({ nfrom: day, nto: day }).noteSearch).toMatchObject({ from: undefined, to: undefined });
    }
  });

  it("explains an out-of-range day in the clinic's range instead of computing figures for it", () => {
    for (const day of BAD_DAYS.filter(Boolean)) {
      const result = parseDateRange({ from: day, to: "2026-01-01" }, "2026-01-01");
      expect(result.ok, day).toBe(false);
    }
    for (const day of ["\u0000", "9999-99-99", "2101-01-01"]) {
      const result = parseDateRange({ to: day }, "2026-01-01");
      expect(result.ok, day).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(["to"]);
    }
    expect(parseDateRange({ from: "1999-12-31", to: "2000-01-10" }, "2026-01-01")).toMatchObject({
      ok: false,
      fieldErrors: { from: ["Enter the first day as a real date from 2000 to 2100 (yyyy-mm-dd)."] },
    });
  });
});
