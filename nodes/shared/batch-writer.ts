import { ApiError, stopsTheStep } from '../../connectors/common/index';
import { failItem, keepOrigin, stripMeta } from '../../engine';
import type { Batch, FieldChange, FieldHashes, Item, Json, MessageRef, NodeContext, PortBatch, RecordOutcome, WriteIntent } from '../../engine';

/** What a writing node did with one record (or would do, in a dry run). */
export interface WriteResult {
  action: 'created' | 'updated' | 'skipped';
  targetId?: string;
  changes?: FieldChange[];
  sent?: Json;
  reason?: string;
  /** The record as it goes on to the next step, when the step adds to it (default: as it came). */
  passOn?: Item;
}

/**
 * The ledger journal of a record that makes several writes (a product and its variants, an order and its customer):
 * each write between an intent and its completion, as `writeBatches` does for single writes.
 */
export interface Journal {
  /** Runs `write` with an intent on disk first; an outcome-unknown failure keeps the intent for the next run. */
  write<T>(scope: string, key: string, hash: string, write: () => Promise<T>, idOf: (result: T) => string, fields?: FieldHashes): Promise<T>;
  /** The target already holds what is wanted: the id map is updated and an intent a stopped run left is settled. */
  settle(scope: string, key: string, targetId: string, hash: string, fields?: FieldHashes): void;
}

/**
 * A problem with one record's data: it goes to the error port naming the field. Made with `recordProblem` (a code
 * of nodes/shared/messages.ts and its parameters), so the host can word it in the app's language.
 */
export class RecordProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly ref?: MessageRef,
  ) {
    super(message);
    this.name = 'RecordProblem';
  }
}

/**
 * One record, decided: either nothing is sent (`done`: skipped, or what a dry run would do), or a write that is
 * sent once its intent is on disk. Planning only reads; every write of the record happens in `send`.
 */
export type Planned =
  | { kind: 'done'; result: WriteResult }
  /** A record with several writes of its own, each journaled through `journal`; run with the writes of the batch. */
  | { kind: 'steps'; run: (journal: Journal) => Promise<WriteResult> }
  | {
      kind: 'write';
      /** Id-map scope and key of the intent (the ledger keeps it until the write is known to have landed). */
      scope: string;
      key: string;
      hash: string;
      fields?: FieldHashes;
      send: () => Promise<WriteResult & { targetId: string }>;
    };

/** A plan for records that do several writes of their own (see `Planned` kind `steps`). */
export function steps(run: (item: Item, journal: Journal) => Promise<WriteResult>): (item: Item) => Promise<Planned> {
  return (item) => Promise.resolve({ kind: 'steps', run: (journal) => run(item, journal) });
}

/** How a step's errors are treated; by default the connectors' one contract (connectors/common/api-error.ts). */
export interface ErrorRules {
  /** Every further call would fail too (auth, network, ...): the node stops instead of failing each record. */
  fatal(error: unknown): boolean;
  /** A failure of this record (data refused, not found): the record goes to `error`, the others go on. */
  ofRecord(error: unknown): boolean;
  /** Nobody knows whether the write landed: its intent stays, so the next run looks before writing again. */
  outcomeUnknown(error: unknown): boolean;
}

/** Stop on what `stopsTheStep` says; any other API failure and every RecordProblem fail the record only. */
export const apiErrorRules: ErrorRules = {
  fatal: stopsTheStep,
  ofRecord: (error) => error instanceof ApiError,
  outcomeUnknown: (error) => error instanceof ApiError && error.outcomeUnknown,
};

export interface BatchWriterOptions {
  /** `product`, `stock`, ...: the outcome's target and the wording of messages. */
  target: string;
  /** Names the connection in the message when a fatal error stops the node, e.g. 'CCV Shop'. */
  service: string;
  /** Default: apiErrorRules. */
  errors?: ErrorRules;
  /** Records planned and sent at the same time (the connectors pace by the APIs' budgets). */
  concurrency?: number;
  /** What the outcome shows as the record's source; default the record without its metadata. */
  sourceOf?: (item: Item) => Json;
  /** Called with each batch before it is planned, e.g. to read the id map of all its records in one query. */
  beforeBatch?: (items: readonly Item[]) => void;
}

