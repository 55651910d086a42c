import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOCAL_NAMES = new Set(['127.0.0.1', 'localhost']);

/**
 * DNS-rebinding guard: a page on another site that resolves its name to 127.0.0.1 still sends its own name in
 * `Host`, and browsers send `Origin` on cross-site requests. Both must name this server.
 */
export function isLocalRequest(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (!host || !matchesLocal(`http://${host}`, port)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !matchesLocal(origin, port)) return false;
  return true;
}

function matchesLocal(address: string, port: number): boolean {
  try {
    const url = new URL(address);
    const urlPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return url.protocol === 'http:' && LOCAL_NAMES.has(url.hostname) && urlPort === port && url.pathname === '/' && url.username === '';
  } catch {
    return false;
  }
}

/** Constant-time token comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
