import { randomUUID } from 'node:crypto';
import { createExpressionCompiler } from '../expr/compiler';
import type { FlowDocument } from '../flow/schema';
import { validateFlow } from '../flow/validate';
import type { NodeCatalog, RunLedger } from '../types';
import type { Counts, RunEvent, RunStatus } from './events';
import { runNode } from './node-runner';
import type { EventBody, RunState } from './node-runner';
import type { NodeSummary, RunSummary } from './summary';
import { zeroCounts } from './summary';
import { wire } from './wiring';

export interface RunFlowOptions {
  flow: FlowDocument;
  catalog: NodeCatalog;
  /** Connector clients per slot name in `flow.connections`. */
  clients?: Readonly<Record<string, unknown>>;
  ledger: RunLedger;
  dryRun?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  runId?: string;
  now?: () => Date;
  /** Replay: only these record keys go past the first steps after the trigger. */
  only?: { keys: readonly string[] };
  /** Batches queued between two nodes before the sender waits (back-pressure). */
  channelCapacity?: number;
  /** Least time between two node.counts events of one node. */
  countsIntervalMs?: number;
  expressionTimeoutMs?: number;
}

function totals(nodes: Record<string, NodeSummary>, entryIds: readonly string[], passedThrough: number): Counts {
  const sum = zeroCounts();
  for (const n of Object.values(nodes)) {
    sum.created += n.counts.created;
    sum.updated += n.counts.updated;
    sum.skipped += n.counts.skipped;
    sum.failed += n.counts.failed;
  }
  for (const id of entryIds) sum.in += nodes[id]?.counts.out ?? 0;
  sum.out = passedThrough;
  return sum;
}

/**
 * Runs a flow: every node runs concurrently, batches stream between them through bounded channels, events
 * report everything that happens. Resolves when every node has stopped; never rejects for a flow problem.
 */
export async function runFlow(opts: RunFlowOptions): Promise<RunSummary> {
  const { flow, catalog } = opts;
  const runId = opts.runId ?? randomUUID();
  const dryRun = opts.dryRun ?? false;
  const now = opts.now ?? (() => new Date());
  const clients = opts.clients ?? {};
  const startedAt = now();
  let listenerError: string | undefined;

  const emit = (body: EventBody): void => {
    const event: RunEvent = { ...body, runId, at: now().toISOString() };
    try {
      opts.onEvent?.(event);
    } catch (err) {
      listenerError ??= `An event listener failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };

  const finish = (status: RunStatus, nodes: Record<string, NodeSummary>, counts: Counts, extra: Partial<RunSummary>): RunSummary => {
    try {
      opts.ledger.endRun(runId, status, dryRun);
    } catch (err) {
      emit({ type: 'log', level: 'error', message: `The run could not be closed in the ledger: ${err instanceof Error ? err.message : String(err)}` });
    }
    const finishedAt = now();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    const error = extra.error ?? listenerError;
    emit({ type: 'run.finished', status, durationMs, counts, ...(error !== undefined ? { error } : {}) });
    return {
      runId,
      flowId: flow.id,
      flowName: flow.name,
      dryRun,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs,
      counts,
      nodes,
      problems: [],
      maxQueuedBatches: 0,
      ...extra,
      ...(error !== undefined ? { error } : {}),
    };
  };

  emit({ type: 'run.started', flowId: flow.id, flowName: flow.name, dryRun, nodeIds: flow.nodes.map((n) => n.id) });

  const disabled = new Set(flow.nodes.filter((n) => n.disabled).map((n) => n.id));
  const problems = validateFlow(flow, catalog, { boundSlots: new Set(Object.keys(clients)) }).filter(
    (p) => p.severity === 'error' && !(p.nodeId !== undefined && disabled.has(p.nodeId)),
  );
  if (problems.length > 0) {
    for (const p of problems) emit({ type: 'log', level: 'error', message: `${p.message} ${p.fix}`, ...(p.nodeId !== undefined ? { nodeId: p.nodeId } : {}) });
    const first = problems[0]?.message ?? '';
    const error = `The flow cannot start: ${first}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`;
    return finish('failed', {}, zeroCounts(), { error, problems });
  }

  if (opts.signal?.aborted) return finish('cancelled', {}, zeroCounts(), { error: 'The run was cancelled before it started.' });

  const abort = new AbortController();
  let stopReason: string | undefined;
  const external = opts.signal;
  const onExternalAbort = (): void => abort.abort();
  const { plans, channels } = wire(flow, catalog, opts.channelCapacity ?? 4);
  // Stopping ends every channel: readers see the end of their input, writers stop waiting.
  abort.signal.addEventListener('abort', () => channels.forEach((ch) => ch.cancel()), { once: true });
  external?.addEventListener('abort', onExternalAbort, { once: true });

  const state: RunState = {
    runId,
    flow,
    dryRun,
    signal: abort.signal,
    onlyKeys: opts.only ? new Set(opts.only.keys) : undefined,
    clients,
    ledger: opts.ledger,
    expr: createExpressionCompiler({ tables: flow.tables, timeoutMs: opts.expressionTimeoutMs ?? 1000 }),
    countsIntervalMs: opts.countsIntervalMs ?? 100,
    nowMs: () => now().getTime(),
    emit,
    stopOnFailure: (reason) => {
      if (!flow.settings.stopOnError || stopReason !== undefined) return;
      stopReason = `Stopped at the first failed record (the flow is set to stop on errors). ${reason}`;
      abort.abort();
    },
    passed: 0,
  };

  for (const plan of plans) emit({ type: 'node.status', nodeId: plan.node.id, status: 'waiting' });
  const results = await Promise.all(plans.map((plan) => runNode(plan, state)));
  external?.removeEventListener('abort', onExternalAbort);

  const nodes: Record<string, NodeSummary> = {};
  plans.forEach((plan, i) => {
    const r = results[i];
    if (r) nodes[plan.node.id] = r;
  });
  if (!abort.signal.aborted) {
    for (const plan of plans) {
      const lost = [...plan.inputs.values()].reduce((sum, ch) => sum + ch.dropped, 0);
      if (lost === 0) continue;
      const crashedNode = nodes[plan.node.id]?.status === 'failed';
      emit({
        type: 'log',
        level: crashedNode ? 'warn' : 'info',
        nodeId: plan.node.id,
        message: `${lost} record${lost === 1 ? '' : 's'} sent to '${plan.node.name ?? plan.node.id}' ${crashedNode ? 'were not processed because it stopped' : 'were not read: it finished before its input did'}.`,
      });
    }
  }
  const counts = totals(
    nodes,
    plans.filter((p) => p.entry).map((p) => p.node.id),
    state.passed,
  );
  const crashed = Object.values(nodes).filter((n) => n.status === 'failed');
  const maxQueuedBatches = Math.max(0, ...channels.map((ch) => ch.highWaterMark));

  let status: RunStatus;
  let error: string | undefined;
  if (external?.aborted) {
    status = 'cancelled';
    error = 'The run was cancelled.';
  } else if (stopReason !== undefined) {
    status = 'failed';
    error = stopReason;
  } else if (crashed.length > 0) {
    status = 'failed';
    error = crashed.map((n) => n.error).join(' ');
  } else if (counts.failed > 0) {
    status = state.passed > 0 ? 'partial' : 'failed';
    error = `${counts.failed} record${counts.failed === 1 ? '' : 's'} failed.`;
  } else {
    status = 'succeeded';
  }
  return finish(status, nodes, counts, { maxQueuedBatches, ...(error !== undefined ? { error } : {}) });
}
