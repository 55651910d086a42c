import type { RecordRow, RunEvent } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { i18n } from '../i18n/i18n';
import { applyRunEvents, expectRun } from '../runs/run-state';
import type { ApplyOptions } from '../runs/run-state';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';

const MAX_LINES = 200_000;
const MAX_RECORDS = 50_000;

/** Node status changes, failures and the end of a run also appear in the log, in the person's language. */
const narrate: ApplyOptions['narrate'] = (e) => {
  const t = i18n.t.bind(i18n);
  switch (e.type) {
    case 'run.started':
      return { level: 'info', message: t(e.dryRun ? 'log.dryRunStarted' : 'log.runStarted', { name: e.flowName }) };
    case 'run.finished':
      return {
        level: e.status === 'succeeded' ? 'info' : e.status === 'cancelled' ? 'warn' : 'error',
        message: t('log.runFinished', { status: t(`runStatus.${e.status}`), seconds: (e.durationMs / 1000).toFixed(1) }) + (e.error ? ` — ${e.error}` : ''),
      };
    case 'node.status':
      if (e.status === 'failed') return { level: 'error', message: t('log.nodeFailed', { error: e.error ?? '' }) };
      return e.status === 'running' || e.status === 'done' ? { level: 'debug', message: t(`nodeStatus.${e.status}`) } : null;
    case 'record':
      if (e.action === 'failed') return { level: 'error', message: t('log.recordFailed', { reason: e.reason ?? '' }) };
      return { level: 'debug', message: t(`recordAction.${e.action}`) + (e.target ? ` ${e.target}` : '') + (e.targetId ? ` #${e.targetId}` : '') + (e.planned ? ` (${t('log.planned')})` : '') };
    default:
      return null;
  }
};

const options: ApplyOptions = { maxLines: MAX_LINES, maxRecords: MAX_RECORDS, narrate };

let pending: RunEvent[] = [];
let scheduled = false;

/** Events arrive one by one; they are folded in batches once per frame so 100,000 lines stay smooth. */
function flush(): void {
  scheduled = false;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return;
  const run = useRun.getState();
  if (run.source === 'history') {
    // A new run of the open flow takes the view back from a historic run.
    const watch = useGraph.getState().meta?.id ?? null;
    if (!batch.some((e) => e.type === 'run.started' && e.flowId === watch)) return;
    useRun.setState({ source: 'live' });
  }
  const next = applyRunEvents(useRun.getState(), batch, useGraph.getState().meta?.id ?? null, options);
  if (next !== useRun.getState()) useRun.setState(next);
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}

export function subscribeRunEvents(): () => void {
  return getKoppel().on('run.event', (e) => {
    pending.push(e);
    schedule();
  });
}

/** Called when the editor starts a run, so its events are accepted even before `run.started` arrives. */
export function watchRun(runId: string, flowId: string, dryRun: boolean): void {
  flush();
  useRun.setState((s) => ({ ...expectRun(s, runId, flowId, dryRun), source: 'live', samples: null, samplesRunId: null }));
}

/** A ledger record row as the record event it came from. */
function recordEvent(r: RecordRow): RunEvent {
  const { runId, at, nodeId, key, action, planned, target, targetId, reason, changes, source, sent } = r;
  return {
    type: 'record',
    runId,
    at,
    nodeId,
    key,
    action,
    planned,
    ...(target !== undefined ? { target } : {}),
    ...(targetId !== undefined ? { targetId } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(changes !== undefined ? { changes } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(sent !== undefined ? { sent } : {}),
  };
}

/**
 * Shows a finished run from the ledger: its events replayed through the same reducer. Record outcomes are kept
 * apart in the ledger (`records`), so they are merged back in when the event list does not carry them.
 */
export function showHistoricRun(runId: string, flowId: string, events: RunEvent[], records: RecordRow[] = []): void {
  const hasRecords = events.some((e) => e.type === 'record');
  const all = hasRecords ? events : mergeByTime(events, records.map(recordEvent));
  const base = { ...expectRun(useRun.getState(), runId, flowId, false), running: false };
  const state = applyRunEvents(base, all, flowId, options);
  useRun.setState({ ...state, source: 'history', samples: null, samplesRunId: null });
}

/** Record events slotted in before run.finished, keeping the order of both lists. */
function mergeByTime(events: RunEvent[], records: RunEvent[]): RunEvent[] {
  const end = events.findIndex((e) => e.type === 'run.finished');
  if (end < 0) return [...events, ...records];
  return [...events.slice(0, end), ...records, ...events.slice(end)];
}
