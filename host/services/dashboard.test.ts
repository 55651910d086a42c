import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../engine/flow/schema';
import { openLedger, type Ledger } from '../../engine/ledger/ledger';
import type { Counts, RecordAction, RunEvent, RunStatus } from '../../engine/run/events';
import { startOpsHost, type OpsHost } from './ops.fixture';

let t: OpsHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const counts = (created: number, updated: number, skipped: number, failed: number): Counts => ({ in: created + updated + skipped + failed, out: 0, created, updated, skipped, failed });

/** Writes one finished run into the ledger as the recorder would, at fixed times. */
function seedRun(
  ledger: Ledger,
  runId: string,
  at: string,
  status: RunStatus,
  c: Counts,
  records: [string, RecordAction, string?][] = [],
  opts: { flowId?: string; dryRun?: boolean } = {},
): void {
  const flowId = opts.flowId ?? 'orders';
  const flow = flowDocumentSchema.parse({ koppel: 2, id: flowId, name: `Flow ${flowId}`, nodes: [], settings: { batchSize: 100, payloadLogging: 'full', stopOnError: false } });
  const rec = ledger.recorder(runId, flow);
  const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();
  const events: RunEvent[] = [
    { runId, at, type: 'run.started', flowId, flowName: flow.name, dryRun: opts.dryRun ?? false, nodeIds: ['fetch', 'post'] },
    { runId, at: later(10), type: 'node.status', nodeId: 'fetch', status: 'running' },
    { runId, at: later(400), type: 'node.counts', nodeId: 'fetch', counts: { ...counts(0, 0, 0, 0), out: c.in } },
    { runId, at: later(400), type: 'node.status', nodeId: 'fetch', status: 'done' },
    { runId, at: later(20), type: 'node.status', nodeId: 'post', status: 'running' },
    { runId, at: later(30), type: 'log', level: 'info', message: 'fetched 3 orders', nodeId: 'fetch', key: 'O-1' },
    ...records.map(([key, action, reason]): RunEvent => ({
      runId,
      at: later(500),
      type: 'record',
      nodeId: 'post',
      key,
      action,
      planned: opts.dryRun ?? false,
      target: 'sales order',
      ...(action === 'failed' ? { reason: reason ?? '' } : { targetId: '5567' }),
      source: { orderNumber: key },
      sent: { orderNbr: key },
    })),
    { runId, at: later(900), type: 'node.counts', nodeId: 'post', counts: c },
    { runId, at: later(900), type: 'node.status', nodeId: 'post', status: 'done' },
    { runId, at: later(1000), type: 'run.finished', status, durationMs: 1000, counts: c, ...(status === 'failed' ? { error: 'Visma.net answered 401' } : {}) },
  ];
  for (const e of events) rec.onEvent(e);
}

