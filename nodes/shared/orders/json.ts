import { isJsonObject } from '../../../engine';
import type { Json, JsonObject } from '../../../engine';

/** Parsed API payloads are plain data but not typed as Json; this copies them into Json, dropping `undefined`. */
export function toJson(value: unknown): Json | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJson(v) ?? null);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJson(v);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  return undefined;
}

export function toJsonObject(value: unknown): JsonObject {
  const j = toJson(value);
  return isJsonObject(j) ? j : {};
}

/** Text of a Json value when it is text or a number; otherwise undefined. */
export function jsonText(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
