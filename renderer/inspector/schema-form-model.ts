import { isJsonObject, readArray, readNumber, readObject, readString } from '../lib/json';
import type { Json, JsonObject } from '../lib/json';
import { WIDGETS, type Widget as ContractWidget } from '../../host/contract';

/**
 * JSON Schema (as the host produces it from each node's zod params with `.meta({ ui })`) → field descriptors
 * the inspector renders. Pure, so it is tested without a DOM.
 */
/** The controls a field can have: the contract's widgets (one list, engine/flow/ui-hints.ts) but `hidden`. */
export type Widget = Exclude<ContractWidget, 'hidden'>;

export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'unknown';

export interface FieldOption {
  value: string;
  label: string;
  raw: Json;
}

export interface FieldDescriptor {
  key: string;
  title: string;
  description?: string;
  required: boolean;
  nullable: boolean;
  widget: Widget;
  valueType: ValueType;
  default?: Json;
  options?: FieldOption[];
  /** An option kind (contract `optionKindSchema`) loaded live from the connection bound to the node's slot. */
  optionsFrom?: string;
  minimum?: number;
  maximum?: number;
  placeholder?: string;
  /** Row fields of table, mapper and conditions widgets; sub-fields of a group. */
  fields?: FieldDescriptor[];
  /** Value field of a key/value table. */
  valueField?: FieldDescriptor;
  /** Item field of a list of plain values. */
  itemField?: FieldDescriptor;
}

const isWidget = (w: string | undefined): w is Widget => w !== undefined && w !== 'hidden' && WIDGETS.some((x) => x === w);

/** 'salesOrderType' → 'Sales order type' for fields that carry no title. */
export function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function resolveRef(schema: JsonObject, root: JsonObject, depth = 0): JsonObject {
  const ref = readString(schema, '$ref');
  if (!ref || depth > 20 || !ref.startsWith('#/')) return schema;
  let cur: Json = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isJsonObject(cur)) return schema;
    const next: Json | undefined = cur[key];
    if (next === undefined) return schema;
    cur = next;
  }
  if (!isJsonObject(cur)) return schema;
  const { $ref: _ref, ...rest } = schema;
  return { ...resolveRef(cur, root, depth + 1), ...rest };
}

interface Shape {
  schema: JsonObject;
  types: ValueType[];
  nullable: boolean;
  enumValues?: Json[];
}

/** Collapses `type: [..., 'null']`, `anyOf`/`oneOf` with null, and unions of constants into one shape. */
function shapeOf(input: JsonObject, root: JsonObject): Shape {
  const schema = resolveRef(input, root);
  const branches = readArray(schema, 'anyOf') ?? readArray(schema, 'oneOf');
  if (branches) {
    const objs = branches.filter(isJsonObject).map((b) => resolveRef(b, root));
    const nonNull = objs.filter((b) => readString(b, 'type') !== 'null');
    const nullable = nonNull.length < objs.length;
    const constants = nonNull.map((b) => (b.const !== undefined ? [b.const] : readArray(b, 'enum')));
    if (nonNull.length > 0 && constants.every((c) => c !== undefined)) {
      const values = constants.flatMap((c) => c ?? []);
      const { anyOf: _a, oneOf: _o, ...rest } = schema;
      return { schema: rest, types: [typeOfConst(values)], nullable, enumValues: values };
    }
    const first = nonNull[0];
    if (nonNull.length === 1 && first) {
      const { anyOf: _a, oneOf: _o, ...rest } = schema;
      const inner = shapeOf({ ...first, ...rest }, root);
      return { ...inner, nullable: inner.nullable || nullable };
    }
    return { schema, types: ['unknown'], nullable };
  }
  const raw = schema.type;
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
  const nullable = list.includes('null');
  const types = list.filter((t) => t !== 'null').map(toValueType);
  const enumValues = readArray(schema, 'enum') ?? (schema.const !== undefined ? [schema.const] : undefined);
  return { schema, types: types.length > 0 ? types : [enumValues ? typeOfConst(enumValues) : 'unknown'], nullable, enumValues };
}

function toValueType(t: string): ValueType {
  switch (t) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'array':
    case 'object':
      return t;
    default:
      return 'unknown';
  }
}

function typeOfConst(values: readonly Json[]): ValueType {
  if (values.every((v) => typeof v === 'string')) return 'string';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'unknown';
}

function optionsFromUi(ui: JsonObject | undefined): FieldOption[] | undefined {
  const list = readArray(ui, 'options');
  if (!list) return undefined;
  const out: FieldOption[] = [];
  for (const o of list) {
    if (typeof o === 'string' || typeof o === 'number') out.push({ value: String(o), label: String(o), raw: o });
    else if (isJsonObject(o) && o.value !== undefined) {
      const value = o.value;
      out.push({ value: String(value), label: readString(o, 'label') ?? String(value), raw: value });
    }
  }
  return out;
}

