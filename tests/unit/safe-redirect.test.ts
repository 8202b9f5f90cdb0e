import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { HOSTILE_REDIRECT_TARGETS as HOSTILE_TARGETS } from "../support/hostile-targets";

const HOME = "/";


describe("safeRedirectPath", () => {
  it.each(HOSTILE_TARGETS)("refuses %j", (target) => {
    expect(safeRedirectPath(target, HOME)).toBe(HOME);
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/caseload"], { href: "/caseload" }]) {
      expect(safeRedirectPath(value, "/clinic")).toBe("/clinic");
    }
  });

  it.each([
    ["/caseload", "/caseload"],
    ["/couples/4b7c2a8e-0000-4000-8000-000000000000?range=4w", "/couples/4b7c2a8e-0000-4000-8000-000000000000?range=4w"],
    ["/clinic/audit?from=2026-01-01&to=2026-02-01#top", "/clinic/audit?from=2026-01-01&to=2026-02-01#top"],
    ["/caseload?q=van%20Dijk", "/caseload?q=van%20Dijk"],
    ["/@evil.com", "/@evil.com"],
  ])("keeps the path %j on our origin", (target, expected) => {
    expect(safeRedirectPath(target, HOME)).toBe(expected);
  });

  it("never returns anything that resolves off our origin", () => {
    for (const target of HOSTILE_TARGETS) {
      const result = new URL(safeRedirectPath(target, HOME), "https://mend.example");
      expect(result.origin).toBe("https://mend.example");
    }
  });
});
