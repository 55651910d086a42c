import { z } from 'zod';
import type { FieldHashes, IdMapping, NodeLedger, WriteIntent } from '../types';
import { atomically, type Db } from './db';

const mappingRow = z.object({ target_id: z.string(), hash: z.string(), updated_at: z.string(), fields: z.string().nullable() });
const fieldHashes = z.record(z.string(), z.string());

/** The stored per-field hashes; an unreadable value counts as none (every field then counts as changed). */
function readFields(text: string | null): FieldHashes | undefined {
  if (text === null) return undefined;
  try {
    const parsed = fieldHashes.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
const intentRow = z.object({ scope: z.string(), key: z.string(), hash: z.string() });
const cursorRow = z.object({ value: z.string() });

/** Cursor values proposed during runs, per run, until the run ends (see `endRun`). */
export type CursorProposals = Map<string, Map<string, { flowId: string; nodeId: string; name: string; value: string }>>;

/**
 * The id map, write intents and cursors of one node in one flow. In a dry run nothing is changed: reads see the
 * real state (so planned changes are right), writes are dropped.
 */
export function createNodeLedger(
  db: Db,
  proposals: CursorProposals,
  ids: { flowId: string; nodeId: string; runId: string; dryRun: boolean },
  now: () => Date,
): NodeLedger {
  const { flowId, nodeId, runId, dryRun } = ids;
  const getMap = db.prepare('SELECT target_id, hash, updated_at, fields FROM id_map WHERE flow_id = ? AND node_id = ? AND scope = ? AND key = ?');
  const putMap = db.prepare(
    `INSERT INTO id_map (flow_id, node_id, scope, key, target_id, hash, updated_at, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (flow_id, node_id, scope, key) DO UPDATE SET target_id = excluded.target_id, hash = excluded.hash,
       updated_at = excluded.updated_at, fields = excluded.fields`,
  );
  const fieldsText = (fields: FieldHashes | undefined) => (fields === undefined ? null : JSON.stringify(fields));
  const putIntent = db.prepare(
    `INSERT INTO write_intents (flow_id, node_id, scope, key, hash, run_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (flow_id, node_id, scope, key) DO UPDATE SET hash = excluded.hash, run_id = excluded.run_id, created_at = excluded.created_at`,
  );
  const dropIntent = db.prepare('DELETE FROM write_intents WHERE flow_id = ? AND node_id = ? AND scope = ? AND key = ?');
  const getIntent = db.prepare('SELECT scope, key, hash FROM write_intents WHERE flow_id = ? AND node_id = ? AND scope = ? AND key = ?');
  const getCursor = db.prepare('SELECT value FROM cursors WHERE flow_id = ? AND node_id = ? AND name = ?');
  const complete = (intent: WriteIntent, targetId: string, at: string): void =>
    atomically(db, () => {
      putMap.run(flowId, nodeId, intent.scope, intent.key, targetId, intent.hash, at, fieldsText(intent.fields));
      dropIntent.run(flowId, nodeId, intent.scope, intent.key);
    });

  return {
    getMapping(scope, key): IdMapping | undefined {
      const row = getMap.get(flowId, nodeId, scope, key);
      if (row === undefined) return undefined;
      const r = mappingRow.parse(row);
      const fields = readFields(r.fields);
      return { targetId: r.target_id, hash: r.hash, updatedAt: r.updated_at, ...(fields ? { fields } : {}) };
    },
    setMapping(scope, key, targetId, hash, fields): void {
      if (dryRun) return;
      putMap.run(flowId, nodeId, scope, key, targetId, hash, now().toISOString(), fieldsText(fields));
    },
    beginWrite(scope, key, hash, fields): WriteIntent {
      const intent = { scope, key, hash, ...(fields ? { fields } : {}) };
      // Autocommit: the intent is on disk before this returns, so before the node sends anything.
      if (!dryRun) putIntent.run(flowId, nodeId, scope, key, hash, runId, now().toISOString());
      return intent;
    },
    completeWrite(intent, targetId): void {
      if (dryRun) return;
      complete(intent, targetId, now().toISOString());
    },
    abandonWrite(intent): void {
      if (dryRun) return;
      dropIntent.run(flowId, nodeId, intent.scope, intent.key);
    },
    pendingWrite(scope, key): WriteIntent | undefined {
      const row = getIntent.get(flowId, nodeId, scope, key);
      return row === undefined ? undefined : intentRow.parse(row);
    },
    transaction<T>(fn: () => T): T {
      return dryRun ? fn() : atomically(db, fn);
    },
    getCursor(name): string | undefined {
      const row = getCursor.get(flowId, nodeId, name);
      return row === undefined ? undefined : cursorRow.parse(row).value;
    },
    proposeCursor(name, value): void {
      if (dryRun) return;
      let forRun = proposals.get(runId);
      if (!forRun) proposals.set(runId, (forRun = new Map()));
      forRun.set(`${flowId}\u0000${nodeId}\u0000${name}`, { flowId, nodeId, name, value });
    },
  };
}

/** Commits a run's proposed cursors when it succeeded for real; otherwise they are forgotten. */
export function settleCursors(db: Db, proposals: CursorProposals, runId: string, commit: boolean, now: () => Date): number {
  const forRun = proposals.get(runId);
  proposals.delete(runId);
  if (!forRun || !commit) return 0;
  const put = db.prepare(
    `INSERT INTO cursors (flow_id, node_id, name, value, run_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (flow_id, node_id, name) DO UPDATE SET value = excluded.value, run_id = excluded.run_id, updated_at = excluded.updated_at`,
  );
  const at = now().toISOString();
  db.transaction(() => {
    for (const c of forRun.values()) put.run(c.flowId, c.nodeId, c.name, c.value, runId, at);
  })();
  return forRun.size;
}
