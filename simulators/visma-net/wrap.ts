// Unwraps value-wrapped main-API request bodies (reference/visma-net/README.md §4.1) into plain objects, rejecting what .NET would not bind.
import type { DtoSpec, FieldSpec, ScalarSpec } from './dto-spec';
import { isRecord } from './types';
import { normaliseDocumentDate } from './dates';

export interface UnwrapOptions {
  rejectNullForNonNullable: boolean;
  timeZoneOffsetMinutes: number;
}

export type Unwrapped = Record<string, unknown>;

export type UnwrapResult = { ok: true; value: Unwrapped; warnings: string[] } | { ok: false; error: string };

class BindError extends Error {}

const NET_TYPE: Record<string, string> = { str: 'String', num: 'Decimal', int: 'Int32', bool: 'Boolean', date: 'DateTime', uuid: 'Guid', any: 'Object' };

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function convertScalar(spec: ScalarSpec, v: unknown, path: string, o: UnwrapOptions): unknown {
  if (v === null || v === undefined) {
    const typeName = spec.kind === 'enum' ? 'enum' : NET_TYPE[spec.type];
    if (spec.strict && o.rejectNullForNonNullable) throw new BindError(`'${path}' cannot be null (non-nullable ${typeName})`);
    return null;
  }
  if (spec.kind === 'enum') {
    if (typeof v === 'number' && Number.isInteger(v) && spec.values[v] !== undefined) return spec.values[v];
    const hit = typeof v === 'string' ? spec.values.find((e) => e.toLowerCase() === v.toLowerCase()) : undefined;
    if (hit === undefined) throw new BindError(`'${path}' has value ${JSON.stringify(v)}, allowed: ${spec.values.join(', ')}`);
    return hit;
  }
  const bad = (): never => {
    throw new BindError(`'${path}' has ${describe(v)} that cannot be converted to ${NET_TYPE[spec.type]}`);
  };
  switch (spec.type) {
    case 'any':
      return v;
    case 'str':
      if (typeof v === 'string') return v === '' ? null : v; // "" clears a field [I]
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return bad();
    case 'num':
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim())) return Number(v);
      return bad();
    case 'int':
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
      return bad();
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (v === 0 || v === 1) return v === 1;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      return bad();
    case 'date': {
      if (typeof v !== 'string') return bad();
      if (v === '') return null;
      return normaliseDocumentDate(v, o.timeZoneOffsetMinutes) ?? bad();
    }
    case 'uuid':
      if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return v.toLowerCase();
      return bad();
  }
}

function unwrapField(spec: FieldSpec, v: unknown, path: string, o: UnwrapOptions, warnings: string[]): unknown {
  switch (spec.kind) {
    case 'plain':
      return convertScalar(spec.inner, v, path, o);
    case 'wrapped':
    case 'wrappedObj': {
      if (v === null) return null; // the whole wrapper null: treated like {value:null} [I]
      if (!isRecord(v) || !('value' in v)) {
        throw new BindError(`'${path}' must be wrapped as {"value": ...} but is ${describe(v)}`);
      }
      if (spec.kind === 'wrapped') return convertScalar(spec.inner, v.value, `${path}.value`, o);
      if (v.value === null) return null;
      if (!isRecord(v.value)) throw new BindError(`'${path}.value' must be an object but is ${describe(v.value)}`);
      return unwrapObject(spec.dto, v.value, `${path}.value`, o, warnings);
    }
    case 'plainObj':
      if (v === null) return null;
      if (!isRecord(v)) throw new BindError(`'${path}' must be an object but is ${describe(v)}`);
      return unwrapObject(spec.dto, v, path, o, warnings);
    case 'lines':
      if (v === null) return undefined; // null line collection: nothing to do
      if (!Array.isArray(v)) throw new BindError(`'${path}' must be an array (line arrays are not value-wrapped) but is ${describe(v)}`);
      return v.map((line, i) => {
        if (!isRecord(line)) throw new BindError(`'${path}[${i}]' must be an object but is ${describe(line)}`);
        return unwrapObject(spec.dto, line, `${path}[${i}]`, o, warnings);
      });
    case 'segments':
      if (v === null) return undefined;
      if (!Array.isArray(v)) throw new BindError(`'${path}' must be an array of {segmentId, segmentValue} but is ${describe(v)}`);
      return v.map((seg, i) => {
        if (!isRecord(seg)) throw new BindError(`'${path}[${i}]' must be an object but is ${describe(seg)}`);
        return {
          segmentId: convertScalar({ kind: 'scalar', type: 'int', strict: true }, seg.segmentId, `${path}[${i}].segmentId`, o),
          segmentValue: convertScalar({ kind: 'scalar', type: 'str', strict: false }, seg.segmentValue, `${path}[${i}].segmentValue`, o),
        };
      });
    case 'plainArr':
      if (v === null) return undefined;
      if (!Array.isArray(v)) throw new BindError(`'${path}' must be an array but is ${describe(v)}`);
      return v.map((x, i) => convertScalar(spec.inner, x, `${path}[${i}]`, o));
  }
}

function unwrapObject(spec: DtoSpec, body: Record<string, unknown>, prefix: string, o: UnwrapOptions, warnings: string[]): Unwrapped {
  const out: Unwrapped = {};
  for (const [key, raw] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${key}` : key;
    // .NET binds property names case-insensitively.
    const fieldName = key in spec.fields ? key : Object.keys(spec.fields).find((f) => f.toLowerCase() === key.toLowerCase());
    const field = fieldName === undefined ? undefined : spec.fields[fieldName];
    if (fieldName === undefined || field === undefined) {
      warnings.push(`Ignored unknown field '${path}' (not part of ${spec.name})`);
      continue;
    }
    const value = unwrapField(field, raw, path, o, warnings);
    if (value !== undefined) out[fieldName] = value;
  }
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Binds `body` to `spec`; on failure the error text mimics "Data received not recognized as XxxDto". */
export function unwrapBody(spec: DtoSpec, body: unknown, o: UnwrapOptions): UnwrapResult {
  if (!isRecord(body)) {
    return { ok: false, error: `Data received not recognized as ${spec.name}. Value cannot be null. Parameter name: ${lowerFirst(spec.name)}` };
  }
  const warnings: string[] = [];
  try {
    return { ok: true, value: unwrapObject(spec, body, '', o, warnings), warnings };
  } catch (e) {
    if (e instanceof BindError) return { ok: false, error: `Data received not recognized as ${spec.name}: ${e.message}.` };
    throw e;
  }
}
