import { z } from 'zod';
import type { FieldHashes, IdMapping, NodeLedger, WriteIntent } from '../types';
import { atomically, type Db } from './db';

/** An id-map row, read field by field: this runs once per record of every sync, so no schema library on the way. */
function mappingOf(row: unknown): IdMapping {
  const get = (name: string): unknown => (typeof row === 'object' && row !== null ? Reflect.get(row, name) : undefined);
  const text = (name: string): string => {
    const v = get(name);
    if (typeof v !== 'string') throw new Error(`The ledger's id map has a row without ${name}: the ledger file is damaged; restore it or start with a new one.`);
    return v;
  };
  const stored = get('fields');
  const fields = readFields(typeof stored === 'string' ? stored : null);
  return { targetId: text('target_id'), hash: text('hash'), updatedAt: text('updated_at'), ...(fields ? { fields } : {}) };
}
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
  const allIntents = db.prepare('SELECT scope, key FROM write_intents WHERE flow_id = ? AND node_id = ?');
  /**
   * The intents this node has open, read once per run: intents are rare (a run that was stopped mid-write), so the
   * question "is one pending for this record?" is answered from memory instead of a query per record. Only this
   * node of this flow writes its intents, and one run of a flow at a time (the scheduler does not overlap them).
   */
  let pendingKeys: Set<string> | undefined;
  const intentKey = (scope: string, key: string) => `${scope}\u0000${key}`;
  const pending = (): Set<string> => {
    if (pendingKeys) return pendingKeys;
    pendingKeys = new Set();
    for (const row of allIntents.all(flowId, nodeId)) {
      const r = intentRow.pick({ scope: true, key: true }).parse(row);
      pendingKeys.add(intentKey(r.scope, r.key));
    }
    return pendingKeys;
  };
  const getCursor = db.prepare('SELECT value FROM cursors WHERE flow_id = ? AND node_id = ? AND name = ?');
  const getMaps = db.prepare(
    'SELECT key, target_id, hash, updated_at, fields FROM id_map WHERE flow_id = ? AND node_id = ? AND scope = ? AND key IN (SELECT value FROM json_each(?))',
  );
  /** Mappings read ahead for a batch (null: known to be absent); a write of a key drops its entry. */
  const known = new Map<string, IdMapping | null>();
  const complete = (intent: WriteIntent, targetId: string, at: string): void =>
    atomically(db, () => {
      putMap.run(flowId, nodeId, intent.scope, intent.key, targetId, intent.hash, at, fieldsText(intent.fields));
      dropIntent.run(flowId, nodeId, intent.scope, intent.key);
      pendingKeys?.delete(intentKey(intent.scope, intent.key));
      known.delete(intentKey(intent.scope, intent.key));
    });

  return {
    getMapping(scope, key): IdMapping | undefined {
      const cached = known.get(intentKey(scope, key));
      if (cached !== undefined) return cached ?? undefined;
      const row: unknown = getMap.get(flowId, nodeId, scope, key);
      return row === undefined ? undefined : mappingOf(row);
    },
    prefetchMappings(scope, keys): void {
      known.clear();
      if (keys.length === 0) return;
      for (const key of keys) known.set(intentKey(scope, key), null);
      for (const row of getMaps.all(flowId, nodeId, scope, JSON.stringify(keys))) {
        const key: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'key') : undefined;
        if (typeof key === 'string') known.set(intentKey(scope, key), mappingOf(row));
      }
    },
    setMapping(scope, key, targetId, hash, fields): void {
      if (dryRun) return;
      known.delete(intentKey(scope, key));
      putMap.run(flowId, nodeId, scope, key, targetId, hash, now().toISOString(), fieldsText(fields));
    },
    beginWrite(scope, key, hash, fields): WriteIntent {
      const intent = { scope, key, hash, ...(fields ? { fields } : {}) };
      // Autocommit: the intent is on disk before this returns, so before the node sends anything.
      if (!dryRun) {
        putIntent.run(flowId, nodeId, scope, key, hash, runId, now().toISOString());
        pending().add(intentKey(scope, key));
      }
      return intent;
    },
    completeWrite(intent, targetId): void {
      if (dryRun) return;
      complete(intent, targetId, now().toISOString());
    },
    abandonWrite(intent): void {
      if (dryRun) return;
      dropIntent.run(flowId, nodeId, intent.scope, intent.key);
      pendingKeys?.delete(intentKey(intent.scope, intent.key));
    },
    pendingWrite(scope, key): WriteIntent | undefined {
      if (!pending().has(intentKey(scope, key))) return undefined;
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
