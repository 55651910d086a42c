import './flow/ui-hints';
import type { z } from 'zod';
import type { Json, JsonObject } from './json';
import type { FlowSettings, SlotType, ValueTable } from './flow/schema';
import type { FieldChange, LogLevel, RecordAction, RunStatus } from './run/events';

/** One record travelling through a flow: `key` is the business key a person recognises (SKU, order number, e-mail). */
export interface Item {
  readonly key: string;
  readonly json: JsonObject;
}
/** Items travel in batches; batches are shared between fan-out branches, so they are never mutated. */
export type Batch = readonly Item[];

export interface PortSpec {
  name: string;
  title: string;
  description?: string;
}

export type NodeCategory = 'trigger' | 'visma' | 'ccv' | 'logic' | 'transform';

export interface PortBatch {
  port: string;
  items: Batch;
}
export type NodeInputs = Readonly<Record<string, AsyncIterable<Batch>>>;

export interface CompiledExpression {
  readonly source: string;
  /** `key` is the record's key, named in the error when the evaluation fails. */
  evaluate(input: Json | undefined, bindings?: Record<string, Json>, key?: string): Promise<Json | undefined>;
}
export interface ExpressionCompiler {
  /** Compiles JSONata once; throws an ExpressionError naming `where` when it does not compile. */
  compile(source: string, where: string): CompiledExpression;
}

/** The id map and cursors of one node in one flow, persisted in the ledger. */
export interface IdMapping {
  targetId: string;
  hash: string;
  updatedAt: string;
  /** A hash per written field, when the node keeps them: which fields changed since the last write, without the values. */
  fields?: FieldHashes;
}
/** Field name → short content hash of its last written value. */
export type FieldHashes = Record<string, string>;
export interface WriteIntent {
  readonly scope: string;
  readonly key: string;
  readonly hash: string;
  /** Kept in memory only, written to the id map by `completeWrite`. */
  readonly fields?: FieldHashes;
}
export interface NodeLedger {
  getMapping(scope: string, key: string): IdMapping | undefined;
  /** Reads the id map of many keys at once (one query for a batch); `getMapping` of those keys is then answered from memory. */
  prefetchMappings(scope: string, keys: readonly string[]): void;
  setMapping(scope: string, key: string, targetId: string, hash: string, fields?: FieldHashes): void;
  /**
   * Records that a write is about to happen. If the process dies before `completeWrite`, the next run finds
   * the intent through `pendingWrite` and must look the record up in the target before creating it again.
   */
  beginWrite(scope: string, key: string, hash: string, fields?: FieldHashes): WriteIntent;
  completeWrite(intent: WriteIntent, targetId: string): void;
  abandonWrite(intent: WriteIntent): void;
  pendingWrite(scope: string, key: string): WriteIntent | undefined;
  /**
   * Runs `fn` as one commit: the intents of a whole batch reach the disk with one fsync instead of one each. Each
   * intent is still on disk before its write is sent, because the writes start after `transaction` returns.
   */
  transaction<T>(fn: () => T): T;
  getCursor(name: string): string | undefined;
  /** Committed only when the run ends `succeeded` and is not a dry run. */
  proposeCursor(name: string, value: string): void;
}

/** What the executor needs from the ledger: a NodeLedger per node, and the end of a run to settle cursors. */
export interface RunLedger {
  nodeLedger(flowId: string, nodeId: string, runId: string, dryRun: boolean): NodeLedger;
  /** Commits the cursors proposed in the run when it ended `succeeded` and was not a dry run; drops them otherwise. */
  endRun(runId: string, status: RunStatus, dryRun: boolean): void;
}

export interface RecordOutcome {
  key: string;
  action: RecordAction;
  target?: string;
  targetId?: string;
  reason?: string;
  /** The reason as a code with parameters (see engine/message.ts). */
  reasonCode?: string;
  reasonParams?: Readonly<Record<string, string | number>>;
  changes?: FieldChange[];
  source?: Json;
  sent?: Json;
}

