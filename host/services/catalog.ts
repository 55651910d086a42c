import { z } from 'zod';
import { jsonObjectSchema, type JsonObject } from '../../engine/json';
import type { AnyNodeDefinition, NodeCatalog } from '../../engine/types';
import type { NodeTypeInfo } from '../contract';

/** Params as JSON Schema; `.meta({ title, description, ui })` hints come along because zod puts metadata in the output. */
export function paramsJsonSchema(def: AnyNodeDefinition): JsonObject {
  let schema: unknown;
  try {
    schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any', reused: 'inline' });
  } catch {
    // A schema zod cannot express (e.g. a cycle) still gets a form: a free JSON object.
    schema = { type: 'object' };
  }
  const parsed = jsonObjectSchema.safeParse(JSON.parse(JSON.stringify(schema)));
  return parsed.success ? parsed.data : { type: 'object' };
}

const withProperties = z.looseObject({ properties: z.record(z.string(), z.looseObject({ default: z.unknown().optional() })) });

/**
 * What a new node starts with: the params schema applied to `{}`, so every default is filled in. When `{}` is not
 * valid (a param is required), the defaults the JSON Schema names for single params.
 */
export function paramsDefaults(def: AnyNodeDefinition, jsonSchema: JsonObject = paramsJsonSchema(def)): JsonObject {
  const result = def.params.safeParse({});
  if (result.success) {
    const parsed = jsonObjectSchema.safeParse(JSON.parse(JSON.stringify(result.data ?? {})));
    if (parsed.success) return parsed.data;
  }
  const shape = withProperties.safeParse(jsonSchema);
  if (!shape.success) return {};
  const defaults: JsonObject = {};
  for (const [name, property] of Object.entries(shape.data.properties)) {
    const value = jsonObjectSchema.safeParse({ v: property.default });
    const v = value.success ? value.data.v : undefined;
    if (v !== undefined) defaults[name] = v;
  }
  return defaults;
}

export function nodeTypeInfo(def: AnyNodeDefinition): NodeTypeInfo {
  const paramsSchema = paramsJsonSchema(def);
  return {
    type: def.type,
    version: def.version,
    title: def.title,
    category: def.category,
    description: def.description,
    icon: def.icon,
    ...(def.connection ? { connection: def.connection } : {}),
    inputs: def.inputs.map((p) => ({ name: p.name, title: p.title, ...(p.description ? { description: p.description } : {}) })),
    outputs: def.outputs.map((p) => ({ name: p.name, title: p.title, ...(p.description ? { description: p.description } : {}) })),
    writes: def.writes === true,
    paramsSchema,
    defaults: paramsDefaults(def, paramsSchema),
  };
}

/** The catalogue as the renderer sees it; computed once, node types do not change while the app runs. */
export function createCatalogService(catalog: NodeCatalog): { list(): NodeTypeInfo[] } {
  let cached: NodeTypeInfo[] | undefined;
  return { list: () => (cached ??= catalog.list().map(nodeTypeInfo)) };
}
