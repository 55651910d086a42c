import { createHash } from 'node:crypto';
import type { Json } from './json';

/** JSON with object keys sorted at every level: equal data gives equal text. */
export function stableStringify(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v)).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = value[k];
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stableStringify(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Content hash for the id map: a writing node skips a record whose hash did not change since the last write. */
export function contentHash(value: Json): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/**
 * A short, fast, non-cryptographic hash (53 bits, two multiplicative 32-bit lanes) for telling field values apart,
 * e.g. which fields of a record changed since the last write. Not for anything an attacker chooses.
 */
export function shortHash(value: Json): string {
  const text = stableStringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
