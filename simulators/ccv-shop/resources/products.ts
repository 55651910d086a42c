// /products: list with the documented filters, expand and orderby; create, patch, delete;
// product lists under categories/brands/suppliers/conditions/webshops; /productqueries.
import type { Ctx, Route } from '../context';
import { created, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { Rec } from '../json';
import { num, str } from '../json';
import { expandSet, pagedList } from '../collection';
import type { SortKey } from '../collection';
import { indexFromComboEan, indexFromComboSku, indexFromEan, indexFromProductNumber } from '../seed/products';
import { IDS } from '../seed/ids';
import { linksOfCategory } from './category-links';
import { body, hookSummary, need, parseBoolParam, parseNumParam } from './common';
import { applyProductBody, newProduct } from './product-input';
import { renderProduct } from './product-render';

const ORDERBY = ['createdate', 'id', 'modifydate', 'name'];

const sell = (r: Rec): number => (num(r, 'price') ?? 0) - (num(r, 'discount') ?? 0);

/** The documented list filters (endpoints.json); unknown parameters are ignored like CCV does [I]. */
function productFilter(ctx: Ctx): ((r: Rec) => boolean) | undefined {
  const tests: ((r: Rec) => boolean)[] = [];
  for (const field of ['productnumber', 'eannumber', 'mpnnumber'] as const) {
    const v = ctx.query.get(field);
    if (v !== null && v !== '') tests.push((r) => r[field] === v);
  }
  const name = ctx.query.get('productname');
  if (name !== null && name !== '') {
    if (name.length < 3) throw err.validation(`Query parameter 'productname' needs at least 3 characters, got '${name}'.`);
    const needle = name.toLowerCase();
    tests.push((r) => (str(r, 'name') ?? '').toLowerCase().includes(needle));
  }
  const range = (min: string, max: string, value: (r: Rec) => number): void => {
    const lo = parseNumParam(ctx, min);
    const hi = parseNumParam(ctx, max);
    if (lo !== undefined) tests.push((r) => value(r) >= lo);
    if (hi !== undefined) tests.push((r) => value(r) <= hi);
  };
  range('minprice', 'maxprice', (r) => num(r, 'price') ?? 0);
  range('mindiscount', 'maxdiscount', (r) => num(r, 'discount') ?? 0);
  range('minsellprice', 'maxsellprice', sell);
  range('minstock', 'maxstock', (r) => num(r, 'stock') ?? 0);
  const stock = parseNumParam(ctx, 'stock');
  if (stock !== undefined) tests.push((r) => (num(r, 'stock') ?? 0) === stock);
  const active = parseBoolParam(ctx, 'active');
  if (active !== undefined) tests.push((r) => (r.is_active === true) === active);
  const color = ctx.query.get('color');
  if (color !== null && color !== '') {
    tests.push((r) => {
      const c = typeof r.color_id === 'number' ? ctx.state.colors.get(r.color_id) : undefined;
      if (color === 'null') return !c;
      if (!c) return false;
      return color === 'multicolor' || color === 'transparent' ? c.type === color : String(c.hex ?? '').toLowerCase() === color.toLowerCase();
    });
  }
  return tests.length === 0 ? undefined : (r) => tests.every((t) => t(r));
}

/** Candidate ids for exact number lookups, without walking every generated product. */
function lookupIds(ctx: Ctx): number[] | undefined {
  const products = ctx.state.products;
  const size = ctx.state.spec.sizes.products;
  const pn = ctx.query.get('productnumber');
  const ean = ctx.query.get('eannumber');
  if (!pn && !ean) return undefined;
  // Every hit must match the first given of the two exactly: the generated product computed from the value
  // (unless it was changed or deleted) and the in-memory products indexed under it. The filter checks the rest.
  const index = pn ? indexFromProductNumber(pn, size, ctx.state.spec.skus) : ean ? indexFromEan(ean, size) : undefined;
  const ids = new Set<number>(pn ? products.touchedWith('productnumber', pn) : ean ? products.touchedWith('eannumber', ean) : []);
  if (index !== undefined && !products.isTouched(IDS.products + index)) ids.add(IDS.products + index);
  return [...ids].sort((a, b) => a - b);
}

function sortKey(r: Rec, field: string): SortKey {
  const v = r[field];
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

function listProducts(ctx: Ctx, ids: Iterable<number>, cacheable = false) {
  const expand = expandSet(ctx);
  const products = ctx.state.products;
  return ok(
    pagedList(ctx, ids, (id) => products.get(id), {
      orderby: ORDERBY,
      filter: productFilter(ctx),
      peek: (id) => products.peek(id),
      ...(cacheable ? { cacheKey: `products@${ctx.state.uid}.${products.version}` } : {}),
      key: sortKey,
      render: (r) => renderProduct(ctx, r, expand),
    }),
  );
}

/** Products whose field points at the parent (brand, supplier, condition). */
function* byField(ctx: Ctx, field: string, id: number): Generator<number> {
  for (const pid of ctx.state.products.ids()) if (ctx.state.products.peek(pid)?.[field] === id) yield pid;
}

function productLimitLeft(ctx: Ctx): number {
  const limit = ctx.config.productLimit;
  if (limit === null) return -1;
  let active = 0;
  for (const id of ctx.state.products.ids()) if (ctx.state.products.peek(id)?.is_active === true) active++;
  return Math.max(0, limit - active);
}

/** /productqueries searches products and attribute combinations; one of its parameters is required. */
function queryProducts(ctx: Ctx): Set<number> {
  const q = (n: string): string | undefined => ctx.query.get(n) || undefined;
  const [pn, ean, mpn, sku] = [q('productnumber'), q('eannumber'), q('mpnnumber'), q('skunumber')];
  if (!pn && !ean && !mpn && !sku) {
    throw err.validation('GET /productqueries/ needs at least one of productnumber, eannumber, mpnnumber, skunumber.');
  }
  const s = ctx.state;
  const size = s.spec.sizes.products;
  const candidates = new Set<number>();
  const skus = s.spec.skus;
  const generated = [pn && indexFromProductNumber(pn, size, skus), ean && indexFromEan(ean, size), ean && indexFromComboEan(ean, size),
    sku && indexFromComboSku(sku, size, skus), sku && indexFromProductNumber(sku, size, skus)];
  for (const i of generated) if (typeof i === 'number') candidates.add(IDS.products + i);
  for (const r of s.products.touched()) candidates.add(r.id);
  for (const c of s.attributecombinations.touched()) if (typeof c.product_id === 'number') candidates.add(c.product_id);
  const all = mpn ? new Set(s.products.ids()) : candidates;
  const hits = new Set<number>();
  for (const id of all) {
    const p = s.products.get(id);
    if (!p) continue;
    const combos = s.attributecombinations.list(id);
    const match =
      (pn !== undefined && (p.productnumber === pn || combos.some((c) => c.product_number === pn))) ||
      (ean !== undefined && (p.eannumber === ean || combos.some((c) => c.ean_number === ean))) ||
      (mpn !== undefined && p.mpnnumber === mpn) ||
      (sku !== undefined && (p.productnumber === sku || combos.some((c) => c.sku_number === sku)));
    if (match) hits.add(id);
  }
  return hits;
}

export const productRoutes: Route[] = [
  { method: 'GET', pattern: 'products', handler: (ctx) => listProducts(ctx, lookupIds(ctx) ?? ctx.state.products.ids(), true) },
  { method: 'GET', pattern: 'webshops/:id/products', handler: (ctx) => listProducts(ctx, lookupIds(ctx) ?? ctx.state.products.ids()) },
  {
    method: 'GET',
    pattern: 'categories/:id/products',
    handler: (ctx) => {
      const cid = need(ctx, ctx.state.categories, idAt(ctx)).id;
      const ids = [...new Set(linksOfCategory(ctx, cid).map((l) => num(l, 'product_id') ?? 0))].sort((a, b) => a - b);
      return listProducts(ctx, ids);
    },
  },
  ...(['brands', 'suppliers', 'conditions'] as const).map(
    (parent): Route => ({
      method: 'GET',
      pattern: `${parent}/:id/products`,
      handler: (ctx) => {
        const id = need(ctx, ctx.state[parent], idAt(ctx)).id;
        const field = { brands: 'brand_id', suppliers: 'supplier_id', conditions: 'condition_id' }[parent];
        return listProducts(ctx, [...byField(ctx, field, id)]);
      },
    }),
  ),
  {
    method: 'GET',
    pattern: 'productqueries',
    handler: (ctx) => {
      const ids = [...queryProducts(ctx)].sort((a, b) => a - b);
      const expand = expandSet(ctx);
      return ok(pagedList(ctx, ids, (id) => ctx.state.products.get(id), { render: (r) => renderProduct(ctx, r, expand) }));
    },
  },
  {
    method: 'GET',
    pattern: 'products/:id',
    handler: (ctx) => ok(renderProduct(ctx, need(ctx, ctx.state.products, idAt(ctx)), expandSet(ctx))),
  },
  {
    method: 'POST',
    pattern: 'products',
    handler: (ctx) => {
      const b = body(ctx, 'products.post');
      if (b.taxtariff === undefined && b.vatrate === undefined) {
        throw err.validation("POST /api/rest/v1/products/: send 'taxtariff' (normal, low a, low b, extra low, zero) or the deprecated 'vatrate'.");
      }
      if (ctx.config.productLimit !== null && productLimitLeft(ctx) <= 0) throw err.productLimit(ctx.config.productLimit);
      // Apply (and check) the body before the product exists, so a bad body stores nothing.
      const { id: _draft, ...fields } = applyProductBody(ctx, { ...newProduct(ctx), id: 0 }, b);
      const full = ctx.state.products.insert(fields);
      ctx.emit('products.created', hookSummary(ctx, 'products', full.id));
      return created(renderProduct(ctx, full, new Set()));
    },
  },
  {
    method: 'PATCH',
    pattern: 'products/:id',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.products, idAt(ctx));
      ctx.state.products.update(applyProductBody(ctx, p, body(ctx, 'products.patch')));
      ctx.emit('products.updated', hookSummary(ctx, 'products', p.id));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'products/:id',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.products, idAt(ctx));
      ctx.state.products.remove(p.id);
      ctx.emit('products.deleted', hookSummary(ctx, 'products', p.id));
      return noContent();
    },
  },
];

export { productLimitLeft };
