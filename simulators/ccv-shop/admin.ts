// Admin endpoints under /__sim/ (no auth, not rate limited, not logged).
import { z } from 'zod';
import { insertRawOrders } from './admin-orders';
import { applyConfigPatch, configPatchSchema } from './config';
import type { SimConfig } from './config';
import type { SimCore } from './core';
import { ApiError, err } from './errors';
import { faultSpecSchema } from './faults';
import type { Json, JsonObject, Rec } from './json';
import { isObj, parseJson } from './json';
import type { ChildTable, RootTable } from './table';

export interface AdminResult {
  status: number;
  body: Json;
}

const seedSchema = z.strictObject({
  seed: z.number().int().optional(),
  sizes: z.partialRecord(z.enum(['products', 'orders', 'users', 'categories']), z.number().int().min(0).max(1_000_000)).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: Json | undefined, what: string): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw err.validation(`${what}: ${detail}`);
  }
  return r.data;
}

/** Config as shown by the admin API: the secret is never echoed. */
function shownConfig(cfg: SimConfig): JsonObject {
  const plain = parseJson(JSON.stringify(cfg));
  return { ...(isObj(plain) ? plain : {}), credentials: { publicKey: cfg.credentials.publicKey, secretKey: '***' } };
}

type Walk = { total: number; items: Rec[] };

function page(records: Iterable<Rec>, offset: number, limit: number): Walk {
  const items: Rec[] = [];
  let total = 0;
  for (const r of records) {
    if (total >= offset && items.length < limit) items.push(r);
    total++;
  }
  return { total, items };
}

function* childrenOf(table: ChildTable, parents: Iterable<number>): Generator<Rec> {
  for (const pid of parents) yield* table.list(pid);
}

function storeRecords(core: SimCore, name: string): Iterable<Rec> | undefined {
  const s = core.state;
  const roots: Record<string, RootTable> = {
    products: s.products, orders: s.orders, users: s.users, categories: s.categories, packages: s.packages, brands: s.brands,
    suppliers: s.suppliers, conditions: s.conditions, colors: s.colors, paymethods: s.paymethods, attributes: s.attributes,
    attributevalues: s.attributevalues, productpropertygroups: s.productpropertygroups, productproperties: s.productproperties,
    productpropertyoptions: s.productpropertyoptions, productpropertyvalues: s.productpropertyvalues,
    producttopropertygroups: s.producttopropertygroups, webhooks: s.webhooks, ordernotes: s.ordernotes,
  };
  const root = roots[name];
  if (root) return root.values();
  const children: Record<string, [ChildTable, RootTable]> = {
    productphotos: [s.productphotos, s.products], producttocategories: [s.producttocategories, s.products],
    productattributevalues: [s.productattributevalues, s.products], attributecombinations: [s.attributecombinations, s.products],
    orderrows: [s.orderrows, s.orders],
  };
  const child = children[name];
  return child ? childrenOf(child[0], child[1].ids()) : undefined;
}

const STORE_NAMES = ['products', 'orders', 'users', 'categories', 'packages', 'brands', 'suppliers', 'conditions', 'colors', 'paymethods',
  'attributes', 'attributevalues', 'productpropertygroups', 'productproperties', 'productpropertyoptions', 'productpropertyvalues',
  'producttopropertygroups', 'webhooks', 'ordernotes', 'productphotos', 'producttocategories', 'productattributevalues',
  'attributecombinations', 'orderrows', 'settings'];

function intQuery(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw err.validation(`Query parameter '${name}' must be a whole number.`);
  return Number(v);
}

export function handleAdmin(core: SimCore, method: string, path: string, query: URLSearchParams, body: Json | undefined): AdminResult {
  const parts = path.split('/').filter(Boolean).slice(1);
  const route = `${method} ${parts[0] ?? ''}`;
  switch (route) {
    case 'GET ':
      return {
        status: 200,
        body: { simulator: 'ccv-shop', seed: core.state.spec.seed, sizes: core.state.spec.sizes, store: STORE_NAMES },
      };
    case 'GET requests': {
      const items = core.log.list();
      if (query.get('clear') === '1') core.log.clear();
      return { status: 200, body: { items } };
    }
    case 'DELETE requests':
      core.log.clear();
      return { status: 204, body: null };
    case 'GET stats':
      return { status: 200, body: core.stats.snapshot({ simulator: 'ccv-shop', timeScale: core.config.timeScale, rateLimited: core.config.rateLimit.enabled }) };
    case 'DELETE stats':
      core.stats.reset();
      return { status: 204, body: null };
    case 'POST reset':
      core.reset();
      return { status: 200, body: { ok: true, seed: core.state.spec.seed, sizes: core.state.spec.sizes } };
    case 'POST seed': {
      const b = parse(seedSchema, body, 'POST /__sim/seed');
      core.reseed({ seed: b.seed ?? core.state.spec.seed, sizes: { ...core.state.spec.sizes, ...b.sizes }, ...(core.state.spec.skus ? { skus: core.state.spec.skus } : {}) });
      return { status: 200, body: { ok: true, seed: core.state.spec.seed, sizes: core.state.spec.sizes } };
    }
    case 'GET faults':
      return { status: 200, body: { faults: core.faults.current() } };
    case 'POST faults':
      core.faults.set(parse(faultSpecSchema, body, 'POST /__sim/faults'));
      return { status: 200, body: { faults: core.faults.current() } };
    case 'DELETE faults':
      core.faults.set(null);
      return { status: 204, body: null };
    case 'GET config':
      return { status: 200, body: shownConfig(core.config) };
    case 'POST config': {
      const patch = parse(configPatchSchema, body, 'POST /__sim/config');
      const scaleBefore = core.config.timeScale;
      core.config = applyConfigPatch(core.config, patch);
      // Windows counted at one speed mean nothing at another: a new time scale starts fresh windows.
      if (core.config.timeScale !== scaleBefore) core.limiter.reset();
      if (patch.settings) Object.assign(core.state.settings, patch.settings);
      return { status: 200, body: shownConfig(core.config) };
    }
    case 'POST orders':
      return { status: 201, body: { inserted: insertRawOrders(core.state, body) } };
    case 'GET webhooks': {
      const items = core.hooks.list();
      if (query.get('clear') === '1') core.hooks.clear();
      return { status: 200, body: { items } };
    }
    case 'GET store': {
      const name = parts[1] ?? '';
      if (name === 'settings') return { status: 200, body: core.state.settings };
      const records = storeRecords(core, name);
      if (!records) throw new ApiError(404, '404.20', `Unknown store collection '${name}'. Known: ${STORE_NAMES.join(', ')}.`);
      const offset = intQuery(query, 'offset', 0);
      const limit = intQuery(query, 'limit', 100);
      const { total, items } = page(records, offset, limit);
      return { status: 200, body: { collection: name, total, offset, limit, items } };
    }
    default:
      throw new ApiError(404, '404.20', `Unknown admin endpoint ${method} ${path}. See GET /__sim/.`);
  }
}