/** One property schema → its descriptor. */
export function describeField(key: string, input: JsonObject, required: boolean, root: JsonObject): FieldDescriptor {
  const { schema, types, nullable, enumValues } = shapeOf(input, root);
  const ui = readObject(schema, 'ui');
  const valueType = types[0] ?? 'unknown';
  const field: FieldDescriptor = {
    key,
    title: readString(schema, 'title') ?? humanise(key),
    required,
    nullable,
    widget: 'json',
    valueType,
  };
  const description = readString(schema, 'description');
  if (description) field.description = description;
  if (schema.default !== undefined) field.default = schema.default;
  const placeholder = readString(ui, 'placeholder');
  if (placeholder) field.placeholder = placeholder;
  const min = readNumber(schema, 'minimum') ?? readNumber(schema, 'exclusiveMinimum');
  const max = readNumber(schema, 'maximum') ?? readNumber(schema, 'exclusiveMaximum');
  // zod writes ±MAX_SAFE_INTEGER for plain `.int()`: not a limit a person needs to see.
  if (min !== undefined && Math.abs(min) < Number.MAX_SAFE_INTEGER) field.minimum = min;
  if (max !== undefined && Math.abs(max) < Number.MAX_SAFE_INTEGER) field.maximum = max;
  const optionsFrom = readString(ui, 'optionsFrom');
  if (optionsFrom) field.optionsFrom = optionsFrom;
  const options = optionsFromUi(ui) ?? enumValues?.map((v) => ({ value: String(v), label: String(v), raw: v }));
  if (options) field.options = options;

  if (valueType === 'array') {
    const items = readObject(schema, 'items');
    const itemShape = items ? shapeOf(items, root) : undefined;
    if (items && itemShape && itemShape.types[0] === 'object') field.fields = describeObject(itemShape.schema, root);
    else if (items) field.itemField = describeField('item', items, true, root);
  }
  if (valueType === 'object') {
    const props = readObject(schema, 'properties');
    const additional = readObject(schema, 'additionalProperties');
    if (props && Object.keys(props).length > 0) field.fields = describeObject(schema, root);
    else if (additional) field.valueField = describeField('value', additional, true, root);
  }
  field.widget = pickWidget(readString(ui, 'widget'), field, readString(schema, 'format'));
  return field;
}

function pickWidget(hint: string | undefined, f: FieldDescriptor, format: string | undefined): Widget {
  if (isWidget(hint)) return hint;
  if (f.optionsFrom || f.options) return 'select';
  switch (f.valueType) {
    case 'boolean':
      return 'toggle';
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
      return format === 'textarea' ? 'textarea' : 'text';
    case 'array':
      return f.fields ? 'table' : f.itemField ? 'list' : 'json';
    case 'object':
      return f.fields ? 'group' : f.valueField ? 'keyvalue' : 'json';
    default:
      return 'json';
  }
}

/** The properties of an object schema, in schema order. */
export function describeObject(schema: JsonObject, root: JsonObject = schema): FieldDescriptor[] {
  const resolved = resolveRef(schema, root);
  const props = readObject(resolved, 'properties') ?? {};
  const required = new Set((readArray(resolved, 'required') ?? []).filter((r): r is string => typeof r === 'string'));
  const out: FieldDescriptor[] = [];
  for (const [key, prop] of Object.entries(props)) {
    if (!isJsonObject(prop)) continue;
    if (readString(readObject(prop, 'ui'), 'widget') === 'hidden') continue;
    out.push(describeField(key, prop, required.has(key), root));
  }
  return out;
}

/** A node's params schema → its form. */
export function describeSchema(paramsSchema: JsonObject): FieldDescriptor[] {
  return describeObject(paramsSchema, paramsSchema);
}

/** The value a new row or a cleared field starts with. */
export function emptyValue(f: FieldDescriptor): Json | undefined {
  if (f.default !== undefined) return structuredClone(f.default);
  if (!f.required) return undefined;
  switch (f.widget) {
    case 'toggle':
      return false;
    case 'select':
      return f.options?.[0]?.raw ?? '';
    case 'number':
      return f.minimum ?? 0;
    case 'table':
    case 'mapper':
    case 'conditions':
    case 'list':
      return [];
    case 'keyvalue':
      return {};
    case 'group':
      return newRow(f.fields ?? []);
    default:
      return f.valueType === 'string' || f.valueType === 'unknown' ? '' : null;
  }
}

/** A fresh row for a table widget: every required column filled with its empty value. */
export function newRow(fields: readonly FieldDescriptor[]): JsonObject {
  const row: JsonObject = {};
  for (const f of fields) {
    const v = f.default !== undefined || f.required ? emptyValue({ ...f, required: true }) : undefined;
    if (v !== undefined) row[f.key] = v;
  }
  return row;
}

export type FieldProblem = { code: 'required' } | { code: 'notNumber' } | { code: 'notInteger' } | { code: 'min'; limit: number } | { code: 'max'; limit: number };

/** What is wrong with a value, for the inline message under the field (the host validates again). */
export function checkValue(f: FieldDescriptor, value: Json | undefined): FieldProblem | null {
  const empty = value === undefined || value === '' || (value === null && !f.nullable);
  if (empty) return f.required && f.default === undefined ? { code: 'required' } : null;
  if (f.valueType === 'number' || f.valueType === 'integer') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notNumber' };
    if (f.valueType === 'integer' && !Number.isInteger(value)) return { code: 'notInteger' };
    if (f.minimum !== undefined && value < f.minimum) return { code: 'min', limit: f.minimum };
    if (f.maximum !== undefined && value > f.maximum) return { code: 'max', limit: f.maximum };
  }
  return null;
}

/** Text typed into a number box → the value to store (undefined = clear the field). */
export function parseNumberInput(text: string): number | undefined | 'invalid' {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * Text typed into a key/value cell → the stored value. The cell keeps the kind of value it had: a number
 * stays a number when the text is one, otherwise text stays text (so '0012' remains an SKU, not 12).
 */
export function parseCellValue(text: string, previous: Json | undefined): Json {
  if (typeof previous === 'number') {
    const n = parseNumberInput(text);
    return typeof n === 'number' ? n : text;
  }
  if (typeof previous === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
    return text;
  }
  if (previous === null && text === 'null') return null;
  return text;
}
