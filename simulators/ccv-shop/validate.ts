// Validates request bodies against the transcribed CCV schema definitions (body-defs.ts).
import { BODY_DEFS } from './body-defs';
import { err } from './errors';
import type { Json, JsonObject } from './json';
import { isObj } from './json';

interface Prop {
  type: string;
  list: boolean;
  required: boolean;
}

const parsed = new Map<string, Map<string, Prop>>();

function definition(name: string): Map<string, Prop> {
  const cached = parsed.get(name);
  if (cached) return cached;
  const text = BODY_DEFS[name];
  if (text === undefined) throw new Error(`No body definition '${name}'`);
  const props = new Map<string, Prop>();
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const m = /^([a-z0-9_]+):(@?[A-Za-z0-9_.]+)(\[\])?(!)?$/.exec(token);
    if (!m || !m[1] || !m[2]) throw new Error(`Bad body definition token '${token}' in ${name}`);
    props.set(m[1], { type: m[2], list: m[3] === '[]', required: m[4] === '!' });
  }
  parsed.set(name, props);
  return props;
}

/** Field-specific advice for mistakes clients are known to make. */
const HINTS: Record<string, string> = {
  'products.post:is_active': "Products take 'active' on POST/PATCH; 'is_active' is the GET field name.",
  'products.patch:is_active': "Products take 'active' on POST/PATCH; 'is_active' is the GET field name.",
  'productphotos.post:filename': 'The server assigns the file name; send file_type and source.',
  'webhooks.patch:event': 'The event of a webhook cannot change: delete it and create a new one.',
};

function typeOk(type: string, v: Json): boolean {
  switch (type) {
    case 's':
      return typeof v === 'string';
    case 'n':
      return typeof v === 'number' && Number.isFinite(v);
    case 'i':
      return typeof v === 'number' && Number.isInteger(v);
    case 'b':
      return typeof v === 'boolean';
    case 'o':
      return isObj(v);
    case 'a':
      return Array.isArray(v);
    default:
      return isObj(v);
  }
}

const TYPE_NAMES: Record<string, string> = { s: 'a string', n: 'a number', i: 'an integer', b: 'true or false', o: 'an object', a: 'a list' };

function describe(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

function check(defName: string, value: Json, path: string, strict: boolean, problems: string[]): void {
  if (!isObj(value)) {
    problems.push(`${path || 'The body'} must be a JSON object, got ${describe(value)}.`);
    return;
  }
  const props = definition(defName);
  for (const [key, v] of Object.entries(value)) {
    const prop = props.get(key);
    const at = path ? `${path}.${key}` : key;
    if (!prop) {
      if (strict) problems.push(`Field '${at}' is not allowed here.${HINTS[`${defName}:${key}`] ? ` ${HINTS[`${defName}:${key}`]}` : ''}`);
      continue;
    }
    if (v === null) {
      if (prop.required) problems.push(`Field '${at}' may not be null.`);
      continue;
    }
    const items = prop.list ? v : [v];
    if (prop.list && !Array.isArray(items)) {
      problems.push(`Field '${at}' must be a list, got ${describe(v)}.`);
      continue;
    }
    if (!Array.isArray(items)) continue;
    items.forEach((item, n) => {
      const where = prop.list ? `${at}[${n}]` : at;
      if (prop.type.startsWith('@')) check(prop.type.slice(1), item, where, strict, problems);
      else if (!typeOk(prop.type, item)) problems.push(`Field '${where}' must be ${TYPE_NAMES[prop.type] ?? prop.type}, got ${describe(item)}.`);
    });
  }
  for (const [key, prop] of props) {
    if (prop.required && !(key in value)) problems.push(`Field '${path ? `${path}.${key}` : key}' is required.`);
  }
}

/**
 * Validate a body against a definition. Throws a 400.10 error that names every offending field.
 * `label` names the call for the message, e.g. "POST /products/".
 */
export function validateBody(defName: string, body: Json | undefined, strict: boolean, label: string): JsonObject {
  if (body === undefined) throw err.validation(`${label} needs a JSON body.`);
  const problems: string[] = [];
  check(defName, body, '', strict, problems);
  if (problems.length > 0 || !isObj(body)) {
    throw err.validation(`${label} (schema internal.resource.${defName}.v1): ${problems.join(' ')}`);
  }
  return body;
}
