import { z } from 'zod';
import type { Db } from './db';

const DAY_MS = 24 * 60 * 60 * 1000;
const eventJsonRow = z.object({ run_id: z.string(), seq: z.number(), json: z.string() });

export interface PruneOptions {
  /** Delete runs (with their events and records) that started more than this many days ago. */
  runsOlderThanDays?: number;
  /** Keep records but drop their source/sent payloads after this many days. */
  payloadsOlderThanDays?: number;
  now?: Date;
}

function cutoff(days: number, now: Date): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Retention: old runs go; payloads (personal data) can go sooner than the run history. */
export function prune(db: Db, opts: PruneOptions): { runs: number; payloads: number } {
  const now = opts.now ?? new Date();
  let runs = 0;
  let payloads = 0;
  db.transaction(() => {
    if (opts.runsOlderThanDays !== undefined) {
      runs = db.prepare("DELETE FROM runs WHERE started_at < ? AND status <> 'running'").run(cutoff(opts.runsOlderThanDays, now)).changes;
    }
    if (opts.payloadsOlderThanDays !== undefined) {
      payloads = db
        .prepare('UPDATE records SET source = NULL, sent = NULL, changes = NULL WHERE at < ? AND (source IS NOT NULL OR sent IS NOT NULL OR changes IS NOT NULL)')
        .run(cutoff(opts.payloadsOlderThanDays, now)).changes;
      db.prepare("UPDATE events SET json = json_remove(json, '$.data') WHERE at < ? AND type = 'log' AND json_extract(json, '$.data') IS NOT NULL").run(
        cutoff(opts.payloadsOlderThanDays, now),
      );
    }
  })();
  return { runs, payloads };
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Erasure on request (GDPR): removes every stored payload that contains the e-mail address — record
 * source/sent/changes and log data — and blanks the address in log messages. Record keys stay, since the id
 * map needs them; a key that is itself the address is reported in `keys` so the caller can decide.
 */
export function erasePayloadsContaining(db: Db, email: string): { records: number; events: number; keys: number } {
  const needle = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(needle)) throw new Error(`'${email}' is not an e-mail address.`);
  const like = `%${likeEscape(needle)}%`;
  const textRe = new RegExp(escapeRegExp(needle), 'gi');
  let records = 0;
  let events = 0;
  let keys = 0;
  db.transaction(() => {
    records = db
      .prepare(
        `UPDATE records SET source = NULL, sent = NULL, changes = NULL
         WHERE source LIKE ? ESCAPE '\\' OR sent LIKE ? ESCAPE '\\' OR changes LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\'`,
      )
      .run(like, like, like, like).changes;
    db.prepare("UPDATE records SET reason = replace(reason, ?, '[erased]') WHERE reason LIKE ? ESCAPE '\\'").run(needle, like);
    const rows = db.prepare("SELECT run_id, seq, json FROM events WHERE json LIKE ? ESCAPE '\\'").all(like).map((r) => eventJsonRow.parse(r));
    const update = db.prepare('UPDATE events SET json = ?, key = CASE WHEN key LIKE ? ESCAPE \'\\\' THEN NULL ELSE key END WHERE run_id = ? AND seq = ?');
    for (const row of rows) {
      const value: unknown = JSON.parse(row.json);
      let text = row.json;
      if (typeof value === 'object' && value !== null && 'data' in value) {
        const { data: _data, ...rest } = value;
        text = JSON.stringify(rest);
      }
      text = text.replace(textRe, '[erased]');
      update.run(text, like, row.run_id, row.seq);
      events += 1;
    }
    keys = z.object({ n: z.number() }).parse(db.prepare("SELECT count(*) AS n FROM records WHERE key LIKE ? ESCAPE '\\'").get(like)).n;
  })();
  return { records, events, keys };
}

/** Whether a process id belongs to a running process (signal 0 only checks; EPERM means it exists). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

export interface AbandonOptions {
  /** Liveness check of the process that ran a run; default `processAlive`. */
  isAlive?: (pid: number) => boolean;
  /** This process; its own runs count as abandoned (call this before starting runs). Default `process.pid`. */
  selfPid?: number;
}

const runningRow = z.object({ id: z.string(), pid: z.number().nullable().optional() });

/**
 * Runs left `running` by a Koppel that stopped; call at start-up before this process runs flows. A run still
 * owned by another live Koppel process (the desktop app next to the daemon) is left alone.
 */
export function markAbandonedRuns(db: Db, now: Date = new Date(), opts: AbandonOptions = {}): number {
  const isAlive = opts.isAlive ?? processAlive;
  const self = opts.selfPid ?? process.pid;
  const rows = db.prepare("SELECT id, pid FROM runs WHERE status = 'running'").all().map((r) => runningRow.parse(r));
  const abandoned = rows.filter((r) => r.pid == null || r.pid === self || !isAlive(r.pid));
  const mark = db.prepare("UPDATE runs SET status = 'failed', finished_at = ?, error = 'Koppel stopped during this run; it did not finish.' WHERE id = ? AND status = 'running'");
  let changed = 0;
  db.transaction(() => {
    for (const r of abandoned) changed += mark.run(now.toISOString(), r.id).changes;
  })();
  return changed;
}
