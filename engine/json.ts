import { z } from 'zod';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonSchema), z.record(z.string(), jsonSchema)]),
);
export const jsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), jsonSchema);

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Connector answers (zod-parsed, loose) as plain JSON for a record: `undefined`, functions and non-finite numbers
 * are left out, dates become ISO text. Walks the value instead of casting it.
 */
export function toJsonValue(value: unknown): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) {
    const out: Json[] = new Array<Json>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toJsonValue(value[i]) ?? null;
    return out;
  }
  if (typeof value === 'object') {
    // A plain loop: this walks every record read from Visma.net, so no arrays of entries on the way.
    const out: JsonObject = {};
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const j = toJsonValue(Reflect.get(value, k));
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return undefined;
}

/** A record as a JSON object; anything that is not an object becomes `{}`. */
export function toJsonRecord(value: unknown): JsonObject {
  const j = toJsonValue(value);
  return isJsonObject(j) ? j : {};
}

/** Text of a string or number field, trimmed; undefined when empty or absent. */
export function textOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A finite number, also from numeric text ("12.5"). */
export function numberOf(value: Json | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
