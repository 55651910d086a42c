// Product properties (specifications): group -> property -> options, a value per product,
// and the product <-> group link (reference/ccv-shop/README.md §6.5).
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { num, str } from '../json';
import { plainList } from '../collection';
import type { RootTable } from '../table';
import { assignFields, body, need, needRef, touchProduct } from './common';

const all = (t: RootTable, field: string, id: number): Rec[] => [...t.values()].filter((r) => r[field] === id);

function renderGroup(ctx: Ctx, g: Rec): JsonObject {
  return { href: href(ctx, 'productpropertygroups', g.id), id: g.id, name: g.name ?? '', productproperties: href(ctx, 'productpropertygroups', g.id, 'productproperties') };
}

function renderOption(ctx: Ctx, o: Rec): JsonObject {
  return { href: href(ctx, 'productpropertyoptions', o.id), id: o.id, name: o.name ?? '', position: o.position ?? null };
}

function renderProperty(ctx: Ctx, p: Rec): JsonObject {
  return {
    href: href(ctx, 'productproperties', p.id),
    id: p.id,
    parent: p.parent ?? null,
    name: p.name ?? '',
    description: p.description ?? '',
    position: p.position ?? null,
    icon: p.icon ?? '',
    type: p.type ?? 'text',
    options: {
      href: href(ctx, 'productproperties', p.id, 'productpropertyoptions'),
      collection: all(ctx.state.productpropertyoptions, 'property_id', p.id).map((o) => renderOption(ctx, o)),
    },
    children: [],
  };
}

function renderValue(ctx: Ctx, v: Rec): JsonObject {
  return { href: href(ctx, 'productpropertyvalues', v.id), id: v.id, product_id: v.product_id ?? 0, product_property_id: v.product_property_id ?? 0, value: v.value ?? '' };
}

export function renderPropertyGroupLink(ctx: Ctx, l: Rec): JsonObject {
  const pid = num(l, 'product_id') ?? 0;
  const gid = num(l, 'product_property_group_id') ?? 0;
  const propertyIds = new Set(all(ctx.state.productproperties, 'group_id', gid).map((p) => p.id));
  const values = [...ctx.state.productpropertyvalues.values()].filter(
    (v) => v.product_id === pid && typeof v.product_property_id === 'number' && propertyIds.has(v.product_property_id),
  );
  return {
    href: href(ctx, 'producttopropertygroups', l.id),
    id: l.id,
    product_id: pid,
    product_property_group_id: gid,
    product_href: href(ctx, 'products', pid),
    product_property_group_href: href(ctx, 'productpropertygroups', gid),
    values: { collection: values.map((v) => renderValue(ctx, v)) },
  };
}

/** `value` is a string: a boolean for checkbox, an option id for option properties, else text. */
function checkValue(ctx: Ctx, property: Rec, value: string): void {
  const type = str(property, 'type') ?? 'text';
  if (type === 'checkbox' && value !== 'true' && value !== 'false') {
    throw err.validation(`Field 'value': property ${property.id} is a checkbox; send "true" or "false".`);
  }
  if (type === 'option' && !all(ctx.state.productpropertyoptions, 'property_id', property.id).some((o) => String(o.id) === value)) {
    throw err.validation(`Field 'value': property ${property.id} takes an option id from GET /productproperties/${property.id}/productpropertyoptions/.`);
  }
}


