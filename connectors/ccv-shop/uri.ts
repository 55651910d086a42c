import { CcvApiError } from './errors';

/**
 * Building the request URI once. The hash covers path+query exactly as sent (reference/ccv-shop/README.md §2.4), so the URI is
 * built here with strict percent-encoding and normalised through WHATWG URL, the same parser the HTTP client uses on
 * the wire; the string that is signed is then byte-identical to the request target.
 */

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type QueryInput = Record<string, QueryValue>;

/** RFC 3986 unreserved characters stay, everything else is %XX; commas stay readable (`expand=a,b`). */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/g, ',');
}

/** `a=1&b=x%20y` in insertion order; undefined/null values are left out; arrays are comma-joined. */
export function buildQuery(query: QueryInput | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (raw === undefined || raw === null) continue;
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    if (Array.isArray(raw) && raw.length === 0) continue;
    parts.push(`${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`);
  }
  return parts.join('&');
}

/** An id as a path segment. Ids arrive from flow data, so anything but a whole number is refused here. */
export function segment(value: string | number): string {
  const text = String(value).trim();
  if (!/^\d{1,15}$/.test(text)) {
    throw new CcvApiError({ kind: 'validation', code: 'invalid-id', method: '-', path: '-', message: `"${text.slice(0, 40)}" is not a valid CCV Shop id; ids are whole numbers. Check the mapping that supplies it.` });
  }
  return text;
}

/**
 * What goes on the wire for `uri` (path+query): the form WHATWG URL produces, which is also what the HTTP client (undici)
 * sends. Our own URIs are already in that form; `next` links from the server are taken as-is
 * unless they contain characters the URL parser would escape anyway.
 */
export function wireForm(origin: string, uri: string): string {
  const parsed = new URL(uri, origin);
  return parsed.pathname + parsed.search;
}

/** Path+query of an absolute `next`/`href` link (scheme and host stripped, reference/ccv-shop/README.md §2.4). */
export function stripOrigin(link: string): string {
  if (link.startsWith('/')) return link;
  const parsed = new URL(link);
  return parsed.pathname + parsed.search;
}

/**
 * The resource a call is counted against for rate limits (`products`, `productphotos`); `root` for the API
 * root. For a nested path it is the last named segment: `/products/:id/productphotos/` reads and writes the
 * productphotos resource (endpoints.json: `resource.collection.productphotos`, `internal.resource.productphotos.post`).
 */
export function resourceOf(uri: string, apiPrefix: string): string {
  const path = uri.split('?')[0] ?? '';
  const rest = path.startsWith(apiPrefix) ? path.slice(apiPrefix.length) : path.replace(/^\/+/, '');
  const named = rest.split('/').filter((s) => s.length > 0 && !/^\d+$/.test(s));
  const last = named.at(-1);
  return last ? decodeURIComponent(last).toLowerCase() : 'root';
}
