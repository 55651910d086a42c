import type { B64Mode } from './config';

/** `b64(<base64url>)` form of a path id (reference/visma-net/README.md §4.4, since Visma.net 8.19). */
export function b64Id(id: string): string {
  return `b64(${Buffer.from(id, 'utf8').toString('base64url')})`;
}

/** Letters, digits, `-`, `_`, `~` and inner dots go into a path as they are; anything else needs `b64()`. */
export function needsB64(id: string): boolean {
  return !/^[A-Za-z0-9_~-]+(\.[A-Za-z0-9_~-]+)*$/.test(id);
}

/** One path segment of the main API for a record id (SKU, customer number, ...). */
export function mainPathSegment(id: string | number, mode: B64Mode = 'auto'): string {
  const text = String(id);
  if (text === '') throw new RangeError('An empty id cannot be used in a Visma.net address.');
  if (mode === 'always' || (mode === 'auto' && needsB64(text))) return b64Id(text);
  return encodeURIComponent(text);
}

/** V3 does not document `b64()`: plain percent-encoding there. */
export function v3PathSegment(id: string): string {
  if (id === '') throw new RangeError('An empty id cannot be used in a Visma.net address.');
  return encodeURIComponent(id);
}

function segmentsOf(location: string): string[] {
  let pathname: string;
  try {
    pathname = new URL(location, 'http://relative.invalid').pathname;
  } catch {
    return [];
  }
  return pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      let text = s;
      try {
        text = decodeURIComponent(s);
      } catch {
        // keep the raw segment
      }
      const b64 = /^b64\((.*)\)$/.exec(text);
      return b64?.[1] !== undefined ? Buffer.from(b64[1], 'base64url').toString('utf8') : text;
    });
}

/** The new record's id from a create's `Location` header: its last path segment. */
export function idFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const last = segmentsOf(location).at(-1);
  return last || undefined;
}

export interface SalesOrderKey {
  type: string;
  number: string;
}

/** V3 `Location: https://salesorder.visma.net/api/v3/SalesOrders/SO/000223` → `{type:'SO', number:'000223'}`. */
export function salesOrderFromLocation(location: string | undefined): SalesOrderKey | undefined {
  if (!location) return undefined;
  const segments = segmentsOf(location);
  const at = segments.findIndex((s) => s.toLowerCase() === 'salesorders');
  const type = at >= 0 ? segments[at + 1] : segments.at(-2);
  const number = at >= 0 ? segments[at + 2] : segments.at(-1);
  return type && number ? { type, number } : undefined;
}
