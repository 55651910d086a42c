import { defineNode, failItem, textOf, toJsonRecord } from '../../../engine';
import type { Item, JsonObject, NodeContext } from '../../../engine';
import { VismaApiError } from '../../../connectors/visma-net/index';
import type { VismaClient } from '../../../connectors/visma-net/index';
import { CursorTracker, cursorName, planDelta } from './fetch-delta';
import { fetchParamsSchema, resourceLabels } from './fetch-params';
import type { FetchParams } from './fetch-params';
import { resources } from './fetch-resources';
import type { DeltaField } from './fetch-resources';
import { chunk } from '../../shared/chunk';
import { requireVisma, vismaLedger } from '../../shared/require-visma';

/** Messages of the connector already say what failed and what to do; this adds which list was being read. */
export function readFailure(err: unknown, what: string): Error {
  const detail = err instanceof VismaApiError ? err.message : err instanceof Error ? err.message : String(err);
  return new Error(`Reading ${what} from Visma.net failed: ${detail}`);
}

function itemClassOf(json: JsonObject): string | undefined {
  const c = json.itemClass;
  if (c !== null && typeof c === 'object' && !Array.isArray(c)) return textOf(c.id);
  return textOf(c);
}

async function* readAll(node: NodeContext<FetchParams, VismaClient>): AsyncGenerator<{ port: string; items: Item[] }> {
  const ctx = vismaLedger(node);
  const client = ctx.client;
  const p = ctx.params;
  const spec = resources[p.resource];
  const what = resourceLabels[p.resource].toLowerCase();
  const deltaFields: readonly DeltaField[] = spec.deltaFields;
  const field = p.delta !== 'off' && deltaFields.includes(p.delta) ? p.delta : undefined;
  const salesCategory = p.salesCategory === undefined ? undefined : Number(p.salesCategory);
  const filters = { status: p.status ?? null, itemClass: p.itemClass ?? null, attributes: p.attributes ?? null, salesCategory: salesCategory ?? null, query: p.query };
  const plan = field ? planDelta(ctx.ledger, cursorName(p.resource, field, filters), p.overlapMinutes) : undefined;
  const runStart = new Date();
  // V3 (sales orders) writes times without an offset in UTC (reference/visma-net/README.md §4.6); the main API follows the connection's setting.
  const tracker = new CursorTracker(p.resource === 'salesOrders' ? 'utc' : client.config.filterTimeZone);
  let stamped = false;
  let read = 0;
  let passed = 0;
  if (p.delta !== 'off' && !field) ctx.log('info', `Visma.net gives no change dates for ${what}: reading all of them.`);
  else if (plan?.since) ctx.log('info', `Reading ${what} changed since ${plan.since.toISOString()} (last run's latest change minus ${p.overlapMinutes} minutes).`);
  else ctx.log('info', field ? `Reading all ${what} (no earlier successful run to continue from).` : `Reading all ${what}.`);

  const pages = spec.read(client, {
    status: p.status,
    attributes: p.attributes && Object.keys(p.attributes).length > 0 ? p.attributes : undefined,
    salesCategory,
    query: p.query,
    expand: p.expand,
    pageSize: p.pageSize,
    since: plan?.since,
    deltaField: field,
    signal: ctx.signal,
  });
  try {
    for await (const page of pages) {
      const items: Item[] = [];
      const failed: Item[] = [];
      for (const raw of page) {
        const { metadata: _paging, ...json } = toJsonRecord(raw);
        read += 1;
        if (field && spec.stampsOf) {
          for (const stamp of spec.stampsOf(json, field)) {
            if (typeof stamp === 'string') stamped = true;
            tracker.see(stamp);
          }
        }
        if (p.itemClass !== undefined && itemClassOf(json)?.toLowerCase() !== p.itemClass.toLowerCase()) continue;
        const key = spec.keyOf(json);
        if (key === undefined) {
          failed.push(failItem({ key: `#${read}`, json }, `Record ${read} of ${what} has no number or id, so Koppel cannot follow it. Check it in Visma.net.`, { nodeId: ctx.nodeId }));
          continue;
        }
        items.push({ key, json });
      }
      passed += items.length;
      for (const b of chunk(items, ctx.settings.batchSize)) yield { port: 'out', items: b };
      if (failed.length) yield { port: 'error', items: failed };
    }
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw readFailure(err, what);
  }
  ctx.log('info', `Read ${read} ${what} from Visma.net${passed !== read ? `; ${passed} passed the filters` : ''}.`);
  if (plan) {
    // Without change dates in the records (attachment changes), the start of this run is the next starting point.
    if (!stamped && read > 0) tracker.seeDate(runStart);
    tracker.propose(ctx.ledger, plan);
  }
}

export const vismaFetchNode = defineNode({
  type: 'visma.fetch',
  version: 1,
  title: 'Read from Visma.net',
  category: 'visma',
  description:
    'Reads a list from Visma.net (items, customers, invoices, sales orders, sales categories, ...) page by page, with filters and optionally only what changed since the last successful run. Each record is keyed by its number (item number, customer number, ...).',
  icon: 'download',
  connection: 'visma-net',
  clientOf: requireVisma,
  inputs: [{ name: 'in', title: 'Start', description: 'Each record that arrives starts one read (connect the trigger).' }],
  outputs: [
    { name: 'out', title: 'Records', description: 'The records read, in batches as the pages arrive.' },
    { name: 'error', title: 'Error', description: 'Records Koppel cannot follow (no number).' },
  ],
  params: fetchParamsSchema,
  async *run(ctx, inputs) {
    for await (const batch of inputs.in ?? []) {
      for (const _start of batch) yield* readAll(ctx);
    }
  },
});
