// The request log behind GET /__sim/requests. The x-hash header is never stored.
// A ring of the last MAX_ENTRIES requests. An entry is kept as a few strings (the headers as JSON text, the body as
// text) and turned into the logged shape only when the log is read: with 100,000 products in memory, entries made
// of header objects and Buffers cost more in garbage collection than everything else a request does.
import type { IncomingHttpHeaders } from 'node:http';
import { isoSeconds } from './hmac';
import type { Json, JsonObject } from './json';
import { isObj, parseJson } from './json';

// A type alias (not an interface) so entries are assignable to JSON objects.
export type LoggedRequest = {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: JsonObject;
  rawQuery: string;
  headers: JsonObject;
  body: Json;
  status: number;
  fault: string | null;
};

/** What a request leaves in the log (cheap to keep): raw parts, rendered on read. */
export interface RawRequest {
  timeMs: number;
  method: string;
  path: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The raw body bytes; null when there was none or it was refused (too large). */
  body: Buffer | null;
  status: number;
  fault: string | null;
}

interface Entry {
  seq: number;
  timeMs: number;
  method: string;
  path: string;
  rawQuery: string;
  /** `loggableHeaders` as JSON text. */
  headers: string;
  body: string | null;
  status: number;
  fault: string | null;
}

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private ring: Entry[] = [];
  /** Index of the oldest entry once the ring is full. */
  private start = 0;
  private seq = 0;

  constructor(private readonly capacity = MAX_ENTRIES) {}

  add(e: RawRequest): void {
    const entry: Entry = {
      seq: ++this.seq,
      timeMs: e.timeMs,
      method: e.method,
      path: e.path,
      rawQuery: e.rawQuery,
      headers: headersJson(e.headers),
      body: e.body && e.body.length > 0 ? e.body.toString('utf8') : null,
      status: e.status,
      fault: e.fault,
    };
    if (this.ring.length < this.capacity) {
      this.ring.push(entry);
      return;
    }
    this.ring[this.start] = entry;
    this.start = (this.start + 1) % this.capacity;
  }

  list(): LoggedRequest[] {
    const out: LoggedRequest[] = [];
    const n = this.ring.length;
    for (let i = 0; i < n; i++) {
      const e = this.ring[(this.start + i) % n];
      if (e) out.push(render(e));
    }
    return out;
  }

  clear(): void {
    this.ring = [];
    this.start = 0;
  }
}

function render(e: Entry): LoggedRequest {
  let body: Json = null;
  if (e.body !== null) {
    try {
      body = parseJson(e.body);
    } catch {
      body = e.body;
    }
  }
  const headers = parseJson(e.headers);
  const query: JsonObject = {};
  for (const [k, v] of new URLSearchParams(e.rawQuery)) query[k] = v;
  return {
    seq: e.seq,
    time: isoSeconds(e.timeMs),
    method: e.method,
    path: e.path,
    query,
    rawQuery: e.rawQuery,
    headers: isObj(headers) ? headers : {},
    body,
    status: e.status,
    fault: e.fault,
  };
}

/** `JSON.stringify(loggableHeaders(headers))`, written directly (no intermediate object). */
export function headersJson(headers: IncomingHttpHeaders): string {
  let out = '{';
  for (const k in headers) {
    const v = headers[k];
    const name = k.toLowerCase();
    if (name === 'x-hash' || v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(Array.isArray(v) ? v.join(', ') : v)}`;
  }
  return `${out}}`;
}

/** Headers as logged: lower-case names, x-hash removed, repeated headers joined. */
export function loggableHeaders(headers: Record<string, string | string[] | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === 'x-hash' || v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
