// The request log behind GET /__sim/requests. The x-hash header is never stored.
import type { Json, JsonObject } from './json';

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

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(e: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ ...e, seq: ++this.seq });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
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
