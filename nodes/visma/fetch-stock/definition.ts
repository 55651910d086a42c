import { ExpressionError, defineNode, failItem, numberOf, textOf, toJsonRecord } from '../../../engine';
import type { CompiledExpression, Item, JsonObject, NodeContext, PortBatch } from '../../../engine';
import type { VismaClient } from '../../../connectors/visma-net/index';
import { CursorTracker, cursorName, planDelta } from '../fetch/fetch-delta';
import type { DeltaPlan } from '../fetch/fetch-delta';
import { readFailure } from '../fetch/definition';
import { fetchStockParamsSchema } from './fetch-stock-params';
import type { FetchStockParams } from './fetch-stock-params';
import { inventorySummaryRows } from './inventory-summary';
import { chunk } from '../../shared/chunk';
import { isForSale } from '../../shared/item-status';
import { requireVisma, vismaLedger } from '../../shared/require-visma';
import { rowsFromAvailability, rowsFromWarehouseDetails, rowsToJson, selectWarehouses, sumFigure } from './stock-figures';
import type { StockRow } from './stock-figures';

const noExpand = {
  crossReference: false,
  attachment: false,
  attribute: false,
  warehouseDetail: true,
  accountInformation: false,
  inventoryUnits: false,
  supplierDetails: false,
  salesCategories: false,
  note: false,
};

/** `{SIZE: 'S,M'}` → V3 `attributeFilter=SIZE:S&attributeFilter=SIZE:M` (the same id twice means OR). */
function v3AttributeFilter(attributes: Record<string, string> | undefined): string[] | undefined {
  if (!attributes) return undefined;
  const out = Object.entries(attributes).flatMap(([id, values]) => values.split(',').map((v) => `${id}:${v.trim()}`));
  return out.length > 0 ? out : undefined;
}

function pagesOf(client: VismaClient, p: FetchStockParams, plan: DeltaPlan | undefined, signal: AbortSignal): AsyncIterable<readonly unknown[]> {
  const attributes = p.attributes && Object.keys(p.attributes).length > 0 ? p.attributes : undefined;
  if (p.source === 'availability') {
    return client.inventoryAvailability.pages({
      warehouseIds: p.warehouses.length > 0 ? p.warehouses : undefined,
      attributeFilter: v3AttributeFilter(attributes),
      modifiedSince: plan?.since,
      pageSize: p.pageSize,
      signal,
    });
  }
  return client.inventory.pages({
    status: p.status,
    attributes,
    expand: noExpand,
    availabilityLastModified: plan?.since ? { since: plan.since } : undefined,
    pageSize: p.pageSize,
    signal,
  });
}

interface Reader {
  ctx: NodeContext<FetchStockParams>;
  client: VismaClient;
  expr: CompiledExpression | undefined;
}

/** One record → its stock item, or the reason it failed. */
async function stockItem(r: Reader, record: JsonObject): Promise<{ item: Item } | { failed: Item } | undefined> {
  const p = r.ctx.params;
  const number = textOf(p.source === 'availability' ? record.inventoryId : record.inventoryNumber);
  if (number === undefined) return undefined;
  if (p.source === 'items' && p.stockItemsOnly && record.stockItem === false) return undefined;
  let rows: StockRow[] = p.source === 'availability' ? rowsFromAvailability(record) : rowsFromWarehouseDetails(record);
  // The V3 list does not say whether an item is a stock item; one without any warehouse is not.
  if (p.source === 'availability' && p.stockItemsOnly && rows.length === 0) return undefined;
  if (p.figure === 'availableMinusBooked') rows = await inventorySummaryRows(r.client, number, r.ctx.signal);
  const selected = selectWarehouses(rows, p.warehouses);
  const json: JsonObject = { inventoryNumber: number, description: record.description ?? null, warehouses: rowsToJson(selected) };
  let stock: number | undefined;
  if (p.figure === 'expression' && r.expr) {
    try {
      const value = await r.expr.evaluate({ ...json, record }, { key: number }, number);
      stock = numberOf(value);
      if (stock === undefined) {
        const reason = `The stock expression gave ${JSON.stringify(value ?? null)} for item '${number}', not a number. Make it return a number for every item.`;
        return { failed: failItem({ key: number, json }, reason, { nodeId: r.ctx.nodeId, field: 'expression' }) };
      }
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      return { failed: failItem({ key: number, json }, err.message, { nodeId: r.ctx.nodeId, field: 'expression' }) };
    }
  } else if (p.figure !== 'expression') {
    stock = sumFigure(selected, p.figure);
  }
  json.stock = p.negativeAsZero ? Math.max(0, stock ?? 0) : (stock ?? 0);
  if (p.source === 'items' && p.notForSaleAsZero && !isForSale(record.status)) json.stock = 0;
  return { item: { key: number, json } };
}

