import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog';
import { openLedger } from '../ledger/ledger';
import type { RunEvent } from './events';
import { runFlow } from './executor';
import { newProbe, passer, sink, source, trigger, writer } from './fake-nodes.fixture';
import { buildFlow } from './flow-builder.fixture';

const dir = mkdtempSync(join(tmpdir(), 'koppel-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runFlow: cancellation', () => {
  it('stops at a batch boundary, ends cancelled and leaves the ledger consistent', async () => {
    const ledger = openLedger(join(dir, 'cancel.db'));
    const controller = new AbortController();
    const catalog = createCatalog([trigger, source(newProbe()), writer({ onBatch: (n) => n === 3 && controller.abort() })]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 1000, batch: 10 }],
        ['w', 'test.writer'],
      ],
      ['t.out -> s.in', 's.out -> w.in'],
    );
    const events: RunEvent[] = [];
    const recorder = ledger.recorder('cancel-run', flow);
    const summary = await runFlow({
      flow,
      catalog,
      ledger,
      runId: 'cancel-run',
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        recorder.onEvent(e);
      },
    });

    expect(summary.status).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'cancelled' });
    // Stopped promptly: the source did not run to the end.
    expect(summary.nodes.s?.counts.out).toBeLessThan(1000);
    expect(summary.nodes.w?.status).toBe('cancelled');
    // Every write that began also finished; nothing is left half-done.
    expect(ledger.pendingWrites(flow.id)).toEqual([]);
    const created = events.filter((e) => e.type === 'record' && e.action === 'created').map((e) => (e.type === 'record' ? e.key : ''));
    expect(created).toHaveLength(30);
    const nl = ledger.nodeLedger(flow.id, 'w', 'check', false);
    for (const key of created) expect(nl.getMapping('product', key)?.targetId).toBe(`id-${key}`);
    expect(nl.getMapping('product', 'k30')).toBeUndefined();
    // A cancelled run commits no cursor.
    expect(ledger.cursor(flow.id, 'w', 'last')).toBeUndefined();
    const stored = ledger.getRun('cancel-run');
    expect(stored?.run.status).toBe('cancelled');
    expect(stored?.records).toHaveLength(30);
    ledger.close();
  });

  it('ends cancelled at once when the signal is already aborted', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), sink(probe)]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 100 }],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> k.in'],
    );
    const summary = await runFlow({ flow, catalog, ledger: openLedger(':memory:'), signal: AbortSignal.abort() });
    expect(summary.status).toBe('cancelled');
    expect(probe.consumed).toBe(0);
  });
});

describe('runFlow: memory stays flat', () => {
  it('pushes 200,000 records through trigger → source → pass → slow sink without holding them', async () => {
    const probe = newProbe();
    const catalog = createCatalog([trigger, source(probe), passer, sink(probe, { slow: true, keepItems: false })]);
    const flow = buildFlow(
      [
        ['t', 'test.trigger'],
        ['s', 'test.source', { count: 200_000, batch: 100 }],
        ['m', 'test.pass'],
        ['k', 'test.sink'],
      ],
      ['t.out -> s.in', 's.out -> m.in', 'm.out -> k.in'],
    );
    const summary = await runFlow({ flow, catalog, ledger: openLedger(':memory:'), channelCapacity: 4 });
    expect(summary.status).toBe('succeeded');
    expect(probe.consumed).toBe(200_000);
    expect(summary.nodes.m?.counts).toMatchObject({ in: 200_000, out: 200_000 });
    // Bounded channels: never more than 4 batches waiting on an edge ...
    expect(summary.maxQueuedBatches).toBeLessThanOrEqual(4);
    // ... so the source is never more than a few batches ahead of the slow sink (2 edges × 4 + those in hand).
    expect(probe.maxGap).toBeLessThanOrEqual(12 * 100);
  });
});
