// Shop-wide attributes ("Maat") and their values ("S", "M"), reference/ccv-shop/README.md §6.4.
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { num, str } from '../json';
import { plainList } from '../collection';
import { body, need } from './common';
import { ATTRIBUTE_TYPE_NUMBERS, comboIsLive, comboValueIds } from './variant-render';

/** Known attribute types; the additional_menu names are inferred [I]. */
const TYPES = Object.keys(ATTRIBUTE_TYPE_NUMBERS);

export function renderAttribute(ctx: Ctx, a: Rec): JsonObject {
  return {
    href: href(ctx, 'attributes', a.id),
    id: a.id,
    name: a.name ?? '',
    attribute_type: ATTRIBUTE_TYPE_NUMBERS[str(a, 'type') ?? ''] ?? 1,
    type: a.type ?? '',
    attribute_values: { href: href(ctx, 'attributes', a.id, 'attributevalues') },
  };
}

export function renderAttributeValue(ctx: Ctx, v: Rec): JsonObject {
  const attributeId = num(v, 'attribute_id') ?? 0;
  return {
    href: href(ctx, 'attributevalues', v.id),
    id: v.id,
    name: v.name ?? '',
    default_price: v.default_price ?? 0,
    attribute_id: attributeId,
    parent: { href: href(ctx, 'attributes', attributeId) },
  };
}

function checkType(type: string): void {
  if (!TYPES.includes(type)) throw err.validation(`Field 'type': '${type}' is not an attribute type. Use one of ${TYPES.join(', ')}.`);
}

/** Only a switch between required and not required is allowed on update (reference/ccv-shop/README.md §6.4). */
function baseType(t: string): string {
  return t.replace(/_required$/, '');
}

function valuesOf(ctx: Ctx, attributeId: number): Rec[] {
  return [...ctx.state.attributevalues.values()].filter((v) => v.attribute_id === attributeId);
}

function comboOf(ctx: Ctx): Rec {
  const c = need(ctx, ctx.state.attributecombinations, idAt(ctx));
  if (!comboIsLive(ctx, c)) throw err.unknownId(ctx.config.unknownIdMode, 'attributecombinations', c.id);
  return c;
}

export const attributeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'attributes',
    handler: (ctx) => ok(plainList(ctx, [...ctx.state.attributes.values()], { render: (a) => renderAttribute(ctx, a) })),
  },
  {
    method: 'GET',
    pattern: 'attributes/:id',
    handler: (ctx) => ok(renderAttribute(ctx, need(ctx, ctx.state.attributes, idAt(ctx)))),
  },
  {
    method: 'POST',
    pattern: 'attributes',
    handler: (ctx) => {
      const b = body(ctx, 'attributes.input');
      const type = str(b, 'type') ?? '';
      checkType(type);
      const name = str(b, 'name') ?? '';
      if ([...ctx.state.attributes.values()].some((a) => a.name === name)) throw err.alreadyExists(`an attribute named '${name}' exists.`);
      return created(renderAttribute(ctx, ctx.state.attributes.insert({ name, type })));
    },
  },
  {
    method: 'PATCH',
    pattern: 'attributes/:id',
    handler: (ctx) => {
      const a = need(ctx, ctx.state.attributes, idAt(ctx));
      const b = body(ctx, 'attributes.input');
      const type = str(b, 'type') ?? '';
      checkType(type);
      if (baseType(type) !== baseType(str(a, 'type') ?? '')) {
        throw err.validation(`Field 'type': an attribute of type '${str(a, 'type')}' can only switch between required and not required.`);
      }
      ctx.state.attributes.update({ ...a, name: str(b, 'name') ?? a.name ?? '', type });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'attributes/:id',
    handler: (ctx) => {
      const a = need(ctx, ctx.state.attributes, idAt(ctx));
      for (const v of valuesOf(ctx, a.id)) ctx.state.attributevalues.remove(v.id);
      ctx.state.attributes.remove(a.id);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'attributes/:id/attributevalues',
    handler: (ctx) => {
      const a = need(ctx, ctx.state.attributes, idAt(ctx));
      return ok(plainList(ctx, valuesOf(ctx, a.id), { render: (v) => renderAttributeValue(ctx, v) }));
    },
  },
  {
    method: 'POST',
    pattern: 'attributes/:id/attributevalues',
    handler: (ctx) => {
      const a = need(ctx, ctx.state.attributes, idAt(ctx));
      const b = body(ctx, 'attributevalues.post');
      const name = str(b, 'name') ?? '';
      if (valuesOf(ctx, a.id).some((v) => v.name === name)) throw err.alreadyExists(`attribute ${a.id} already has a value '${name}'.`);
      const v = ctx.state.attributevalues.insert({ name, default_price: num(b, 'default_price') ?? 0, attribute_id: a.id });
      return created(renderAttributeValue(ctx, v));
    },
  },
  {
    method: 'GET',
    pattern: 'attributevalues/:id',
    handler: (ctx) => ok(renderAttributeValue(ctx, need(ctx, ctx.state.attributevalues, idAt(ctx)))),
  },
  {
    method: 'PATCH',
    pattern: 'attributevalues/:id',
    handler: (ctx) => {
      const v = need(ctx, ctx.state.attributevalues, idAt(ctx));
      const b = body(ctx, 'attributevalues.patch');
      ctx.state.attributevalues.update({ ...v, ...(b.name !== undefined ? { name: b.name } : {}), ...(b.default_price !== undefined ? { default_price: b.default_price } : {}) });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'attributevalues/:id',
    handler: (ctx) => {
      ctx.state.attributevalues.remove(need(ctx, ctx.state.attributevalues, idAt(ctx)).id);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'attributecombinations/:id/attributes',
    handler: (ctx) => {
      const ids = new Set(comboValueIds(comboOf(ctx)).map((v) => num(ctx.state.attributevalues.get(v) ?? { id: 0 }, 'attribute_id')));
      const attrs = [...ctx.state.attributes.values()].filter((a) => ids.has(a.id));
      return ok(plainList(ctx, attrs, { render: (a) => renderAttribute(ctx, a) }));
    },
  },
  {
    method: 'GET',
    pattern: 'attributecombinations/:id/attributevalues',
    handler: (ctx) => {
      const values = comboValueIds(comboOf(ctx)).flatMap((v) => {
        const r = ctx.state.attributevalues.get(v);
        return r ? [r] : [];
      });
      return ok(plainList(ctx, values, { render: (v) => renderAttributeValue(ctx, v) }));
    },
  },
];
