import { z } from 'zod';
import type { Db } from './db';
import type { RecordRow, RunRecord, StoredEvent } from './rows';
import { toRecordRow, toRunRecord, toStoredEvent } from './rows';

const intentColumns = z.object({ flow_id: z.string(), node_id: z.string(), scope: z.string(), key: z.string(), hash: z.string(), run_id: z.string(), created_at: z.string() });

/** A write that began and never finished (Koppel stopped in between); the next run checks the target first. */
export interface PendingWriteRow {
  flowId: string;
  nodeId: string;
  scope: string;
  key: string;
  runId: string;
  createdAt: string;
}

const timelineColumns = z.object({ t_flow_id: z.string(), t_flow_name: z.string(), t_started: z.string(), t_dry: z.number() });

export interface ListRunsOptions {
  flowId?: string;
  limit?: number;
  /** Paging: runs started before this ISO time. */
  before?: string;
  /** Only dry runs (true) or only real runs (false). */
  dryRun?: boolean;
}

export interface RunDetail {
  run: RunRecord;
  events: StoredEvent[];
  records: RecordRow[];
}

export interface TimelineEntry extends RecordRow {
  flowId: string;
  flowName: string;
  runStartedAt: string;
  dryRun: boolean;
}

/** Read side of the ledger, for the runs list, the run view, replay and a record's history. */
export function createQueries(db: Db) {
  return {
    /** Newest first, with counts. */
    listRuns(opts: ListRunsOptions = {}): RunRecord[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      if (opts.flowId !== undefined) {
        where.push('flow_id = ?');
        args.push(opts.flowId);
      }
      if (opts.before !== undefined) {
        where.push('started_at < ?');
        args.push(opts.before);
      }
      if (opts.dryRun !== undefined) {
        where.push('dry_run = ?');
        args.push(opts.dryRun ? 1 : 0);
      }
      const sql = `SELECT * FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, rowid DESC LIMIT ?`;
      return db.prepare(sql).all(...args, opts.limit ?? 50).map(toRunRecord);
    },

    getRun(runId: string, opts: { recordLimit?: number } = {}): RunDetail | undefined {
      const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId);
      if (row === undefined) return undefined;
      const events = db
        .prepare('SELECT seq, json FROM events WHERE run_id = ? ORDER BY seq')
        .all(runId)
        .map(toStoredEvent)
        .filter((e): e is StoredEvent => e !== undefined);
      const records = db.prepare('SELECT * FROM records WHERE run_id = ? ORDER BY seq LIMIT ?').all(runId, opts.recordLimit ?? 10_000).map(toRecordRow);
      return { run: toRunRecord(row), events, records };
    },

    pendingWrites(flowId?: string): PendingWriteRow[] {
      const rows = flowId === undefined ? db.prepare('SELECT * FROM write_intents ORDER BY created_at').all() : db.prepare('SELECT * FROM write_intents WHERE flow_id = ? ORDER BY created_at').all(flowId);
      return rows.map((row) => {
        const r = intentColumns.parse(row);
        return { flowId: r.flow_id, nodeId: r.node_id, scope: r.scope, key: r.key, runId: r.run_id, createdAt: r.created_at };
      });
    },

    failedRecords(runId: string): RecordRow[] {
      return db.prepare("SELECT * FROM records WHERE run_id = ? AND action = 'failed' ORDER BY seq").all(runId).map(toRecordRow);
    },

    /** Everything that happened to one record key, across runs, newest first. */
    keyTimeline(key: string, opts: { flowId?: string; limit?: number } = {}): TimelineEntry[] {
      const args: (string | number)[] = [key];
      let sql = `SELECT r.*, runs.flow_id AS t_flow_id, runs.flow_name AS t_flow_name, runs.started_at AS t_started, runs.dry_run AS t_dry
        FROM records r JOIN runs ON runs.id = r.run_id WHERE r.key = ?`;
      if (opts.flowId !== undefined) {
        sql += ' AND runs.flow_id = ?';
        args.push(opts.flowId);
      }
      sql += ' ORDER BY r.at DESC, r.seq DESC LIMIT ?';
      args.push(opts.limit ?? 200);
      return db
        .prepare(sql)
        .all(...args)
        .map((row) => {
          const run = timelineColumns.parse(row);
          return { ...toRecordRow(row), flowId: run.t_flow_id, flowName: run.t_flow_name, runStartedAt: run.t_started, dryRun: run.t_dry === 1 };
        });
    },
  };
}
