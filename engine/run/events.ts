import { z } from 'zod';
import { jsonSchema, jsonObjectSchema } from '../json';

/** Everything a run reports goes through these events: the log pane, the ledger, the CLI and tests read them. */
export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof logLevelSchema>;

export const runStatusSchema = z.enum(['succeeded', 'partial', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** A run as the ledger and the UI list it: finished with a status, or still going. */
export const runStateSchema = z.union([runStatusSchema, z.literal('running')]);
export type RunState = z.infer<typeof runStateSchema>;

export const nodeStatusSchema = z.enum(['waiting', 'running', 'done', 'failed', 'cancelled', 'skipped']);
export type NodeStatus = z.infer<typeof nodeStatusSchema>;

/** What a writing node did (or, in a dry run, would do) with one record. */
export const recordActionSchema = z.enum(['created', 'updated', 'skipped', 'failed']);
export type RecordAction = z.infer<typeof recordActionSchema>;

export const fieldChangeSchema = z.object({ field: z.string(), before: jsonSchema.optional(), after: jsonSchema.optional() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const countsSchema = z.object({
  in: z.number(),
  out: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
});
export type Counts = z.infer<typeof countsSchema>;

/**
 * What a writing node did (or would do) with one record: its `RecordOutcome` plus the node and the dry-run
 * flag, without where and when. The record event, the ledger's record rows and the run detail all extend it.
 */
export const recordReportSchema = z.object({
  nodeId: z.string(),
  key: z.string(),
  action: recordActionSchema,
  /** True in a dry run: nothing was written. */
  planned: z.boolean(),
  /** What kind of target document, e.g. 'product', 'sales order'. */
  target: z.string().optional(),
  targetId: z.string().optional(),
  reason: z.string().optional(),
  /** The reason as a code with parameters, so the host can word it in the app's language (see engine/message.ts). */
  reasonCode: z.string().optional(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  changes: z.array(fieldChangeSchema).optional(),
  /** What came from the source, as far as the flow's payload logging keeps it. */
  source: jsonSchema.optional(),
  /** What was sent to the target, likewise. */
  sent: jsonSchema.optional(),
});
export type RecordReport = z.infer<typeof recordReportSchema>;

/** One line of a run's log; the log event and the run detail's log both are this shape. */
export const logLineSchema = z.object({
  at: z.string(),
  level: logLevelSchema,
  message: z.string(),
  nodeId: z.string().optional(),
  key: z.string().optional(),
  data: jsonObjectSchema.optional(),
});
export type LogLine = z.infer<typeof logLineSchema>;

const base = { runId: z.string(), at: z.string() };

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('run.started'), flowId: z.string(), flowName: z.string(), dryRun: z.boolean(), nodeIds: z.array(z.string()) }),
  z.object({ ...base, type: z.literal('node.status'), nodeId: z.string(), status: nodeStatusSchema, error: z.string().optional() }),
  z.object({ ...base, type: z.literal('node.counts'), nodeId: z.string(), counts: countsSchema }),
  // Spread, not extend: the keys keep the order the ledger and the CLI's JSON lines always had.
  z.object({ ...base, type: z.literal('log'), ...logLineSchema.shape }),
  z.object({ ...base, type: z.literal('record'), ...recordReportSchema.shape }),
  z.object({
    ...base,
    type: z.literal('run.finished'),
    status: runStatusSchema,
    durationMs: z.number(),
    counts: countsSchema,
    error: z.string().optional(),
  }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;
export type RecordEvent = Extract<RunEvent, { type: 'record' }>;
