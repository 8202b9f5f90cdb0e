import { describe, expect, it } from "vitest";
import { couplePageHref, couplePageQuerySchema, MAX_HISTORY_PAGES } from "@/lib/validations/couple-page";

const FIRST_PAGES = { checkIns: 1, answers: 1, agreements: 1, promises: 1, notes: 1 };

describe("couplePageQuerySchema", () => {
  it("opens on 12 weeks with no note search", () => {
    expect(couplePageQuerySchema.parse({})).toEqual({ range: "12w", noteSearch: { q: "", from: undefined, to: undefined }, pages: FIRST_PAGES });
  });

  it("reads the chart range and the note search from their parameters", () => {
    expect(couplePageQuerySchema.parse({ range: "4w", nq: "  calm  ", nfrom: "2026-01-01", nto: "2026-02-01" })).toEqual({
      range: "4w",
      noteSearch: { q: "calm", from: "2026-01-01", to: "2026-02-01" },
      pages: FIRST_PAGES,
    });
  });

  it("falls back to the default for anything unreadable instead of failing", () => {
    const parsed = couplePageQuerySchema.parse({
      range: "52w",
      nq: "x".repeat(101),
      nfrom: "2026-02-30",
      nto: ["2026-01-01", "2026-02-01"],
    });
    expect(parsed).toEqual({ range: "12w", noteSearch: { q: "", from: undefined, to: undefined }, pages: FIRST_PAGES });
    expect(couplePageQuerySchema.parse({ range: ["4w", "all"] }).range).toBe("12w");
  });

  it("reads how many pages of each long list are open, within bounds", () => {
    expect(couplePageQuerySchema.parse({ ci: "3", ans: "2", agr: "1", pro: "4", notes: "2" }).pages).toEqual({
      checkIns: 3,
      answers: 2,
      agreements: 1,
      promises: 4,
      notes: 2,
    });
    for (const unreadable of ["0", "-1", "1.5", "many", ["2", "3"], String(MAX_HISTORY_PAGES + 1)]) {
      expect(couplePageQuerySchema.parse({ ci: unreadable }).pages.checkIns).toBe(1);
    }
  });
});

describe("couplePageHref", () => {
  const id = "7d0c2c52-1b7e-4a4b-9a55-3f6f2f3b7a10";

  it("keeps the view and opens one more page of a list, leaving defaults out", () => {
    const view = couplePageQuerySchema.parse({ range: "4w", nq: "calm", ci: "2" });
    expect(couplePageHref(id, view, { pages: { notes: 2 } })).toBe(`/couples/${id}?range=4w&nq=calm&ci=2&notes=2`);
    expect(couplePageHref(id, couplePageQuerySchema.parse({}))).toBe(`/couples/${id}`);
    expect(couplePageHref(id, couplePageQuerySchema.parse({}), { pages: { answers: 2 } })).toBe(`/couples/${id}?ans=2`);
  });
});
