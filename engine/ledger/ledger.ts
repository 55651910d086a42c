import type { FlowDocument } from '../flow/schema';
import type { RunStatus } from '../run/events';
import type { NodeLedger, RunLedger } from '../types';
import type { Db } from './db';
import { openDb } from './db';
import { erasePayloadsContaining, markAbandonedRuns, prune } from './maintenance';
import type { AbandonOptions, PruneOptions } from './maintenance';
import { createNodeLedger, settleCursors } from './node-ledger';
import type { CursorProposals } from './node-ledger';
import { createOpsQueries } from './ops-queries';
import type { AttentionRow, KeyEvent, ParkedRow } from './ops-queries';
import { createQueries } from './queries';
import type { ListRunsOptions, PendingWriteRow, RunDetail, TimelineEntry } from './queries';
import { createRecorder } from './recorder';
import type { Recorder, RecorderOptions } from './recorder';
import type { RecordRow, RunRecord } from './rows';
import { migrateLedger } from './schema';

export interface Ledger extends RunLedger {
  readonly path: string;
  /** Writes one run's events (runs row, events, record outcomes) as they come. */
  recorder(runId: string, flow: FlowDocument, opts?: RecorderOptions): Recorder;
  nodeLedger(flowId: string, nodeId: string, runId: string, dryRun: boolean): NodeLedger;
  endRun(runId: string, status: RunStatus, dryRun: boolean): void;
  listRuns(opts?: ListRunsOptions): RunRecord[];
  getRun(runId: string, opts?: { recordLimit?: number }): RunDetail | undefined;
  failedRecords(runId: string): RecordRow[];
  /** Writes that began and did not finish, per flow or all. */
  pendingWrites(flowId?: string): PendingWriteRow[];
  keyTimeline(key: string, opts?: { flowId?: string; limit?: number }): TimelineEntry[];
  prune(opts: PruneOptions): { runs: number; payloads: number };
  erasePayloadsContaining(email: string): { records: number; events: number; keys: number };
  /** Marks runs left `running` by a stopped Koppel as failed; runs of another live Koppel process stay. */
  markAbandonedRuns(opts?: AbandonOptions): number;
  /** Records whose latest outcome in their flow failed and that are not parked, newest first. */
  needsAttention(opts?: { flowId?: string; limit?: number }): { items: AttentionRow[]; total: number };
  /** Runs started at or after `since` (ISO), oldest first. */
  runsStartedSince(since: string, opts?: { flowId?: string; dryRun?: boolean; limit?: number }): RunRecord[];
  /** Log events that name a record key, newest first. */
  keyEvents(key: string, opts?: { flowId?: string; limit?: number }): KeyEvent[];
  /** One run's record outcomes, optionally of one action; `total` counts past the limit. */
  runRecords(runId: string, opts?: { action?: string; limit?: number; offset?: number }): { items: RecordRow[]; total: number };
  park(flowId: string, key: string, note?: string): void;
  unpark(flowId: string, key: string): boolean;
  parked(flowId?: string): ParkedRow[];
  isParked(flowId: string, key: string): boolean;
  /** The committed cursor of a node, outside any run (for the UI and tests). */
  cursor(flowId: string, nodeId: string, name: string): string | undefined;
  close(): void;
}

export interface OpenLedgerOptions {
  now?: () => Date;
}

/** Opens (creating and migrating) the ledger database; `':memory:'` for tests and one-off dry runs. */
export function openLedger(path: string, opts: OpenLedgerOptions = {}): Ledger {
  const db: Db = openDb(path);
  migrateLedger(db);
  const now = opts.now ?? (() => new Date());
  const proposals: CursorProposals = new Map();
  const queries = createQueries(db);
  const ops = createOpsQueries(db, now);
  return {
    path,
    recorder: (runId, flow, ropts) => createRecorder(db, runId, flow, ropts),
    nodeLedger: (flowId, nodeId, runId, dryRun) => createNodeLedger(db, proposals, { flowId, nodeId, runId, dryRun }, now),
    endRun: (runId, status, dryRun) => {
      settleCursors(db, proposals, runId, status === 'succeeded' && !dryRun, now);
    },
    listRuns: (o) => queries.listRuns(o),
    getRun: (runId, o) => queries.getRun(runId, o),
    failedRecords: (runId) => queries.failedRecords(runId),
    pendingWrites: (flowId) => queries.pendingWrites(flowId),
    keyTimeline: (key, o) => queries.keyTimeline(key, o),
    prune: (o) => prune(db, { now: now(), ...o }),
    erasePayloadsContaining: (email) => erasePayloadsContaining(db, email),
    markAbandonedRuns: (o) => markAbandonedRuns(db, now(), o),
    needsAttention: (o) => ops.needsAttention(o),
    runsStartedSince: (since, o) => ops.runsStartedSince(since, o),
    keyEvents: (key, o) => ops.keyEvents(key, o),
    runRecords: (runId, o) => ops.runRecords(runId, o),
    park: (flowId, key, note) => ops.park(flowId, key, note),
    unpark: (flowId, key) => ops.unpark(flowId, key),
    parked: (flowId) => ops.parked(flowId),
    isParked: (flowId, key) => ops.isParked(flowId, key),
    cursor: (flowId, nodeId, name) => createNodeLedger(db, proposals, { flowId, nodeId, runId: '', dryRun: true }, now).getCursor(name),
    close: () => db.close(),
  };
}
