import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../flow/schema';
import type { FlowDocument } from '../flow/schema';
import type { RunEvent } from '../run/events';
import { openLedger } from './ledger';

const dir = mkdtempSync(join(tmpdir(), 'koppel-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbPath = () => join(dir, `ledger-${++n}.db`);

const flow = (payloadLogging: 'off' | 'redacted' | 'full' = 'redacted', id = 'flow-a'): FlowDocument =>
  flowDocumentSchema.parse({ koppel: 2, id, name: `Flow ${id}`, nodes: [], settings: { batchSize: 100, payloadLogging, stopOnError: false } });

const counts = { in: 2, out: 1, created: 1, updated: 0, skipped: 0, failed: 1 };

/** The events of a small run: one record created, one failed, a log line. */
function runEvents(runId: string, at: string, opts: { key?: string; flowId?: string; status?: 'succeeded' | 'partial' } = {}): RunEvent[] {
  const base = { runId, at };
  const key = opts.key ?? 'SKU-1';
  return [
    { ...base, type: 'run.started', flowId: opts.flowId ?? 'flow-a', flowName: `Flow ${opts.flowId ?? 'flow-a'}`, dryRun: false, nodeIds: ['save'] },
    { ...base, type: 'node.status', nodeId: 'save', status: 'running' },
    { ...base, type: 'node.counts', nodeId: 'save', counts: { ...counts, in: 1 } },
    {
      ...base,
      type: 'record',
      nodeId: 'save',
      key,
      action: 'created',
      planned: false,
      target: 'product',
      targetId: 'P-1',
      source: { sku: key, customer: { firstName: 'Jan', email: 'jan@example.nl', city: 'Utrecht', country: 'NL' }, name: 'Blue mug' },
      sent: { name: 'Blue mug', note: 'order by jan@example.nl' },
      changes: [{ field: 'customer.email', before: 'old@example.nl', after: 'jan@example.nl' }],
    },
    { ...base, type: 'record', nodeId: 'save', key: 'SKU-2', action: 'failed', planned: false, reason: 'price missing' },
    { ...base, type: 'log', level: 'info', message: 'mail sent to jan@example.nl', nodeId: 'save', data: { email: 'jan@example.nl', count: 2 } },
    { ...base, type: 'node.counts', nodeId: 'save', counts },
    { ...base, type: 'node.status', nodeId: 'save', status: 'done' },
    { ...base, type: 'run.finished', status: opts.status ?? 'partial', durationMs: 1234, counts },
  ];
}

function record(ledger: ReturnType<typeof openLedger>, f: FlowDocument, events: RunEvent[]) {
  const runId = events[0]?.runId ?? '';
  const rec = ledger.recorder(runId, f);
  for (const e of events) rec.onEvent(e);
}

describe('ledger: recording runs', () => {
  it('stores the run, its events and record outcomes, and lists them', () => {
    const ledger = openLedger(dbPath());
    record(ledger, flow(), runEvents('r1', '2026-03-01T10:00:00.000Z'));
    record(ledger, flow('redacted', 'flow-b'), runEvents('r2', '2026-03-02T10:00:00.000Z', { flowId: 'flow-b' }));
    record(ledger, flow(), runEvents('r3', '2026-03-03T10:00:00.000Z', { status: 'succeeded' }));

    expect(ledger.listRuns().map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(ledger.listRuns({ flowId: 'flow-a' }).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(ledger.listRuns({ flowId: 'flow-a', before: '2026-03-03T00:00:00.000Z' }).map((r) => r.id)).toEqual(['r1']);
    const [latest] = ledger.listRuns({ limit: 1 });
    expect(latest).toMatchObject({ id: 'r3', flowName: 'Flow flow-a', status: 'succeeded', durationMs: 1234, counts, dryRun: false });

    const detail = ledger.getRun('r1');
    expect(detail?.events.map((e) => e.event.type)).toEqual(['run.started', 'node.status', 'log', 'node.counts', 'node.status', 'run.finished']);
    // Only the final counts of a node are kept, not every throttled update.
    expect(detail?.events.filter((e) => e.event.type === 'node.counts')).toHaveLength(1);
    expect(detail?.records.map((r) => [r.key, r.action, r.seq])).toEqual([
      ['SKU-1', 'created', 3],
      ['SKU-2', 'failed', 4],
    ]);
    expect(ledger.failedRecords('r1')).toEqual([expect.objectContaining({ key: 'SKU-2', reason: 'price missing', nodeId: 'save' })]);
    expect(ledger.getRun('nope')).toBeUndefined();
    ledger.close();
  });

  it("follows one key's timeline across runs, newest first", () => {
    const ledger = openLedger(dbPath());
    record(ledger, flow(), runEvents('r1', '2026-03-01T10:00:00.000Z', { key: 'SKU-9' }));
    record(ledger, flow(), runEvents('r2', '2026-03-05T10:00:00.000Z', { key: 'SKU-9' }));
    record(ledger, flow(), runEvents('r3', '2026-03-06T10:00:00.000Z', { key: 'SKU-1' }));
    const timeline = ledger.keyTimeline('SKU-9');
    expect(timeline.map((t) => [t.runId, t.action, t.flowId, t.runStartedAt])).toEqual([
      ['r2', 'created', 'flow-a', '2026-03-05T10:00:00.000Z'],
      ['r1', 'created', 'flow-a', '2026-03-01T10:00:00.000Z'],
    ]);
    expect(ledger.keyTimeline('SKU-9', { flowId: 'other' })).toEqual([]);
    ledger.close();
  });

  it('writes records in batches, not one transaction each', () => {
    const path = dbPath();
    const ledger = openLedger(path);
    const reader = openLedger(path);
    const f = flow();
    const rec = ledger.recorder('big', f, { batchRows: 500, flushAfterMs: 60_000 });
    const at = '2026-03-01T10:00:00.000Z';
    rec.onEvent({ runId: 'big', at, type: 'run.started', flowId: f.id, flowName: f.name, dryRun: false, nodeIds: [] });
    const stored = () => reader.getRun('big')?.records.length ?? -1;
    // The runs row is written at once (the run shows up in the list); its event waits in the buffer with the records.
    expect(reader.listRuns()[0]?.status).toBe('running');
    for (let i = 0; i < 498; i++) rec.onEvent({ runId: 'big', at, type: 'record', nodeId: 'save', key: `K${i}`, action: 'created', planned: false });
    expect(stored()).toBe(0);
    rec.onEvent({ runId: 'big', at, type: 'record', nodeId: 'save', key: 'K498', action: 'created', planned: false });
    expect(stored()).toBe(499);
    rec.onEvent({ runId: 'big', at, type: 'record', nodeId: 'save', key: 'K499', action: 'created', planned: false });
    expect(stored()).toBe(499);
    for (let i = 500; i < 10_000; i++) rec.onEvent({ runId: 'big', at, type: 'record', nodeId: 'save', key: `K${i}`, action: 'created', planned: false });
    rec.onEvent({ runId: 'big', at, type: 'run.finished', status: 'succeeded', durationMs: 1, counts: { ...counts, failed: 0 } });
    expect(reader.getRun('big', { recordLimit: 20_000 })?.records).toHaveLength(10_000);
    expect(reader.getRun('big')?.run.status).toBe('succeeded');
    ledger.close();
    reader.close();
  });
});

describe('ledger: payload logging', () => {
  const stored = (mode: 'off' | 'redacted' | 'full') => {
    const ledger = openLedger(':memory:');
    record(ledger, flow(mode), runEvents('r', '2026-03-01T10:00:00.000Z'));
    const detail = ledger.getRun('r');
    ledger.close();
    return { record: detail?.records[0], log: detail?.events.find((e) => e.event.type === 'log')?.event };
  };

  it('masks personal fields when redacted, but keeps the rest readable', () => {
    const { record: r, log } = stored('redacted');
    expect(r?.source).toEqual({
      sku: 'SKU-1',
      customer: { firstName: '[redacted]', email: '[redacted]', city: '[redacted]', country: 'NL' },
      name: 'Blue mug',
    });
    expect(r?.sent).toEqual({ name: 'Blue mug', note: 'order by [redacted]' });
    expect(r?.changes).toEqual([{ field: 'customer.email', before: '[redacted]', after: '[redacted]' }]);
    expect(log).toMatchObject({ data: { email: '[redacted]', count: 2 } });
  });

  it('stores no payloads when off, and everything when full', () => {
    const off = stored('off');
    expect(off.record?.source).toBeUndefined();
    expect(off.record?.sent).toBeUndefined();
    expect(off.record?.changes).toEqual([{ field: 'customer.email' }]);
    expect(off.log && 'data' in off.log).toBe(false);
    const full = stored('full');
    expect(full.record?.sent).toEqual({ name: 'Blue mug', note: 'order by jan@example.nl' });
  });
});

describe('ledger: id map, intents and cursors', () => {
  it('commits proposed cursors only when the run succeeded and was not a dry run', () => {
    const ledger = openLedger(dbPath());
    const propose = (runId: string, value: string, dryRun = false) => ledger.nodeLedger('flow-a', 'fetch', runId, dryRun).proposeCursor('modifiedSince', value);

    propose('r1', '2026-03-01');
    ledger.endRun('r1', 'partial', false);
    expect(ledger.cursor('flow-a', 'fetch', 'modifiedSince')).toBeUndefined();
    propose('r2', '2026-03-02', true);
    ledger.endRun('r2', 'succeeded', true);
    expect(ledger.cursor('flow-a', 'fetch', 'modifiedSince')).toBeUndefined();
    propose('r3', '2026-03-03');
    ledger.endRun('r3', 'failed', false);
    expect(ledger.cursor('flow-a', 'fetch', 'modifiedSince')).toBeUndefined();
    propose('r4', '2026-03-04');
    // During the run the node still reads the committed value.
    expect(ledger.nodeLedger('flow-a', 'fetch', 'r4', false).getCursor('modifiedSince')).toBeUndefined();
    ledger.endRun('r4', 'succeeded', false);
    expect(ledger.cursor('flow-a', 'fetch', 'modifiedSince')).toBe('2026-03-04');
    ledger.close();
  });

  it('keeps the id map per flow and node, and changes nothing in a dry run', () => {
    const ledger = openLedger(':memory:');
    const real = ledger.nodeLedger('flow-a', 'save', 'r1', false);
    const dry = ledger.nodeLedger('flow-a', 'save', 'r2', true);
    real.setMapping('product', 'SKU-1', 'P-1', 'h1');
    dry.setMapping('product', 'SKU-1', 'P-other', 'h2');
    dry.completeWrite(dry.beginWrite('product', 'SKU-3', 'h3'), 'P-3');
    expect(dry.getMapping('product', 'SKU-1')).toMatchObject({ targetId: 'P-1', hash: 'h1' });
    expect(dry.getMapping('product', 'SKU-3')).toBeUndefined();
    expect(ledger.nodeLedger('flow-b', 'save', 'r1', false).getMapping('product', 'SKU-1')).toBeUndefined();
    const intent = real.beginWrite('product', 'SKU-4', 'h4');
    expect(real.pendingWrite('product', 'SKU-4')).toEqual(intent);
    real.completeWrite(intent, 'P-4');
    expect(real.pendingWrite('product', 'SKU-4')).toBeUndefined();
    expect(real.getMapping('product', 'SKU-4')).toMatchObject({ targetId: 'P-4', hash: 'h4' });
    real.abandonWrite(real.beginWrite('product', 'SKU-5', 'h5'));
    expect(real.pendingWrite('product', 'SKU-5')).toBeUndefined();
    ledger.close();
  });

  it('reads the id map of a batch in one query and answers from it, with writes seen at once', () => {
    const ledger = openLedger(':memory:');
    const node = ledger.nodeLedger('flow-a', 'save', 'r1', false);
    node.setMapping('product', 'A', 'P-A', 'ha', { name: 'x1' });
    node.setMapping('product', 'B', 'P-B', 'hb');
    node.setMapping('other', 'C', 'P-C', 'hc');
    node.prefetchMappings('product', ['A', 'B', 'C', "quote'd"]);
    expect(node.getMapping('product', 'A')).toMatchObject({ targetId: 'P-A', hash: 'ha', fields: { name: 'x1' } });
    expect(node.getMapping('product', 'C')).toBeUndefined();
    expect(node.getMapping('other', 'C')?.targetId).toBe('P-C');
    node.completeWrite(node.beginWrite('product', 'C', 'hc2'), 'P-C2');
    node.setMapping('product', 'B', 'P-B2', 'hb2');
    expect(node.getMapping('product', 'C')?.targetId).toBe('P-C2');
    expect(node.getMapping('product', 'B')?.targetId).toBe('P-B2');
    ledger.close();
  });

  it('finds a write intent again after the process died mid-write', () => {
    const path = dbPath();
    const fixture = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', fixture, path], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    const reopened = openLedger(path);
    const node = reopened.nodeLedger('flow-a', 'save', 'next-run', false);
    expect(node.pendingWrite('product', 'SKU-2')).toEqual({ scope: 'product', key: 'SKU-2', hash: 'h2' });
    expect(node.getMapping('product', 'SKU-1')?.targetId).toBe('P-1');
    expect(reopened.pendingWrites('flow-a')).toEqual([expect.objectContaining({ key: 'SKU-2', runId: 'run-crash', nodeId: 'save' })]);
    reopened.close();
  });

  it('survives closing and reopening with its schema version', () => {
    const path = dbPath();
    const first = openLedger(path);
    first.nodeLedger('f', 'n', 'r', false).beginWrite('s', 'k', 'h');
    first.close();
    const again = openLedger(path);
    expect(again.nodeLedger('f', 'n', 'r2', false).pendingWrite('s', 'k')?.hash).toBe('h');
    again.close();
  });
});

describe('ledger: retention and erasure', () => {
  it('deletes old runs with their events and records, and old payloads sooner', () => {
    const ledger = openLedger(dbPath(), { now: () => new Date('2026-06-30T00:00:00.000Z') });
    record(ledger, flow('full'), runEvents('old', '2026-01-01T00:00:00.000Z'));
    record(ledger, flow('full'), runEvents('mid', '2026-05-01T00:00:00.000Z'));
    record(ledger, flow('full'), runEvents('new', '2026-06-29T00:00:00.000Z'));
    expect(ledger.prune({ runsOlderThanDays: 90, payloadsOlderThanDays: 30 })).toEqual({ runs: 1, payloads: 1 });
    expect(ledger.listRuns().map((r) => r.id)).toEqual(['new', 'mid']);
    expect(ledger.getRun('old')).toBeUndefined();
    expect(ledger.keyTimeline('SKU-1').map((t) => t.runId)).toEqual(['new', 'mid']);
    const mid = ledger.getRun('mid');
    expect(mid?.records[0]?.source).toBeUndefined();
    expect(mid?.records[0]?.action).toBe('created');
    expect(mid?.events.find((e) => e.event.type === 'log')?.event).not.toHaveProperty('data');
    expect(ledger.getRun('new')?.records[0]?.source).toBeDefined();
    ledger.close();
  });

  it('erases every payload that holds an e-mail address', () => {
    const ledger = openLedger(':memory:');
    record(ledger, flow('full'), runEvents('r1', '2026-03-01T10:00:00.000Z'));
    record(ledger, flow('full'), runEvents('r2', '2026-03-02T10:00:00.000Z', { key: 'jan@example.nl' }));
    const result = ledger.erasePayloadsContaining('JAN@example.nl');
    expect(result).toEqual({ records: 2, events: 2, keys: 1 });
    for (const id of ['r1', 'r2']) {
      const detail = ledger.getRun(id);
      expect(detail?.records[0]?.source).toBeUndefined();
      expect(detail?.records[0]?.sent).toBeUndefined();
      expect(detail?.records[0]?.changes).toBeUndefined();
      expect(detail?.events.find((e) => e.event.type === 'log')?.event).toMatchObject({ message: 'mail sent to [erased]' });
    }
    expect(JSON.stringify(ledger.getRun('r1'))).not.toContain('jan@example.nl');
    // The key stays (the id map needs it); `keys` told the caller so.
    expect(ledger.getRun('r2')?.records[0]?.key).toBe('jan@example.nl');
    expect(ledger.getRun('r2')?.records[1]?.reason).toBe('price missing');
    expect(() => ledger.erasePayloadsContaining('not an address')).toThrow("'not an address' is not an e-mail address.");
    ledger.close();
  });

  it('marks runs left running by a stopped Koppel as failed', () => {
    const ledger = openLedger(':memory:');
    const rec = ledger.recorder('orphan', flow());
    const [started] = runEvents('orphan', '2026-03-01T10:00:00.000Z');
    if (started) rec.onEvent(started);
    expect(ledger.listRuns()[0]?.status).toBe('running');
    expect(ledger.markAbandonedRuns()).toBe(1);
    expect(ledger.listRuns()[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('Koppel stopped') });
    ledger.close();
  });
});
