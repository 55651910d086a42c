// The request log behind `GET /__sim/requests`; secrets never enter it.
import type { IncomingHttpHeaders } from 'node:http';

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

export class RequestLog {
  private entries: LogEntry[] = [];
  private nextId = 1;

  constructor(private limit: () => number) {}

  add(entry: Omit<LogEntry, 'id'>): LogEntry {
    const e = { id: this.nextId++, ...entry };
    this.entries.push(e);
    const over = this.entries.length - this.limit();
    if (over > 0) this.entries.splice(0, over);
    return e;
  }

  list(): LogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
