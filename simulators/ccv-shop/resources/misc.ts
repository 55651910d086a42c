// Root, credentials, webshops and settings, languages, pay methods, packages, brands,
// suppliers, conditions and colors.
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { str } from '../json';
import { pagedRecords, plainList } from '../collection';
import { LANGUAGES } from '../seed/catalog';
import { IDS } from '../seed/ids';
import type { RootTable } from '../table';
import { body, need } from './common';
import { productLimitLeft } from './products';

const ROOT_RESOURCES: [string, string][] = [
  ['attributes', 'Attributes and their values'], ['brands', 'Brands'], ['categories', 'Categories'], ['categorytree', 'Category tree'],
  ['colors', 'Colors'], ['conditions', 'Conditions'], ['credentials', 'Current API credential'], ['languages', 'Languages'],
  ['orders', 'Orders'], ['packages', 'Packages'], ['paymethods', 'Pay methods'], ['productpropertygroups', 'Product property groups'],
  ['productqueries', 'Product search'], ['products', 'Products'], ['suppliers', 'Suppliers'], ['users', 'Customers'],
  ['webhooks', 'Webhooks'], ['webshops', 'Webshops'],
];

function needWebshop(ctx: Ctx): number {
  const id = idAt(ctx);
  if (id !== IDS.webshop) throw err.unknownId(ctx.config.unknownIdMode, 'webshops', id);
  return id;
}

function renderWebshop(ctx: Ctx): JsonObject {
  return {
    href: href(ctx, 'webshops', IDS.webshop),
    id: IDS.webshop,
    name: 'Koppel Demo Shop',
    is_multishop_system: false,
    product_limit: ctx.config.productLimit ?? -1,
    product_limit_left: productLimitLeft(ctx),
    api_root: ctx.api,
    webshops: { href: href(ctx, 'webshops', IDS.webshop, 'webshops') },
  };
}

const renderNamed = (resource: string, withProducts: boolean) => (ctx: Ctx, r: Rec): JsonObject => ({
  href: href(ctx, resource, r.id),
  id: r.id,
  name: r.name ?? '',
  ...(withProducts ? { products: { href: href(ctx, resource, r.id, 'products') } } : {}),
});

/** GET list/one, POST, PATCH (and DELETE) for resources that are just `{id, name}`. */
function namedRoutes(resource: 'packages' | 'brands' | 'suppliers' | 'conditions', table: (ctx: Ctx) => RootTable, withDelete: boolean): Route[] {
  const render = renderNamed(resource, resource !== 'packages');
  const unique = (ctx: Ctx, name: string, except?: number): void => {
    for (const r of table(ctx).values()) {
      if (r.name === name && r.id !== except) throw err.alreadyExists(`${resource} already has '${name}'; names must be unique.`);
    }
  };
  const routes: Route[] = [
    { method: 'GET', pattern: resource, handler: (ctx) => ok(pagedRecords(ctx, [...table(ctx).values()], { render: (r) => render(ctx, r) })) },
    { method: 'GET', pattern: `${resource}/:id`, handler: (ctx) => ok(render(ctx, need(ctx, table(ctx), idAt(ctx)))) },
    {
      method: 'POST',
      pattern: resource,
      handler: (ctx) => {
        const name = str(body(ctx, `${resource}.input`), 'name') ?? '';
        unique(ctx, name);
        return created(render(ctx, table(ctx).insert({ name })));
      },
    },
    {
      method: 'PATCH',
      pattern: `${resource}/:id`,
      handler: (ctx) => {
        const r = need(ctx, table(ctx), idAt(ctx));
        const name = str(body(ctx, `${resource}.input`), 'name') ?? '';
        unique(ctx, name, r.id);
        table(ctx).update({ ...r, name });
        return noContent();
      },
    },
  ];
  if (withDelete) {
    routes.push({
      method: 'DELETE',
      pattern: `${resource}/:id`,
      handler: (ctx) => {
        table(ctx).remove(need(ctx, table(ctx), idAt(ctx)).id);
        return noContent();
      },
    });
  }
  return routes;
}

