// Product-to-category links (/producttocategories). A product's maincategory/subcategory do not
// place it in a category; these links do (reference/ccv-shop/README.md §9.10).
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { num } from '../json';
import { plainList } from '../collection';
import { body, need, needRef, touchProduct } from './common';

export function renderCategoryLink(ctx: Ctx, l: Rec): JsonObject {
  const pid = num(l, 'product_id') ?? 0;
  const cid = num(l, 'category_id') ?? 0;
  return {
    href: href(ctx, 'producttocategories', l.id),
    id: l.id,
    position: l.position ?? null,
    product_id: pid,
    category_id: cid,
    product_href: href(ctx, 'products', pid),
    category_href: href(ctx, 'categories', cid),
  };
}

/** Links of live products into a category (walks all products; generated links cost no memory). */
export function linksOfCategory(ctx: Ctx, categoryId: number): Rec[] {
  const out: Rec[] = [];
  for (const pid of ctx.state.products.ids()) {
    for (const l of ctx.state.producttocategories.list(pid)) if (l.category_id === categoryId) out.push(l);
  }
  return out;
}

function liveLinks(ctx: Ctx, links: Rec[]): Rec[] {
  return links.filter((l) => typeof l.category_id === 'number' && ctx.state.categories.has(l.category_id));
}

function needLink(ctx: Ctx): Rec {
  const l = need(ctx, ctx.state.producttocategories, idAt(ctx));
  if (typeof l.category_id !== 'number' || !ctx.state.categories.has(l.category_id)) {
    throw err.unknownId(ctx.config.unknownIdMode, 'producttocategories', l.id);
  }
  return l;
}

const listOpts = (ctx: Ctx) => ({ render: (r: Rec) => renderCategoryLink(ctx, r) });

export const categoryLinkRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'products/:id/producttocategories',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      return ok(plainList(ctx, liveLinks(ctx, ctx.state.producttocategories.list(pid)), listOpts(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: 'categories/:id/producttocategories',
    handler: (ctx) => {
      const cid = need(ctx, ctx.state.categories, idAt(ctx), 'categories').id;
      return ok(plainList(ctx, linksOfCategory(ctx, cid), listOpts(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: 'producttocategories/:id',
    handler: (ctx) => ok(renderCategoryLink(ctx, needLink(ctx))),
  },
  {
    method: 'POST',
    pattern: 'producttocategories',
    handler: (ctx) => {
      const b = body(ctx, 'producttocategories.post');
      const pid = num(b, 'product_id') ?? 0;
      const cid = num(b, 'category_id') ?? 0;
      needRef(ctx, ctx.state.products, pid, 'product_id');
      needRef(ctx, ctx.state.categories, cid, 'category_id');
      if (liveLinks(ctx, ctx.state.producttocategories.list(pid)).some((l) => l.category_id === cid)) {
        throw err.alreadyExists(`product ${pid} is already in category ${cid}.`);
      }
      // A missing position puts the product last in the category.
      const position = num(b, 'position') ?? linksOfCategory(ctx, cid).reduce((m, l) => Math.max(m, num(l, 'position') ?? 0), 0) + 1;
      const rec = ctx.state.producttocategories.insert(pid, { category_id: cid, position });
      touchProduct(ctx, pid);
      return created(renderCategoryLink(ctx, rec));
    },
  },
  {
    method: 'PATCH',
    pattern: 'producttocategories/:id',
    handler: (ctx) => {
      const l = needLink(ctx);
      const b = body(ctx, 'producttocategories.patch');
      if (b.position !== undefined) ctx.state.producttocategories.update({ ...l, position: b.position });
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'producttocategories/:id',
    handler: (ctx) => {
      const l = needLink(ctx);
      ctx.state.producttocategories.remove(l.id);
      const pid = num(l, 'product_id');
      if (pid !== undefined) touchProduct(ctx, pid);
      return noContent();
    },
  },
];
