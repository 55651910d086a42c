import { z } from 'zod';
import type { Db } from './db';

/** Each entry brings the database from version i to i + 1 (PRAGMA user_version). Never edit a shipped entry. */
export const LEDGER_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL,
    flow_name TEXT NOT NULL,
    dry_run INTEGER NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    duration_ms INTEGER,
    count_in INTEGER NOT NULL DEFAULT 0,
    count_out INTEGER NOT NULL DEFAULT 0,
    count_created INTEGER NOT NULL DEFAULT 0,
    count_updated INTEGER NOT NULL DEFAULT 0,
    count_skipped INTEGER NOT NULL DEFAULT 0,
    count_failed INTEGER NOT NULL DEFAULT 0,
    error TEXT
  );
  CREATE INDEX runs_by_flow ON runs (flow_id, started_at DESC);
  CREATE INDEX runs_by_start ON runs (started_at DESC);
  CREATE TABLE events (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    node_id TEXT,
    level TEXT,
    key TEXT,
    json TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  );
  CREATE TABLE records (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    key TEXT NOT NULL,
    action TEXT NOT NULL,
    planned INTEGER NOT NULL,
    target TEXT,
    target_id TEXT,
    reason TEXT,
    changes TEXT,
    source TEXT,
    sent TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  );
  CREATE INDEX records_by_key ON records (key);
  CREATE INDEX records_by_action ON records (run_id, action);
  CREATE INDEX records_by_time ON records (at);
  CREATE TABLE id_map (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    target_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (flow_id, node_id, scope, key)
  );
  CREATE TABLE write_intents (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    hash TEXT NOT NULL,
    run_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (flow_id, node_id, scope, key)
  );
  CREATE TABLE cursors (
    flow_id TEXT NOT NULL,
    node_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    run_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (flow_id, node_id, name)
  );
  `,
  // 2: parked records (not retried, not listed as needing attention), the process that ran a run (so a second
  // Koppel process does not mark a live run as abandoned), and indexes for the dashboard and a key's timeline.
  `
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  CREATE TABLE parked (
    flow_id TEXT NOT NULL,
    key TEXT NOT NULL,
    parked_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (flow_id, key)
  );
  CREATE INDEX events_by_key ON events (key) WHERE key IS NOT NULL;
  CREATE INDEX records_failed_by_key ON records (key) WHERE action = 'failed';
  `,
  // 3: a hash per written field in the id map (JSON), so a sync can tell which fields changed without storing values.
  `
  ALTER TABLE id_map ADD COLUMN fields TEXT;
  `,
  // 4: a failure reason as a code with parameters (JSON), so it can be shown in the app's language.
  `
  ALTER TABLE records ADD COLUMN reason_code TEXT;
  ALTER TABLE records ADD COLUMN reason_params TEXT;
  `,
];

const versionRow = z.object({ user_version: z.number() });

export function schemaVersion(db: Db): number {
  return versionRow.parse(db.prepare('PRAGMA user_version').get()).user_version;
}

/** Applies the missing migrations, each in its own transaction; a newer database than this Koppel is refused. */
export function migrateLedger(db: Db, migrations: readonly string[] = LEDGER_MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(`The ledger was written by a newer Koppel (schema ${current}, this Koppel knows ${migrations.length}). Update Koppel.`);
  }
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}
