import { z } from 'zod';
import type { Json } from '../json';
import { jsonSchema } from '../json';
import type { Counts, FieldChange, RecordAction, RunEvent, RunStatus } from '../run/events';
import { fieldChangeSchema, recordActionSchema, runEventSchema, runStatusSchema } from '../run/events';

/** A run as the ledger lists it; `running` means it has not finished (or Koppel stopped during it). */
export interface RunRecord {
  id: string;
  flowId: string;
  flowName: string;
  dryRun: boolean;
  status: RunStatus | 'running';
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  counts: Counts;
  error?: string;
}

export interface RecordRow {
  runId: string;
  seq: number;
  nodeId: string;
  key: string;
  action: RecordAction;
  planned: boolean;
  target?: string;
  targetId?: string;
  reason?: string;
  reasonCode?: string;
  reasonParams?: Record<string, string | number>;
  changes?: FieldChange[];
  source?: Json;
  sent?: Json;
  at: string;
}

const nullable = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const runRowSchema = z.object({
  id: z.string(),
  flow_id: z.string(),
  flow_name: z.string(),
  dry_run: z.number(),
  status: z.union([runStatusSchema, z.literal('running')]),
  started_at: z.string(),
  finished_at: nullable(z.string()),
  duration_ms: nullable(z.number()),
  count_in: z.number(),
  count_out: z.number(),
  count_created: z.number(),
  count_updated: z.number(),
  count_skipped: z.number(),
  count_failed: z.number(),
  error: nullable(z.string()),
});

export function toRunRecord(row: unknown): RunRecord {
  const r = runRowSchema.parse(row);
  return {
    id: r.id,
    flowId: r.flow_id,
    flowName: r.flow_name,
    dryRun: r.dry_run === 1,
    status: r.status,
    startedAt: r.started_at,
    ...(r.finished_at != null ? { finishedAt: r.finished_at } : {}),
    ...(r.duration_ms != null ? { durationMs: r.duration_ms } : {}),
    counts: { in: r.count_in, out: r.count_out, created: r.count_created, updated: r.count_updated, skipped: r.count_skipped, failed: r.count_failed },
    ...(r.error != null ? { error: r.error } : {}),
  };
}

const recordRowSchema = z.object({
  run_id: z.string(),
  seq: z.number(),
  node_id: z.string(),
  key: z.string(),
  action: recordActionSchema,
  planned: z.number(),
  target: nullable(z.string()),
  target_id: nullable(z.string()),
  reason: nullable(z.string()),
  reason_code: nullable(z.string()),
  reason_params: nullable(z.string()),
  changes: nullable(z.string()),
  source: nullable(z.string()),
  sent: nullable(z.string()),
  at: z.string(),
});

function parseJsonColumn<T>(text: string | null | undefined, schema: z.ZodType<T>): T | undefined {
  if (text == null) return undefined;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

export function toRecordRow(row: unknown): RecordRow {
  const r = recordRowSchema.parse(row);
  const changes = parseJsonColumn(r.changes, z.array(fieldChangeSchema));
  const source = parseJsonColumn(r.source, jsonSchema);
  const sent = parseJsonColumn(r.sent, jsonSchema);
  const reasonParams = parseJsonColumn(r.reason_params, z.record(z.string(), z.union([z.string(), z.number()])));
  return {
    runId: r.run_id,
    seq: r.seq,
    nodeId: r.node_id,
    key: r.key,
    action: r.action,
    planned: r.planned === 1,
    ...(r.target != null ? { target: r.target } : {}),
    ...(r.target_id != null ? { targetId: r.target_id } : {}),
    ...(r.reason != null ? { reason: r.reason } : {}),
    ...(r.reason_code != null ? { reasonCode: r.reason_code } : {}),
    ...(reasonParams !== undefined ? { reasonParams } : {}),
    ...(changes !== undefined ? { changes } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(sent !== undefined ? { sent } : {}),
    at: r.at,
  };
}

const eventRowSchema = z.object({ seq: z.number(), json: z.string() });

/** A stored event with its position in the run (records share the same sequence). */
export interface StoredEvent {
  seq: number;
  event: RunEvent;
}

export function toStoredEvent(row: unknown): StoredEvent | undefined {
  const r = eventRowSchema.parse(row);
  const parsed = runEventSchema.safeParse(JSON.parse(r.json));
  return parsed.success ? { seq: r.seq, event: parsed.data } : undefined;
}
