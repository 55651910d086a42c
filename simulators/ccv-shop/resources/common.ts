// Helpers shared by the resource handlers.
import type { Ctx } from '../context';
import { href } from '../context';
import { err } from '../errors';
import { isoSeconds } from '../hmac';
import type { Json, JsonObject, Rec } from '../json';
import type { ChildTable, RootTable } from '../table';
import { validateBody } from '../validate';

/** The record with this id, or the configured unknown-id error (500.24 or 404). */
export function need(ctx: Ctx, table: RootTable | ChildTable, id: number, resource = table.name): Rec {
  const r = table.get(id);
  if (!r) throw err.unknownId(ctx.config.unknownIdMode, resource, id);
  return r;
}

export function nowIso(ctx: Ctx): string {
  return isoSeconds(ctx.now());
}

export function body(ctx: Ctx, def: string): JsonObject {
  const path = `/api/rest/v1/${ctx.segments.map((s) => (/^\d+$/.test(s) ? ':id' : s)).join('/')}/`;
  return validateBody(def, ctx.body, ctx.config.strictBodies, `${ctx.method} ${path}`);
}

/** A child link: `{href}`, plus `collection` when expanded (or always, if configured). */
export function childLink(ctx: Ctx, url: string, expanded: boolean, items: () => Json[]): JsonObject {
  if (expanded) return { href: url, collection: items() };
  return ctx.config.unexpandedCollection === 'empty' ? { href: url, collection: [] } : { href: url };
}

/** Update modifydate of a product; child writes count as product changes [I]. */
export function touchProduct(ctx: Ctx, productId: number): void {
  const p = ctx.state.products.get(productId);
  if (p) ctx.state.products.update({ ...p, modifydate: nowIso(ctx) });
}

/** A referenced record must exist; the message names the field and where to look. */
export function needRef(ctx: Ctx, table: RootTable, id: number | null | undefined, field: string): void {
  if (id === null || id === undefined) return;
  if (!table.has(id)) {
    throw err.validation(`Field '${field}': ${table.name} ${id} does not exist. Use an id from GET /api/rest/v1/${table.name}/.`);
  }
}

/** Copy the keys of a validated body that a record stores under the same name. */
export function assignFields(target: JsonObject, source: JsonObject, keys: readonly string[]): void {
  for (const k of keys) {
    const v = source[k];
    if (v !== undefined) target[k] = v;
  }
}

/** Summary body of a webhook for a resource (reference/ccv-shop/README.md §7; only orders have captured samples). */
export function hookSummary(ctx: Ctx, resource: string, id: number, extra: JsonObject = {}): JsonObject {
  // Captured webhook hrefs have no trailing slash, unlike REST hrefs.
  return { triggered_at: nowIso(ctx), href: href(ctx, resource, id).replace(/\/$/, ''), id, ...extra };
}

export function parseBoolParam(ctx: Ctx, name: string): boolean | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw err.validation(`Query parameter '${name}' must be true or false, got '${v}'.`);
}

export function parseNumParam(ctx: Ctx, name: string): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw err.validation(`Query parameter '${name}' must be a number, got '${v}'.`);
  return n;
}
