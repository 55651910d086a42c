import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../host/contract';
import { applyRunEvents, emptyRunState, expectRun } from './run-state';
import type { ApplyOptions } from './run-state';

const at = '2026-01-02T10:00:00.000Z';
const counts = { in: 3, out: 2, created: 1, updated: 1, skipped: 0, failed: 1 };
const opts: ApplyOptions = {
  maxLines: 5,
  maxRecords: 100,
  narrate: (e) => (e.type === 'run.finished' ? { level: 'info', message: `finished ${e.status}` } : null),
};

const started = (runId: string, flowId = 'flow'): RunEvent => ({ type: 'run.started', runId, at, flowId, flowName: 'F', dryRun: true, nodeIds: ['a'] });

describe('run state reducer', () => {
  it('tracks node status, counts, logs, records and the end of a run', () => {
    const events: RunEvent[] = [
      started('r1'),
      { type: 'node.status', runId: 'r1', at, nodeId: 'a', status: 'running' },
      { type: 'node.counts', runId: 'r1', at, nodeId: 'a', counts },
      { type: 'log', runId: 'r1', at, level: 'warn', message: 'careful', nodeId: 'a', key: 'K1' },
      { type: 'record', runId: 'r1', at, nodeId: 'a', key: 'K1', action: 'updated', planned: true, changes: [{ field: 'price', before: 1, after: 2 }] },
      { type: 'node.status', runId: 'r1', at, nodeId: 'a', status: 'failed', error: 'boom' },
      { type: 'run.finished', runId: 'r1', at, status: 'partial', durationMs: 1200, counts },
    ];
    const s = applyRunEvents(emptyRunState, events, 'flow', opts);
    expect(s).toMatchObject({ runId: 'r1', dryRun: true, running: false, status: 'partial', durationMs: 1200, totals: counts });
    expect(s.nodes.a).toEqual({ status: 'failed', counts, error: 'boom' });
    expect(s.logs.map((l) => l.message)).toEqual(['careful', 'finished partial']);
    expect(s.logs[0]).toMatchObject({ level: 'warn', nodeId: 'a', key: 'K1', seq: 1 });
    expect(s.records).toHaveLength(1);
  });

  it('ignores runs of other flows and events of other runs', () => {
    const s = applyRunEvents(emptyRunState, [started('r9', 'other'), { type: 'log', runId: 'r9', at, level: 'info', message: 'x' }], 'flow', opts);
    expect(s.runId).toBeNull();
    expect(s.logs).toEqual([]);
  });

  it('starts fresh when a new run of the watched flow begins', () => {
    const one = applyRunEvents(emptyRunState, [started('r1'), { type: 'log', runId: 'r1', at, level: 'info', message: 'first' }], 'flow', opts);
    const two = applyRunEvents(one, [started('r2'), { type: 'log', runId: 'r2', at, level: 'info', message: 'second' }], 'flow', opts);
    expect(two.runId).toBe('r2');
    expect(two.logs.map((l) => l.message)).toEqual(['second']);
    expect(two.logs[0]?.seq).toBeGreaterThan(one.logs[0]?.seq ?? Infinity);
  });

  it('caps the log and counts what it dropped', () => {
    const logs: RunEvent[] = Array.from({ length: 8 }, (_, i) => ({ type: 'log', runId: 'r1', at, level: 'info', message: `m${i}` }));
    const s = applyRunEvents(emptyRunState, [started('r1'), ...logs], 'flow', opts);
    expect(s.logs.map((l) => l.message)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(s.droppedLines).toBe(3);
  });

  it('accepts the events of a run the editor started even before run.started arrives', () => {
    const s0 = expectRun(emptyRunState, 'r5', 'flow', false);
    const s = applyRunEvents(s0, [{ type: 'node.status', runId: 'r5', at, nodeId: 'b', status: 'done' }], 'flow', opts);
    expect(s.nodes.b?.status).toBe('done');
    expect(s.running).toBe(true);
  });
});
