import { describe, expect, it } from "vitest";
import { formatChange, formatClinicFigure, formatCount, formatDay, formatDaysAgo, formatShortDay, formatWeeks, isoDay, isoMinute } from "@/lib/format";

describe("lib/format", () => {
  it("writes calendar days the same on the server and in the browser", () => {
    expect(formatDay("2026-02-02")).toBe("2 Feb 2026");
    expect(formatShortDay("2026-02-02")).toBe("2 Feb");
    expect(isoDay("2026-02-02T23:59:00.000Z")).toBe("2026-02-02");
    expect(isoDay(new Date("2026-02-02T23:59:00.000Z"))).toBe("2026-02-02");
    expect(isoMinute(new Date("2026-02-02T09:05:30.000Z"))).toBe("2026-02-02 09:05");
  });

  it("says how long ago a day was", () => {
    expect(formatDaysAgo(null, "2026-03-15")).toBe("Never");
    expect(formatDaysAgo("2026-03-15", "2026-03-15")).toBe("Today");
    expect(formatDaysAgo("2026-03-14", "2026-03-15")).toBe("Yesterday");
    expect(formatDaysAgo("2026-03-10", "2026-03-15")).toBe("5 days ago");
    expect(formatDaysAgo("2026-03-17", "2026-03-15")).toBe("In 2 days");
  });

  it("shows a suppressed clinic figure as fewer than 5, in every format", () => {
    expect(formatClinicFigure(null, "count")).toBe("fewer than 5");
    expect(formatClinicFigure(null, "percent")).toBe("fewer than 5");
    expect(formatClinicFigure(null, "weeks")).toBe("fewer than 5");
    expect(formatClinicFigure(1204, "count")).toBe("1,204");
    expect(formatClinicFigure(0.625, "percent")).toBe("63%");
    expect(formatWeeks(1)).toBe("1 week");
    expect(formatWeeks(2.46)).toBe("2.5 weeks");
    expect(formatCount(null)).toBe("—");
    expect(formatChange(1.46)).toBe("+1.5");
    expect(formatChange(-0.5)).toBe("-0.5");
    expect(formatChange(0.01)).toBe("0.0");
    expect(formatChange(null)).toBe("—");
  });
});
