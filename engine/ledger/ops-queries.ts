import { z } from 'zod';
import type { Db } from './db';
import type { RecordRow, RunRecord, StoredEvent } from './rows';
import { toRecordRow, toRunRecord, toStoredEvent } from './rows';

/** A record whose latest outcome in its flow is `failed` and that nobody parked: the dashboard's "needs attention". */
export interface AttentionRow extends RecordRow {
  flowId: string;
  flowName: string;
  runStartedAt: string;
}

/** A record a person set aside: not replayed by default and not listed as needing attention. */
export interface ParkedRow {
  flowId: string;
  key: string;
  parkedAt: string;
  note?: string;
}

/** A log event that names a record key, with its run. */
export interface KeyEvent extends StoredEvent {
  runId: string;
  flowId: string;
  flowName: string;
  runStartedAt: string;
  dryRun: boolean;
}

const runColumns = z.object({ a_flow_id: z.string(), a_flow_name: z.string(), a_started: z.string(), a_dry: z.number() });
const parkedColumns = z.object({ flow_id: z.string(), key: z.string(), parked_at: z.string(), note: z.string().nullable().optional() });
const countRow = z.object({ n: z.number() });

// The latest real run of the same flow that has any outcome for the key; an outcome there supersedes older ones.
const ATTENTION_WHERE = `
  r.action = 'failed' AND r.planned = 0 AND runs.dry_run = 0
  AND NOT EXISTS (SELECT 1 FROM parked p WHERE p.flow_id = runs.flow_id AND p.key = r.key)
  AND NOT EXISTS (
    SELECT 1 FROM records r2 JOIN runs run2 ON run2.id = r2.run_id
    WHERE r2.key = r.key AND run2.flow_id = runs.flow_id AND run2.dry_run = 0 AND r2.planned = 0
      AND (run2.started_at > runs.started_at OR (run2.started_at = runs.started_at AND run2.rowid > runs.rowid))
  )
  AND NOT EXISTS (SELECT 1 FROM records r3 WHERE r3.run_id = r.run_id AND r3.key = r.key AND r3.action = 'failed' AND r3.seq > r.seq)`;

/** Queries for the dashboard, a key's timeline, replay and parking. */
export function createOpsQueries(db: Db, now: () => Date) {
  const parkedRow = (row: unknown): ParkedRow => {
    const r = parkedColumns.parse(row);
    return { flowId: r.flow_id, key: r.key, parkedAt: r.parked_at, ...(r.note != null ? { note: r.note } : {}) };
  };

  return {
    needsAttention(opts: { flowId?: string; limit?: number } = {}): { items: AttentionRow[]; total: number } {
      const flowFilter = opts.flowId !== undefined ? ' AND runs.flow_id = ?' : '';
      const args: (string | number)[] = opts.flowId !== undefined ? [opts.flowId] : [];
      const from = `FROM records r JOIN runs ON runs.id = r.run_id WHERE ${ATTENTION_WHERE}${flowFilter}`;
      const items = db
        .prepare(
          `SELECT r.*, runs.flow_id AS a_flow_id, runs.flow_name AS a_flow_name, runs.started_at AS a_started, runs.dry_run AS a_dry ${from}
           ORDER BY runs.started_at DESC, r.seq DESC LIMIT ?`,
        )
        .all(...args, opts.limit ?? 200)
        .map((row) => {
          const run = runColumns.parse(row);
          return { ...toRecordRow(row), flowId: run.a_flow_id, flowName: run.a_flow_name, runStartedAt: run.a_started };
        });
      const total = countRow.parse(db.prepare(`SELECT count(*) AS n ${from}`).get(...args)).n;
      return { items, total };
    },

    /** Runs that started at or after `since` (ISO), oldest first: the dashboard's per-day figures. */
    runsStartedSince(since: string, opts: { flowId?: string; dryRun?: boolean; limit?: number } = {}): RunRecord[] {
      const where = ['started_at >= ?'];
      const args: (string | number)[] = [since];
      if (opts.flowId !== undefined) {
        where.push('flow_id = ?');
        args.push(opts.flowId);
      }
      if (opts.dryRun !== undefined) {
        where.push('dry_run = ?');
        args.push(opts.dryRun ? 1 : 0);
      }
      return db
        .prepare(`SELECT * FROM runs WHERE ${where.join(' AND ')} ORDER BY started_at, rowid LIMIT ?`)
        .all(...args, opts.limit ?? 100_000)
        .map(toRunRecord);
    },

    /** Log events that name `key`, newest first. */
    keyEvents(key: string, opts: { flowId?: string; limit?: number } = {}): KeyEvent[] {
      const args: (string | number)[] = [key];
      let sql = `SELECT e.seq, e.json, e.run_id, runs.flow_id AS a_flow_id, runs.flow_name AS a_flow_name, runs.started_at AS a_started, runs.dry_run AS a_dry
        FROM events e JOIN runs ON runs.id = e.run_id WHERE e.key = ?`;
      if (opts.flowId !== undefined) {
        sql += ' AND runs.flow_id = ?';
        args.push(opts.flowId);
      }
      sql += ' ORDER BY e.at DESC, e.seq DESC LIMIT ?';
      args.push(opts.limit ?? 200);
      const out: KeyEvent[] = [];
      for (const row of db.prepare(sql).all(...args)) {
        const stored = toStoredEvent(row);
        if (!stored) continue;
        const run = runColumns.parse(row);
        out.push({ ...stored, runId: stored.event.runId, flowId: run.a_flow_id, flowName: run.a_flow_name, runStartedAt: run.a_started, dryRun: run.a_dry === 1 });
      }
      return out;
    },

    /** One run's record outcomes, optionally of one action, in order; `total` counts past the limit. */
    runRecords(runId: string, opts: { action?: string; limit?: number; offset?: number } = {}): { items: RecordRow[]; total: number } {
      const filter = opts.action !== undefined ? ' AND action = ?' : '';
      const args: (string | number)[] = opts.action !== undefined ? [runId, opts.action] : [runId];
      const items = db
        .prepare(`SELECT * FROM records WHERE run_id = ?${filter} ORDER BY seq LIMIT ? OFFSET ?`)
        .all(...args, opts.limit ?? 1000, opts.offset ?? 0)
        .map(toRecordRow);
      const total = countRow.parse(db.prepare(`SELECT count(*) AS n FROM records WHERE run_id = ?${filter}`).get(...args)).n;
      return { items, total };
    },

    park(flowId: string, key: string, note?: string): void {
      db.prepare(
        `INSERT INTO parked (flow_id, key, parked_at, note) VALUES (?, ?, ?, ?)
         ON CONFLICT (flow_id, key) DO UPDATE SET parked_at = excluded.parked_at, note = excluded.note`,
      ).run(flowId, key, now().toISOString(), note ?? null);
    },

    /** True when the record was parked. */
    unpark(flowId: string, key: string): boolean {
      return db.prepare('DELETE FROM parked WHERE flow_id = ? AND key = ?').run(flowId, key).changes > 0;
    },

    parked(flowId?: string): ParkedRow[] {
      const rows = flowId === undefined ? db.prepare('SELECT * FROM parked ORDER BY parked_at DESC').all() : db.prepare('SELECT * FROM parked WHERE flow_id = ? ORDER BY parked_at DESC').all(flowId);
      return rows.map(parkedRow);
    },

    isParked(flowId: string, key: string): boolean {
      return db.prepare('SELECT 1 AS n FROM parked WHERE flow_id = ? AND key = ?').get(flowId, key) !== undefined;
    },
  };
}