function renderColor(ctx: Ctx, c: Rec): JsonObject {
  return { href: href(ctx, 'colors', c.id), id: c.id, name: c.name ?? '', type: c.type ?? 'color', hex: c.hex ?? null, position: c.position ?? 0 };
}

export const miscRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '',
    handler: (ctx) =>
      ok({
        items: ROOT_RESOURCES.map(([name, description]) => ({ href: href(ctx, name), title: name, description, uri: `/api/rest/v1/${name}/` })),
      }),
  },
  {
    method: 'GET',
    pattern: 'credentials',
    handler: (ctx) => ok(plainList(ctx, [{ ...ctx.state.credential, id: IDS.credentials }], { render: (c) => ({ href: href(ctx, 'credentials', c.id), ...c }) })),
  },
  {
    method: 'GET',
    pattern: 'credentials/:id',
    handler: (ctx) => {
      if (idAt(ctx) !== IDS.credentials) throw err.unknownId(ctx.config.unknownIdMode, 'credentials', idAt(ctx));
      return ok({ href: href(ctx, 'credentials', IDS.credentials), ...ctx.state.credential });
    },
  },
  { method: 'GET', pattern: 'webshops', handler: (ctx) => ok({ href: href(ctx, 'webshops'), items: [renderWebshop(ctx)] }) },
  {
    method: 'GET',
    pattern: 'webshops/:id',
    handler: (ctx) => {
      needWebshop(ctx);
      return ok(renderWebshop(ctx));
    },
  },
  {
    method: 'GET',
    pattern: 'webshops/:id/settings',
    handler: (ctx) => ok({ href: href(ctx, 'webshops', needWebshop(ctx), 'settings'), ...ctx.state.settings, parent: { href: href(ctx, 'webshops', IDS.webshop) } }),
  },
  {
    method: 'PUT',
    pattern: 'webshops/:id/settings',
    handler: (ctx) => {
      needWebshop(ctx);
      // Only the keys present are overwritten (reference/ccv-shop/README.md §3); the schema allows languages and webshop_*.
      Object.assign(ctx.state.settings, body(ctx, 'settings.put'));
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'webshops/:id/merchant',
    handler: (ctx) =>
      ok({
        href: href(ctx, 'webshops', needWebshop(ctx), 'merchant'), gender: null, first_name: 'Demo', last_name: 'Winkelier',
        full_name: 'Demo Winkelier', company: 'Koppel Demo Shop B.V.', email: 'shop@example.com', address_line: 'Kerkstraat 1',
        street: 'Kerkstraat', housenumber: '1', zipcode: '1012 AB', city: 'Amsterdam', country: 'Nederland', country_code: 'NL',
        telephone: '0201234567', tax_number: 'NL001234567B01', coc_number: '12345678',
      }),
  },
  { method: 'GET', pattern: 'webshops/:id/webshops', handler: (ctx) => ok({ href: href(ctx, 'webshops', needWebshop(ctx), 'webshops'), items: [] }) },
  {
    method: 'GET',
    pattern: 'languages',
    handler: (ctx) => ok({ href: href(ctx, 'languages'), items: LANGUAGES.map((l) => ({ ...l, flag_icon: `${ctx.base}${str(l, 'flag_icon') ?? ''}`, href: href(ctx, 'languages') })) }),
  },
  {
    method: 'GET',
    pattern: 'paymethods',
    handler: (ctx) => ok(plainList(ctx, [...ctx.state.paymethods.values()], { render: (p) => ({ ...p }) })),
  },
  ...namedRoutes('packages', (ctx) => ctx.state.packages, false),
  ...namedRoutes('brands', (ctx) => ctx.state.brands, true),
  ...namedRoutes('suppliers', (ctx) => ctx.state.suppliers, true),
  ...namedRoutes('conditions', (ctx) => ctx.state.conditions, true),
  { method: 'GET', pattern: 'colors', handler: (ctx) => ok(plainList(ctx, [...ctx.state.colors.values()], { render: (c) => renderColor(ctx, c) })) },
  { method: 'GET', pattern: 'colors/:id', handler: (ctx) => ok(renderColor(ctx, need(ctx, ctx.state.colors, idAt(ctx)))) },
];
