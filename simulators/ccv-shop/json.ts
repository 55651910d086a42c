// JSON value types and small typed accessors, so records can be read without casts.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** A stored resource: a JSON object with a numeric id. */
export interface Rec extends JsonObject {
  id: number;
}

const jsonSchema = z.json();

/** True when every number in the value is finite (JSON.parse turns 1e400 into Infinity, which is not JSON data). */
function finite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (!finite(x)) return false;
    return true;
  }
  for (const k in v) if (!finite(Reflect.get(v, k))) return false;
  return true;
}

/**
 * Parse text as JSON and check that it is plain JSON data (throws SyntaxError or ZodError). JSON.parse only makes
 * JSON values, so the full schema check runs only when a number overflowed (it then names the offending place).
 */
export function parseJson(text: string): Json {
  const v: Json = JSON.parse(text);
  return finite(v) ? v : jsonSchema.parse(v);
}

export function isObj(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function num(o: JsonObject, k: string): number | undefined {
  const v = o[k];
  return typeof v === 'number' ? v : undefined;
}

export function str(o: JsonObject, k: string): string | undefined {
  const v = o[k];
  return typeof v === 'string' ? v : undefined;
}

export function bool(o: JsonObject, k: string): boolean | undefined {
  const v = o[k];
  return typeof v === 'boolean' ? v : undefined;
}

export function obj(o: JsonObject, k: string): JsonObject | undefined {
  const v = o[k];
  return isObj(v) ? v : undefined;
}

export function arr(o: JsonObject, k: string): Json[] | undefined {
  const v = o[k];
  return Array.isArray(v) ? v : undefined;
}

/** Ids may arrive as numbers or numeric strings (CCV returned `user.id` as a string once). */
export function idOf(v: Json | undefined): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

/** Deep copy of JSON data (records handed out must not alias the store). */
export function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** Euro amount from integer cents, as a JSON number (19.95, not "19.95"). */
export function eur(cents: number): number {
  return Math.round(cents) / 100;
}

/** Integer cents from a euro amount. */
export function cents(amount: number): number {
  return Math.round(amount * 100);
}
