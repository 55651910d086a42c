import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates request bodies against the reference OpenAPI files in the repository (`reference/visma-net/`, see
 * `reference/README.md`). Schemas are made *closed* (no unknown properties), so a misspelt field or a
 * `{value}` wrapper where the spec has a plain object fails. Date-times are accepted with or without an offset:
 * reference/visma-net/README.md §4.6 asks for document dates without one.
 */

const here = dirname(fileURLToPath(import.meta.url));
const referenceDir = resolve(here, '../../../reference');

export const mainSpecFile = 'visma-net-erp-service-api.trimmed.openapi.json';
export const v3SpecFile = 'visma-net-salesorders-v3.trimmed.openapi.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 schema → closed JSON Schema (draft 7 style, `$defs` refs). */
function convert(node: unknown): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (!isRecord(node)) {
    return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' || node === null ? node : null;
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'description' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace('#/components/schemas/', '#/$defs/');
    else if (key === 'properties' && isRecord(value)) {
      // Property names are data here, not keywords: a property called `description` must stay.
      const props: { [key: string]: Json } = {};
      for (const [name, schema] of Object.entries(value)) props[name] = convert(schema);
      out[key] = props;
    } else out[key] = convert(value);
  }
  if (node['nullable'] === true) {
    const type = out['type'];
    if (typeof type === 'string') out['type'] = [type, 'null'];
    const values = out['enum'];
    if (Array.isArray(values)) out['enum'] = [...values, null];
  }
  if (isRecord(node['properties']) && node['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return out;
}

const cache = new Map<string, Ajv>();

function ajvFor(file: string): Ajv {
  const cached = cache.get(file);
  if (cached) return cached;
  const doc: unknown = JSON.parse(readFileSync(resolve(referenceDir, 'visma-net', file), 'utf8'));
  const schemas = isRecord(doc) && isRecord(doc['components']) ? doc['components']['schemas'] : undefined;
  if (!isRecord(schemas)) throw new Error(`${file} has no components.schemas`);
  const defs: { [key: string]: Json } = {};
  for (const [name, schema] of Object.entries(schemas)) defs[name] = convert(schema);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const anyDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
  ajv.addFormat('date-time', anyDateTime);
  for (const f of ['int32', 'int64', 'double', 'float', 'byte', 'binary']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: 'spec', $defs: defs });
  cache.set(file, ajv);
  return ajv;
}

const validators = new Map<string, ValidateFunction>();

/** Errors of `body` against `components.schemas[name]` of a reference file; empty when it conforms. */
export function schemaErrors(file: string, name: string, body: unknown): string[] {
  const key = `${file}#${name}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajvFor(file).compile({ $ref: `spec#/$defs/${name}` });
    validators.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params['additionalProperty'])}'` : ''}`);
}
