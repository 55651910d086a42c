// Collections: paging with start/size (no total), orderby with `_desc`, and the envelopes.
import type { Ctx } from './context';
import { err } from './errors';
import type { Json, JsonObject, Rec } from './json';

export type SortKey = string | number | boolean | null;

export interface ListOptions {
  /** Fields allowed in `orderby` (endpoints.json). */
  orderby?: string[];
  filter?: (r: Rec) => boolean;
  /** Sort key of a record for an orderby field; defaults to the field's value. */
  key?: (r: Rec, field: string) => SortKey;
  render: (r: Rec) => JsonObject;
  /** Cheap record for filter and sort (e.g. a seeded order without its rows); defaults to get. */
  peek?: (id: number) => Rec | undefined;
  /**
   * Identifies the data behind the list (e.g. table name and version). When given, a sorted id
   * list is reused by the next pages, so paging through a sorted large table sorts it once.
   */
  cacheKey?: string;
}

const sortedCache = new Map<string, number[]>();
const SORTED_CACHE_SIZE = 4;

/** Canonical href of the requested collection: trailing slash, start/size first, other params verbatim. */
function collectionHref(ctx: Ctx, start?: number, size?: number): string {
  const path = `${ctx.api}${ctx.segments.join('/')}/`;
  const rest = ctx.rawQuery
    .split('&')
    .filter((p) => p.length > 0)
    .filter((p) => {
      const name = decodeURIComponent((p.split('=')[0] ?? '').replace(/\+/g, ' '));
      return name !== 'start' && name !== 'size';
    });
  const paging = start === undefined || size === undefined ? [] : [`start=${start}`, `size=${size}`];
  const all = [...paging, ...rest];
  return all.length > 0 ? `${path}?${all.join('&')}` : path;
}

function intParam(ctx: Ctx, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw err.validation(`Query parameter '${name}' must be a whole number of 0 or more, got '${raw}'.`);
  return Number(raw);
}

export function pageParams(ctx: Ctx): { start: number; size: number } {
  const start = intParam(ctx, 'start') ?? 0;
  let size = intParam(ctx, 'size') ?? ctx.config.paging.defaultSize;
  const max = ctx.config.paging.maxSize;
  if (size < 1) throw err.validation(`Query parameter 'size' must be at least 1.`);
  if (size > max) {
    if (ctx.config.paging.oversize === 'error') throw err.validation(`Query parameter 'size' may be at most ${max}, got ${size}.`);
    size = max;
  }
  return { start, size };
}

export interface Order {
  field: string;
  desc: boolean;
}

export function parseOrderby(ctx: Ctx, allowed: string[] | undefined): Order | undefined {
  const raw = ctx.query.get('orderby');
  if (raw === null || raw === '') return undefined;
  const desc = raw.endsWith('_desc');
  const field = desc ? raw.slice(0, -'_desc'.length) : raw;
  if (!allowed || !allowed.includes(field)) {
    const list = allowed && allowed.length > 0 ? allowed.map((f) => `${f}, ${f}_desc`).join(', ') : 'none';
    throw err.validation(`orderby '${raw}' is not supported here. Allowed: ${list}.`);
  }
  return { field, desc };
}

const collator = new Intl.Collator('nl');
/** Names sort like people read them; dates and numbers compare plainly (ISO dates sort as text). */
const NAME_FIELDS = new Set(['name', 'first_name', 'last_name', 'groupname']);

function compareKeys(a: SortKey, b: SortKey, byName: boolean): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (byName && typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return a < b ? -1 : 1;
}

function defaultKey(r: Rec, field: string): SortKey {
  const v = r[field];
  return v === undefined || typeof v === 'object' ? null : v;
}

function* filtered(ids: Iterable<number>, peek: (id: number) => Rec | undefined, test: (r: Rec) => boolean): Generator<number> {
  for (const id of ids) {
    const r = peek(id);
    if (r && test(r)) yield id;
  }
}

/**
 * Ids of the records to show, in order. In id order the walk is lazy: a page stops reading
 * once it is full, and without a filter only ids are walked, never the records before it.
 */
function orderedIds(ctx: Ctx, ids: Iterable<number>, peek: (id: number) => Rec | undefined, opts: ListOptions): Iterable<number> {
  const order = parseOrderby(ctx, opts.orderby);
  if (!order || (order.field === 'id' && !order.desc)) return opts.filter ? filtered(ids, peek, opts.filter) : ids;
  const keyOf = opts.key ?? defaultKey;
  const keyed: { id: number; key: SortKey }[] = [];
  for (const id of opts.filter ? filtered(ids, peek, opts.filter) : ids) {
    const r = peek(id);
    if (r) keyed.push({ id, key: keyOf(r, order.field) });
  }
  const sign = order.desc ? -1 : 1;
  const byName = NAME_FIELDS.has(order.field);
  keyed.sort((a, b) => sign * compareKeys(a.key, b.key, byName) || sign * (a.id - b.id));
  return keyed.map((k) => k.id);
}

/** Sorted lists are cached per data version and query (minus start/size). */
function cachedOrderedIds(ctx: Ctx, ids: Iterable<number>, peek: (id: number) => Rec | undefined, opts: ListOptions): Iterable<number> {
  const order = parseOrderby(ctx, opts.orderby);
  if (!opts.cacheKey || !order || (order.field === 'id' && !order.desc)) return orderedIds(ctx, ids, peek, opts);
  const key = `${opts.cacheKey}|${ctx.segments.join('/')}|${collectionHref(ctx)}`;
  const hit = sortedCache.get(key);
  if (hit) return hit;
  const list = [...orderedIds(ctx, ids, peek, opts)];
  sortedCache.set(key, list);
  if (sortedCache.size > SORTED_CACHE_SIZE) sortedCache.delete(sortedCache.keys().next().value ?? '');
  return list;
}

/** A paginated collection `{start, size, href, first, previous, next, items}`. */
export function pagedList(ctx: Ctx, ids: Iterable<number>, get: (id: number) => Rec | undefined, opts: ListOptions): JsonObject {
  const { start, size } = pageParams(ctx);
  const items: Json[] = [];
  let index = 0;
  let more = false;
  for (const id of cachedOrderedIds(ctx, ids, opts.peek ?? get, opts)) {
    if (index++ < start) continue;
    if (items.length === size) {
      more = true;
      break;
    }
    const r = get(id);
    if (r) items.push(opts.render(r));
  }
  return {
    start,
    size,
    href: collectionHref(ctx, start, size),
    first: collectionHref(ctx, 0, size),
    previous: start > 0 ? collectionHref(ctx, Math.max(0, start - size), size) : null,
    next: more ? collectionHref(ctx, start + size, size) : null,
    items,
  };
}

/** A paginated collection over records already in memory. */
export function pagedRecords(ctx: Ctx, records: Rec[], opts: ListOptions): JsonObject {
  const byId = new Map(records.map((r) => [r.id, r]));
  return pagedList(ctx, records.map((r) => r.id), (id) => byId.get(id), opts);
}

/** An unpaginated collection `{href, items}` (schemas without start/size). */
export function plainList(ctx: Ctx, records: Rec[], opts: ListOptions): JsonObject {
  const byId = new Map(records.map((r) => [r.id, r]));
  const ids = [...orderedIds(ctx, records.map((r) => r.id), (id) => byId.get(id), opts)];
  return {
    href: collectionHref(ctx),
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [opts.render(r)] : [];
    }),
  };
}

/** Comma separated `expand` values (a raw %2C arrives decoded). */
export function expandSet(ctx: Ctx): Set<string> {
  return new Set(
    (ctx.query.get('expand') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
