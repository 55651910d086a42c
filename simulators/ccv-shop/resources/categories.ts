// Categories (a tree via parentcategory_id), their children and /categorytree/.
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { num, str } from '../json';
import { pagedRecords } from '../collection';
import { categoryRecord } from '../seed/catalog';
import { assignFields, body, hookSummary, need, needRef } from './common';

const COPY = ['name', 'description', 'description_bottom', 'description_photo_position', 'description_photo_size', 'searchwords',
  'layout_of_products_id', 'color', 'color_alternative', 'layout_of_categories_id', 'show_big_photo', 'productphoto_in_canvas',
  'show_orderbutton', 'orderby', 'items_per_page', 'position', 'show_on_website', 'parentcategory_id', 'meta_description',
  'meta_keywords', 'page_title', 'no_index', 'no_follow', 'alias'] as const;

const AFTER_NAME = ['description', 'description_photo_size', 'description_photo_position'] as const;
const MIDDLE = ['description_bottom', 'searchwords'] as const;
const SETTINGS = ['show_big_photo', 'productphoto_in_canvas', 'show_orderbutton', 'orderby', 'items_per_page', 'position'] as const;
const LOOK = ['layout_of_categories_id', 'show_on_website', 'color', 'color_alternative', 'meta_description', 'meta_keywords',
  'page_title', 'no_index', 'no_follow', 'alias'] as const;

export function renderCategory(ctx: Ctx, c: Rec): JsonObject {
  const out: JsonObject = { href: href(ctx, 'categories', c.id), id: c.id, name: c.name ?? '' };
  for (const k of AFTER_NAME) out[k] = c[k] ?? null;
  out.description_photo = c.description_photo ? `${ctx.base}${str(c, 'description_photo') ?? ''}` : '';
  for (const k of MIDDLE) out[k] = c[k] ?? null;
  out.photo = c.photo ? `${ctx.base}${str(c, 'photo') ?? ''}` : '';
  for (const k of SETTINGS) out[k] = c[k] ?? null;
  const layout = num(c, 'layout_of_products_id') ?? 1;
  out.layout_of_products = { id: layout, href: href(ctx, 'categoryproductlayouts', layout) };
  for (const k of LOOK) out[k] = c[k] ?? null;
  out.producttocategories = { href: href(ctx, 'categories', c.id, 'producttocategories') };
  out.deeplink = `${ctx.base}/${str(c, 'alias') ?? c.id}/`;
  out.categories = { href: href(ctx, 'categories', c.id, 'categories') };
  const parent = num(c, 'parentcategory_id');
  out.parentcategory = parent === undefined ? null : { id: parent, href: href(ctx, 'categories', parent) };
  return out;
}

function children(ctx: Ctx, parentId: number | null): Rec[] {
  return [...ctx.state.categories.values()]
    .filter((c) => (c.parentcategory_id ?? null) === parentId)
    .sort((a, b) => (num(a, 'position') ?? 0) - (num(b, 'position') ?? 0) || a.id - b.id);
}

function treeNode(ctx: Ctx, c: Rec): JsonObject {
  return {
    href: href(ctx, 'categories', c.id),
    id: c.id,
    name: c.name ?? '',
    description: c.description ?? '',
    position: c.position ?? 0,
    show_on_website: c.show_on_website ?? true,
    deeplink: `${ctx.base}/${str(c, 'alias') ?? c.id}/`,
    children: children(ctx, c.id).map((k) => treeNode(ctx, k)),
  };
}

function descendants(ctx: Ctx, id: number): number[] {
  const out: number[] = [];
  for (const c of children(ctx, id)) out.push(c.id, ...descendants(ctx, c.id));
  return out;
}

/** Uploaded category images are not kept; the category gets a plausible image path [I]. */
function photoPath(id: number, kind: string, fileType: string | undefined): string {
  return `/Files/2/117000/117035/Categories/${kind}-${id}.${(fileType ?? 'jpg').toLowerCase()}`;
}

function applyBody(ctx: Ctx, c: Rec, b: JsonObject): Rec {
  const next: Rec = { ...c };
  assignFields(next, b, COPY);
  if (typeof b.photo_source === 'string') next.photo = photoPath(c.id, 'photo', str(b, 'photo_file_type'));
  if (typeof b.description_photo_source === 'string') {
    next.description_photo = photoPath(c.id, 'description', str(b, 'description_photo_file_type'));
  }
  return next;
}

export const categoryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'categories',
    handler: (ctx) => ok(pagedRecords(ctx, [...ctx.state.categories.values()], { render: (c) => renderCategory(ctx, c) })),
  },
  {
    method: 'GET',
    pattern: 'categories/:id',
    handler: (ctx) => ok(renderCategory(ctx, need(ctx, ctx.state.categories, idAt(ctx)))),
  },
  {
    method: 'GET',
    pattern: 'categories/:id/categories',
    handler: (ctx) => {
      const c = need(ctx, ctx.state.categories, idAt(ctx));
      return ok(pagedRecords(ctx, children(ctx, c.id), { render: (k) => renderCategory(ctx, k) }));
    },
  },
  {
    method: 'GET',
    pattern: 'categorytree',
    handler: (ctx) => ok({ href: href(ctx, 'categorytree'), root_categories: children(ctx, null).map((c) => treeNode(ctx, c)) }),
  },
  {
    method: 'POST',
    pattern: 'categories',
    handler: (ctx) => {
      const b = body(ctx, 'categories.post');
      const parent = num(b, 'parentcategory_id') ?? null;
      needRef(ctx, ctx.state.categories, parent, 'parentcategory_id');
      const position = children(ctx, parent).reduce((m, c) => Math.max(m, num(c, 'position') ?? 0), 0) + 1;
      const { id: _ignored, ...template } = categoryRecord(0, str(b, 'name') ?? '', parent, position);
      const rec = ctx.state.categories.insert(template);
      const full = applyBody(ctx, { ...rec, alias: `${str(rec, 'alias') ?? 'categorie'}-${rec.id}` }, b);
      ctx.state.categories.update(full);
      ctx.emit('categories.created', hookSummary(ctx, 'categories', full.id));
      return created(renderCategory(ctx, full));
    },
  },
  {
    method: 'PATCH',
    pattern: 'categories/:id',
    handler: (ctx) => {
      const c = need(ctx, ctx.state.categories, idAt(ctx));
      const b = body(ctx, 'categories.patch');
      const parent = num(b, 'parentcategory_id');
      if (parent !== undefined) {
        needRef(ctx, ctx.state.categories, parent, 'parentcategory_id');
        if (parent === c.id || descendants(ctx, c.id).includes(parent)) {
          throw err.validation(`Field 'parentcategory_id': category ${parent} is category ${c.id} itself or one of its subcategories.`);
        }
      }
      ctx.state.categories.update(applyBody(ctx, c, b));
      ctx.emit('categories.updated', hookSummary(ctx, 'categories', c.id));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'categories/:id',
    handler: (ctx) => {
      const c = need(ctx, ctx.state.categories, idAt(ctx));
      // Subcategories go with their parent [I]; links to deleted categories stop showing.
      for (const id of [c.id, ...descendants(ctx, c.id)]) {
        ctx.state.categories.remove(id);
        ctx.emit('categories.deleted', hookSummary(ctx, 'categories', id));
      }
      return noContent();
    },
  },
];
