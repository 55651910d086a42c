import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { parsePush, pushFrameSchema } from '../contract';
import { startTestHost, waitFlow, type TestHost } from '../testing/fixtures';
import { startWebServer, type WebServer } from './server';

/** The real host behind the web bridge, as `koppel serve` runs it. */
let t: TestHost;
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  t = await startTestHost();
  staticDir = mkdtempSync(path.join(tmpdir(), 'koppel-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  server = await startWebServer({ host: t.host, staticDir });
});

afterAll(async () => {
  await server.close();
  await t.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

async function call(channel: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-koppel-token': server.token },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('web bridge with the real host', () => {
  it('creates and lists flows over HTTP', async () => {
    const created = await call('flows.create', { name: 'Over the wire' });
    expect(created).toMatchObject({ status: 200, json: { ok: true, result: { flow: { id: 'over-the-wire' } } } });
    const list = await call('flows.list', {});
    expect(list.json).toMatchObject({ ok: true, result: [{ id: 'over-the-wire', name: 'Over the wire' }] });
  });

  it('answers 400 with the field for schema errors and 404 with the message for a missing file', async () => {
    const invalid = await call('flows.open', { path: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ ok: false, error: { message: expect.stringContaining('path') } });
    const missing = await call('flows.open', { path: 'nothing-here.flow.json' });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ ok: false, error: { kind: 'not-found', message: expect.stringContaining('There is no flow file') } });
    expect(JSON.stringify(missing.json)).not.toContain('    at ');
  });

  it('answers 409 with kind conflict for a save over a file changed since it was opened', async () => {
    const created = z.object({ result: z.object({ path: z.string(), revision: z.string() }) }).parse((await call('flows.create', { name: 'Conflict over the wire' })).json).result;
    const opened = z.object({ result: z.object({ flow: z.looseObject({}) }) }).parse((await call('flows.open', { path: created.path })).json).result;
    writeFileSync(created.path, `${readFileSync(created.path, 'utf8').trimEnd()}\n\n`);
    const stale = await call('flows.save', { path: created.path, flow: opened.flow, revision: created.revision });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining(`${created.path} changed on disk since you opened it`) } });
  });

  it('streams the events of a run started over HTTP to a WebSocket client', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events?token=${server.token}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const types: string[] = [];
    const finished = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        const frame = pushFrameSchema.parse(JSON.parse(String(data)));
        const event = frame.channel === 'run.event' ? parsePush('run.event', frame.payload) : undefined;
        if (event) {
          types.push(event.type);
          if (event.type === 'run.finished') resolve();
        }
      }),
    );
    const started = await call('runs.start', { flow: waitFlow() });
    expect(started.status).toBe(200);
    const runId = z.object({ result: z.object({ runId: z.string() }) }).parse(started.json).result.runId;
    expect(await call('runs.stop', { runId })).toMatchObject({ status: 200, json: { ok: true, result: { ok: true } } });
    await finished;
    ws.close();
    expect(types[0]).toBe('run.started');
    expect(types).toContain('node.status');
    expect(types.at(-1)).toBe('run.finished');
  });
});