type Settled = { item: Item; result: WriteResult } | { item: Item; error: unknown };

/**
 * Runs `plan` for every record of the input and sends the writes with up to `concurrency` in flight. Per batch:
 * plan every record, commit the intents of all writes in one transaction, send, then commit what landed in one
 * transaction: a crash at any point leaves an intent for each write that may have happened, never a write
 * without one, and costs two fsyncs per batch instead of two per record. A key that comes twice in a batch is
 * planned again after its first write, so a SKU twice in one batch is never created twice.
 */
export async function* writeBatches(
  ctx: NodeContext<unknown>,
  input: AsyncIterable<Batch> | undefined,
  plan: (item: Item) => Promise<Planned>,
  opts: BatchWriterOptions,
): AsyncGenerator<PortBatch> {
  if (!input) return;
  const label = ctx.nodeName ?? ctx.nodeId;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const { target } = opts;
  const errors = opts.errors ?? apiErrorRules;

  const stop = (item: Item, error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(`${opts.service} could not be reached for ${target} '${item.key}', so '${label}' stopped: ${message}`);
  };

  const journal: Journal = {
    async write(scope, key, hash, write, idOf, fields) {
      const intent = ctx.ledger.beginWrite(scope, key, hash, fields);
      let result;
      try {
        result = await write();
      } catch (error) {
        if (!ctx.signal.aborted && !errors.outcomeUnknown(error)) ctx.ledger.abandonWrite(intent);
        throw error;
      }
      ctx.ledger.completeWrite(intent, idOf(result));
      return result;
    },
    settle(scope, key, targetId, hash, fields) {
      ctx.ledger.setMapping(scope, key, targetId, hash, fields);
      const pending = ctx.ledger.pendingWrite(scope, key);
      if (pending) ctx.ledger.abandonWrite(pending);
    },
  };

  const report = (s: Settled): { port: 'out' | 'error'; item: Item } => {
    const source = opts.sourceOf ? opts.sourceOf(s.item) : stripMeta(s.item.json);
    if ('result' in s) {
      const r = s.result;
      const outcome: RecordOutcome = { key: s.item.key, action: r.action, target, source };
      if (r.targetId !== undefined) outcome.targetId = r.targetId;
      if (r.changes !== undefined) outcome.changes = r.changes;
      if (r.sent !== undefined) outcome.sent = r.sent;
      if (r.reason !== undefined) outcome.reason = r.reason;
      ctx.outcome(outcome);
      return { port: 'out', item: r.passOn ? keepOrigin(s.item, r.passOn) : s.item };
    }
    const err = s.error;
    const message = err instanceof Error ? err.message : String(err);
    // A RecordProblem is worded by its step for the record; an API's message gets the record named in front.
    const named = err instanceof RecordProblem || message.includes(`'${s.item.key}'`) || message.includes(`"${s.item.key}"`);
    const reason = named ? message : `${cap(target)} '${s.item.key}': ${message}`;
    const field = err instanceof RecordProblem ? err.field : undefined;
    const coded = err instanceof RecordProblem && err.ref ? { reasonCode: err.ref.code, ...(err.ref.params ? { reasonParams: err.ref.params } : {}) } : {};
    ctx.outcome({ key: s.item.key, action: 'failed', target, reason, ...coded, source });
    return { port: 'error', item: failItem(s.item, reason, field === undefined ? { nodeId: ctx.nodeId } : { nodeId: ctx.nodeId, field }) };
  };

  /** One round: every key at most once. The settled records in round order, and the error that stops the node, if any. */
  const round = async (items: Item[]): Promise<{ settled: Settled[]; stopped?: Error }> => {
    const settled: (Settled | undefined)[] = new Array<Settled | undefined>(items.length);
    let fatal: unknown;
    let fatalItem: Item | undefined;
    const fail = (i: number, item: Item, error: unknown): void => {
      if (ctx.signal.aborted) return;
      if (errors.fatal(error) || !(error instanceof RecordProblem || errors.ofRecord(error))) {
        if (fatal === undefined) {
          fatal = error;
          fatalItem = item;
        }
        return;
      }
      settled[i] = { item, error };
    };

    const plans: (Planned | undefined)[] = new Array<Planned | undefined>(items.length);
    await eachLimited(items.length, concurrency, () => fatal === undefined && !ctx.signal.aborted, async (i) => {
      const item = items[i]!;
      try {
        plans[i] = await plan(item);
      } catch (error) {
        fail(i, item, error);
      }
    });

    const writes: { index: number; intent: WriteIntent; send: () => Promise<WriteResult & { targetId: string }>; state: 'waiting' | 'landed' | 'failed' | 'unknown'; targetId?: string }[] = [];
    plans.forEach((p, index) => {
      if (p?.kind === 'done') settled[index] = { item: items[index]!, result: p.result };
    });
    if (fatal === undefined && !ctx.signal.aborted) {
      ctx.ledger.transaction(() => {
        plans.forEach((p, index) => {
          if (p?.kind === 'write') writes.push({ index, send: p.send, intent: ctx.ledger.beginWrite(p.scope, p.key, p.hash, p.fields), state: 'waiting' });
        });
      });
    }

    await eachLimited(writes.length, concurrency, () => fatal === undefined && !ctx.signal.aborted, async (i) => {
      const w = writes[i]!;
      const item = items[w.index]!;
      try {
        const result = await w.send();
        w.state = 'landed';
        w.targetId = result.targetId;
        settled[w.index] = { item, result };
      } catch (error) {
        // A stopped run or an answer that never came may have left the write done: its intent stays for the next run.
        w.state = ctx.signal.aborted || errors.outcomeUnknown(error) ? 'unknown' : 'failed';
        fail(w.index, item, error);
      }
    });
    // Records with writes of their own run after the single writes, with the same limit and error rules.
    const steps = plans.flatMap((p, index) => (p?.kind === 'steps' ? [{ index, run: p.run }] : []));
    await eachLimited(steps.length, concurrency, () => fatal === undefined && !ctx.signal.aborted, async (i) => {
      const { index, run } = steps[i]!;
      const item = items[index]!;
      try {
        settled[index] = { item, result: await run(journal) };
      } catch (error) {
        fail(index, item, error);
      }
    });
    // What landed goes into the id map; what failed, or was never sent (stopped first), did not happen.
    ctx.ledger.transaction(() => {
      for (const w of writes) {
        if (w.state === 'landed' && w.targetId !== undefined) ctx.ledger.completeWrite(w.intent, w.targetId);
        else if (w.state === 'failed' || w.state === 'waiting') ctx.ledger.abandonWrite(w.intent);
      }
    });
    const done = settled.filter((s): s is Settled => s !== undefined);
    return fatal !== undefined && fatalItem !== undefined ? { settled: done, stopped: stop(fatalItem, fatal) } : { settled: done };
  };

  for await (const batch of input) {
    if (ctx.signal.aborted) return;
    const out: Item[] = [];
    const failed: Item[] = [];
    let stopped: Error | undefined;
    opts.beforeBatch?.(batch);
    for (const items of rounds(batch)) {
      const r = await round(items);
      for (const s of r.settled) {
        const reported = report(s);
        (reported.port === 'out' ? out : failed).push(reported.item);
      }
      stopped = r.stopped;
      if (stopped || ctx.signal.aborted) break;
    }
    // What was done before a stop is reported and passed on; then the node stops.
    if (out.length) yield { port: 'out', items: out };
    if (failed.length) yield { port: 'error', items: failed };
    if (stopped) throw stopped;
  }
}

/** Splits a batch so that each key comes at most once per round, keeping the order of each key's records. */
function rounds(batch: Batch): Item[][] {
  const out: Item[][] = [];
  const seen = new Map<string, number>();
  for (const item of batch) {
    const n = seen.get(item.key) ?? 0;
    seen.set(item.key, n + 1);
    (out[n] ??= []).push(item);
  }
  return out;
}

/** Calls `work(0..count-1)` with up to `limit` at a time, while `go()` holds. */
async function eachLimited(count: number, limit: number, go: () => boolean, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (go() && next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
