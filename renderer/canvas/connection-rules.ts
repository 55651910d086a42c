import type { PortLookup } from './types';

/** A proposed edge, always from an output port (source) to an input port (target). */
export interface ProposedEdge {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
  targetHandle: string | null | undefined;
}

export interface GraphView {
  nodes: readonly { id: string; data: { type: string } }[];
  edges: readonly { source: string; sourceHandle?: string | null; target: string; targetHandle?: string | null }[];
}

export type RefusalReason =
  | 'input-to-input'
  | 'output-to-output'
  | 'self'
  | 'unknown-node'
  | 'unknown-port'
  | 'cycle'
  | 'duplicate';

export type ConnectionCheck = { ok: true } | { ok: false; reason: RefusalReason; port?: string };

/** Why an edge may not be drawn, or ok. The same rules run while dragging and when the drop happens. */
export function checkConnection(graph: GraphView, ports: PortLookup, edge: ProposedEdge): ConnectionCheck {
  if (edge.source === edge.target) return { ok: false, reason: 'self' };
  const from = graph.nodes.find((n) => n.id === edge.source);
  const to = graph.nodes.find((n) => n.id === edge.target);
  if (!from || !to) return { ok: false, reason: 'unknown-node' };
  const fromPorts = ports(from.data.type);
  const toPorts = ports(to.data.type);
  const out = edge.sourceHandle ?? '';
  const inp = edge.targetHandle ?? '';
  if (!fromPorts || !fromPorts.outputs.includes(out)) return { ok: false, reason: 'unknown-port', port: out };
  if (!toPorts || !toPorts.inputs.includes(inp)) return { ok: false, reason: 'unknown-port', port: inp };
  const duplicate = graph.edges.some(
    (e) => e.source === edge.source && (e.sourceHandle ?? '') === out && e.target === edge.target && (e.targetHandle ?? '') === inp,
  );
  if (duplicate) return { ok: false, reason: 'duplicate' };
  if (reaches(graph, edge.target, edge.source)) return { ok: false, reason: 'cycle' };
  return { ok: true };
}

/** The reason a drag between two handles was refused, including drags between two inputs or two outputs. */
export function explainRefusal(
  graph: GraphView,
  ports: PortLookup,
  from: { nodeId: string; handle: string | null | undefined; kind: 'source' | 'target' },
  to: { nodeId: string; handle: string | null | undefined; kind: 'source' | 'target' },
): ConnectionCheck {
  if (from.kind === to.kind) return { ok: false, reason: from.kind === 'target' ? 'input-to-input' : 'output-to-output' };
  const [src, dst] = from.kind === 'source' ? [from, to] : [to, from];
  return checkConnection(graph, ports, { source: src.nodeId, sourceHandle: src.handle, target: dst.nodeId, targetHandle: dst.handle });
}

/** True when `goal` can be reached from `start` along existing edges. */
export function reaches(graph: GraphView, start: string, goal: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    if (id === goal) return true;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}
