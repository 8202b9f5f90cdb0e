import { describe, expect, it } from "vitest";
import { couplePageQuerySchema } from "@/lib/validations/couple-page";

describe("couplePageQuerySchema", () => {
  it("opens on 12 weeks with no note search", () => {
    expect(couplePageQuerySchema.parse({})).toEqual({ range: "12w", noteSearch: { q: "", from: undefined, to: undefined } });
  });

  it("reads the chart range and the note search from their parameters", () => {
    expect(couplePageQuerySchema.parse({ range: "4w", nq: "  calm  ", nfrom: "2026-01-01", nto: "2026-02-01" })).toEqual({
      range: "4w",
      noteSearch: { q: "calm", from: "2026-01-01", to: "2026-02-01" },
    });
  });

  it("falls back to the default for anything unreadable instead of failing", () => {
    const parsed = couplePageQuerySchema.parse({
      range: "52w",
      nq: "x".repeat(101),
      nfrom: "2026-02-30",
      nto: ["2026-01-01", "2026-02-01"],
    });
    expect(parsed).toEqual({ range: "12w", noteSearch: { q: "", from: undefined, to: undefined } });
    expect(couplePageQuerySchema.parse({ range: ["4w", "all"] }).range).toBe("12w");
  });
});
