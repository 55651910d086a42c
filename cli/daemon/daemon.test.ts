import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeFlow } from '../../engine/flow/serialize';
import { flowDocumentSchema } from '../../engine/flow/schema';
import { openLedger } from '../../engine/ledger/ledger';
import type { RunEvent } from '../../engine/run/events';
import { createConfSettings } from '../../host/adapters/conf-settings';
import { createMemorySecrets } from '../../host/adapters/memory-secrets';
import { createHost } from '../../host/index';
import { createFakeClock } from '../../host/services/fake-clock';
import { opsCatalog, productsFlow } from '../../host/services/ops.fixture';
import type { KoppelHost } from '../../host/types';
import type { Io } from '../io';
import { runDaemon } from './run-daemon';

const root = mkdtempSync(path.join(tmpdir(), 'koppel-daemon-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A KOPPEL_HOME with the products flow in its library and a schedule every minute in its settings file. */
function workspace(): string {
  const home = path.join(root, `home-${++n}`);
  mkdirSync(path.join(home, 'flows'), { recursive: true });
  writeFileSync(path.join(home, 'flows', 'products.flow.json'), serializeFlow(productsFlow({ fields: ['price', 'amount'], target: `daemon-${n}` })));
  createConfSettings({ cwd: home }).set('schedules', { products: { flowId: 'products', everyMinutes: 1, since: '2026-03-02T09:00:00.000Z' } });
  return home;
}

function captureIo(home: string): Io & { out: (s: string) => void; lines: () => string[]; errors: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => (out += s),
    err: (s) => (err += s),
    exit: () => undefined,
    isTTY: false,
    env: { KOPPEL_HOME: home },
    lines: () => out.split('\n').filter(Boolean),
    errors: () => err,
  };
}

/** A pid that belonged to a process that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

async function startDaemon(home: string, json = false) {
  const io = captureIo(home);
  const clock = createFakeClock('2026-03-02T09:00:00.000Z');
  let host: KoppelHost | undefined;
  const finished: RunEvent[] = [];
  let stop = (): void => undefined;
  let ready = (): void => undefined;
  const readyP = new Promise<void>((resolve) => (ready = resolve));
  const done = runDaemon({
    io,
    json,
    stop: new Promise<void>((resolve) => (stop = resolve)),
    onReady: () => ready(),
    createHost: async (h, env) => {
      host = await createHost({ home: h, mode: 'web', settings: createConfSettings({ cwd: h }), secrets: createMemorySecrets(), env, catalog: opsCatalog(), clock, scheduler: { maxSleepMs: 3_600_000 } });
      host.onRunEvent((e) => {
        if (e.type === 'run.finished') finished.push(e);
      });
      return host;
    },
  });
  await Promise.race([readyP, done]);
  return { io, clock, done, stop: () => stop(), host: () => host, finished };
}

describe('koppel daemon', () => {
  it('runs due schedules from the settings file, logs one line per run start and finish, and stops cleanly', async () => {
    const home = workspace();
    const d = await startDaemon(home);
    expect(JSON.parse(readFileSync(path.join(home, 'daemon.lock'), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'daemon' });
    await d.clock.advance(60_000);
    await d.host()?.settled();
    while (d.finished.length === 0) await new Promise((r) => setTimeout(r, 5));
    d.stop();
    expect(await d.done).toBe(0);
    const lines = d.io.lines();
    expect(lines.some((l) => /daemon +Running the schedules of .*home-\d+ \(process \d+\)/.test(l))).toBe(true);
    expect(lines.some((l) => /scheduled +products: Started 'Products to shop' as scheduled for/.test(l))).toBe(true);
    expect(lines.some((l) => /run started +products 'Products to shop' run /.test(l))).toBe(true);
    expect(lines.some((l) => /run finished +products 'Products to shop' succeeded in .*: 3 created, 0 updated, 0 skipped, 0 failed run /.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/Stopped\.$/);
    expect(existsSync(path.join(home, 'daemon.lock'))).toBe(false);
  });

  it('prints JSON lines with --json', async () => {
    const d = await startDaemon(workspace(), true);
    await d.clock.advance(60_000);
    await d.host()?.settled();
    while (d.finished.length === 0) await new Promise((r) => setTimeout(r, 5));
    d.stop();
    expect(await d.done).toBe(0);
    const records: unknown[] = d.io.lines().map((l) => JSON.parse(l));
    expect(records).toContainEqual(expect.objectContaining({ type: 'run.started', flowId: 'products', flowName: 'Products to shop' }));
    expect(records).toContainEqual(expect.objectContaining({ type: 'run.finished', flowId: 'products', status: 'succeeded', counts: expect.objectContaining({ created: 3 }) }));
    expect(records).toContainEqual(expect.objectContaining({ type: 'ops', kind: 'scheduled', flowId: 'products' }));
  });

  it('refuses to start while another live process holds the lock, and leaves that lock alone', async () => {
    const home = workspace();
    const lock = JSON.stringify({ pid: process.ppid, owner: 'daemon', since: '2026-03-01T07:00:00.000Z' });
    writeFileSync(path.join(home, 'daemon.lock'), lock);
    const d = await startDaemon(home);
    expect(await d.done).toBe(2);
    expect(d.io.errors()).toContain(`already run by the Koppel daemon (process ${process.ppid}, since 2026-03-01T07:00:00.000Z)`);
    expect(readFileSync(path.join(home, 'daemon.lock'), 'utf8')).toBe(lock);
  });

  it('takes over a stale lock and marks runs left running by a stopped Koppel as failed', async () => {
    const home = workspace();
    const dead = deadPid();
    writeFileSync(path.join(home, 'daemon.lock'), String(dead));
    const ledger = openLedger(path.join(home, 'ledger.db'));
    const flow = flowDocumentSchema.parse({ koppel: 2, id: 'products', name: 'Products to shop', nodes: [] });
    ledger.recorder('orphan', flow).onEvent({ runId: 'orphan', at: '2026-03-01T10:00:00.000Z', type: 'run.started', flowId: 'products', flowName: 'Products to shop', dryRun: false, nodeIds: [] });
    ledger.close();
    const d = await startDaemon(home);
    expect(readFileSync(path.join(home, 'daemon.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
    expect(d.io.lines()[0]).toMatch(/Marked 1 run left running by a Koppel that stopped as failed/);
    d.stop();
    expect(await d.done).toBe(0);
    const check = openLedger(path.join(home, 'ledger.db'));
    expect(check.getRun('orphan')?.run.status).toBe('failed');
    check.close();
  });

  it('on SIGTERM cancels the running flow and exits 0', async () => {
    const home = path.join(root, `home-${++n}`);
    mkdirSync(home, { recursive: true });
    const fixture = fileURLToPath(new URL('./daemon-child.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { env: { ...process.env, KOPPEL_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/run started +waits/.test(out)) resolve();
      });
      void exited.then(() => reject(new Error(`the daemon ended early: ${out}${err}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/Stopping \(SIGTERM\)/);
    expect(out).toMatch(/run finished +waits 'Waits' cancelled/);
    expect(out.trim().split('\n').at(-1)).toMatch(/Stopped\.$/);
    expect(existsSync(path.join(home, 'daemon.lock'))).toBe(false);
  });
});
