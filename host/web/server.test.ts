import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunEvent } from '../contract';
import { dispatch, type Handlers } from '../dispatch';
import { HostError } from '../errors';
import type { Host } from '../types';
import { startWebServer, type WebServer } from './server';

const unused = async (): Promise<never> => {
  throw new HostError('failed', 'not in this test');
};
const handlers: Handlers = {
  'app.info': async () => ({ version: '1.0.0', mode: 'web', home: '/h', firstStart: false, language: 'en' }),
  'settings.setLanguage': unused,
  'catalog.list': unused,
  'flows.list': unused,
  'flows.open': unused,
  'flows.create': unused,
  'flows.save': async () => {
    throw new HostError('conflict', 'x.flow.json changed on disk since you opened it.');
  },
  'flows.delete': async () => {
    throw new HostError('not-found', 'There is no flow file at x.flow.json.');
  },
  'flows.validate': unused,
  'flows.export': unused,
  'flows.inspectImport': unused,
  'flows.import': unused,
  'connections.list': unused,
  'connections.save': unused,
  'connections.remove': unused,
  'connections.test': unused,
  'connections.usage': unused,
  'bindings.get': unused,
  'bindings.set': unused,
  'options.list': unused,
  'runs.start': unused,
  'runs.stop': unused,
  'runs.list': unused,
  'runs.get': unused,
  'runs.samples': unused,
  'demo.setup': unused,
  'schedules.list': unused,
  'schedules.set': unused,
  'schedules.remove': unused,
  'schedules.pause': unused,
  'schedules.resume': unused,
  'schedules.preview': unused,
  'schedules.status': unused,
  'schedules.log': unused,
  'dashboard.overview': unused,
  'runs.detail': unused,
  'records.timeline': unused,
  'records.replay': unused,
  'records.park': unused,
  'records.unpark': unused,
  'records.parked': unused,
  'notifications.get': unused,
  'notifications.set': unused,
  'notifications.test': unused,
  'retention.get': unused,
  'retention.set': unused,
  'retention.apply': unused,
  'privacy.erase': unused,
  'wizard.createFlows': unused,
};

