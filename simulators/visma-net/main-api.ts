// Helpers shared by the main-API resource handlers: binding, create/update answers, ETags, list paging and filters.
import type { LazyCollection } from './collection';
import { dateFilter, queryGetCi } from './dates';
import type { DtoSpec } from './dto-spec';
import { messageError } from './errors';
import { etagHeader, ifMatchAccepts } from './etag';
import { pageCollection, parseMainPaging, withMetadata } from './paging';
import { INVALID_JSON, type SimContext, type SimRequest, type SimResponse } from './types';
import { unwrapBody, type Unwrapped } from './wrap';

export function q(req: SimRequest, name: string): string | undefined {
  const v = queryGetCi(req.query, name);
  return v === null || v === '' ? undefined : v;
}

/** Binds a value-wrapped body; gives the 400 `{message}` answer when it does not bind. */
export function bind(req: SimRequest, ctx: SimContext, spec: DtoSpec): { ok: true; value: Unwrapped } | { ok: false; res: SimResponse } {
  if (req.body === INVALID_JSON) return { ok: false, res: messageError(400, `Data received not recognized as ${spec.name}. The body is not valid JSON.`) };
  const type = req.headers['content-type'];
  if (req.rawBody.length > 0 && !/json/i.test(type ?? '')) {
    return { ok: false, res: { status: 415, json: { message: `The request entity's media type '${type ?? ''}' is not supported for this resource. Send Content-Type: application/json.` } } };
  }
  const r = unwrapBody(spec, req.body, { rejectNullForNonNullable: ctx.config.rejectNullForNonNullable, timeZoneOffsetMinutes: ctx.config.timeZoneOffsetMinutes });
  if (!r.ok) return { ok: false, res: messageError(400, r.error) };
  req.warnings.push(...r.warnings);
  return { ok: true, value: r.value };
}

export function etag(ctx: SimContext, version: string): Record<string, string> {
  return { ETag: etagHeader(version, ctx.config.quoteEtag) };
}

/** 201, empty body, `Location: <base>/<path>` and the new ETag [C S1, S11]. */
export function created(ctx: SimContext, path: string, version?: string): SimResponse {
  return { status: 201, headers: { Location: `${ctx.baseUrl}${path}`, ...(version ? etag(ctx, version) : {}) } };
}

export function noContent(ctx: SimContext, version?: string): SimResponse {
  return { status: 204, headers: version ? etag(ctx, version) : {} };
}

export function ok(json: unknown, headers?: Record<string, string>): SimResponse {
  return { status: 200, json, ...(headers ? { headers } : {}) };
}

/** Main API: If-Match is optional; a stale one gives 412 [C S9, S11]. */
export function checkIfMatch(req: SimRequest, version: string, what: string): SimResponse | undefined {
  const h = req.headers['if-match'];
  if (h === undefined || h === '') return undefined;
  return ifMatchAccepts(h, version) ? undefined : messageError(412, `${what} was changed by someone else (ETag no longer matches If-Match). Read it again and reapply your change.`);
}

/** Path segment of an id in a Location header: b64() when it holds characters that break a path (reference/visma-net/README.md §4.4). */
export function idSegment(id: string): string {
  return /^[A-Za-z0-9._~-]+$/.test(id) ? id : `b64(${Buffer.from(id, 'utf8').toString('base64url')})`;
}

export type Pred<T> = (r: T) => boolean;

/** Combines the `*DateTime` + `*Condition` filters named in `names`; `get` reads the record's stamp for a name. */
export function dateFilters<T>(req: SimRequest, ctx: SimContext, names: string[], get: (r: T, name: string) => string | null | undefined): { ok: true; preds: Pred<T>[] } | { ok: false; res: SimResponse } {
  const preds: Pred<T>[] = [];
  for (const name of names) {
    const f = dateFilter(req.query, name, ctx.config.timeZoneOffsetMinutes);
    if (!f.ok) return { ok: false, res: messageError(400, f.error) };
    const test = f.test;
    if (test) preds.push((r) => test(get(r, name)));
  }
  return { ok: true, preds };
}

export function all<T>(preds: Pred<T>[]): Pred<T> | undefined {
  return preds.length === 0 ? undefined : (r) => preds.every((p) => p(r));
}

/** What a list's filter depends on: the path, the query without paging, and the configuration. */
function filterKey(req: SimRequest, ctx: SimContext): string {
  const parts: string[] = [];
  for (const [k, v] of req.query) {
    const lower = k.toLowerCase();
    if (lower !== 'pagenumber' && lower !== 'pagesize') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return `${req.path.toLowerCase()}?${parts.join('&')}|${JSON.stringify(ctx.config)}`;
}

/** A paged list with `metadata` on every element. */
export function pagedList<T>(req: SimRequest, ctx: SimContext, resource: string, coll: LazyCollection<T>, preds: Pred<T>[], render: (r: T) => Record<string, unknown>): SimResponse {
  const p = parseMainPaging(req.query, resource, ctx.config);
  if (!p.ok) return messageError(400, p.error);
  const { pageNumber, pageSize, maxPageSize } = p.page;
  const { total, items } = pageCollection(coll, all(preds), (pageNumber - 1) * pageSize, pageSize, preds.length > 0 ? filterKey(req, ctx) : undefined);
  return ok(withMetadata(items.map(render), total, maxPageSize));
}

/** A paged list over a static array. */
export function pagedArray(req: SimRequest, ctx: SimContext, resource: string, rows: Record<string, unknown>[], withMeta = true): SimResponse {
  const p = parseMainPaging(req.query, resource, ctx.config);
  if (!p.ok) return messageError(400, p.error);
  const { pageNumber, pageSize, maxPageSize } = p.page;
  const page = rows.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return ok(withMeta ? withMetadata(page, rows.length, maxPageSize) : page);
}

export function eqCi(a: string | null | undefined, b: string | undefined): boolean {
  return b === undefined || (a ?? '').toLowerCase() === b.toLowerCase();
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

export function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}
