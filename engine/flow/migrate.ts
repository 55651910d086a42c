import { z } from 'zod';
import type { JsonObject } from '../json';
import { isJsonObject, jsonSchema } from '../json';
import type { NodeCatalog } from '../types';
import type { FlowDocument } from './schema';
import { FLOW_FORMAT_VERSION } from './schema';
import type { Problem } from './problems';

/** One step of the flow-file format: a pure function from the document at `from` to the document at `from + 1`. */
export interface FormatMigration {
  from: number;
  describe: string;
  migrate(doc: JsonObject): JsonObject;
}

/**
 * Format 0 (the preview builds): slots as `{ name: type }`, node positions on the nodes, `links` instead of edges,
 * tables as plain key → value maps with an optional `"*"` row for the default.
 */
const v0Schema = z.looseObject({
  koppel: z.literal(0),
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  slots: z.record(z.string(), z.string()).optional(),
  nodes: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      version: z.number().optional(),
      name: z.string().optional(),
      slot: z.string().optional(),
      disabled: z.boolean().optional(),
      params: z.record(z.string(), jsonSchema).optional(),
      x: z.number().optional(),
      y: z.number().optional(),
    }),
  ),
  links: z.array(z.looseObject({ from: z.string(), fromPort: z.string().optional(), to: z.string(), toPort: z.string().optional() })).optional(),
  tables: z.record(z.string(), z.record(z.string(), jsonSchema)).optional(),
  settings: z.record(z.string(), jsonSchema).optional(),
});

function v0ToV1(doc: JsonObject): JsonObject {
  const v0 = v0Schema.parse(doc);
  const connections: JsonObject = {};
  for (const [name, type] of Object.entries(v0.slots ?? {})) connections[name] = { type };
  const layoutNodes: JsonObject = {};
  const nodes = v0.nodes.map((n) => {
    if (n.x !== undefined && n.y !== undefined) layoutNodes[n.id] = { x: n.x, y: n.y };
    const node: JsonObject = { id: n.id, type: n.type, version: n.version ?? 1 };
    if (n.name !== undefined) node.name = n.name;
    if (n.slot !== undefined) node.connection = n.slot;
    if (n.disabled !== undefined) node.disabled = n.disabled;
    node.params = n.params ?? {};
    return node;
  });
  const edges = (v0.links ?? []).map((l) => ({
    from: { node: l.from, port: l.fromPort ?? 'out' },
    to: { node: l.to, port: l.toPort ?? 'in' },
  }));
  const tables: JsonObject = {};
  for (const [name, map] of Object.entries(v0.tables ?? {})) {
    const { '*': fallback, ...rows } = map;
    tables[name] = fallback === undefined ? { rows } : { default: fallback, rows };
  }
  const out: JsonObject = { koppel: 1, id: v0.id, name: v0.name, description: v0.description ?? '', connections, nodes, edges, tables };
  if (v0.settings) out.settings = v0.settings;
  out.layout = { nodes: layoutNodes };
  return out;
}

/**
 * Format 1 → 2: node type ids in one style (`service.verbNoun`, as `ccv.upsertProduct`). Koppel 0.1 named seven of
 * them in kebab case; a file that still has those opens with the new names.
 */
export const RENAMED_NODE_TYPES: Readonly<Record<string, string>> = {
  'ccv.fetch-customers': 'ccv.fetchCustomers',
  'ccv.fetch-orders': 'ccv.fetchOrders',
  'ccv.update-order-status': 'ccv.updateOrderStatus',
  'visma.post-customer-invoice': 'visma.postCustomerInvoice',
  'visma.post-journal-transaction': 'visma.postJournalTransaction',
  'visma.post-sales-order': 'visma.postSalesOrder',
  'visma.upsert-customer': 'visma.upsertCustomer',
};

function v1ToV2(doc: JsonObject): JsonObject {
  const nodes = Array.isArray(doc.nodes) ? doc.nodes : [];
  return {
    ...doc,
    koppel: 2,
    nodes: nodes.map((n) => (isJsonObject(n) && typeof n.type === 'string' && RENAMED_NODE_TYPES[n.type] ? { ...n, type: RENAMED_NODE_TYPES[n.type] ?? n.type } : n)),
  };
}

