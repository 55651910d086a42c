/**
 * Test support: JSON Schemas built from the reconstructed CCV schema data in
 * `reference/ccv-shop/schemas/*.json` (see their `_about`): each definition lists properties with a JSON
 * type, a `required_non_null` flag and `$ref`s to other definitions. Built schemas reject unknown
 * properties, so a misspelt field name fails validation.
 */
import { z } from 'zod';
import { readReference } from './reference-files';

const propertySchema = z.object({
  type: z.string(),
  required_non_null: z.boolean(),
  $ref: z.string().optional(),
  items: z.object({ $ref: z.string().optional(), type: z.string().optional() }).optional(),
});
const fileSchema = z.object({ definitions: z.record(z.string(), z.object({ properties: z.record(z.string(), propertySchema) })) });
export type RefProperty = z.infer<typeof propertySchema>;
export type RefDefinition = { file: string; properties: Record<string, RefProperty> };

export const schemaFiles = ['attributes', 'categories', 'misc', 'orders', 'productphotos', 'productproperties', 'products', 'users', 'webhooks'];

/** All definitions by file; the same id may appear in several files (e.g. personalinfo). */
export function loadDefinitions(): Map<string, RefDefinition[]> {
  const byId = new Map<string, RefDefinition[]>();
  for (const file of schemaFiles) {
    const parsed = fileSchema.parse(readReference(`schemas/${file}.json`));
    for (const [id, def] of Object.entries(parsed.definitions)) {
      byId.set(id, [...(byId.get(id) ?? []), { file, properties: def.properties }]);
    }
  }
  return byId;
}

export function definition(defs: Map<string, RefDefinition[]>, id: string, preferFile?: string): RefDefinition {
  const list = defs.get(id);
  if (!list?.length) throw new Error(`reference schema ${id} not found`);
  return list.find((d) => d.file === preferFile) ?? list[0]!;
}

type JsonSchema = Record<string, unknown>;
const scalar = new Set(['string', 'integer', 'number', 'boolean']);

/** JSON Schema for one definition: required = `required_non_null`; optional fields may also be null. */
export function toJsonSchema(defs: Map<string, RefDefinition[]>, id: string, preferFile?: string, depth = 0): JsonSchema {
  if (depth > 8) return {};
  const def = definition(defs, id, preferFile);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, p] of Object.entries(def.properties)) {
    let schema: JsonSchema;
    if (scalar.has(p.type)) schema = { type: p.type };
    else if (p.type === 'object' && p.$ref) schema = toJsonSchema(defs, p.$ref, def.file, depth + 1);
    else if (p.type === 'array' && p.items?.$ref) schema = { type: 'array', items: toJsonSchema(defs, p.items.$ref, def.file, depth + 1) };
    else if (p.type === 'array' && p.items?.type && scalar.has(p.items.type)) schema = { type: 'array', items: { type: p.items.type } };
    else schema = { type: p.type };
    if (p.required_non_null) required.push(name);
    properties[name] = p.required_non_null ? schema : { anyOf: [schema, { type: 'null' }] };
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

const endpointsSchema = z.object({ endpoints: z.array(z.object({ method: z.string(), path: z.string(), request_schema: z.string().optional() })) });

let endpointList: z.infer<typeof endpointsSchema>['endpoints'] | undefined;

/** The request schema id CCV documents for a concrete request (`PATCH /api/rest/v1/products/5/`). */
export function requestSchemaFor(method: string, url: string): string | undefined {
  endpointList ??= endpointsSchema.parse(readReference('endpoints.json')).endpoints;
  const endpoints = endpointList;
  const path = url.split('?')[0]!.replace(/\/?$/, '/');
  const hit = endpoints.find((e) => e.method === method && new RegExp(`^${e.path.replace(/:id/g, '\\d+')}$`).test(path));
  return hit?.request_schema;
}
