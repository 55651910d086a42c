import { formatValue, isJsonObject } from '../lib/json';
import type { Json, JsonObject } from '../lib/json';

export interface SampleItem {
  key: string;
  json: JsonObject;
}

export interface SampleTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/** Items → a table: one column per top-level field (in first-seen order), nested values as compact JSON. */
export function sampleTable(items: readonly SampleItem[], maxColumns = 40): SampleTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const k of Object.keys(item.json)) {
      if (!seen.has(k) && columns.length < maxColumns) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  return {
    columns,
    rows: items.map((item) => ({ key: item.key, cells: columns.map((c) => formatValue(item.json[c], 120)) })),
  };
}

/**
 * Field paths the upstream node produced, for expression completion: 'name', 'address.city', and array
 * members without indexes ('lines.sku'), which is how JSONata navigates arrays.
 */
export function collectFieldPaths(objects: readonly JsonObject[], maxDepth = 4, maxPaths = 500): string[] {
  const out = new Set<string>();
  const walk = (value: Json, prefix: string, depth: number) => {
    if (out.size >= maxPaths || depth > maxDepth) return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 20)) walk(v, prefix, depth);
      return;
    }
    if (!isJsonObject(value)) return;
    for (const [k, v] of Object.entries(value)) {
      if (k === '__koppel') continue;
      const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : `\`${k.replace(/`/g, '')}\``;
      const path = prefix ? `${prefix}.${name}` : name;
      out.add(path);
      walk(v, path, depth + 1);
    }
  };
  for (const o of objects) walk(o, '', 1);
  return [...out].sort((a, b) => a.localeCompare(b));
}

/** Samples of the nodes feeding `nodeId`'s inputs, from `runs.samples` (node → port → items). */
export function upstreamSamples(
  samples: Record<string, Record<string, SampleItem[]>> | null,
  edges: readonly { source: string; sourceHandle?: string | null; target: string }[],
  nodeId: string,
): SampleItem[] {
  if (!samples) return [];
  const out: SampleItem[] = [];
  for (const e of edges) {
    if (e.target !== nodeId) continue;
    const ports = samples[e.source];
    if (!ports) continue;
    out.push(...(e.sourceHandle ? (ports[e.sourceHandle] ?? []) : Object.values(ports).flat()));
  }
  return out;
}
