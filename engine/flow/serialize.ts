import type { Json, JsonObject } from '../json';
import { isJsonObject } from '../json';
import type { FlowDocument, FlowEdge, FlowNode, ValueTable } from './schema';

const NODE_KEYS = ['id', 'type', 'version', 'name', 'connection', 'disabled', 'params'] as const;

function sortedDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v !== undefined) out[key] = sortedDeep(v);
  }
  return out;
}

function nodeJson(node: FlowNode): JsonObject {
  const out: JsonObject = {};
  for (const key of NODE_KEYS) {
    const v = node[key];
    if (v === undefined) continue;
    out[key] = key === 'params' && isJsonObject(v) ? sortedDeep(v) : v;
  }
  return out;
}

function edgeJson(edge: FlowEdge): JsonObject {
  return { from: { node: edge.from.node, port: edge.from.port }, to: { node: edge.to.node, port: edge.to.port } };
}

function compareEdges(a: FlowEdge, b: FlowEdge): number {
  const ka = [a.from.node, a.from.port, a.to.node, a.to.port];
  const kb = [b.from.node, b.from.port, b.to.node, b.to.port];
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? '';
    const y = kb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function tableJson(table: ValueTable): JsonObject {
  const out: JsonObject = {};
  if (table.description !== undefined) out.description = table.description;
  if (table.default !== undefined) out.default = sortedDeep(table.default);
  const rows = sortedDeep(table.rows);
  out.rows = rows;
  return out;
}

function documentJson(flow: FlowDocument): JsonObject {
  const connections: JsonObject = {};
  for (const name of Object.keys(flow.connections).sort()) {
    const slot = flow.connections[name];
    if (!slot) continue;
    connections[name] = slot.title !== undefined ? { type: slot.type, title: slot.title } : { type: slot.type };
  }
  const tables: JsonObject = {};
  for (const name of Object.keys(flow.tables).sort()) {
    const table = flow.tables[name];
    if (table) tables[name] = tableJson(table);
  }
  const s = flow.settings;
  const layoutNodes: JsonObject = {};
  for (const id of Object.keys(flow.layout.nodes).sort()) {
    const p = flow.layout.nodes[id];
    if (p) layoutNodes[id] = { x: p.x, y: p.y };
  }
  const layout: JsonObject = { nodes: layoutNodes };
  const vp = flow.layout.viewport;
  if (vp) layout.viewport = { x: vp.x, y: vp.y, zoom: vp.zoom };
  return {
    koppel: flow.koppel,
    id: flow.id,
    name: flow.name,
    description: flow.description,
    connections,
    nodes: flow.nodes.map(nodeJson),
    edges: [...flow.edges].sort(compareEdges).map(edgeJson),
    tables,
    settings: { batchSize: s.batchSize, payloadLogging: s.payloadLogging, stopOnError: s.stopOnError },
    layout,
  };
}

/** Small fixed-shape objects go on one line: an edge end, a canvas position. Moving a node is then a one-line diff. */
function inline(path: readonly string[]): boolean {
  const [top, second] = path;
  if (top === 'edges' && path.length === 3 && (path[2] === 'from' || path[2] === 'to')) return true;
  if (top === 'layout' && second === 'nodes' && path.length === 3) return true;
  if (top === 'layout' && second === 'viewport' && path.length === 2) return true;
  return false;
}

function print(value: Json, path: string[], indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v, i) => `${inner}${print(v, [...path, String(i)], inner)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (inline(path)) return `{ ${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(value[k])}`).join(', ')} }`;
  const entries = keys.map((k) => `${inner}${JSON.stringify(k)}: ${print(value[k] ?? null, [...path, k], inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/**
 * Diff-stable text: fixed key order (layout last), node keys in a fixed order, params and tables sorted,
 * edges sorted, 2-space indent, trailing newline. One changed parameter is one changed line.
 */
export function serializeFlow(flow: FlowDocument): string {
  return `${print(documentJson(flow), [], '')}\n`;
}
