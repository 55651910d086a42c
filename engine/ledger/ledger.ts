import type { FlowDocument } from '../flow/schema';
import type { RunStatus } from '../run/events';
import type { NodeLedger, RunLedger } from '../types';
import type { Db } from './db';
import { openDb } from './db';
import { erasePayloadsContaining, markAbandonedRuns, prune } from './maintenance';
import type { PruneOptions } from './maintenance';
import { createNodeLedger, settleCursors } from './node-ledger';
import type { CursorProposals } from './node-ledger';
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
  markAbandonedRuns(): number;
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
    markAbandonedRuns: () => markAbandonedRuns(db, now()),
    cursor: (flowId, nodeId, name) => createNodeLedger(db, proposals, { flowId, nodeId, runId: '', dryRun: true }, now).getCursor(name),
    close: () => db.close(),
  };
}
