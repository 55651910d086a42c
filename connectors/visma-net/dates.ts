/**
 * Date handling per reference/visma-net/README.md §4.6: query filters accept `yyyy-MM-ddTHH:mm:ss(.FFF)`; document dates are sent
 * without an offset (omniboost had date shifts otherwise); responses come with and without an offset.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `yyyy-MM-ddTHH:mm:ss` (plus `.SSS` when the milliseconds are not zero), without an offset. */
export function formatLocalDateTime(date: Date, timeZone: 'local' | 'utc'): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Cannot send an invalid date to Visma.net.');
  const utc = timeZone === 'utc';
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const ms = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  const base = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  return ms === 0 ? base : `${base}.${pad(ms, 3)}`;
}

/** A document date (invoice, journal): the calendar day at midnight, no offset: `2025-05-19T00:00:00`. */
export function formatDocumentDate(date: Date, timeZone: 'local' | 'utc' = 'local'): string {
  return `${formatLocalDateTime(date, timeZone).slice(0, 10)}T00:00:00`;
}

/**
 * Reads a Visma date-time. Values without an offset are read in `assume` (V3 documents UTC; the main API does not
 * say, so callers pass their configured `filterTimeZone`). Returns undefined for empty or unreadable values.
 */
export function parseVismaDateTime(text: string | null | undefined, assume: 'local' | 'utc' = 'utc'): Date | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  if (m[8]) {
    const date = new Date(text.trim().replace(' ', 'T'));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => Number(p ?? 0));
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = parts;
  const date = assume === 'utc' ? new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)) : new Date(y, mo - 1, d, h, mi, s, ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
