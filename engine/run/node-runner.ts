import type { JsonObject } from '../json';
import type { FlowDocument } from '../flow/schema';
import { hasItemError, itemError, stripMeta } from '../item';
import type { Batch, ExpressionCompiler, Item, NodeContext, PortBatch, RecordOutcome, RunLedger } from '../types';
import type { Counts, NodeStatus, RunEvent } from './events';
import type { NodeSummary } from './summary';
import { zeroCounts } from './summary';
import type { NodePlan } from './wiring';

type Body<E> = E extends RunEvent ? Omit<E, 'runId' | 'at'> : never;
export type EventBody = Body<RunEvent>;

/** What all nodes of one run share. */
export interface RunState {
  readonly runId: string;
  readonly flow: FlowDocument;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  readonly onlyKeys: ReadonlySet<string> | undefined;
  readonly clients: Readonly<Record<string, unknown>>;
  readonly ledger: RunLedger;
  readonly expr: ExpressionCompiler;
  readonly countsIntervalMs: number;
  nowMs(): number;
  emit(event: EventBody): void;
  /** `settings.stopOnError`: the first failed record stops the run. */
  stopOnFailure(reason: string): void;
  /** Records that went through: reached the end of a branch without failing. */
  passed: number;
}

const TERMINAL: ReadonlySet<NodeStatus> = new Set(['done', 'failed', 'cancelled', 'skipped']);

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** An unconnected input port: ends at once. */
const emptyInput = (): AsyncIterable<Batch> => ({
  [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }),
});

