// Paging: main API `pageNumber`/`pageSize` + `metadata` (reference/visma-net/README.md §5.1) and V3 `pageIndex`/`pageSize`/`nextPage` (§5.2).
import type { LazyCollection } from './collection';
import { queryGetCi } from './dates';
import type { SimConfig } from './options';

export interface MainPage {
  pageNumber: number;
  pageSize: number;
  maxPageSize: number;
}

function parseIntParam(raw: string | null): number | undefined | 'invalid' {
  if (raw === null || raw === '') return undefined;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : 'invalid';
}

export function maxPageSizeFor(resource: string, config: SimConfig): number {
  return config.maxPageSize[resource] ?? config.maxPageSize.default ?? 1000;
}

/** A `pageSize` above the maximum is silently clamped [C S1]; non-numbers and values < 1 give 400 [I]. */
export function parseMainPaging(query: URLSearchParams, resource: string, config: SimConfig): { ok: true; page: MainPage } | { ok: false; error: string } {
  const maxPageSize = maxPageSizeFor(resource, config);
  const pn = parseIntParam(queryGetCi(query, 'pageNumber'));
  const ps = parseIntParam(queryGetCi(query, 'pageSize'));
  if (pn === 'invalid' || ps === 'invalid') return { ok: false, error: 'The request is invalid. pageNumber and pageSize must be whole numbers.' };
  if ((pn !== undefined && pn < 1) || (ps !== undefined && ps < 1)) {
    return { ok: false, error: 'The request is invalid. pageNumber and pageSize must be 1 or higher (pageNumber is 1-based).' };
  }
  return { ok: true, page: { pageNumber: pn ?? 1, pageSize: Math.min(ps ?? config.defaultPageSize, maxPageSize), maxPageSize } };
}

const matchCache = new Map<string, number[]>();
const MATCH_CACHE_SIZE = 4;

/**
 * Counts all matches and materialises only the requested window; unfiltered pages generate only their own records.
 * With `cacheKey` (naming the collection, its version and the filter) the matching indexes of a filtered list are
 * kept, so the next pages of the same query do not test every record again.
 */
export function pageCollection<T>(coll: LazyCollection<T>, pred: ((r: T) => boolean) | undefined, skip: number, take: number, cacheKey?: string): { total: number; items: T[] } {
  const items: T[] = [];
  if (!pred) {
    if (take > 0) {
      for (const i of coll.liveIndexesFrom(skip)) {
        const r = coll.get(i);
        if (r !== undefined) items.push(r);
        if (items.length >= take) break;
      }
    }
    return { total: coll.size, items };
  }
  const key = cacheKey === undefined ? undefined : `${coll.uid}.${coll.version}|${cacheKey}`;
  const cached = key === undefined ? undefined : matchCache.get(key);
  if (cached) {
    for (const i of cached.slice(skip, skip + take)) {
      const r = coll.get(i);
      if (r !== undefined) items.push(r);
    }
    return { total: cached.length, items };
  }
  const matches: number[] = [];
  for (const [i, r] of coll.entries()) {
    if (!pred(r)) continue;
    if (matches.length >= skip && items.length < take) items.push(r);
    matches.push(i);
  }
  if (key !== undefined) {
    matchCache.set(key, matches);
    if (matchCache.size > MATCH_CACHE_SIZE) matchCache.delete(matchCache.keys().next().value ?? '');
  }
  return { total: matches.length, items };
}

export function pageArray<T>(all: T[], skip: number, take: number): T[] {
  return all.slice(skip, skip + take);
}

/** Every list element carries `metadata: {totalCount, maxPageSize}` [C S2, S3]. */
export function withMetadata(items: Record<string, unknown>[], totalCount: number, maxPageSize: number): Record<string, unknown>[] {
  return items.map((it) => ({ ...it, metadata: { totalCount, maxPageSize } }));
}

export interface V3Page {
  pageIndex: number;
  pageSize: number;
}

/** V3: `pageIndex` is 0-based; out-of-range paging gives 400 [C S5 "paging/filter out of range"; limits I]. */
export function parseV3Paging(query: URLSearchParams, defaultSize: number, maxSize: number): { ok: true; page: V3Page } | { ok: false; property: string; message: string } {
  const pi = parseIntParam(queryGetCi(query, 'pageIndex'));
  const ps = parseIntParam(queryGetCi(query, 'pageSize'));
  if (pi === 'invalid' || (pi !== undefined && pi < 0)) return { ok: false, property: 'pageIndex', message: 'pageIndex must be a whole number of 0 or higher (it is 0-based).' };
  if (ps === 'invalid' || (ps !== undefined && (ps < 1 || ps > maxSize))) {
    return { ok: false, property: 'pageSize', message: `pageSize must be between 1 and ${maxSize}.` };
  }
  return { ok: true, page: { pageIndex: pi ?? 0, pageSize: ps ?? defaultSize } };
}

/** `nextPage` is the same URL with `pageIndex + 1`, or null on the last page. */
export function v3NextPage(baseUrl: string, path: string, query: URLSearchParams, page: V3Page, total: number): string | null {
  if ((page.pageIndex + 1) * page.pageSize >= total) return null;
  const q = new URLSearchParams();
  for (const [k, v] of query) if (k.toLowerCase() !== 'pageindex' && k.toLowerCase() !== 'pagesize') q.append(k, v);
  q.set('pageSize', String(page.pageSize));
  q.set('pageIndex', String(page.pageIndex + 1));
  return `${baseUrl}${path}?${q.toString()}`;
}

export function v3Paged<T>(value: T[], total: number, nextPage: string | null): { value: T[]; totalCount: number; nextPage: string | null } {
  return { value, totalCount: total, nextPage };
}
