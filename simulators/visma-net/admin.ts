// Admin endpoints under /__sim/ (no auth): request log, reset, reseed, faults, store dumps, config, stock changes.
import { z } from 'zod';
import { isoStamp } from './dates';
import { FaultConfigSchema } from './faults';
import { emptyStock } from './inventory-write';
import { INVALID_JSON, type SimResponse } from './types';
import type { SimState } from './state';
import { Store } from './store';

const bad = (message: string): SimResponse => ({ status: 400, json: { error: message } });

const ConfigSchema = z.object({
  rateLimit: z.union([z.literal(false), z.object({ perHour: z.number().int().min(1) })]).optional(),
  rateLimitPerHour: z.union([z.literal(false), z.number().int().min(1)]).optional(),
  timeScale: z.number().positive().max(1_000_000).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  tokenLifetimeSeconds: z.number().int().min(1).optional(),
  maxPageSize: z.record(z.string(), z.number().int().min(1)).optional(),
  defaultPageSize: z.number().int().min(1).optional(),
  v3MaxPageSize: z.number().int().min(1).optional(),
  v3InventoryMaxPageSize: z.number().int().min(1).optional(),
  numbering: z.object({
    customers: z.enum(['auto', 'manual']).optional(), customerInvoices: z.enum(['auto', 'manual']).optional(),
    salesOrders: z.enum(['auto', 'manual']).optional(), journalTransactions: z.enum(['auto', 'manual']).optional(),
  }).optional(),
  rejectNumberWhenAuto: z.boolean().optional(),
  rejectNullForNonNullable: z.boolean().optional(),
  emailFilterCaseInsensitive: z.boolean().optional(),
  timeZoneOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  dateTimesWithOffset: z.boolean().optional(),
  quoteEtag: z.boolean().optional(),
  v3WriteImpliesRead: z.boolean().optional(),
  licenseValid: z.boolean().optional(),
  ordersBookStock: z.boolean().optional(),
  requestLogLimit: z.number().int().min(1).optional(),
  priceDecimals: z.number().int().min(0).max(6).optional(),
});

const SeedSchema = z.object({
  seed: z.number().int().optional(),
  sizes: z.object({ inventory: z.number().int().min(0), customers: z.number().int().min(0), salesOrders: z.number().int().min(0), customerInvoices: z.number().int().min(0) }).partial().optional(),
});

