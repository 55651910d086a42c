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