/** A host double: validates like the real one, answers app.info, fails on demand, and emits events. */
function fakeHost(): Host & { emit(event: RunEvent): void; calls: string[] } {
  const listeners = new Set<(event: RunEvent) => void>();
  const calls: string[] = [];
  return {
    calls,
    emit: (event) => listeners.forEach((l) => l(event)),
    async invoke(channel, input) {
      calls.push(channel);
      if (channel === 'flows.list') throw new Error('boom at /secret/path with token abc');
      return dispatch(handlers, channel, input);
    },
    onRunEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => undefined,
  };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let dir: string;
let staticDir: string;
let server: WebServer;
let host: ReturnType<typeof fakeHost>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'koppel-web-'));
  staticDir = path.join(dir, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Koppel</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(dir, 'outside.txt'), 'TOP SECRET');
  host = fakeHost();
  server = await startWebServer({ host, port: 0, staticDir });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(server.port, { method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', 'x-koppel-token': server.token, ...headers }, body: JSON.stringify(body) });

describe('web bridge: API', () => {
  it('gives a URL on 127.0.0.1 that carries a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a channel with {ok:true,result}', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, result: { version: '1.0.0', mode: 'web', home: '/h', firstStart: false, language: 'en' } });
  });

  it('refuses calls without or with a wrong token (401) before touching the host', async () => {
    const before = host.calls.length;
    const none = await raw(server.port, { method: 'POST', path: '/api/app.info', body: '{}' });
    const wrong = await api('app.info', {}, { 'x-koppel-token': server.token.slice(0, -1) + (server.token.endsWith('a') ? 'b' : 'a') });
    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(host.calls.length).toBe(before);
  });

  it('gives 404 for an unknown channel and 400 for input that fails the schema or is not JSON', async () => {
    const unknown = await api('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.kind).toBe('unknown-channel');
    const invalid = await api('flows.create', { name: '' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/^The request for 'flows.create' is not valid: name: /) });
    const notJson = await raw(server.port, { method: 'POST', path: '/api/app.info', headers: { 'x-koppel-token': server.token }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('answers host errors with the status and kind of their kind and their message, and hides unexpected errors', async () => {
    const known = await api('flows.delete', { path: 'x.flow.json' });
    expect(known.status).toBe(404);
    expect(JSON.parse(known.body).error).toEqual({ message: 'There is no flow file at x.flow.json.', kind: 'not-found' });
    const conflict = await api('flows.save', { path: 'x.flow.json', flow: { koppel: 2, id: 'x', name: 'X', nodes: [] } });
    expect(conflict.status).toBe(409);
    expect(JSON.parse(conflict.body).error).toEqual({ message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict' });
    const unexpected = await api('flows.list', {});
    expect(unexpected.status).toBe(500);
    expect(JSON.parse(unexpected.body).error.kind).toBe('failed');
    expect(unexpected.body).not.toContain('secret');
    expect(unexpected.body).not.toContain('token abc');
    expect(unexpected.body).not.toContain('at ');
  });

  it('refuses requests whose Host or Origin is not this machine (DNS rebinding)', async () => {
    const rebound = await raw(server.port, { method: 'POST', path: '/api/app.info', headers: { host: `evil.example:${server.port}`, 'x-koppel-token': server.token }, body: '{}' });
    expect(rebound.status).toBe(403);
    const foreignOrigin = await api('app.info', {}, { origin: 'http://evil.example' });
    expect(foreignOrigin.status).toBe(403);
    const otherPort = await api('app.info', {}, { origin: `http://127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const localhost = await api('app.info', {}, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
    expect(localhost.status).toBe(200);
  });

  it('rejects bodies over the size limit', async () => {
    const small = await startWebServer({ host, staticDir, maxBodyBytes: 100 });
    try {
      const reply = await raw(small.port, { method: 'POST', path: '/api/app.info', headers: { 'x-koppel-token': small.token }, body: JSON.stringify({ pad: 'x'.repeat(500) }) });
      expect(reply.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});

describe('web bridge: static files', () => {
  it('serves files with their content type and a strict CSP', async () => {
    const js = await raw(server.port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1)');
    const css = await raw(server.port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const index = await raw(server.port, { path: `/?token=${server.token}` });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
  });

  it('falls back to index.html for client routes but not for missing assets', async () => {
    const route = await raw(server.port, { path: '/runs/abc' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Koppel</title>');
    expect((await raw(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the static folder', async () => {
    for (const attempt of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f%2e%2e%2foutside.txt', '/..%5coutside.txt', '/%00index.html']) {
      const reply = await raw(server.port, { path: attempt });
      expect(reply.body, attempt).not.toContain('TOP SECRET');
      expect(reply.status, attempt).toBe(404);
    }
  });

  it('refuses a page request under a foreign Host name', async () => {
    const reply = await raw(server.port, { path: '/', headers: { host: 'attacker.test' } });
    expect(reply.status).toBe(403);
  });
});

describe('web bridge: run events over WebSocket', () => {
  const open = (url: string, headers: Record<string, string> = {}) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.once('error', reject);
    });

  it("delivers each run event as one JSON frame of the contract's run.event push channel", async () => {
    const ws = await open(`ws://127.0.0.1:${server.port}/events?token=${server.token}`);
    const received: unknown[] = [];
    const two = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        received.push(JSON.parse(String(data)));
        if (received.length === 2) resolve();
      }),
    );
    const at = '2024-01-01T00:00:00.000Z';
    host.emit({ type: 'log', runId: 'r1', at, level: 'info', message: 'hello' });
    host.emit({ type: 'node.status', runId: 'r1', at, nodeId: 'n1', status: 'running' });
    await two;
    ws.close();
    expect(received).toEqual([
      { channel: 'run.event', payload: { type: 'log', runId: 'r1', at, level: 'info', message: 'hello' } },
      { channel: 'run.event', payload: { type: 'node.status', runId: 'r1', at, nodeId: 'n1', status: 'running' } },
    ]);
  });

  it('refuses a socket without the token or from a foreign origin', async () => {
    await expect(open(`ws://127.0.0.1:${server.port}/events`)).rejects.toThrow('status 401');
    await expect(open(`ws://127.0.0.1:${server.port}/events?token=wrong`)).rejects.toThrow('status 401');
    await expect(open(`ws://127.0.0.1:${server.port}/events?token=${server.token}`, { origin: 'http://evil.example' })).rejects.toThrow('status 403');
  });
});
