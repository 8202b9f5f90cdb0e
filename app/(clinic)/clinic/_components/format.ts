import { formatPercent as percent } from "@/lib/format";
import { SUPPRESSED_LABEL } from "@/lib/metrics/clinic";

/** A 0–1 rate as a whole percent, or the suppression label. */
export function formatPercent(value: number | null): string {
  return percent(value, SUPPRESSED_LABEL);
}

export function formatCount(value: number | null): string {
  return value === null ? SUPPRESSED_LABEL : value.toLocaleString("en-GB");
}

export function formatWeeks(value: number | null): string {
  if (value === null) return SUPPRESSED_LABEL;
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? "week" : "weeks"}`;
}

export type FigureFormat = "count" | "percent" | "weeks";

export function formatFigure(value: number | null, format: FigureFormat): string {
  if (format === "percent") return formatPercent(value);
  if (format === "weeks") return formatWeeks(value);
  return formatCount(value);
}

/** A day as "2 Feb 2026", read in UTC so server and browser agree. */
export function formatDay(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
