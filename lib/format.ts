/** A 0–1 rate as a whole percent ("63%"); `empty` stands in for a missing figure. */
export function formatPercent(value: number | null, empty = "—"): string {
  return value === null ? empty : `${Math.round(value * 100)}%`;
}
