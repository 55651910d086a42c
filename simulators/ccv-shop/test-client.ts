// Test helper: signs requests the way CCV clients do (own HMAC code, independent of the
// simulator's) and sends the URI byte-for-byte with node:http.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { parseJson } from './json';
import type { Json, JsonObject } from './json';

export interface Target {
  url: string;
  credentials: { publicKey: string; secretKey: string };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: Json | undefined;
}

export interface CallOptions {
  /** The literal x-date; default: now as YYYY-MM-DDTHH:MM:SSZ. */
  date?: string;
  publicKey?: string;
  secret?: string;
  /** Override the x-hash (tampering tests). */
  hash?: string;
  /** Hash this body but send `body` (tampering tests). */
  signedBody?: string;
  /** Hash this URI but send the real one. */
  signedUri?: string;
  headers?: Record<string, string>;
  omit?: ('x-public' | 'x-date' | 'x-hash')[];
}

export function hmacSha512Hex(secret: string, message: string): string {
  return createHmac('sha512', secret).update(message, 'utf8').digest('hex');
}

export function xDateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** Send raw bytes to `uri` (path + query exactly as given). */
export function raw(base: string, method: string, uri: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, method, path: uri, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Json | undefined;
          try {
            json = text ? parseJson(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed API call. `uri` starts with /api/rest/v1/; a non-string body is JSON-encoded once. */
export function call(sim: Target, method: string, uri: string, body?: Json, o: CallOptions = {}): Promise<Reply> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const pub = o.publicKey ?? sim.credentials.publicKey;
  const date = o.date ?? xDateOf(Date.now());
  const hash =
    o.hash ?? hmacSha512Hex(o.secret ?? sim.credentials.secretKey, `${pub}|${method}|${o.signedUri ?? uri}|${o.signedBody ?? text}|${date}`);
  const headers: Record<string, string> = { 'x-public': pub, 'x-date': date, 'x-hash': hash, 'content-type': 'application/json', ...o.headers };
  for (const h of o.omit ?? []) delete headers[h];
  return raw(sim.url, method, uri, headers, text);
}

/** An unauthenticated admin call under /__sim/. */
export function admin(sim: Target, method: string, path: string, body?: Json): Promise<Reply> {
  return raw(sim.url, method, path, { 'content-type': 'application/json' }, body === undefined ? '' : JSON.stringify(body));
}

/** The JSON object of a reply, or a failed expectation with the reply text. */
export function objOf(r: Reply): JsonObject {
  const j = r.json;
  if (typeof j !== 'object' || j === null || Array.isArray(j)) throw new Error(`expected a JSON object, got ${r.status}: ${r.text.slice(0, 300)}`);
  return j;
}

export function itemsOf(r: Reply): JsonObject[] {
  const items = objOf(r).items;
  if (!Array.isArray(items)) throw new Error(`expected items, got ${r.text.slice(0, 300)}`);
  return items.flatMap((i) => (typeof i === 'object' && i !== null && !Array.isArray(i) ? [i] : []));
}
