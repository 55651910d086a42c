import type { FlowDocument } from '../../host/contract';

/** JSON values as the flow schema defines them (derived from the contract so the two never drift). */
export type JsonObject = FlowDocument['nodes'][number]['params'];
export type Json = JsonObject[string];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isJson(value: unknown): value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.values(value).every(isJson);
  return false;
}

/** Reads a string property of a loosely typed object (JSON Schema, samples). */
export function readString(obj: unknown, key: string): string | undefined {
  if (!isJsonObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function readNumber(obj: unknown, key: string): number | undefined {
  if (!isJsonObject(obj)) return undefined;
  const v = obj[key];
  return typeof v === 'number' ? v : undefined;
}

export function readObject(obj: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(obj)) return undefined;
  const v = obj[key];
  return isJsonObject(v) ? v : undefined;
}

export function readArray(obj: unknown, key: string): Json[] | undefined {
  if (!isJsonObject(obj)) return undefined;
  const v = obj[key];
  return Array.isArray(v) ? v : undefined;
}

/** Compact one-line rendering of a value for tables and logs. */
export function formatValue(value: Json | undefined, max = 200): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