/** Runs one node: feeds its inputs, routes what it yields, counts, and reports its status. */
export async function runNode(plan: NodePlan, run: RunState): Promise<NodeSummary> {
  const { node, def } = plan;
  const label = node.name ?? node.id;
  const counts: Counts = zeroCounts();
  let status: NodeStatus = 'waiting';
  let lastCountsAt = Number.NEGATIVE_INFINITY;
  let failedByOutcome = new Set<string>();
  // A node with nothing connected after it is the end of its branch: what it reads and does not fail went through.
  const isEnd = plan.outputs.size === 0;
  let cleanIn = 0;

  const setStatus = (next: NodeStatus, error?: string): void => {
    if (status === next || TERMINAL.has(status)) return;
    status = next;
    run.emit({ type: 'node.status', nodeId: node.id, status: next, ...(error !== undefined ? { error } : {}) });
  };
  const started = (): void => {
    if (status === 'waiting') setStatus('running');
  };
  const emitCounts = (force: boolean): void => {
    const now = run.nowMs();
    if (!force && now - lastCountsAt < run.countsIntervalMs) return;
    lastCountsAt = now;
    run.emit({ type: 'node.counts', nodeId: node.id, counts: { ...counts } });
  };
  const closeOutputs = (): void => {
    for (const targets of plan.outputs.values()) for (const ch of targets) ch.closeWriter();
  };
  const releaseInputs = (): void => {
    for (const ch of plan.inputs.values()) ch.cancel();
  };

  if (node.disabled) {
    closeOutputs();
    releaseInputs();
    setStatus('skipped');
    return { status, counts };
  }

  const fail = (item: Item, reason: string, connected: boolean): void => {
    // A writing node may report the failure as an outcome and route the record to `error`: count it once.
    if (!failedByOutcome.has(item.key)) {
      counts.failed += 1;
      run.emit({ type: 'record', nodeId: node.id, key: item.key, action: 'failed', planned: run.dryRun, reason, source: stripMeta(item.json) });
    }
    // Reasons from expressions already name the record; do not say it twice.
    const message = reason.includes(`'${item.key}'`) ? reason : `Record '${item.key}' failed in '${label}': ${reason}`;
    if (!connected) run.emit({ type: 'log', level: 'error', nodeId: node.id, key: item.key, message });
    run.stopOnFailure(message);
  };

  const route = async ({ port, items }: PortBatch): Promise<void> => {
    started();
    if (!def.outputs.some((p) => p.name === port)) {
      throw new Error(`it sent records to output '${port}', which ${def.title} does not have (a bug in the node).`);
    }
    const batch: Batch = plan.entry && run.onlyKeys ? items.filter((i) => run.onlyKeys?.has(i.key)) : items;
    const targets = plan.outputs.get(port) ?? [];
    if (port === 'error') {
      for (const item of batch) fail(item, itemError(item)?.message ?? 'no reason given', targets.length > 0);
      // Outcomes come just before their batch; after an error batch the keys have been matched.
      failedByOutcome = new Set();
    } else {
      counts.out += batch.length;
      if (targets.length === 0 && !isEnd) run.passed += batch.filter((i) => !hasItemError(i)).length;
    }
    emitCounts(false);
    // Fan-out hands the same (immutable) batch to every edge; the slowest reader sets the pace.
    if (batch.length > 0 && targets.length > 0) await Promise.all(targets.map((ch) => ch.send(batch)));
  };

  const inputs: Record<string, AsyncIterable<Batch>> = {};
  for (const port of def.inputs) {
    const channel = plan.inputs.get(port.name);
    inputs[port.name] = channel
      ? (async function* counted() {
          for await (const batch of channel) {
            started();
            counts.in += batch.length;
            if (isEnd) cleanIn += batch.filter((i) => !hasItemError(i)).length;
            emitCounts(false);
            yield batch;
          }
        })()
      : emptyInput();
  }

  const makeContext = (): NodeContext<unknown> => ({
    runId: run.runId,
    flowId: run.flow.id,
    nodeId: node.id,
    nodeName: label,
    params: node.params,
    dryRun: run.dryRun,
    signal: run.signal,
    client: node.connection !== undefined ? run.clients[node.connection] : undefined,
    tables: run.flow.tables,
    settings: run.flow.settings,
    expr: run.expr,
    ledger: run.ledger.nodeLedger(run.flow.id, node.id, run.runId, run.dryRun),
    log: (level, message, opts) => {
      const data: JsonObject | undefined = opts?.data;
      run.emit({
        type: 'log',
        level,
        message,
        nodeId: node.id,
        ...(opts?.key !== undefined ? { key: opts.key } : {}),
        ...(data !== undefined ? { data } : {}),
      });
    },
    outcome: (o: RecordOutcome) => {
      started();
      counts[o.action] += 1;
      run.emit({ type: 'record', nodeId: node.id, planned: run.dryRun, ...o });
      if (o.action === 'failed') {
        // Bounded: a node that reports failures but never routes them must not grow this forever.
        if (failedByOutcome.size >= 10_000) failedByOutcome = new Set();
        failedByOutcome.add(o.key);
        run.stopOnFailure(`Record '${o.key}' failed in '${label}': ${o.reason ?? 'no reason given'}`);
      }
      emitCounts(false);
    },
  });

  if (plan.inputs.size === 0) started();
  let crash: string | undefined;
  try {
    // Inside the try: whatever fails here fails this node only, and its outputs still close.
    for await (const out of def.run(makeContext(), inputs)) {
      await route(out);
      if (run.signal.aborted) break;
    }
  } catch (err) {
    // After a stop, errors are the stop itself (an aborted request), not a crash of this node.
    if (!run.signal.aborted) crash = `Node '${label}' stopped: ${errorText(err)}`;
  } finally {
    closeOutputs();
    releaseInputs();
  }
  if (isEnd) run.passed += Math.max(0, cleanIn - counts.failed);
  emitCounts(true);
  if (crash !== undefined) {
    run.emit({ type: 'log', level: 'error', nodeId: node.id, message: crash });
    setStatus('failed', crash);
  } else {
    setStatus(run.signal.aborted ? 'cancelled' : 'done');
  }
  return { status, counts, ...(crash !== undefined ? { error: crash } : {}) };
}
