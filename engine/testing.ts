import { createExpressionCompiler } from './expr/compiler';
import type { FlowSettings, ValueTable } from './flow/schema';
import type { JsonObject } from './json';
import type { LogLevel } from './run/events';
import type { AnyNodeDefinition, Batch, IdMapping, Item, NodeContext, NodeLedger, PortBatch, RecordOutcome, WriteIntent } from './types';

/** A NodeLedger in memory, for node tests; its maps are exposed so tests can look inside. */
export interface MemoryNodeLedger extends NodeLedger {
  readonly mappings: Map<string, IdMapping>;
  readonly intents: Map<string, WriteIntent>;
  readonly cursors: Map<string, string>;
  readonly proposed: Map<string, string>;
}

export function memoryNodeLedger(now: () => Date = () => new Date()): MemoryNodeLedger {
  const mappings = new Map<string, IdMapping>();
  const intents = new Map<string, WriteIntent>();
  const cursors = new Map<string, string>();
  const proposed = new Map<string, string>();
  const k = (scope: string, key: string) => `${scope}\u0000${key}`;
  return {
    mappings,
    intents,
    cursors,
    proposed,
    getMapping: (scope, key) => mappings.get(k(scope, key)),
    prefetchMappings: () => undefined,
    setMapping: (scope, key, targetId, hash, fields) => void mappings.set(k(scope, key), { targetId, hash, updatedAt: now().toISOString(), ...(fields ? { fields } : {}) }),
    beginWrite: (scope, key, hash, fields) => {
      const intent = { scope, key, hash, ...(fields ? { fields } : {}) };
      intents.set(k(scope, key), intent);
      return intent;
    },
    completeWrite: (intent, targetId) => {
      mappings.set(k(intent.scope, intent.key), { targetId, hash: intent.hash, updatedAt: now().toISOString(), ...(intent.fields ? { fields: intent.fields } : {}) });
      intents.delete(k(intent.scope, intent.key));
    },
    transaction: (fn) => fn(),
    abandonWrite: (intent) => void intents.delete(k(intent.scope, intent.key)),
    pendingWrite: (scope, key) => intents.get(k(scope, key)),
    getCursor: (name) => cursors.get(name),
    proposeCursor: (name, value) => void proposed.set(name, value),
  };
}

export interface NodeHarnessOptions {
  params: unknown;
  /** Batches per input port. */
  inputs?: Record<string, Item[][]>;
  dryRun?: boolean;
  client?: unknown;
  tables?: Record<string, ValueTable>;
  settings?: Partial<FlowSettings>;
  ledger?: NodeLedger;
  nodeId?: string;
  signal?: AbortSignal;
}

export interface NodeHarnessResult {
  /** All items per output port, in order. */
  outputs: Record<string, Item[]>;
  batches: PortBatch[];
  logs: { level: LogLevel; message: string; key?: string; data?: JsonObject }[];
  outcomes: RecordOutcome[];
}

async function* fromArray(batches: Item[][]): AsyncIterable<Batch> {
  for (const b of batches) yield b;
}

/** Runs one node definition on given input batches, without a flow or executor: for node unit tests. */
export async function runNodeOnce(def: AnyNodeDefinition, opts: NodeHarnessOptions): Promise<NodeHarnessResult> {
  const result: NodeHarnessResult = { outputs: {}, batches: [], logs: [], outcomes: [] };
  const tables = opts.tables ?? {};
  const ctx: NodeContext<unknown> = {
    runId: 'test-run',
    flowId: 'test-flow',
    nodeId: opts.nodeId ?? 'node',
    nodeName: opts.nodeId ?? 'node',
    params: opts.params,
    dryRun: opts.dryRun ?? false,
    signal: opts.signal ?? new AbortController().signal,
    client: opts.client,
    tables,
    settings: { batchSize: 100, payloadLogging: 'redacted', stopOnError: false, ...opts.settings },
    expr: createExpressionCompiler({ tables }),
    ledger: opts.ledger ?? memoryNodeLedger(),
    log: (level, message, o) => void result.logs.push({ level, message, ...o }),
    outcome: (o) => void result.outcomes.push(o),
  };
  const inputs: Record<string, AsyncIterable<Batch>> = {};
  for (const port of def.inputs) inputs[port.name] = fromArray(opts.inputs?.[port.name] ?? []);
  for await (const out of def.run(ctx, inputs)) {
    result.batches.push(out);
    (result.outputs[out.port] ??= []).push(...out.items);
  }
  return result;
}
