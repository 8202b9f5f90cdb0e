/*
 * Placing points along the x axis of the charts drawn on the server as SVG (a partner's trust on
 * My progress, a couple's measure scores): evenly spaced, with a few labelled ticks.
 */

/** About as many labels as fit a phone's width without crowding. */
export const X_TICK_COUNT = 5;

/** Where point `index` of `count` sits along the axis, 0–100 % (a single point sits in the middle). */
export function xPercent(index: number, count: number): number {
  return count === 1 ? 50 : (index / (count - 1)) * 100;
}

/** The indexes of the points labelled under the axis: first, last and evenly between. */
export function xTickIndexes(count: number): number[] {
  if (count <= X_TICK_COUNT) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (X_TICK_COUNT - 1);
  return Array.from({ length: X_TICK_COUNT }, (_, i) => Math.round(i * step));
}
