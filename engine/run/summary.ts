import type { Problem } from '../flow/problems';
import type { Counts, NodeStatus, RunStatus } from './events';

export interface NodeSummary {
  status: NodeStatus;
  counts: Counts;
  error?: string;
}

export interface RunSummary {
  runId: string;
  flowId: string;
  flowName: string;
  dryRun: boolean;
  status: RunStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /**
   * Totals: `in` = records read by the first steps after the trigger, `out` = records that reached the end of a
   * branch, `created/updated/skipped` from writing nodes, `failed` = failed records in any node.
   */
  counts: Counts;
  nodes: Record<string, NodeSummary>;
  /** Why the run failed or stopped, for a person. */
  error?: string;
  /** Problems that kept the flow from starting. */
  problems: Problem[];
  /** The most batches ever queued between two nodes; stays at or below the channel capacity. */
  maxQueuedBatches: number;
}

export function zeroCounts(): Counts {
  return { in: 0, out: 0, created: 0, updated: 0, skipped: 0, failed: 0 };
}