describe('dashboard', () => {
  it('shows last runs, records and failure rate per local day, and the records that need attention', async () => {
    t = await startOpsHost({ start: '2026-03-05T12:00:00.000Z' });
    const ledger = openLedger(path.join(t.home, 'ledger.db'));
    seedRun(ledger, 'old', '2026-02-01T10:00:00.000Z', 'succeeded', counts(9, 0, 0, 0));
    seedRun(ledger, 'd3a', '2026-03-03T08:00:00.000Z', 'succeeded', counts(5, 1, 0, 0));
    seedRun(ledger, 'd4a', '2026-03-04T08:00:00.000Z', 'partial', counts(2, 0, 1, 1), [['O-1', 'created'], ['O-2', 'failed', 'customer 10023 is blocked in Visma.net']]);
    seedRun(ledger, 'd4b', '2026-03-04T09:00:00.000Z', 'failed', counts(0, 0, 0, 0));
    // 23:30 UTC on the 4th is already the 5th in Amsterdam.
    seedRun(ledger, 'd5a', '2026-03-04T23:30:00.000Z', 'succeeded', counts(1, 0, 3, 0), [['O-3', 'created']], { flowId: 'stock' });
    seedRun(ledger, 'dry', '2026-03-05T10:00:00.000Z', 'partial', counts(7, 0, 0, 7), [['O-9', 'failed', 'planned only']], { dryRun: true });
    ledger.close();

    const o = await t.host.invoke('dashboard.overview', { days: 3, timeZone: 'Europe/Amsterdam' });
    expect(o).toMatchObject({ from: '2026-03-03', to: '2026-03-05', timeZone: 'Europe/Amsterdam', needsAttentionTotal: 1 });
    expect(o.days).toEqual([
      { date: '2026-03-03', runs: 1, failedRuns: 0, partialRuns: 0, created: 5, updated: 1, skipped: 0, failed: 0, records: 6, failureRate: 0, runFailureRate: 0 },
      { date: '2026-03-04', runs: 2, failedRuns: 1, partialRuns: 1, created: 2, updated: 0, skipped: 1, failed: 1, records: 4, failureRate: 0.25, runFailureRate: 1 },
      { date: '2026-03-05', runs: 1, failedRuns: 0, partialRuns: 0, created: 1, updated: 0, skipped: 3, failed: 0, records: 4, failureRate: 0, runFailureRate: 0 },
    ]);
    expect(o.runs.map((r) => [r.runId, r.status, r.durationMs])).toEqual([
      ['dry', 'partial', 1000],
      ['d5a', 'succeeded', 1000],
      ['d4b', 'failed', 1000],
      ['d4a', 'partial', 1000],
      ['d3a', 'succeeded', 1000],
      ['old', 'succeeded', 1000],
    ]);
    expect(o.runs.find((r) => r.runId === 'd4b')?.error).toBe('Visma.net answered 401');
    expect(o.needsAttention).toEqual([
      { flowId: 'orders', flowName: 'Flow orders', key: 'O-2', nodeId: 'post', runId: 'd4a', runStartedAt: '2026-03-04T08:00:00.000Z', at: '2026-03-04T08:00:00.500Z', reason: 'customer 10023 is blocked in Visma.net', target: 'sales order' },
    ]);

    const stock = await t.host.invoke('dashboard.overview', { flowId: 'stock', days: 1, timeZone: 'UTC' });
    expect(stock.runs.map((r) => r.runId)).toEqual(['d5a']);
    expect(stock.days).toEqual([expect.objectContaining({ date: '2026-03-05', runs: 0 })]);
    await expect(t.host.invoke('dashboard.overview', { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it("gives a run's detail: every node's counts and timing, the log, and what came in and went out per record", async () => {
    t = await startOpsHost();
    const ledger = openLedger(path.join(t.home, 'ledger.db'));
    seedRun(ledger, 'r1', '2026-03-04T08:00:00.000Z', 'partial', counts(1, 0, 0, 1), [['O-1', 'created'], ['O-2', 'failed', 'no VAT code for BE']]);
    ledger.close();
    const d = await t.host.invoke('runs.detail', { runId: 'r1' });
    expect(d.link).toBe('koppel://runs/r1');
    expect(d.nodes).toEqual([
      { nodeId: 'fetch', status: 'done', counts: expect.objectContaining({ out: 2 }), startedAt: '2026-03-04T08:00:00.010Z', finishedAt: '2026-03-04T08:00:00.400Z', durationMs: 390 },
      { nodeId: 'post', status: 'done', counts: counts(1, 0, 0, 1), startedAt: '2026-03-04T08:00:00.020Z', finishedAt: '2026-03-04T08:00:00.900Z', durationMs: 880 },
    ]);
    expect(d.log).toEqual([{ at: '2026-03-04T08:00:00.030Z', level: 'info', message: 'fetched 3 orders', nodeId: 'fetch', key: 'O-1' }]);
    expect(d.records).toEqual([
      expect.objectContaining({ key: 'O-1', action: 'created', targetId: '5567', source: { orderNumber: 'O-1' }, sent: { orderNbr: 'O-1' }, parked: false }),
      expect.objectContaining({ key: 'O-2', action: 'failed', reason: 'no VAT code for BE', parked: false }),
    ]);
    expect(d.recordsTotal).toBe(2);
    const limited = await t.host.invoke('runs.detail', { runId: 'r1', recordLimit: 1 });
    expect([limited.records.length, limited.recordsTotal]).toEqual([1, 2]);
    await expect(t.host.invoke('runs.detail', { runId: 'gone' })).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('retention') });

    const timeline = await t.host.invoke('records.timeline', { key: 'O-1' });
    expect(timeline.runs).toEqual([
      {
        runId: 'r1',
        flowId: 'orders',
        flowName: 'Flow orders',
        runStartedAt: '2026-03-04T08:00:00.000Z',
        dryRun: false,
        steps: [
          { at: '2026-03-04T08:00:00.030Z', kind: 'log', level: 'info', nodeId: 'fetch', message: 'fetched 3 orders' },
          { at: '2026-03-04T08:00:00.500Z', kind: 'record', nodeId: 'post', action: 'created', planned: false, target: 'sales order', targetId: '5567', message: 'Created sales order 5567' },
        ],
      },
    ]);
  });
});
