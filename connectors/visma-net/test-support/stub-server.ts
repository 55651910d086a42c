import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** One request as the stub saw it. */
export interface Seen {
  method: string;
  /** Path and raw (still encoded) query, as sent on the wire. */
  url: string;
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON, strings and Buffers as they are. */
  body?: unknown;
  /** Drop the connection without answering (a reset in transit). */
  destroy?: boolean;
  /** Never answer (for time-outs); the socket is closed when the stub closes. */
  hang?: boolean;
}

/** Return `undefined` for the default: numbered tokens on the token path, 404 elsewhere. */
export type Handler = (req: Seen) => Reply | undefined | Promise<Reply | undefined>;

export interface Stub {
  url: string;
  seen: Seen[];
  /** Requests other than the token endpoint. */
  api(): Seen[];
  tokenCalls(): Seen[];
  handle(handler: Handler): void;
  /** Forgets what was seen, restarts token numbering and restores the default handler. */
  reset(): void;
  close(): Promise<void>;
}

export const tokenPath = '/connect/token';

/** A token answer; `n` makes each token distinct (`tok-1`, `tok-2`, ...). */
export function tokenReply(n: number, expiresIn = 3600): Reply {
  return { status: 200, body: { access_token: `tok-${n}`, expires_in: expiresIn, token_type: 'Bearer', scope: 'vismanet_erp_service_api:read' } };
}

/** A small Visma.net stand-in on 127.0.0.1 with a random port; token requests get numbered tokens by default. */
export async function startStub(handler: Handler = () => undefined): Promise<Stub> {
  let current = handler;
  let tokens = 0;
  const seen: Seen[] = [];
  const hanging = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = req.url ?? '/';
        const q = url.indexOf('?');
        const entry: Seen = {
          method: req.method ?? 'GET',
          url,
          path: q >= 0 ? url.slice(0, q) : url,
          rawQuery: q >= 0 ? url.slice(q + 1) : '',
          query: new URLSearchParams(q >= 0 ? url.slice(q + 1) : ''),
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        seen.push(entry);
        let reply: Reply | undefined;
        try {
          reply = await current(entry);
        } catch (error) {
          reply = { status: 599, body: String(error) };
        }
        reply ??= entry.path === tokenPath ? tokenReply(++tokens) : { status: 404 };
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        if (reply.hang) {
          hanging.add(req.socket);
          return;
        }
        const headers: Record<string, string> = { ...reply.headers };
        let body: string | Buffer = '';
        if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') body = reply.body;
        else if (reply.body !== undefined) {
          body = JSON.stringify(reply.body);
          headers['content-type'] ??= 'application/json; charset=utf-8';
        }
        res.writeHead(reply.status ?? 200, headers);
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    api: () => seen.filter((s) => s.path !== tokenPath),
    tokenCalls: () => seen.filter((s) => s.path === tokenPath),
    handle: (h) => {
      current = h;
    },
    reset: () => {
      seen.length = 0;
      tokens = 0;
      current = () => undefined;
    },
    close: async () => {
      for (const socket of hanging) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits (on real ticks, never on time) until `condition` holds; fails after many ticks. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 5000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
