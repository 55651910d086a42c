import { z } from 'zod';
import type { Json, JsonObject } from './json';
import { isJsonObject } from './json';
import type { Item } from './types';

/**
 * Reserved key inside `item.json` for what travels with a record but is not record data: create-only fields
 * set by the mapper, the reason a record failed. Writing nodes strip it (`stripMeta`) before sending.
 */
export const META_KEY = '__koppel';

export const itemErrorSchema = z.looseObject({
  message: z.string(),
  nodeId: z.string().optional(),
  field: z.string().optional(),
});
export type ItemError = z.infer<typeof itemErrorSchema>;

export const itemMetaSchema = z.looseObject({
  /** Target fields that are written only when the record is created, never on a later update. */
  createOnly: z.array(z.string()).optional(),
  /** Why the record failed, set when it travels on an `error` port. */
  error: itemErrorSchema.optional(),
  /**
   * Where the record was read: the shop (its address) and the prefix its order numbers get in other systems, so
   * orders of several shops booked into one administration keep apart.
   */
  origin: z.looseObject({ shop: z.string(), referencePrefix: z.string() }).optional(),
});
export type ItemMeta = z.infer<typeof itemMetaSchema>;

/** The metadata of an item; unreadable metadata counts as none. */
export function itemMeta(item: Item): ItemMeta {
  const parsed = itemMetaSchema.safeParse(item.json[META_KEY]);
  return parsed.success ? parsed.data : {};
}

function metaToJson(meta: ItemMeta): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(meta)) {
    const j = toJsonValue(v);
    if (j !== undefined) out[k] = j;
  }
  return out;
}

function toJsonValue(value: unknown): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v) ?? null);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJsonValue(v);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return undefined;
}

/** A new item with metadata merged in (items are shared between branches, so never mutate). */
export function withMeta(item: Item, patch: ItemMeta): Item {
  const meta = { ...itemMeta(item), ...patch };
  return { key: item.key, json: { ...item.json, [META_KEY]: metaToJson(meta) } };
}

/**
 * The record a step passes on, with the origin of the record it was made from: a step that builds a new record
 * (a data mapper, a writing step adding what it wrote) keeps where the record came from.
 */
export function keepOrigin(from: Item, to: Item): Item {
  const origin = itemMeta(from).origin;
  if (origin === undefined || itemMeta(to).origin !== undefined) return to;
  return withMeta(to, { origin });
}

/** The item as it goes to an `error` port: the record unchanged plus the reason. */
export function failItem(item: Item, message: string, where: { nodeId: string; field?: string }): Item {
  const error: ItemError = { message, nodeId: where.nodeId };
  if (where.field !== undefined) error.field = where.field;
  return withMeta(item, { error });
}

/** Fast check (no parsing) for the executor's hot path. */
export function hasItemError(item: Item): boolean {
  const meta = item.json[META_KEY];
  return isJsonObject(meta) && meta.error !== undefined;
}

export function itemError(item: Item): ItemError | undefined {
  return itemMeta(item).error;
}

/** The record data without Koppel's metadata: what a writing node sends. */
export function stripMeta(json: JsonObject): JsonObject {
  if (!(META_KEY in json)) return json;
  const { [META_KEY]: _meta, ...rest } = json;
  return rest;
}

export function isMetaKey(key: string): boolean {
  return key === META_KEY;
}

export { isJsonObject };
