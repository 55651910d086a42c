import { describe, expect, it } from 'vitest';
import { keyCandidates, timelineView } from './timeline-model';

const step = (over: Record<string, unknown>) => ({ at: '2026-01-01T10:00:00Z', kind: 'record' as const, message: 'm', ...over });

describe('key search', () => {
  it('tries the exact text, then the number without a leading word or #', () => {
    expect(keyCandidates(' order 10234 ')).toEqual(['order 10234', '10234']);
    expect(keyCandidates('#10234')).toEqual(['#10234', '10234']);
    expect(keyCandidates('Bestellung #77')).toEqual(['Bestellung #77', '77']);
    expect(keyCandidates('SKU-1')).toEqual(['SKU-1']);
    expect(keyCandidates('  ')).toEqual([]);
  });
});

describe('timeline model', () => {
  it('orders runs newest first and takes each run\'s outcome from its last record step', () => {
    const view = timelineView({
      key: '10234',
      parkedIn: [],
      runs: [
        {
          runId: 'r1',
          flowId: 'f',
          flowName: 'Orders',
          runStartedAt: '2026-01-01T09:00:00Z',
          dryRun: false,
          steps: [step({ kind: 'log', message: 'fetched' }), step({ action: 'failed', reason: 'Price missing' })],
        },
        {
          runId: 'r2',
          flowId: 'f',
          flowName: 'Orders',
          runStartedAt: '2026-01-02T09:00:00Z',
          dryRun: false,
          steps: [step({ action: 'created', target: 'sales order', targetId: '5567' })],
        },
      ],
    });
    expect(view.runs.map((r) => r.runId)).toEqual(['r2', 'r1']);
    expect(view.runs[0]).toMatchObject({ outcome: 'created', result: 'sales order 5567' });
    expect(view.runs[1]).toMatchObject({ outcome: 'failed', reason: 'Price missing' });
    expect(view.current?.runId).toBe('r2');
  });

  it('ignores dry runs and log-only runs for the current state', () => {
    const view = timelineView({
      key: 'k',
      parkedIn: ['f'],
      runs: [
        { runId: 'dry', flowId: 'f', flowName: 'F', runStartedAt: '2026-01-03T00:00:00Z', dryRun: true, steps: [step({ action: 'updated' })] },
        { runId: 'log', flowId: 'f', flowName: 'F', runStartedAt: '2026-01-02T00:00:00Z', dryRun: false, steps: [step({ kind: 'log' })] },
        { runId: 'real', flowId: 'f', flowName: 'F', runStartedAt: '2026-01-01T00:00:00Z', dryRun: false, steps: [step({ action: 'skipped' })] },
      ],
    });
    expect(view.runs[1]?.outcome).toBe('seen');
    expect(view.current?.runId).toBe('real');
    expect(view.parkedIn).toEqual(['f']);
  });
});
