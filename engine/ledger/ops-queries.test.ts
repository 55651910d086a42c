import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../flow/schema';
import type { RecordAction, RunEvent, RunStatus } from '../run/events';
import { openLedger, type Ledger } from './ledger';
import { LEDGER_MIGRATIONS, migrateLedger, schemaVersion } from './schema';
import { openDb } from './db';

const dir = mkdtempSync(join(tmpdir(), 'koppel-ops-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbPath = () => join(dir, `ledger-${++n}.db`);
const zero = { in: 0, out: 0, created: 0, updated: 0, skipped: 0, failed: 0 };

/** Records one run with the given record outcomes (key, action, reason) and an optional log line naming a key. */
function seed(
  ledger: Ledger,
  runId: string,
  at: string,
  outcomes: [string, RecordAction, string?][],
  opts: { flowId?: string; dryRun?: boolean; status?: RunStatus; logKey?: string } = {},
): void {
  const flowId = opts.flowId ?? 'orders';
  const flow = flowDocumentSchema.parse({ koppel: 2, id: flowId, name: `Flow ${flowId}`, nodes: [], settings: { batchSize: 100, payloadLogging: 'full', stopOnError: false } });
  const rec = ledger.recorder(runId, flow);
  const base = { runId, at };
  const events: RunEvent[] = [{ ...base, type: 'run.started', flowId, flowName: flow.name, dryRun: opts.dryRun ?? false, nodeIds: ['post'] }];
  if (opts.logKey) events.push({ ...base, type: 'log', level: 'info', message: `fetched ${opts.logKey}`, nodeId: 'fetch', key: opts.logKey });
  for (const [key, action, reason] of outcomes) {
    events.push({ ...base, type: 'record', nodeId: 'post', key, action, planned: opts.dryRun ?? false, ...(reason ? { reason } : {}), ...(action === 'created' ? { target: 'sales order', targetId: '5567' } : {}) });
  }
  events.push({ ...base, type: 'run.finished', status: opts.status ?? 'partial', durationMs: 10, counts: zero });
  for (const e of events) rec.onEvent(e);
}

describe('ledger: needs attention, parking, history queries', () => {
  it('lists a key only while its latest real outcome in its flow failed, once per key, and not when parked', () => {
    const ledger = openLedger(dbPath());
    seed(ledger, 'r1', '2026-03-01T10:00:00.000Z', [['A', 'failed', 'price missing'], ['B', 'failed', 'no VAT code'], ['C', 'failed', 'x']]);
    seed(ledger, 'r2', '2026-03-02T10:00:00.000Z', [['A', 'created'], ['C', 'failed', 'customer blocked'], ['C', 'failed', 'still blocked']]);
    // A dry run changes nothing about what needs attention.
    seed(ledger, 'r3', '2026-03-03T10:00:00.000Z', [['B', 'created']], { dryRun: true });
    seed(ledger, 'other', '2026-03-03T11:00:00.000Z', [['A', 'failed', 'other flow']], { flowId: 'stock' });

    const all = ledger.needsAttention();
    expect(all.total).toBe(3);
    expect(all.items.map((r) => [r.flowId, r.key, r.runId, r.reason])).toEqual([
      ['stock', 'A', 'other', 'other flow'],
      ['orders', 'C', 'r2', 'still blocked'],
      ['orders', 'B', 'r1', 'no VAT code'],
    ]);
    expect(ledger.needsAttention({ flowId: 'orders', limit: 1 })).toMatchObject({ total: 2, items: [{ key: 'C' }] });

    ledger.park('orders', 'B', 'customer left');
    expect(ledger.isParked('orders', 'B')).toBe(true);
    expect(ledger.needsAttention({ flowId: 'orders' }).items.map((r) => r.key)).toEqual(['C']);
    expect(ledger.parked()).toEqual([{ flowId: 'orders', key: 'B', parkedAt: expect.any(String), note: 'customer left' }]);
    expect(ledger.unpark('orders', 'B')).toBe(true);
    expect(ledger.unpark('orders', 'B')).toBe(false);
    expect(ledger.needsAttention({ flowId: 'orders' }).total).toBe(2);
    ledger.close();
  });

  it('lists runs since a time, real or dry, and log events naming a key', () => {
    const ledger = openLedger(dbPath());
    seed(ledger, 'r1', '2026-03-01T10:00:00.000Z', [['A', 'created']], { logKey: 'A' });
    seed(ledger, 'r2', '2026-03-02T10:00:00.000Z', [['A', 'updated']], { dryRun: true, logKey: 'A' });
    seed(ledger, 'r3', '2026-03-03T10:00:00.000Z', [['B', 'created']], { logKey: 'B' });
    expect(ledger.runsStartedSince('2026-03-02T00:00:00.000Z').map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(ledger.runsStartedSince('2026-03-01T00:00:00.000Z', { dryRun: false }).map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(ledger.listRuns({ dryRun: true }).map((r) => r.id)).toEqual(['r2']);
    expect(ledger.keyEvents('A').map((e) => [e.runId, e.dryRun, e.event.type === 'log' ? e.event.message : ''])).toEqual([
      ['r2', true, 'fetched A'],
      ['r1', false, 'fetched A'],
    ]);
    expect(ledger.keyEvents('A', { flowId: 'nope' })).toEqual([]);
    seed(ledger, 'r4', '2026-03-04T10:00:00.000Z', [['A', 'created'], ['B', 'failed', 'x'], ['C', 'failed', 'y']]);
    expect(ledger.runRecords('r4', { limit: 2 })).toMatchObject({ total: 3, items: [{ key: 'A' }, { key: 'B' }] });
    expect(ledger.runRecords('r4', { action: 'failed' }).items.map((r) => r.key)).toEqual(['B', 'C']);
    ledger.close();
  });

  it('leaves a run of another live Koppel process running, marks runs of dead processes failed', () => {
    const path = dbPath();
    const ledger = openLedger(path);
    const flow = flowDocumentSchema.parse({ koppel: 2, id: 'f', name: 'F', nodes: [] });
    for (const id of ['mine', 'alive', 'dead']) ledger.recorder(id, flow).onEvent({ runId: id, at: '2026-03-01T10:00:00.000Z', type: 'run.started', flowId: 'f', flowName: 'F', dryRun: false, nodeIds: [] });
    const db = openDb(path);
    db.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(111, 'alive');
    db.prepare('UPDATE runs SET pid = ? WHERE id = ?').run(222, 'dead');
    db.close();
    expect(ledger.markAbandonedRuns({ isAlive: (pid) => pid === 111 })).toBe(2);
    const status = Object.fromEntries(ledger.listRuns().map((r) => [r.id, r.status]));
    expect(status).toEqual({ mine: 'failed', alive: 'running', dead: 'failed' });
    ledger.close();
  });

  it('migrates a version-1 ledger to version 2 and keeps its runs', () => {
    const path = dbPath();
    const db = openDb(path);
    migrateLedger(db, LEDGER_MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO runs (id, flow_id, flow_name, dry_run, status, started_at) VALUES ('old', 'f', 'F', 0, 'succeeded', '2026-01-01T00:00:00.000Z')").run();
    expect(schemaVersion(db)).toBe(1);
    db.close();
    const ledger = openLedger(path);
    expect(ledger.listRuns().map((r) => [r.id, r.status])).toEqual([['old', 'succeeded']]);
    expect(ledger.needsAttention().total).toBe(0);
    ledger.close();
    const check = openDb(path);
    expect(schemaVersion(check)).toBe(LEDGER_MIGRATIONS.length);
    check.close();
  });
});
