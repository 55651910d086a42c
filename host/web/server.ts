import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope, HostErrorKind, PushFrame } from '../contract';
import { isChannel } from '../dispatch';
import { HTTP_STATUS, HostError } from '../errors';
import type { Host } from '../types';
import { isLocalRequest, tokenMatches } from './guard';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  host: Host;
  /** 0 or absent = a free port chosen by the OS. */
  port?: number;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export interface WebServer {
  /** Open this in a browser: it carries the session token. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

function securityHeaders(port: number): Record<string, string> {
  const ws = `ws://127.0.0.1:${port} ws://localhost:${port}`;
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "worker-src 'self' blob:",
      "img-src 'self' data:",
      "font-src 'self' data:",
      `connect-src 'self' ${ws}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // The token is in the page URL: never hand it to another site in a Referer header.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `koppel serve`: the host's channels over HTTP, run events over WebSocket, the renderer as static files. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(32).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 20 * 1024 * 1024;
  let port = 0;
  let headers: Record<string, string> = {};

  const json = (res: ServerResponse, status: number, body: Envelope): void => {
    res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, message: string, kind: HostErrorKind): void => json(res, status, { ok: false, error: { message, kind } });

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const header = req.headers['x-koppel-token'];
    if (!tokenMatches(typeof header === 'string' ? header : undefined, token)) {
      fail(res, 401, 'Missing or wrong session token. Open Koppel through the address koppel serve printed.', 'refused');
      return;
    }
    const channel = pathname.slice(API_PREFIX.length);
    if (!isChannel(channel)) {
      fail(res, 404, `Unknown channel '${channel.slice(0, 80)}'.`, 'unknown-channel');
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      fail(res, 405, 'Use POST with a JSON body.', 'invalid-input');
      return;
    }
    let input: unknown;
    try {
      const text = await readBody(req, maxBody);
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      if (error instanceof BodyTooLarge) fail(res, 413, `The request is larger than ${Math.round(maxBody / 1024 / 1024)} MB.`, 'invalid-input');
      else fail(res, 400, 'The request body is not valid JSON.', 'invalid-input');
      return;
    }
    try {
      const result = await opts.host.invoke(channel, input);
      json(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof HostError) {
        fail(res, HTTP_STATUS[error.kind], error.message, error.kind);
      } else {
        // Unexpected errors may carry internals; the person gets a plain sentence, never a stack trace.
        fail(res, 500, `Koppel could not complete '${channel}' because of an internal error. Try again; if it keeps happening, restart koppel serve.`, 'failed');
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLocalRequest(req, port)) {
      fail(res, 403, 'Requests must come from this computer (127.0.0.1 or localhost).', 'refused');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname.startsWith(API_PREFIX)) {
      await handleApi(req, res, pathname);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      fail(res, 405, 'Only GET and HEAD are served here.', 'invalid-input');
      return;
    }
    // The raw path, not the URL-normalised one: '/a/%2e%2e/' must be seen (and refused) as traversal.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    await serveStatic(req, res, opts.staticDir, rawPath, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500, 'Internal error.', 'failed');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const sockets = new Set<WebSocket>();
  // The push channels the web carries (`web: true` in the contract): run events.
  const push = (frame: PushFrame): void => {
    const text = JSON.stringify(frame);
    for (const socket of sockets) if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const unsubscribe = opts.host.onRunEvent((payload) => push({ channel: 'run.event', payload }));

  const refuse = (socket: Duplex, status: number, reason: string): void => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  };
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLocalRequest(req, port)) return refuse(socket, 403, 'Forbidden');
    if (url.pathname !== '/events') return refuse(socket, 404, 'Not Found');
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // Events flow one way; anything the page sends is ignored.
      ws.on('message', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('koppel serve could not read its own port.');
  port = address.port;
  headers = securityHeaders(port);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
