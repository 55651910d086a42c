import type { Position } from './types';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The first spot from `wanted`, stepping down and right, where a new node does not cover an existing one. */
export function findFreeSpot(wanted: Position, size: { w: number; h: number }, occupied: readonly Box[], step = 32, maxTries = 60): Position {
  for (let i = 0; i < maxTries; i++) {
    const candidate = { x: wanted.x + i * step, y: wanted.y + i * step };
    const box = { ...candidate, w: size.w, h: size.h };
    if (!occupied.some((o) => overlaps(box, o))) return candidate;
  }
  return wanted;
}
