import { formatValue } from '../lib/json';
import type { RecordEvent } from '../runs/run-state';

export type Action = RecordEvent['action'];

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  /** The target had no value: the field is new. */
  added: boolean;
}

export interface PlannedRecord {
  nodeId: string;
  key: string;
  action: Action;
  target?: string;
  targetId?: string;
  reason?: string;
  changes: ChangeRow[];
}

export interface PlanSummary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** Record events of a dry run → what would change, per record, with field-level before/after. */
export function plannedRecords(records: readonly RecordEvent[], nodeId?: string): PlannedRecord[] {
  return records
    .filter((r) => r.planned && (nodeId === undefined || r.nodeId === nodeId))
    .map((r) => {
      const out: PlannedRecord = {
        nodeId: r.nodeId,
        key: r.key,
        action: r.action,
        changes: (r.changes ?? []).map((c) => ({
          field: c.field,
          before: formatValue(c.before),
          after: formatValue(c.after),
          added: c.before === undefined,
        })),
      };
      if (r.target !== undefined) out.target = r.target;
      if (r.targetId !== undefined) out.targetId = r.targetId;
      if (r.reason !== undefined) out.reason = r.reason;
      return out;
    });
}

export function summarisePlan(rows: readonly PlannedRecord[]): PlanSummary {
  const s: PlanSummary = { created: 0, updated: 0, skipped: 0, failed: 0 };
  for (const r of rows) s[r.action] += 1;
  return s;
}