export const propertyRoutes: Route[] = [
  { method: 'GET', pattern: 'productpropertygroups', handler: (ctx) => ok(plainList(ctx, [...ctx.state.productpropertygroups.values()], { render: (g) => renderGroup(ctx, g) })) },
  { method: 'GET', pattern: 'productpropertygroups/:id', handler: (ctx) => ok(renderGroup(ctx, need(ctx, ctx.state.productpropertygroups, idAt(ctx)))) },
  {
    method: 'POST',
    pattern: 'productpropertygroups',
    handler: (ctx) => created(renderGroup(ctx, ctx.state.productpropertygroups.insert({ name: str(body(ctx, 'productpropertygroups.post'), 'name') ?? '' }))),
  },
  {
    method: 'PATCH',
    pattern: 'productpropertygroups/:id',
    handler: (ctx) => {
      const g = need(ctx, ctx.state.productpropertygroups, idAt(ctx));
      ctx.state.productpropertygroups.update({ ...g, name: str(body(ctx, 'productpropertygroups.patch'), 'name') ?? g.name ?? '' });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productpropertygroups/:id',
    handler: (ctx) => {
      const g = need(ctx, ctx.state.productpropertygroups, idAt(ctx));
      for (const p of all(ctx.state.productproperties, 'group_id', g.id)) ctx.state.productproperties.remove(p.id);
      for (const l of all(ctx.state.producttopropertygroups, 'product_property_group_id', g.id)) ctx.state.producttopropertygroups.remove(l.id);
      ctx.state.productpropertygroups.remove(g.id);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'productpropertygroups/:id/productproperties',
    handler: (ctx) => {
      const g = need(ctx, ctx.state.productpropertygroups, idAt(ctx));
      return ok(plainList(ctx, all(ctx.state.productproperties, 'group_id', g.id), { render: (p) => renderProperty(ctx, p) }));
    },
  },
  {
    method: 'POST',
    pattern: 'productpropertygroups/:id/productproperties',
    handler: (ctx) => {
      const g = need(ctx, ctx.state.productpropertygroups, idAt(ctx));
      const b = body(ctx, 'productproperties.post');
      needRef(ctx, ctx.state.productproperties, num(b, 'parent'), 'parent');
      const rec: JsonObject = { group_id: g.id, parent: null, name: '', description: '', position: 0, icon: '', type: 'text' };
      assignFields(rec, b, ['parent', 'name', 'description', 'position', 'icon', 'type']);
      return created(renderProperty(ctx, ctx.state.productproperties.insert(rec)));
    },
  },
  { method: 'GET', pattern: 'productproperties/:id', handler: (ctx) => ok(renderProperty(ctx, need(ctx, ctx.state.productproperties, idAt(ctx)))) },
  {
    method: 'PATCH',
    pattern: 'productproperties/:id',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.productproperties, idAt(ctx));
      const next: Rec = { ...p };
      assignFields(next, body(ctx, 'productproperties.patch'), ['parent', 'name', 'description', 'position', 'icon', 'type']);
      ctx.state.productproperties.update(next);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productproperties/:id',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.productproperties, idAt(ctx));
      for (const o of all(ctx.state.productpropertyoptions, 'property_id', p.id)) ctx.state.productpropertyoptions.remove(o.id);
      for (const v of all(ctx.state.productpropertyvalues, 'product_property_id', p.id)) ctx.state.productpropertyvalues.remove(v.id);
      ctx.state.productproperties.remove(p.id);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'productproperties/:id/productpropertyoptions',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.productproperties, idAt(ctx));
      return ok(plainList(ctx, all(ctx.state.productpropertyoptions, 'property_id', p.id), { render: (o) => renderOption(ctx, o) }));
    },
  },
  {
    method: 'POST',
    pattern: 'productproperties/:id/productpropertyoptions',
    handler: (ctx) => {
      const p = need(ctx, ctx.state.productproperties, idAt(ctx));
      const b = body(ctx, 'productpropertyoptions.post');
      return created(renderOption(ctx, ctx.state.productpropertyoptions.insert({ property_id: p.id, name: b.name ?? '', position: b.position ?? null })));
    },
  },
  { method: 'GET', pattern: 'productpropertyoptions/:id', handler: (ctx) => ok(renderOption(ctx, need(ctx, ctx.state.productpropertyoptions, idAt(ctx)))) },
  {
    method: 'PATCH',
    pattern: 'productpropertyoptions/:id',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.productpropertyoptions, idAt(ctx));
      const next: Rec = { ...o };
      assignFields(next, body(ctx, 'productpropertyoptions.patch'), ['name', 'position']);
      ctx.state.productpropertyoptions.update(next);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productpropertyoptions/:id',
    handler: (ctx) => {
      ctx.state.productpropertyoptions.remove(need(ctx, ctx.state.productpropertyoptions, idAt(ctx)).id);
      return noContent();
    },
  },
  {
    method: 'POST',
    pattern: 'productpropertyvalues',
    handler: (ctx) => {
      const b = body(ctx, 'productpropertyvalues.post');
      const pid = num(b, 'product_id') ?? 0;
      needRef(ctx, ctx.state.products, pid, 'product_id');
      const property = ctx.state.productproperties.get(num(b, 'product_property_id') ?? 0);
      if (!property) throw err.validation(`Field 'product_property_id': property ${String(b.product_property_id)} does not exist.`);
      const value = str(b, 'value') ?? '';
      checkValue(ctx, property, value);
      if ([...ctx.state.productpropertyvalues.values()].some((v) => v.product_id === pid && v.product_property_id === property.id)) {
        throw err.alreadyExists(`product ${pid} already has a value for property ${property.id}; PATCH it instead.`);
      }
      touchProduct(ctx, pid);
      return created(renderValue(ctx, ctx.state.productpropertyvalues.insert({ product_id: pid, product_property_id: property.id, value })));
    },
  },
  { method: 'GET', pattern: 'productpropertyvalues/:id', handler: (ctx) => ok(renderValue(ctx, need(ctx, ctx.state.productpropertyvalues, idAt(ctx)))) },
  {
    method: 'PATCH',
    pattern: 'productpropertyvalues/:id',
    handler: (ctx) => {
      const v = need(ctx, ctx.state.productpropertyvalues, idAt(ctx));
      const value = str(body(ctx, 'productpropertyvalues.patch'), 'value') ?? '';
      const property = ctx.state.productproperties.get(num(v, 'product_property_id') ?? 0);
      if (property) checkValue(ctx, property, value);
      ctx.state.productpropertyvalues.update({ ...v, value });
      touchProduct(ctx, num(v, 'product_id') ?? 0);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productpropertyvalues/:id',
    handler: (ctx) => {
      ctx.state.productpropertyvalues.remove(need(ctx, ctx.state.productpropertyvalues, idAt(ctx)).id);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'products/:id/producttopropertygroups',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      return ok(plainList(ctx, all(ctx.state.producttopropertygroups, 'product_id', pid), { render: (l) => renderPropertyGroupLink(ctx, l) }));
    },
  },
  {
    method: 'POST',
    pattern: 'producttopropertygroups',
    handler: (ctx) => {
      const b = body(ctx, 'producttopropertygroups.post');
      const pid = num(b, 'product_id') ?? 0;
      const gid = num(b, 'product_property_group_id') ?? 0;
      needRef(ctx, ctx.state.products, pid, 'product_id');
      needRef(ctx, ctx.state.productpropertygroups, gid, 'product_property_group_id');
      if (all(ctx.state.producttopropertygroups, 'product_id', pid).some((l) => l.product_property_group_id === gid)) {
        throw err.alreadyExists(`product ${pid} is already linked to property group ${gid}.`);
      }
      touchProduct(ctx, pid);
      return created(renderPropertyGroupLink(ctx, ctx.state.producttopropertygroups.insert({ product_id: pid, product_property_group_id: gid })));
    },
  },
  { method: 'GET', pattern: 'producttopropertygroups/:id', handler: (ctx) => ok(renderPropertyGroupLink(ctx, need(ctx, ctx.state.producttopropertygroups, idAt(ctx)))) },
  {
    method: 'DELETE',
    pattern: 'producttopropertygroups/:id',
    handler: (ctx) => {
      ctx.state.producttopropertygroups.remove(need(ctx, ctx.state.producttopropertygroups, idAt(ctx)).id);
      return noContent();
    },
  },
];
