// Test-only: a compact way to write flows in tests.
import type { JsonObject } from '../json';
import type { FlowDocument } from '../flow/schema';
import { flowDocumentSchema } from '../flow/schema';

/** `nodes`: [id, type, params?]; `edges`: 'a.out -> b.in'. */
export function buildFlow(
  nodes: [string, string, JsonObject?][],
  edges: string[],
  extra: Partial<Pick<FlowDocument, 'tables' | 'settings' | 'connections'>> & { id?: string; name?: string } = {},
): FlowDocument {
  return flowDocumentSchema.parse({
    koppel: 2,
    id: extra.id ?? 'test-flow',
    name: extra.name ?? 'Test flow',
    connections: extra.connections ?? {},
    nodes: nodes.map(([id, type, params]) => ({ id, type, version: 1, params: params ?? {} })),
    edges: edges.map((e) => {
      const m = /^(\w+)\.(\w+)\s*->\s*(\w+)\.(\w+)$/.exec(e.trim());
      if (!m) throw new Error(`bad edge ${e}`);
      return { from: { node: m[1], port: m[2] }, to: { node: m[3], port: m[4] } };
    }),
    tables: extra.tables ?? {},
    ...(extra.settings ? { settings: extra.settings } : {}),
  });
}
