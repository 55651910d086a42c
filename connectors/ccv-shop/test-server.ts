/**
 * Test support (not a test file): a tiny local CCV Shop stand-in on 127.0.0.1 that recomputes the request
 * hash from the raw request with its own code (node:crypto, not our signer), records what arrived and
 * answers what the test says. Also an instant clock for retry tests.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Clock } from '../common';

export const PUBLIC = 'test_public_key';
export const SECRET = 'test_secret_key_5f1c9a77';

export interface RecordedRequest {
  method: string;
  /** The raw request target, exactly as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** Did x-hash match HMAC(secret, public|METHOD|url|body|x-date)? */
  hashOk: boolean;
}

export interface Reply {
  status?: number;
  /** A string is sent byte-for-byte; anything else is JSON-encoded. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sign the response (x-date/x-hash); 'tamper' signs and then alters the body. Default true. */
  sign?: boolean | 'tamper';
  /** Drop the connection without answering (a reset). */
  destroy?: boolean;
  /** Never answer (for time-outs). */
  hang?: boolean;
}

export type Handler = (req: RecordedRequest, shop: TestShop) => Reply | Promise<Reply>;

export interface TestShop {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export function hmac(secret: string, message: string): string {
  return createHmac('sha512', secret).update(message, 'utf8').digest('hex');
}

/** Starts a shop; requests with a wrong hash get CCV-style 401 unless `acceptBadHash`. */
export async function startShop(handler: Handler, opts: { secret?: string; acceptBadHash?: boolean } = {}): Promise<TestShop> {
  const secret = opts.secret ?? SECRET;
  const requests: RecordedRequest[] = [];
  const shop: TestShop = { baseUrl: '', requests, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const url = req.url ?? '';
        const method = req.method ?? '';
        const expected = hmac(secret, `${String(req.headers['x-public'])}|${method}|${url}|${body}|${String(req.headers['x-date'])}`);
        const recorded: RecordedRequest = { method, url, headers: req.headers, body, hashOk: req.headers['x-hash'] === expected };
        requests.push(recorded);
        let reply: Reply;
        if (!recorded.hashOk && !opts.acceptBadHash) {
          reply = { status: 401, body: { code: '401.10', status: 401, developermessage: 'Hash does not match.' } };
        } else {
          reply = await handler(recorded, shop);
        }
        if (reply.hang) return;
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        const status = reply.status ?? 200;
        const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        const headers: Record<string, string> = { 'content-type': 'application/json', ...reply.headers };
        if (reply.sign !== false) {
          const date = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
          headers['x-date'] = date;
          headers['x-hash'] = hmac(secret, `${PUBLIC}|${method}|${url}|${text}|${date}`);
        }
        res.writeHead(status, headers);
        res.end(reply.sign === 'tamper' ? text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('test shop did not get a port');
  shop.baseUrl = `http://127.0.0.1:${address.port}`;
  shop.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return shop;
}

/** A clock whose sleeps return at once and move time forward; it records every wait. */
export class InstantClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private t = Date.UTC(2024, 0, 15, 10, 30, 0)) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.sleeps.push(ms);
    this.t += ms;
  }
}

/** A collection envelope as CCV sends it; `next` is an absolute URL on the given base. */
export function envelope(base: string, path: string, items: unknown[], start: number, size: number, hasNext: boolean): Record<string, unknown> {
  return {
    start,
    size,
    href: `${base}${path}?start=${start}&size=${size}`,
    first: `${base}${path}?start=0&size=${size}`,
    previous: start > 0 ? `${base}${path}?start=${Math.max(0, start - size)}&size=${size}` : null,
    next: hasNext ? `${base}${path}?start=${start + size}&size=${size}` : null,
    items,
  };
}
