import { failItem, itemMeta, stripMeta } from '../../engine';
import type { Batch, FieldChange, Item, Json, NodeContext, PortBatch, RecordOutcome } from '../../engine';
import { CcvApiError } from '../../connectors/ccv-shop/index';
import { RecordProblem, type WriteResult } from './batch-writer';

export { RecordProblem, type WriteResult } from './batch-writer';
/** Failures that concern the whole shop connection, not one record: the node stops instead of failing every record. */
const FATAL: ReadonlySet<string> = new Set(['auth', 'forbidden', 'network', 'timeout', 'rate-limit']);

export function isFatal(err: unknown): boolean {
  return err instanceof CcvApiError && FATAL.has(err.kind);
}

/**
 * Runs `handle` for every record of the input: reports the outcome, passes the record on `out`, and sends a record
 * whose write failed to `error` with the reason (naming the record); connection-wide failures stop the node.
 */
export async function* writeRecords(
  ctx: NodeContext<unknown>,
  input: AsyncIterable<Batch> | undefined,
  target: string,
  handle: (item: Item) => Promise<WriteResult>,
  opts: { sourceOf?: (item: Item) => Json; concurrency?: number } = {},
): AsyncGenerator<PortBatch> {
  if (!input) return;
  const label = ctx.nodeName ?? ctx.nodeId;
  const concurrency = Math.max(1, opts.concurrency ?? 1);

  /** One record: its outcome is reported here; returns the item for `out` or `error`, or throws a fatal error. */
  const writeOne = async (item: Item): Promise<{ port: 'out' | 'error'; item: Item }> => {
    const source = opts.sourceOf ? opts.sourceOf(item) : stripMeta(item.json);
    try {
      const r = await handle(item);
      const outcome: RecordOutcome = { key: item.key, action: r.action, target, source };
      if (r.targetId !== undefined) outcome.targetId = r.targetId;
      if (r.changes !== undefined) outcome.changes = r.changes;
      if (r.sent !== undefined) outcome.sent = r.sent;
      if (r.reason !== undefined) outcome.reason = r.reason;
      ctx.outcome(outcome);
      return { port: 'out', item };
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      if (isFatal(err)) {
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(`CCV Shop could not be reached for ${target} '${item.key}', so '${label}' stopped: ${message}`);
      }
      if (!(err instanceof RecordProblem) && !(err instanceof CcvApiError)) throw err;
      const reason = err.message.includes(`'${item.key}'`) || err.message.includes(`"${item.key}"`) ? err.message : `${cap(target)} '${item.key}': ${err.message}`;
      const field = err instanceof RecordProblem ? err.field : undefined;
      ctx.outcome({ key: item.key, action: 'failed', target, reason, source });
      return { port: 'error', item: failItem(item, reason, field === undefined ? { nodeId: ctx.nodeId } : { nodeId: ctx.nodeId, field }) };
    }
  };

  for await (const batch of input) {
    if (ctx.signal.aborted) return;
    const results = await writeBatch(batch, concurrency, writeOne, ctx.signal);
    const ok = results.filter((r) => r.port === 'out').map((r) => r.item);
    const failed = results.filter((r) => r.port === 'error').map((r) => r.item);
    if (ok.length) yield { port: 'out', items: ok };
    if (failed.length) yield { port: 'error', items: failed };
  }
}

/**
 * Writes a batch with up to `concurrency` records in flight (the connectors pace by the APIs' budgets), keeping the
 * batch order in the result. Records with the same key run one after the other, so a SKU twice in one batch can
 * never be created twice. A fatal error stops new writes, lets those in flight finish, then is thrown.
 */
async function writeBatch<R>(batch: Batch, concurrency: number, writeOne: (item: Item) => Promise<R>, signal: AbortSignal): Promise<R[]> {
  const results: R[] = new Array<R>(batch.length);
  const lastOfKey = new Map<string, Promise<unknown>>();
  let next = 0;
  let fatal: unknown;
  const worker = async (): Promise<void> => {
    while (fatal === undefined && !signal.aborted && next < batch.length) {
      const index = next++;
      const item = batch[index]!;
      const before = lastOfKey.get(item.key);
      const mine = (before ?? Promise.resolve()).then(() => writeOne(item));
      lastOfKey.set(item.key, mine.catch(() => undefined));
      try {
        results[index] = await mine;
      } catch (err) {
        fatal ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
  if (fatal !== undefined) throw fatal;
  // Cancelled: report what was done; the records not started are simply not written.
  return signal.aborted ? results.filter((r) => r !== undefined) : results;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Field-level before/after for the records of a dry run and the log; equal values are left out. */
export function changesBetween(before: Record<string, Json | undefined>, after: Record<string, Json | undefined>, fields: Iterable<string>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before[field];
    const a = after[field];
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    const change: FieldChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    out.push(change);
  }
  return out;
}

/**
 * Whether the mapper marked a field "only when created" (update on resync off). A path counts when it or one of its
 * parents is marked: `properties` covers `properties.Land`.
 */
export function isCreateOnly(item: Item, path: string): boolean {
  const marked = itemMeta(item).createOnly ?? [];
  return marked.some((f) => f === path || path.startsWith(`${f}.`));
}
