import type { FlowDocument } from '../flow/schema';
import type { RunEvent } from '../run/events';
import type { Db } from './db';
import { loggedChanges, loggedPayload, redactObject } from './redact';

export interface Recorder {
  /** Feed every event of the run here (pass it as, or call it from, `runFlow`'s `onEvent`). */
  onEvent(event: RunEvent): void;
  /** Writes what is buffered now (also done on a short timer and when the run finishes). */
  flush(): void;
}

export interface RecorderOptions {
  /** Buffered rows that trigger a write; one transaction per flush, not one fsync per record. */
  batchRows?: number;
  /** Longest time buffered rows wait, so a live view of the ledger keeps up. */
  flushAfterMs?: number;
}

type Row = { kind: 'event'; values: (string | number | null)[] } | { kind: 'record'; values: (string | number | null)[] };

const TERMINAL_NODE = new Set(['done', 'failed', 'cancelled', 'skipped']);

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * Writes one run's event stream to the ledger in batched transactions. Payloads follow the flow's
 * `payloadLogging`. Throttled `node.counts` events are not stored one by one: only each node's final counts.
 */
export function createRecorder(db: Db, runId: string, flow: FlowDocument, opts: RecorderOptions = {}): Recorder {
  const mode = flow.settings.payloadLogging;
  const batchRows = opts.batchRows ?? 500;
  const flushAfterMs = opts.flushAfterMs ?? 250;
  const insertRun = db.prepare(
    `INSERT INTO runs (id, flow_id, flow_name, dry_run, status, started_at, pid) VALUES (?, ?, ?, ?, 'running', ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertEvent = db.prepare('INSERT INTO events (run_id, seq, type, node_id, level, key, json, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertRecord = db.prepare(
    `INSERT INTO records (run_id, seq, node_id, key, action, planned, target, target_id, reason, reason_code, reason_params, changes, source, sent, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const finishRun = db.prepare(
    `UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, count_in = ?, count_out = ?, count_created = ?,
     count_updated = ?, count_skipped = ?, count_failed = ?, error = ? WHERE id = ?`,
  );

  let seq = 0;
  let buffer: Row[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lastCounts = new Map<string, RunEvent>();

  const write = db.transaction((rows: Row[]) => {
    for (const row of rows) (row.kind === 'event' ? insertEvent : insertRecord).run(...row.values);
  });

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    // Cleared only after the write, so rows of a failed write (database busy) are tried again next time.
    write(buffer);
    buffer = [];
  };
  const flushLater = (): void => {
    timer = undefined;
    try {
      flush();
    } catch {
      // Nobody to tell from a timer: the next event or run.finished flushes again and reports the error.
    }
  };

  const push = (row: Row): void => {
    buffer.push(row);
    if (buffer.length >= batchRows) flush();
    else if (!timer) {
      timer = setTimeout(flushLater, flushAfterMs);
      // A pending flush must not keep a CLI process alive; run.finished flushes anyway.
      timer.unref?.();
    }
  };

  const pushEvent = (e: RunEvent): void => {
    seq += 1;
    const nodeId = 'nodeId' in e ? (e.nodeId ?? null) : null;
    const level = e.type === 'log' ? e.level : null;
    const key = e.type === 'log' ? (e.key ?? null) : null;
    let stored: RunEvent = e;
    if (e.type === 'log' && e.data !== undefined) {
      const { data, ...rest } = e;
      stored = mode === 'off' ? rest : { ...rest, data: mode === 'full' ? data : redactObject(data) };
    }
    push({ kind: 'event', values: [runId, seq, e.type, nodeId, level, key, JSON.stringify(stored), e.at] });
  };

  return {
    flush,
    onEvent(e: RunEvent): void {
      if (e.runId !== runId) return;
      switch (e.type) {
        case 'run.started':
          flush();
          insertRun.run(runId, e.flowId, e.flowName, e.dryRun ? 1 : 0, e.at, process.pid);
          pushEvent(e);
          return;
        case 'node.counts':
          lastCounts.set(e.nodeId, e);
          return;
        case 'node.status': {
          const counts = lastCounts.get(e.nodeId);
          if (TERMINAL_NODE.has(e.status) && counts) {
            pushEvent(counts);
            lastCounts.delete(e.nodeId);
          }
          pushEvent(e);
          return;
        }
        case 'record': {
          seq += 1;
          const changes = loggedChanges(e.changes, mode);
          push({
            kind: 'record',
            values: [
              runId,
              seq,
              e.nodeId,
              e.key,
              e.action,
              e.planned ? 1 : 0,
              e.target ?? null,
              e.targetId ?? null,
              e.reason ?? null,
              e.reasonCode ?? null,
              json(e.reasonParams),
              json(changes),
              json(loggedPayload(e.source, mode)),
              json(loggedPayload(e.sent, mode)),
              e.at,
            ],
          });
          return;
        }
        case 'run.finished': {
          for (const counts of lastCounts.values()) pushEvent(counts);
          lastCounts.clear();
          pushEvent(e);
          flush();
          const c = e.counts;
          finishRun.run(e.status, e.at, e.durationMs, c.in, c.out, c.created, c.updated, c.skipped, c.failed, e.error ?? null, runId);
          return;
        }
        default:
          pushEvent(e);
      }
    },
  };
}
