import { describe, expect, it } from 'vitest';
import { contentHash, shortHash } from './hash';

describe('hashes for the id map', () => {
  it('are the same for equal data whatever the key order, and differ for different data', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(shortHash({ a: 1, b: [1, 2] })).toBe(shortHash({ b: [1, 2], a: 1 }));
    expect(shortHash('12.10')).not.toBe(shortHash(12.1));
    expect(shortHash(null)).not.toBe(shortHash(''));
  });

  it('shortHash spreads close values apart (no collision among 20,000 prices and names)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      seen.add(shortHash(i / 100));
      seen.add(shortHash(`Product ${i}`));
    }
    expect(seen.size).toBe(20_000);
  });
});
