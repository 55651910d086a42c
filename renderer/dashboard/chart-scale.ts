/** Scaling for the small SVG charts: a "nice" top value, tick marks, and bar / point positions. */

export interface ChartBox {
  width: number;
  height: number;
  /** Room left of the plot for tick labels, and below it for date labels. */
  left: number;
  bottom: number;
  top: number;
}

export const defaultBox: ChartBox = { width: 560, height: 180, left: 40, bottom: 22, top: 8 };

/** The smallest 1/2/5 × 10ⁿ at or above `max`, so axis labels are round numbers; 1 for empty data. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const exp = Math.floor(Math.log10(max));
  const base = 10 ** exp;
  for (const m of [1, 2, 5, 10]) if (m * base >= max - 1e-9) return m * base;
  return 10 * base;
}

/** `count + 1` evenly spaced ticks from 0 to `top`. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** y coordinate of a value (0 at the bottom of the plot). */
export function yOf(value: number, top: number, box: ChartBox = defaultBox): number {
  const plot = box.height - box.bottom - box.top;
  const clamped = Math.max(0, Math.min(value, top));
  return box.top + plot - (clamped / top) * plot;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One bar per value across the plot width, with a gap between bars. */
export function barLayout(values: readonly number[], top: number, box: ChartBox = defaultBox): Bar[] {
  if (values.length === 0) return [];
  const plotWidth = box.width - box.left;
  const slot = plotWidth / values.length;
  const width = Math.max(1, slot * 0.7);
  const baseline = yOf(0, top, box);
  return values.map((v, i) => {
    const y = yOf(v, top, box);
    return { x: box.left + i * slot + (slot - width) / 2, y, width, height: baseline - y };
  });
}

/** Centre x of each slot and the y of each value: the points of a line chart. */
export function linePoints(values: readonly number[], top: number, box: ChartBox = defaultBox): { x: number; y: number }[] {
  if (values.length === 0) return [];
  const slot = (box.width - box.left) / values.length;
  return values.map((v, i) => ({ x: box.left + i * slot + slot / 2, y: yOf(v, top, box) }));
}

/** Which of `n` x labels to print so they do not overlap: about `room` of them, always the last. */
export function labelEvery(n: number, room = 7): number {
  return Math.max(1, Math.ceil(n / room));
}
