import type { RunEvent, RunSummary } from '../../host/contract';
import type { LogLine } from '../logs/log-model';

type Counts = RunSummary['counts'];
type NodeStatus = Extract<RunEvent, { type: 'node.status' }>['status'];
type RunStatus = Extract<RunEvent, { type: 'run.finished' }>['status'];
export type RecordEvent = Extract<RunEvent, { type: 'record' }>;

export interface NodeRunState {
  status: NodeStatus;
  counts?: Counts;
  error?: string;
}

/** What the editor shows about one run: live while it runs, or loaded from the ledger afterwards. */
export interface RunState {
  runId: string | null;
  flowId: string | null;
  dryRun: boolean;
  running: boolean;
  status: RunStatus | null;
  startedAt?: string;
  durationMs?: number;
  totals?: Counts;
  error?: string;
  nodes: Record<string, NodeRunState>;
  logs: LogLine[];
  records: RecordEvent[];
  /** Lines dropped from the front because the log reached `maxLines`. */
  droppedLines: number;
  nextSeq: number;
}

export const emptyRunState: RunState = {
  runId: null,
  flowId: null,
  dryRun: false,
  running: false,
  status: null,
  nodes: {},
  logs: [],
  records: [],
  droppedLines: 0,
  nextSeq: 1,
};

export interface ApplyOptions {
  maxLines: number;
  maxRecords: number;
  /** Turns node status changes, failures and the run's end into log lines too. */
  narrate: (e: RunEvent) => { level: LogLine['level']; message: string } | null;
}

/**
 * Folds a batch of run events into the state (a pure reducer). Events of other runs are ignored, except a
 * `run.started` of the watched flow, which starts a fresh state (e.g. a scheduled run of the open flow).
 */
export function applyRunEvents(state: RunState, events: readonly RunEvent[], watchFlowId: string | null, opts: ApplyOptions): RunState {
  let s = state;
  let nodes = s.nodes;
  const newLines: LogLine[] = [];
  const newRecords: RecordEvent[] = [];
  let seq = s.nextSeq;
  const flush = () => {
    if (newLines.length === 0 && newRecords.length === 0 && nodes === s.nodes) return;
    let logs = newLines.length > 0 ? s.logs.concat(newLines) : s.logs;
    let dropped = s.droppedLines;
    if (logs.length > opts.maxLines) {
      dropped += logs.length - opts.maxLines;
      logs = logs.slice(logs.length - opts.maxLines);
    }
    let records = newRecords.length > 0 ? s.records.concat(newRecords) : s.records;
    if (records.length > opts.maxRecords) records = records.slice(records.length - opts.maxRecords);
    s = { ...s, nodes, logs, records, droppedLines: dropped, nextSeq: seq };
    newLines.length = 0;
    newRecords.length = 0;
  };
  const line = (e: RunEvent, level: LogLine['level'], message: string, nodeId?: string, key?: string) => {
    const l: LogLine = { seq: seq++, runId: e.runId, at: e.at, level, message };
    if (nodeId !== undefined) l.nodeId = nodeId;
    if (key !== undefined) l.key = key;
    newLines.push(l);
  };

  for (const e of events) {
    if (e.type === 'run.started') {
      if (e.runId !== s.runId && watchFlowId !== null && e.flowId !== watchFlowId) continue;
      if (e.runId !== s.runId) {
        flush();
        s = { ...emptyRunState, nextSeq: seq, runId: e.runId };
        nodes = s.nodes;
      }
      s = { ...s, flowId: e.flowId, dryRun: e.dryRun, running: true, status: null, startedAt: e.at };
      const n = opts.narrate(e);
      if (n) line(e, n.level, n.message);
      continue;
    }
    if (e.runId !== s.runId) continue;
    switch (e.type) {
      case 'node.status': {
        const prev = nodes[e.nodeId];
        const next: NodeRunState = { ...prev, status: e.status };
        if (e.error !== undefined) next.error = e.error;
        nodes = { ...nodes, [e.nodeId]: next };
        break;
      }
      case 'node.counts': {
        const prev = nodes[e.nodeId];
        nodes = { ...nodes, [e.nodeId]: { status: prev?.status ?? 'running', ...prev, counts: e.counts } };
        break;
      }
      case 'log':
        line(e, e.level, e.message, e.nodeId, e.key);
        break;
      case 'record':
        newRecords.push(e);
        break;
      case 'run.finished':
        flush();
        s = { ...s, running: false, status: e.status, durationMs: e.durationMs, totals: e.counts, ...(e.error !== undefined ? { error: e.error } : {}) };
        break;
    }
    const n = e.type === 'log' ? null : opts.narrate(e);
    if (n) line(e, n.level, n.message, 'nodeId' in e ? e.nodeId : undefined, e.type === 'record' ? e.key : undefined);
  }
  flush();
  return s;
}

/** Starts watching a run the editor just asked for, before its first event arrives. */
export function expectRun(state: RunState, runId: string, flowId: string, dryRun: boolean): RunState {
  if (state.runId === runId) return state;
  return { ...emptyRunState, nextSeq: state.nextSeq, runId, flowId, dryRun, running: true };
}