const StockSchema = z.object({
  inventoryNumber: z.string().min(1),
  warehouse: z.string().min(1).default('MAIN'),
  quantityOnHand: z.number().optional(),
  delta: z.number().optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown): { ok: true; data: T } | { ok: false; res: SimResponse } {
  if (body === INVALID_JSON) return { ok: false, res: bad('Body is not valid JSON.') };
  const r = schema.safeParse(body ?? {});
  return r.success ? { ok: true, data: r.data } : { ok: false, res: bad(r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')) };
}

/** The read-only view of a collection the dump needs. */
interface DumpView {
  name: string;
  size: number;
  findByKey(key: string): { record: unknown } | undefined;
  get(index: number): unknown;
  liveIndexes(): Iterable<number>;
  writtenIndexes(): number[];
}

function collectionOf(store: Store, name: string): DumpView | undefined {
  const map: Record<string, DumpView> = {
    inventory: store.inventory, customers: store.customers, contacts: store.contacts, salesOrders: store.salesOrders,
    customerInvoices: store.customerInvoices, journalTransactions: store.journalTransactions,
  };
  return Object.entries(map).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

export function handleAdmin(state: SimState, method: string, segments: string[], query: URLSearchParams, body: unknown): SimResponse {
  const [, what, arg] = segments; // ['__sim', what, arg]
  const route = `${method} ${what ?? ''}`;
  const ctx = state.ctx;
  switch (route) {
    case 'GET requests': {
      const entries = state.log.list();
      if (query.get('clear') === '1') state.log.clear();
      return { status: 200, json: entries };
    }
    case 'DELETE requests':
      state.log.clear();
      return { status: 204 };
    case 'GET stats':
      return { status: 200, json: state.stats.snapshot({ simulator: 'visma-net', timeScale: ctx.config.timeScale, rateLimitPerHour: ctx.config.rateLimitPerHour }) };
    case 'DELETE stats':
      state.stats.reset();
      return { status: 204 };
    case 'POST reset':
      ctx.store = Store.create(ctx.store.seed, ctx.store.sizes, ctx.store.costItems);
      state.log.clear();
      state.stats.reset();
      state.faults.clear();
      state.rate.reset();
      return { status: 200, json: { seed: ctx.store.seed, sizes: ctx.store.sizes } };
    case 'POST seed': {
      const p = parse(SeedSchema, body);
      if (!p.ok) return p.res;
      ctx.store = Store.create(p.data.seed ?? ctx.store.seed, { ...ctx.store.sizes, ...p.data.sizes }, ctx.store.costItems);
      state.rate.reset();
      return { status: 200, json: { seed: ctx.store.seed, sizes: ctx.store.sizes } };
    }
    case 'GET faults':
      return { status: 200, json: state.faults.status() };
    case 'DELETE faults':
      state.faults.clear();
      return { status: 200, json: state.faults.status() };
    case 'POST faults': {
      const p = parse(FaultConfigSchema, body);
      if (!p.ok) return p.res;
      if (p.data.rate === 0) state.faults.clear();
      else {
        const err = state.faults.set(p.data);
        if (err) return bad(err);
      }
      return { status: 200, json: state.faults.status() };
    }
    case 'GET config':
      return { status: 200, json: ctx.config };
    case 'POST config': {
      const p = parse(ConfigSchema, body);
      if (!p.ok) return p.res;
      const { rateLimit, numbering, maxPageSize, ...rest } = p.data;
      const scaleBefore = ctx.config.timeScale;
      Object.assign(ctx.config, rest);
      if (rateLimit !== undefined) ctx.config.rateLimitPerHour = rateLimit === false ? false : rateLimit.perHour;
      if (numbering) ctx.config.numbering = { ...ctx.config.numbering, ...numbering };
      if (maxPageSize) ctx.config.maxPageSize = { ...ctx.config.maxPageSize, ...maxPageSize };
      // New limits, or windows counted at another speed: start fresh windows.
      if (rateLimit !== undefined || rest.rateLimitPerHour !== undefined || ctx.config.timeScale !== scaleBefore) state.rate.reset();
      return { status: 200, json: ctx.config };
    }
    case 'GET store': {
      const coll = arg ? collectionOf(ctx.store, arg) : undefined;
      if (!coll) return { status: 404, json: { error: `Unknown collection '${arg ?? ''}'. Use inventory, customers, contacts, salesOrders, customerInvoices or journalTransactions.` } };
      const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
      const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 100) || 100));
      const key = query.get('key');
      if (key !== null) {
        const hit = coll.findByKey(key);
        return { status: 200, json: { collection: coll.name, total: hit ? 1 : 0, offset: 0, limit, records: hit ? [hit.record] : [] } };
      }
      const indexes = query.get('written') === '1' ? coll.writtenIndexes() : undefined;
      const total = indexes ? indexes.length : coll.size;
      const records: unknown[] = [];
      if (indexes) for (const i of indexes.slice(offset, offset + limit)) records.push(coll.get(i));
      else {
        let n = 0;
        for (const i of coll.liveIndexes()) {
          if (n >= offset + limit) break;
          if (n >= offset) records.push(coll.get(i));
          n++;
        }
      }
      return { status: 200, json: { collection: coll.name, total, offset, limit, records } };
    }
    case 'POST stock': {
      const p = parse(StockSchema, body);
      if (!p.ok) return p.res;
      const hit = ctx.store.inventory.findByKey(p.data.inventoryNumber);
      if (!hit) return { status: 404, json: { error: `Inventory item '${p.data.inventoryNumber}' not found.` } };
      if (!hit.record.stockItem) return bad(`Item '${hit.record.inventoryNumber}' is not a stock item.`);
      const item = structuredClone(hit.record);
      const stamp = isoStamp(ctx.now());
      let row = item.stock.find((s) => s.warehouse.toLowerCase() === p.data.warehouse.toLowerCase());
      if (!row) {
        row = emptyStock(p.data.warehouse.toUpperCase(), stamp);
        item.stock.push(row);
      }
      row.onHand = p.data.quantityOnHand ?? row.onHand + (p.data.delta ?? 0);
      row.lastModified = stamp;
      item.availabilityLastModified = stamp;
      ctx.store.inventory.put(hit.index, item);
      return { status: 200, json: { inventoryNumber: item.inventoryNumber, stock: item.stock } };
    }
    case 'GET health':
      return { status: 200, json: { ok: true, seed: ctx.store.seed, sizes: ctx.store.sizes } };
    default:
      return { status: 404, json: { error: `Unknown admin endpoint ${method} /__sim/${what ?? ''}.` } };
  }
}
