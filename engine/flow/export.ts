import type { Json, JsonObject } from '../json';
import { isJsonObject } from '../json';
import type { FlowDocument, ValueTable } from './schema';
import { riskyText, scrubText, stripRisky } from './secret-guard';

export interface ExportFinding {
  nodeId?: string;
  /** Where it was, e.g. `nodes[n1].params.url` or `tables.vat.rows.NL`. */
  field: string;
  reason: string;
}

export interface ExportResult {
  flow: FlowDocument;
  /** What was removed; empty when the flow was clean. */
  removed: ExportFinding[];
}

/**
 * A copy of the flow that is safe to hand to someone else: slots keep only their type and title, and anything
 * that looks like a secret, a customer's host name or web address, an e-mail address or an account id is
 * removed from params and tables (and blanked in names and descriptions). A removed required parameter makes
 * the importer's validation ask for it, which is the point.
 */
export function exportFlow(flow: FlowDocument): ExportResult {
  const removed: ExportFinding[] = [];
  const scrub = (text: string, field: string, nodeId?: string): string => {
    const clean = scrubText(text);
    if (clean !== text) removed.push({ ...(nodeId ? { nodeId } : {}), field, reason: riskyText(text) ?? 'it contained private details' });
    return clean;
  };

  const connections: FlowDocument['connections'] = {};
  for (const [name, slot] of Object.entries(flow.connections)) {
    connections[name] = slot.title !== undefined ? { type: slot.type, title: scrub(slot.title, `connections.${name}.title`) } : { type: slot.type };
  }

  const nodes = flow.nodes.map((node) => {
    const { value, findings } = stripRisky(node.params, 'params');
    for (const f of findings) removed.push({ nodeId: node.id, field: f.path, reason: f.reason });
    const params: JsonObject = value !== undefined && isJsonObject(value) ? value : {};
    const copy = { ...node, params };
    if (node.name !== undefined) copy.name = scrub(node.name, 'name', node.id);
    return copy;
  });

  const tables: Record<string, ValueTable> = {};
  for (const [name, table] of Object.entries(flow.tables)) {
    const rows: Record<string, Json> = {};
    for (const [key, row] of Object.entries(table.rows)) {
      const keyReason = riskyText(key);
      if (keyReason) {
        removed.push({ field: `tables.${name}.rows`, reason: `a row key: ${keyReason}` });
        continue;
      }
      const { value, findings } = stripRisky(row, `tables.${name}.rows.${key}`);
      for (const f of findings) removed.push({ field: f.path, reason: f.reason });
      if (value !== undefined) rows[key] = value;
    }
    const copy: ValueTable = { rows };
    if (table.description !== undefined) copy.description = scrub(table.description, `tables.${name}.description`);
    if (table.default !== undefined) {
      const { value, findings } = stripRisky(table.default, `tables.${name}.default`);
      for (const f of findings) removed.push({ field: f.path, reason: f.reason });
      if (value !== undefined) copy.default = value;
    }
    tables[name] = copy;
  }

  return {
    flow: {
      ...flow,
      name: scrub(flow.name, 'name') || 'Shared flow',
      description: scrub(flow.description, 'description'),
      connections,
      nodes,
      tables,
      edges: flow.edges.map((e) => ({ from: { ...e.from }, to: { ...e.to } })),
      settings: { ...flow.settings },
      layout: { ...flow.layout, nodes: { ...flow.layout.nodes } },
    },
    removed,
  };
}
