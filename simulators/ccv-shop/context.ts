// What a resource handler gets for one API request, and what it returns.
import type { SimConfig } from './config';
import type { Json, JsonObject } from './json';
import type { SimState } from './state';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Ctx {
  state: SimState;
  config: SimConfig;
  now(): number;
  method: Method;
  /** Path segments after /api/rest/v1/, e.g. ['products', '5', 'productphotos']. */
  segments: string[];
  /** Numeric ids matched by the route's `:id` parts, in order. */
  ids: number[];
  query: URLSearchParams;
  /** The query string exactly as received (no leading '?'). */
  rawQuery: string;
  body: Json | undefined;
  /** http://host:port of this simulator as the client addressed it. */
  base: string;
  /** base + '/api/rest/v1/'. */
  api: string;
  /** Queue a webhook event; delivery happens after the response. */
  emit(event: string, payload: JsonObject): void;
}

export interface Result {
  status: number;
  body?: Json;
}

export type Handler = (ctx: Ctx) => Result;

export interface Route {
  method: Method;
  /** Path after /api/rest/v1/ without slashes at the ends; `:id` matches one id segment. */
  pattern: string;
  handler: Handler;
}

export const ok = (body: Json): Result => ({ status: 200, body });
export const created = (body: Json): Result => ({ status: 201, body });
export const noContent = (): Result => ({ status: 204 });

/** Absolute href of a resource or sub-collection, always with a trailing slash. */
export function href(ctx: Pick<Ctx, 'api'>, ...parts: (string | number)[]): string {
  return `${ctx.api}${parts.join('/')}/`;
}

/** The id of the n-th `:id` of the route. */
export function idAt(ctx: Ctx, n = 0): number {
  const id = ctx.ids[n];
  if (id === undefined) throw new Error(`route has no id #${n}`);
  return id;
}
