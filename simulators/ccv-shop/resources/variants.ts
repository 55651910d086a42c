// Product attribute values and the attribute combinations (variants) CCV generates from them:
// the cross product of the product's option-menu attributes (reference/ccv-shop/README.md §6.4). Combinations cannot
// be created directly; they can be read and patched (stock, SKU, EAN, ...).
import type { Ctx, Route } from '../context';
import { created, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { Rec } from '../json';
import { num, str } from '../json';
import { pagedRecords, plainList } from '../collection';
import { assignFields, body, need, touchProduct } from './common';
import {
  COMBINING_TYPES, comboIsLive, comboValueIds, livePavs, renderAttributeSets, renderCombination, renderPav, valueAndAttribute,
} from './variant-render';
import { expandSet } from '../collection';

const key = (ids: number[]): string => [...ids].sort((a, b) => a - b).join(',');

/** Bring the product's combinations in line with its option-menu values; new ones get `stock`. */
export function syncCombinations(ctx: Ctx, productId: number, stock: number): void {
  const groups = new Map<number, { position: number; values: { id: number; position: number }[] }>();
  for (const p of livePavs(ctx, productId)) {
    const valueId = num(p, 'optionvalue_id') ?? 0;
    const va = valueAndAttribute(ctx, valueId);
    if (!va || !COMBINING_TYPES.has(str(va.attribute, 'type') ?? '')) continue;
    const g = groups.get(va.attribute.id) ?? { position: num(p, 'optionposition') ?? 0, values: [] };
    g.values.push({ id: valueId, position: num(p, 'position') ?? 0 });
    groups.set(va.attribute.id, g);
  }
  const ordered = [...groups.entries()].sort((a, b) => a[1].position - b[1].position || a[0] - b[0]);
  let wanted: number[][] = ordered.length > 0 ? [[]] : [];
  for (const [, g] of ordered) {
    const values = [...g.values].sort((a, b) => a.position - b.position || a.id - b.id);
    wanted = wanted.flatMap((prefix) => values.map((v) => [...prefix, v.id]));
  }
  const table = ctx.state.attributecombinations;
  const existing = table.list(productId);
  const wantedKeys = new Set(wanted.map(key));
  for (const c of existing) if (!wantedKeys.has(key(comboValueIds(c)))) table.remove(c.id);
  const have = new Set(existing.map((c) => key(comboValueIds(c))));
  for (const ids of wanted) {
    if (have.has(key(ids))) continue;
    table.insert(productId, {
      value_ids: ids,
      note: '',
      stock,
      ordering_without_stock: 'global_setting',
      product_number: '',
      ean_number: '',
      sku_number: '',
      delivery_time: 0,
      delivery_time_type: 'days',
      delivery_default_text: '',
      active: true,
    });
  }
}

function liveCombos(ctx: Ctx, productId: number): Rec[] {
  return ctx.state.attributecombinations.list(productId).filter((c) => comboIsLive(ctx, c));
}

function needPav(ctx: Ctx): Rec {
  const p = need(ctx, ctx.state.productattributevalues, idAt(ctx));
  if (typeof p.optionvalue_id !== 'number' || !ctx.state.attributevalues.has(p.optionvalue_id)) {
    throw err.unknownId(ctx.config.unknownIdMode, 'productattributevalues', p.id);
  }
  return p;
}

function productIdOf(r: Rec): number {
  return num(r, 'product_id') ?? 0;
}

const COMBO_PATCH = ['note', 'stock', 'product_number', 'ean_number', 'sku_number', 'delivery_time', 'delivery_time_type',
  'delivery_default_text', 'active'] as const;

export const variantRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'products/:id/productattributevalues',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      return ok(pagedRecords(ctx, livePavs(ctx, pid), { orderby: ['optionposition', 'position'], render: (p) => renderPav(ctx, p) }));
    },
  },
  {
    method: 'POST',
    pattern: 'products/:id/productattributevalues',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      const b = body(ctx, 'productattributevalues.post');
      const valueId = num(b, 'optionvalue') ?? 0;
      const va = valueAndAttribute(ctx, valueId);
      if (!va) throw err.validation(`Field 'optionvalue': attribute value ${valueId} does not exist. See GET /api/rest/v1/attributes/:id/attributevalues/.`);
      const pavs = livePavs(ctx, pid);
      if (pavs.some((p) => p.optionvalue_id === valueId)) throw err.alreadyExists(`product ${pid} already has attribute value ${valueId}.`);
      const sameAttr = pavs.filter((p) => valueAndAttribute(ctx, num(p, 'optionvalue_id') ?? 0)?.attribute.id === va.attribute.id);
      const optionposition =
        num(sameAttr[0] ?? { id: 0 }, 'optionposition') ?? pavs.reduce((m, p) => Math.max(m, num(p, 'optionposition') ?? 0), 0) + 1;
      const rec = ctx.state.productattributevalues.insert(pid, {
        optionvalue_id: valueId,
        optionposition,
        position: num(b, 'position') ?? sameAttr.reduce((m, p) => Math.max(m, num(p, 'position') ?? 0), 0) + 1,
        price: num(b, 'price') ?? 0,
        enable: b.enable ?? true,
      });
      syncCombinations(ctx, pid, num(b, 'stock') ?? 0);
      touchProduct(ctx, pid);
      return created(renderPav(ctx, rec));
    },
  },
  {
    method: 'GET',
    pattern: 'productattributevalues/:id',
    handler: (ctx) => ok(renderPav(ctx, needPav(ctx))),
  },
  {
    method: 'PATCH',
    pattern: 'productattributevalues/:id',
    handler: (ctx) => {
      const p = needPav(ctx);
      const b = body(ctx, 'productattributevalues.patch');
      const next: Rec = { ...p };
      assignFields(next, b, ['optionposition', 'position', 'price', 'enable']);
      ctx.state.productattributevalues.update(next);
      touchProduct(ctx, productIdOf(p));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productattributevalues/:id',
    handler: (ctx) => {
      const p = needPav(ctx);
      ctx.state.productattributevalues.remove(p.id);
      syncCombinations(ctx, productIdOf(p), 0);
      touchProduct(ctx, productIdOf(p));
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'products/:id/productattributesets',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      return ok({ href: `${ctx.api}products/${pid}/productattributesets/`, items: renderAttributeSets(ctx, pid) });
    },
  },
  {
    method: 'GET',
    pattern: 'products/:id/attributecombinations',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      const expand = expandSet(ctx);
      return ok(plainList(ctx, liveCombos(ctx, pid), { render: (c) => renderCombination(ctx, c, expand) }));
    },
  },
  {
    method: 'GET',
    pattern: 'attributecombinations/:id',
    handler: (ctx) => {
      const c = need(ctx, ctx.state.attributecombinations, idAt(ctx));
      if (!comboIsLive(ctx, c)) throw err.unknownId(ctx.config.unknownIdMode, 'attributecombinations', c.id);
      return ok(renderCombination(ctx, c, expandSet(ctx)));
    },
  },
  {
    method: 'PATCH',
    pattern: 'attributecombinations/:id',
    handler: (ctx) => {
      const c = need(ctx, ctx.state.attributecombinations, idAt(ctx));
      if (!comboIsLive(ctx, c)) throw err.unknownId(ctx.config.unknownIdMode, 'attributecombinations', c.id);
      const b = body(ctx, 'attributecombinations.patch');
      const next: Rec = { ...c };
      assignFields(next, b, COMBO_PATCH);
      ctx.state.attributecombinations.update(next);
      touchProduct(ctx, productIdOf(c));
      return noContent();
    },
  },
];