export const formatMigrations: readonly FormatMigration[] = [
  { from: 0, describe: 'preview format 0 → 1', migrate: v0ToV1 },
  { from: 1, describe: 'node type ids in one style', migrate: v1ToV2 },
];

export type FormatResult = { ok: true; doc: JsonObject; notes: string[] } | { ok: false; problems: Problem[] };

/** Brings a document of any known format version up to the current one, step by step. */
export function migrateFormat(doc: JsonObject, migrations: readonly FormatMigration[] = formatMigrations): FormatResult {
  const version = doc.koppel;
  if (version === undefined) {
    return {
      ok: false,
      problems: [{ severity: 'error', field: 'koppel', message: 'This is not a Koppel flow file: the "koppel" format version is missing.', fix: 'Open a file saved by Koppel (*.flow.json).' }],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      problems: [{ severity: 'error', field: 'koppel', message: `The format version "koppel" must be a whole number, not ${JSON.stringify(version)}.`, fix: 'Open a file saved by Koppel.' }],
    };
  }
  if (version > FLOW_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          field: 'koppel',
          message: `This flow was saved by a newer Koppel (format ${version}; this Koppel reads up to ${FLOW_FORMAT_VERSION}).`,
          fix: 'Update Koppel to open this flow.',
        },
      ],
    };
  }
  let current = doc;
  const notes: string[] = [];
  for (let v = version; v < FLOW_FORMAT_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return {
        ok: false,
        problems: [{ severity: 'error', field: 'koppel', message: `Flow files of format ${v} can no longer be converted.`, fix: 'Open and save the flow in an older Koppel first, or rebuild it.' }],
      };
    }
    try {
      current = step.migrate(current);
    } catch (err) {
      return {
        ok: false,
        problems: [
          {
            severity: 'error',
            field: 'koppel',
            message: `This format ${v} flow could not be converted (${step.describe}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
            fix: 'Check the file against the format, or rebuild the flow.',
          },
        ],
      };
    }
    notes.push(`Converted the file from format ${v} to ${v + 1}.`);
  }
  return { ok: true, doc: current, notes };
}

/** Brings each node's params up to its definition's version, through the definition's `migrate`. */
export function migrateNodes(flow: FlowDocument, catalog: NodeCatalog): { flow: FlowDocument; notes: string[]; problems: Problem[] } {
  const notes: string[] = [];
  const problems: Problem[] = [];
  const nodes = flow.nodes.map((node) => {
    const def = catalog.get(node.type);
    if (!def || node.version === def.version) return node;
    const label = node.name ?? node.id;
    if (node.version > def.version) {
      problems.push({
        severity: 'error',
        nodeId: node.id,
        field: 'version',
        message: `Node '${label}' was made with a newer Koppel (${def.title} version ${node.version}; this Koppel has version ${def.version}).`,
        fix: 'Update Koppel to run this flow.',
      });
      return node;
    }
    if (!def.migrate) {
      problems.push({
        severity: 'error',
        nodeId: node.id,
        field: 'version',
        message: `Node '${label}' is ${def.title} version ${node.version}, which cannot be converted to version ${def.version}.`,
        fix: `Replace the node with a new '${def.title}' node and set its parameters again.`,
      });
      return node;
    }
    try {
      const params = def.migrate(node.version, node.params);
      if (!isJsonObject(params)) throw new Error('the conversion did not give parameters');
      notes.push(`Updated node '${label}' from version ${node.version} to ${def.version}.`);
      return { ...node, version: def.version, params };
    } catch (err) {
      problems.push({
        severity: 'error',
        nodeId: node.id,
        field: 'params',
        message: `Node '${label}' could not be converted from version ${node.version} to ${def.version}: ${err instanceof Error ? err.message : String(err)}`,
        fix: `Replace the node with a new '${def.title}' node and set its parameters again.`,
      });
      return node;
    }
  });
  return { flow: { ...flow, nodes }, notes, problems };
}
