import { formatLocalDateTime } from './dates';

/**
 * How one field of a main-API `*UpdateDto` goes on the wire (reference/visma-net/README.md §4.1):
 * - `'value'` (default): `{"value": x}`; an object becomes `{"value": {…its fields wrapped…}}`.
 * - `'raw'`: sent as is (line `operation`, `overrideWithClassValues`, subaccount segment arrays, ids).
 * - `'inline'`: an object that is not wrapped itself but whose fields are (`packaging`, `intrastat`, `rotRutDetails`).
 * - `{ fields }`: like `'value'` with rules for the nested fields; on an array, the rules of each element.
 * - `{ inline: true, fields }`: like `'inline'` with rules for the nested fields.
 * Arrays are never wrapped: each object element has its fields wrapped (line arrays).
 */
export type FieldRule = 'value' | 'raw' | 'inline' | { readonly inline?: boolean; readonly fields: WrapSpec };
export type WrapSpec = { readonly [field: string]: FieldRule };

export interface WrapOptions {
  /** `null` becomes `{"value": null}` ("clear this field") instead of being left out. Default: left out. */
  sendNulls?: boolean;
  /** How `Date` values are written; default local time without offset (reference/visma-net/README.md §4.6). */
  timeZone?: 'local' | 'utc';
}

type Plain = { readonly [key: string]: unknown };

/**
 * Turns a plain object into a value-wrapped request body:
 * `{name:'X', address:{city:'Y'}, lines:[{operation:'Insert', quantity:2}]}` →
 * `{"name":{"value":"X"},"address":{"value":{"city":{"value":"Y"}}},"lines":[{"operation":"Insert","quantity":{"value":2}}]}`.
 * `undefined` fields are left out; empty strings are kept (they clear a field).
 */
export function wrap(plain: Plain, spec: WrapSpec = {}, options: WrapOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plain)) {
    if (value === undefined) continue;
    const rule = spec[key] ?? defaultRule(key, value);
    if (value === null) {
      if (options.sendNulls && rule !== 'raw') out[key] = { value: null };
      else if (options.sendNulls) out[key] = null;
      continue;
    }
    out[key] = wrapField(value, rule, options);
  }
  return out;
}

function defaultRule(key: string, value: unknown): FieldRule {
  if (key === 'operation') return 'raw';
  if (Array.isArray(value) && value.length > 0 && value.every((v) => isObject(v) && 'segmentId' in v)) return 'raw';
  return 'value';
}

function wrapField(value: unknown, rule: FieldRule, options: WrapOptions): unknown {
  if (rule === 'raw') return scalar(value, options);
  const fields = typeof rule === 'object' ? rule.fields : {};
  const inline = rule === 'inline' || (typeof rule === 'object' && rule.inline === true);
  if (Array.isArray(value)) {
    return value.map((element) => (isObject(element) ? wrap(element, fields, options) : scalar(element, options)));
  }
  if (isObject(value)) {
    const inner = wrap(value, fields, options);
    return inline ? inner : { value: inner };
  }
  return { value: scalar(value, options) };
}

function scalar(value: unknown, options: WrapOptions): unknown {
  if (value instanceof Date) return formatLocalDateTime(value, options.timeZone ?? 'local');
  if (Array.isArray(value)) return value.map((v) => scalar(v, options));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = scalar(v, options);
    return out;
  }
  return value;
}

function isObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The inverse of `wrap`: `{"value": x}` objects become `x`, everything else is walked.
 * Used for dry-run diffs and logs of what was sent.
 */
export function unwrap(wrapped: unknown): unknown {
  if (Array.isArray(wrapped)) return wrapped.map(unwrap);
  if (!isObject(wrapped)) return wrapped;
  const keys = Object.keys(wrapped);
  if (keys.length === 1 && keys[0] === 'value') return unwrap(wrapped['value']);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = unwrap(wrapped[key]);
  return out;
}
