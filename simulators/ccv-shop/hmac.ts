// HMAC-SHA512 request verification and response signing (reference/ccv-shop/README.md §2.1, §2.3).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The five fields joined with '|', no trailing separator. */
export function stringToSign(publicKey: string, method: string, uri: string, data: string, xDate: string): string {
  return `${publicKey}|${method.toUpperCase()}|${uri}|${data}|${xDate}`;
}

/** Lowercase hex HMAC-SHA512; the secret is used as-is (not hex or base64 decoded). */
export function hmacHex(secret: string, message: string): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex');
}

/** x-hash of a request or response; `data` may be the raw body bytes, hashed as received. */
export function signRequest(
  publicKey: string,
  secret: string,
  method: string,
  uri: string,
  data: string | Buffer,
  xDate: string,
): string {
  const h = createHmac('sha512', secret).update(`${publicKey}|${method.toUpperCase()}|${uri}|`, 'utf8');
  if (typeof data === 'string') h.update(data, 'utf8');
  else h.update(data);
  return h.update(`|${xDate}`, 'utf8').digest('hex');
}

/** Constant-time comparison; accepts upper-case hex too. */
export function hashesEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

// ISO 8601 date-time with seconds, optional fraction and Z, ±HH:MM or ±HHMM (the formats of reference/ccv-shop/README.md §2.1).
const X_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an x-date value, or undefined when it is not a supported ISO 8601 form. */
export function parseXDate(value: string): number | undefined {
  const m = X_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(base)) return undefined;
  if (!zone || zone === 'Z') return base;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return base - sign * offsetMinutes * 60_000;
}

let lastSecond = Number.NaN;
let lastIso = '';

/** `YYYY-MM-DDTHH:MM:SSZ`, the form CCV uses in bodies and the one we put in response x-date. */
export function isoSeconds(epochMs: number): string {
  // Every response and record stamp asks for the current second: format it once per second.
  const second = Math.floor(epochMs / 1000);
  if (second === lastSecond) return lastIso;
  // Years 0000-9999 only, which toISOString gives as 24 characters.
  const iso = `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
  lastSecond = second;
  lastIso = iso;
  return iso;
}

