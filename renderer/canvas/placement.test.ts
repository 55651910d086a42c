import { describe, expect, it } from 'vitest';
import { findFreeSpot } from './placement';

describe('placement of new nodes', () => {
  const size = { w: 240, h: 120 };

  it('keeps the wanted spot when it is free', () => {
    expect(findFreeSpot({ x: 0, y: 0 }, size, [{ x: 300, y: 0, w: 240, h: 120 }])).toEqual({ x: 0, y: 0 });
  });

  it('steps down-right past the nodes it would cover', () => {
    const occupied = [
      { x: 0, y: 0, w: 240, h: 120 },
      { x: 100, y: 100, w: 240, h: 120 },
    ];
    const spot = findFreeSpot({ x: 0, y: 0 }, size, occupied, 32);
    expect(spot.x).toBe(spot.y);
    expect(spot.x).toBeGreaterThanOrEqual(220);
    expect(spot.x % 32).toBe(0);
  });

  it('gives up after maxTries and returns the wanted spot', () => {
    expect(findFreeSpot({ x: 5, y: 5 }, size, [{ x: -1e6, y: -1e6, w: 2e6, h: 2e6 }], 32, 3)).toEqual({ x: 5, y: 5 });
  });
});
