import { formatDocumentDate } from './dates';

export interface PlainBodyOptions {
  /** Keep `null` values (V3: "clear this field"); by default they are left out like `undefined`. */
  sendNulls?: boolean;
  timeZone?: 'local' | 'utc';
  /** Fields whose date-only strings (`2025-05-19`) get `T00:00:00`, as the spec's date-time asks. */
  dateFields?: ReadonlySet<string>;
}

/**
 * A V3 body (plain JSON, reference/visma-net/README.md §4 / §6.3): `undefined` (and by default `null`) fields are left out, and `Date`
 * values become their calendar day `yyyy-MM-ddT00:00:00`: V3 reads a date without an offset as UTC, so the day
 * stays the day the caller meant. Pass a string for an exact moment.
 */
export function plainBody(value: unknown, options: PlainBodyOptions = {}): unknown {
  if (value instanceof Date) return formatDocumentDate(value, options.timeZone ?? 'local');
  if (Array.isArray(value)) return value.map((v) => plainBody(v, options));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || (v === null && !options.sendNulls)) continue;
      const dateOnly = typeof v === 'string' && options.dateFields?.has(k) && /^\d{4}-\d{2}-\d{2}$/.test(v);
      out[k] = dateOnly ? `${v}T00:00:00` : plainBody(v, options);
    }
    return out;
  }
  return value;
}
