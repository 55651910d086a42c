import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { RunEvent } from '../../host/contract';
import { HostCallError, isConflict } from './host-call';
import { createWebClient } from './web-client';
import type { SocketOpener } from './web-client';

const TOKEN = 'test-token-123';
const requests: { url: string; token: string | undefined; body: string }[] = [];
const sockets: WebSocket[] = [];

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const token = req.headers['x-koppel-token'];
    requests.push({ url: req.url ?? '', token: typeof token === 'string' ? token : undefined, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (token !== TOKEN) return send(401, { ok: false, error: { message: 'Missing or wrong access token.', kind: 'refused' } });
    if (req.url === '/api/flows.delete') return send(404, { ok: false, error: { message: 'No flow at "x.flow.json". Refresh the library.', kind: 'not-found' } });
    if (req.url === '/api/flows.save') return send(409, { ok: false, error: { message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict' } });
    if (req.url === '/api/connections.list') return send(200, { ok: true, result: [{ id: 'c1', type: 'ccv-shop', name: 'Shop', settings: {}, hasSecret: true }] });
    if (req.url === '/api/catalog.list') return send(200, { ok: true, result: [{ type: 42 }] });
    if (req.url === '/api/app.info') return send(200, { ok: true, result: { version: '1.0.0', mode: 'web', home: '/tmp/k', firstStart: false, language: 'nl' } });
    res.writeHead(500);
    res.end('<html>oops</html>');
  });
});
const wss = new WebSocketServer({ server, path: '/events' });
const socketTokens: string[] = [];
wss.on('connection', (ws, req) => {
  socketTokens.push(new URL(req.url ?? '', 'http://x').searchParams.get('token') ?? '');
  sockets.push(ws);
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr: AddressInfo | string | null = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no address');
  baseUrl = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  for (const s of wss.clients) s.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const wsOpener: SocketOpener = (url, { onMessage, onClose }) => {
  const ws = new WebSocket(url);
  ws.on('message', (data: Buffer) => onMessage(data.toString()));
  ws.on('close', () => onClose());
  return { close: () => ws.close() };
};

describe('web client', () => {
  it('posts to /api/<channel> with the token and returns the parsed result', async () => {
    const client = createWebClient({ baseUrl, token: TOKEN, openSocket: wsOpener });
    const info = await client.invoke('app.info', {});
    expect(info).toEqual({ version: '1.0.0', mode: 'web', home: '/tmp/k', firstStart: false, language: 'nl' });
    const conns = await client.invoke('connections.list', {});
    expect(conns[0]?.demo).toBe(false); // schema default applied
    const last = requests[requests.length - 1];
    expect(last).toEqual({ url: '/api/connections.list', token: TOKEN, body: '{}' });
  });

  it('throws the host message and kind for {ok:false}', async () => {
    const client = createWebClient({ baseUrl, token: TOKEN, openSocket: wsOpener });
    await expect(client.invoke('flows.delete', { path: 'x.flow.json' })).rejects.toThrow('No flow at "x.flow.json". Refresh the library.');
    const refused = await client.invoke('flows.save', { flow: { koppel: 2, id: 'x', name: 'X', nodes: [] } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HostCallError);
    expect(refused).toMatchObject({ kind: 'conflict', status: 409, channel: 'flows.save' });
    expect(isConflict(refused)).toBe(true);
  });

  it('explains a wrong token', async () => {
    const client = createWebClient({ baseUrl, token: 'wrong', openSocket: wsOpener });
    await expect(client.invoke('app.info', {})).rejects.toThrow(/access token/);
  });

  it('refuses results that do not match the contract, and non-JSON answers', async () => {
    const client = createWebClient({ baseUrl, token: TOKEN, openSocket: wsOpener });
    await expect(client.invoke('catalog.list', {})).rejects.toThrow(/unexpected shape/);
    await expect(client.invoke('flows.list', {})).rejects.toThrow(/HTTP 500/);
  });

  it('reports an unreachable host in words', async () => {
    const client = createWebClient({ baseUrl: 'http://127.0.0.1:1', token: TOKEN, openSocket: wsOpener });
    await expect(client.invoke('app.info', {})).rejects.toThrow(/not reachable/);
  });

  it("delivers the socket's run.event frames, skips malformed ones and other channels, and closes when unsubscribed", async () => {
    const client = createWebClient({ baseUrl, token: TOKEN, openSocket: wsOpener });
    const received: RunEvent[] = [];
    const before = sockets.length;
    let unsubscribe = () => {};
    const got = new Promise<void>((resolve) => {
      unsubscribe = client.on('run.event', (e) => {
        received.push(e);
        if (e.type === 'run.finished') resolve();
      });
    });
    await expect.poll(() => sockets.length).toBe(before + 1);
    expect(socketTokens[socketTokens.length - 1]).toBe(TOKEN);
    const ws = sockets[sockets.length - 1];
    const at = '2026-01-01T00:00:00.000Z';
    const frame = (payload: unknown, channel = 'run.event') => JSON.stringify({ channel, payload });
    ws?.send(frame({ type: 'log', runId: 'r1', at, level: 'info', message: 'hello' }));
    ws?.send('not json');
    ws?.send(frame({ type: 'unknown' }));
    ws?.send(JSON.stringify({ type: 'log', runId: 'r1', at, level: 'info', message: 'a bare event is no frame' }));
    ws?.send(frame({ type: 'log', runId: 'r1', at, level: 'info', message: 'on another channel' }, 'menu.command'));
    ws?.send(frame({ type: 'run.finished', runId: 'r1', at, status: 'succeeded', durationMs: 5, counts: { in: 1, out: 1, created: 0, updated: 0, skipped: 0, failed: 0 } }));
    await got;
    expect(received.map((e) => e.type)).toEqual(['log', 'run.finished']);
    const closed = new Promise<void>((resolve) => ws?.once('close', () => resolve()));
    unsubscribe();
    await closed;
  });

  it('has no menu in a browser: listening to menu commands opens no socket', () => {
    const client = createWebClient({ baseUrl, token: TOKEN, openSocket: () => {
      throw new Error('no socket expected');
    } });
    const off = client.on('menu.command', () => {});
    off();
  });
});