export interface NodeContext<P, C = unknown> {
  readonly runId: string;
  readonly flowId: string;
  readonly nodeId: string;
  /** The node's name as the person sees it (its id when it has none), for messages. */
  readonly nodeName?: string;
  readonly params: P;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  /** The connection that fills this node's slot (a connector client), typed by the definition's `clientOf`. */
  readonly client: C;
  readonly tables: Readonly<Record<string, ValueTable>>;
  readonly settings: FlowSettings;
  readonly expr: ExpressionCompiler;
  readonly ledger: NodeLedger;
  log(level: LogLevel, message: string, opts?: { key?: string; data?: JsonObject }): void;
  /** Reports what a writing node did (or would do, in a dry run) with one record. */
  outcome(outcome: RecordOutcome): void;
}

interface NodeMeta {
  type: string;
  version: number;
  title: string;
  category: NodeCategory;
  description: string;
  /** A short icon name the renderer maps to a glyph. */
  icon: string;
  /** The slot type this node needs filled, if any. */
  connection?: SlotType;
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** Writing nodes support dry runs by reporting planned changes instead of writing. */
  writes?: boolean;
}

interface NodeDefinitionBase<S extends z.ZodType> extends NodeMeta {
  /** Parameter schema with UI hints in `.meta({ ui: ... })`; parsed before `run`, so params arrive typed. */
  params: S;
  /** JSONata sources inside the params, so validation can compile them and name the field. */
  expressions?: (params: z.infer<S>) => { field: string; source: string }[];
  /** Brings params of an older node version up to `version`. */
  migrate?: (fromVersion: number, params: JsonObject) => JsonObject;
}

/** A node whose `run` gets its slot's client typed: `clientOf` checks it once (the nodes layer knows the connector types). */
export interface ClientNodeDefinition<S extends z.ZodType, C> extends NodeDefinitionBase<S> {
  /** The client of the node's connection slot, or an error naming the step (`step`) and what to choose. */
  clientOf: (client: unknown, step: string) => C;
  run(ctx: NodeContext<z.infer<S>, C>, inputs: NodeInputs): AsyncIterable<PortBatch>;
}

/** A node without a client of its own (triggers, filters, mappers). */
export interface PlainNodeDefinition<S extends z.ZodType> extends NodeDefinitionBase<S> {
  clientOf?: undefined;
  run(ctx: NodeContext<z.infer<S>>, inputs: NodeInputs): AsyncIterable<PortBatch>;
}

export type NodeDefinition<S extends z.ZodType, C = unknown> = ClientNodeDefinition<S, C> | PlainNodeDefinition<S>;

/** A node definition with its parameter type erased; `run` parses params itself. */
export interface AnyNodeDefinition extends NodeMeta {
  params: z.ZodType;
  expressions(params: unknown): { field: string; source: string }[];
  migrate?: (fromVersion: number, params: JsonObject) => JsonObject;
  run(ctx: NodeContext<unknown>, inputs: NodeInputs): AsyncIterable<PortBatch>;
}

export function defineNode<S extends z.ZodType, C>(def: ClientNodeDefinition<S, C>): AnyNodeDefinition;
export function defineNode<S extends z.ZodType>(def: PlainNodeDefinition<S>): AnyNodeDefinition;
export function defineNode<S extends z.ZodType, C = unknown>(def: NodeDefinition<S, C>): AnyNodeDefinition {
  const expressions = (params: unknown) => {
    const parsed = def.params.safeParse(params);
    return parsed.success && def.expressions ? def.expressions(parsed.data) : [];
  };
  const { clientOf: _clientOf, ...meta } = def;
  if (def.clientOf) {
    const { clientOf } = def;
    return { ...meta, expressions, run: (ctx, inputs) => def.run({ ...ctx, params: def.params.parse(ctx.params), client: clientOf(ctx.client, ctx.nodeName ?? ctx.nodeId) }, inputs) };
  }
  return { ...meta, expressions, run: (ctx, inputs) => def.run({ ...ctx, params: def.params.parse(ctx.params) }, inputs) };
}

export interface NodeCatalog {
  get(type: string): AnyNodeDefinition | undefined;
  list(): readonly AnyNodeDefinition[];
}
