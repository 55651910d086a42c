// Deterministic, random-access pseudo randomness: record N of a seed can be rebuilt without
// generating records 0..N-1, which is what lets 100,000 products live without being stored.

const tagHashes = new Map<string, number>();

function mix(h: number, byte: number): number {
  return Math.imul(h ^ (byte & 0xff), 0x01000193);
}

/** FNV-1a state after the tag's characters (cached: tags are a handful of constants). */
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < tag.length; i++) h = mix(h, tag.charCodeAt(i));
    tagHashes.set(tag, h);
  }
  return h;
}

/** 32-bit hash of a seed, a tag and numbers (FNV-1a over the parts, then a final avalanche). */
export function hash32(seed: number, tag: string, ...parts: number[]): number {
  let h = tagHash(tag) ^ (seed >>> 0);
  for (const p of parts) {
    const v = p >>> 0;
    h = mix(mix(mix(mix(h, v), v >>> 8), v >>> 16), v >>> 24);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32 generator. */
export class Rng {
  private a: number;

  constructor(seed: number) {
    this.a = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }
}

/** A generator seeded from hash32(seed, tag, ...parts). */
export function rngFor(seed: number, tag: string, ...parts: number[]): Rng {
  return new Rng(hash32(seed, tag, ...parts));
}
