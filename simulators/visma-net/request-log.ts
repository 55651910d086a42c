// The request log behind `GET /__sim/requests`; secrets never enter it.
import type { IncomingHttpHeaders } from 'node:http';
import { isoStamp } from './dates';

export interface LogEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  durationMs: number;
  fault?: string;
  warnings?: string[];
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const SECRET_KEY = /secret|password|access_token|refresh_token|client_assertion/i;

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (SECRET_HEADERS.has(k.toLowerCase()) || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Drops secret-looking keys at any depth (client_secret in token requests, passwords, tokens). */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (typeof body === 'object' && body !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) if (!SECRET_KEY.test(k)) out[k] = redactBody(v);
    return out;
  }
  return body;
}

export function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of q) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** What a request leaves in the log: references to what the request already had; rendered as a LogEntry on read. */
export interface RawEntry {
  timeMs: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Turns the body into its logged form (redacted, multipart summarised); called when the log is read. */
  body: () => unknown;
  status: number;
  durationMs: number;
  fault?: string;
  warnings?: string[];
}

/** A ring of the last `limit()` requests (the limit may change at run time); entries are rendered on read. */
export class RequestLog {
  private ring: (RawEntry & { id: number })[] = [];
  /** Index of the oldest entry once the ring is full. */
  private start = 0;
  private nextId = 1;

  constructor(private limit: () => number) {}

  add(entry: RawEntry): void {
    const e = { ...entry, id: this.nextId++ };
    const limit = Math.max(1, this.limit());
    if (this.ring.length < limit && this.start === 0) {
      this.ring.push(e);
      return;
    }
    if (this.ring.length !== limit) {
      // The limit changed: straighten the ring, keep the newest limit - 1, then append.
      const keep = limit - 1;
      this.ring = [...(keep > 0 ? this.ordered().slice(-keep) : []), e];
      this.start = 0;
      return;
    }
    this.ring[this.start] = e;
    this.start = (this.start + 1) % limit;
  }

  list(): LogEntry[] {
    return this.ordered()
      .slice(-Math.max(1, this.limit()))
      .map((e) => ({
        id: e.id,
        time: isoStamp(e.timeMs),
        method: e.method,
        path: e.path,
        query: queryObject(e.query),
        headers: redactHeaders(e.headers),
        body: e.body(),
        status: e.status,
        durationMs: e.durationMs,
        ...(e.fault !== undefined ? { fault: e.fault } : {}),
        ...(e.warnings !== undefined ? { warnings: e.warnings } : {}),
      }));
  }

  clear(): void {
    this.ring = [];
    this.start = 0;
  }

  private ordered(): (RawEntry & { id: number })[] {
    return this.start === 0 ? this.ring : [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }
}