async function* readStock(node: NodeContext<FetchStockParams, VismaClient>): AsyncGenerator<PortBatch> {
  const ctx = vismaLedger(node);
  const client = ctx.client;
  const p = ctx.params;
  const label = ctx.nodeName ?? ctx.nodeId;
  const expr = p.figure === 'expression' && p.expression ? ctx.expr.compile(p.expression, `the stock expression of '${label}'`) : undefined;
  const filters = { source: p.source, status: p.status ?? null, attributes: p.attributes ?? null, warehouses: p.warehouses };
  const plan = p.delta ? planDelta(ctx.ledger, cursorName('stock', p.source, filters), p.overlapMinutes) : undefined;
  // V3 dates without an offset are UTC (reference/visma-net/README.md §4.6); the main API follows the connection's setting.
  const tracker = new CursorTracker(p.source === 'availability' ? 'utc' : client.config.filterTimeZone);
  ctx.log('info', plan?.since ? `Reading stock changed since ${plan.since.toISOString()}.` : 'Reading the stock of all items.');
  const reader: Reader = { ctx, client, expr };
  let count = 0;
  try {
    for await (const page of pagesOf(client, p, plan, ctx.signal)) {
      const items: Item[] = [];
      const failed: Item[] = [];
      for (const raw of page) {
        const record = toJsonRecord(raw);
        const rows = Array.isArray(record.warehouseDetails) ? record.warehouseDetails : Array.isArray(record.availability) ? record.availability : [];
        for (const row of rows) {
          if (row !== null && typeof row === 'object' && !Array.isArray(row)) tracker.see(row.lastModifiedDateTime ?? row.lastModified);
        }
        const result = await stockItem(reader, record);
        if (result === undefined) continue;
        if ('item' in result) items.push(result.item);
        else failed.push(result.failed);
      }
      count += items.length;
      for (const b of chunk(items, ctx.settings.batchSize)) yield { port: 'out', items: b };
      if (failed.length) yield { port: 'error', items: failed };
    }
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    throw readFailure(err, 'the stock');
  }
  ctx.log('info', `Read the stock of ${count} item${count === 1 ? '' : 's'} from Visma.net.`);
  if (plan) tracker.propose(ctx.ledger, plan);
}

export const vismaFetchStockNode = defineNode({
  type: 'visma.fetchStock',
  version: 1,
  title: 'Read stock from Visma.net',
  category: 'visma',
  description:
    "Reads the stock of items, for one warehouse or the sum of several, optionally only what changed since the last successful run. The stock figure is chosen: by default Visma's Available (warehouseDetails[].available, or quantityAvailable in the V3 list), which is on hand minus sales order bookings and unavailable stock; or available for shipment, on hand, available minus SO booked (inventory summary), or an expression.",
  icon: 'boxes',
  connection: 'visma-net',
  clientOf: requireVisma,
  inputs: [{ name: 'in', title: 'Start', description: 'Each record that arrives starts one read (connect the trigger).' }],
  outputs: [
    { name: 'out', title: 'Stock', description: '{inventoryNumber, stock, warehouses[]} per item, keyed by item number.' },
    { name: 'error', title: 'Error', description: 'Items whose stock expression failed.' },
  ],
  params: fetchStockParamsSchema,
  expressions: (p) => (p.figure === 'expression' && p.expression ? [{ field: 'expression', source: p.expression }] : []),
  async *run(ctx, inputs) {
    for await (const batch of inputs.in ?? []) {
      for (const _start of batch) yield* readStock(ctx);
    }
  },
});
