import { describe, expect, it } from 'vitest';
import { barLayout, defaultBox, labelEvery, linePoints, niceMax, ticks, yOf } from './chart-scale';

describe('chart scaling', () => {
  it('rounds the top of the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(11)).toBe(20);
    expect(niceMax(430)).toBe(500);
    expect(niceMax(0.07)).toBeCloseTo(0.1);
    expect(niceMax(0.3)).toBeCloseTo(0.5);
  });

  it('spaces ticks evenly from zero', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(1, 2)).toEqual([0, 0.5, 1]);
  });

  it('puts zero at the bottom of the plot and the top value at its top', () => {
    const bottom = defaultBox.height - defaultBox.bottom;
    expect(yOf(0, 10)).toBe(bottom);
    expect(yOf(10, 10)).toBe(defaultBox.top);
    expect(yOf(50, 10)).toBe(defaultBox.top);
  });

  it('lays bars side by side with heights proportional to the values', () => {
    const bars = barLayout([0, 5, 10], 10);
    expect(bars).toHaveLength(3);
    expect(bars[0]?.height).toBe(0);
    const h1 = bars[1]?.height ?? 0;
    const h2 = bars[2]?.height ?? 0;
    expect(h2).toBeCloseTo(h1 * 2);
    expect((bars[1]?.x ?? 0) > (bars[0]?.x ?? 0)).toBe(true);
    expect(barLayout([], 10)).toEqual([]);
  });

  it('centres line points in their slots', () => {
    const pts = linePoints([1, 0], 1, { width: 140, height: 100, left: 40, bottom: 0, top: 0 });
    expect(pts).toEqual([
      { x: 65, y: 0 },
      { x: 115, y: 100 },
    ]);
  });

  it('thins out x labels when there are many days', () => {
    expect(labelEvery(7)).toBe(1);
    expect(labelEvery(14)).toBe(2);
    expect(labelEvery(30)).toBe(5);
  });
});
