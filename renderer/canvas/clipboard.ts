import { newNodeId } from './node-ids';
import type { KoppelEdge, KoppelNode, KoppelNodeData, Position } from './types';

/** What Ctrl+C keeps: plain JSON, so it can also travel through the system clipboard. */
export interface ClipboardPayload {
  kind: 'koppel-nodes';
  nodes: { id: string; position: Position; data: KoppelNodeData }[];
  edges: { source: string; sourceHandle: string; target: string; targetHandle: string }[];
}

export function copySelection(nodes: readonly KoppelNode[], edges: readonly KoppelEdge[], selected: ReadonlySet<string>): ClipboardPayload | null {
  const picked = nodes.filter((n) => selected.has(n.id));
  if (picked.length === 0) return null;
  const inside = new Set(picked.map((n) => n.id));
  return {
    kind: 'koppel-nodes',
    nodes: picked.map((n) => ({ id: n.id, position: { ...n.position }, data: structuredClone(n.data) })),
    edges: edges
      .filter((e) => inside.has(e.source) && inside.has(e.target) && e.sourceHandle && e.targetHandle)
      .map((e) => ({ source: e.source, sourceHandle: e.sourceHandle ?? '', target: e.target, targetHandle: e.targetHandle ?? '' })),
  };
}

/** New nodes (fresh ids, shifted by `offset`, selected) and the edges between them. */
export function pasteClipboard(
  payload: ClipboardPayload,
  taken: ReadonlySet<string>,
  offset: Position,
): { nodes: KoppelNode[]; edges: KoppelEdge[] } {
  const used = new Set(taken);
  const idMap = new Map<string, string>();
  const nodes: KoppelNode[] = payload.nodes.map((n) => {
    const id = newNodeId(n.id, used);
    used.add(id);
    idMap.set(n.id, id);
    return {
      id,
      type: 'koppel',
      position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
      data: structuredClone(n.data),
      selected: true,
    };
  });
  const edges: KoppelEdge[] = [];
  for (const e of payload.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    edges.push({
      id: `${source}:${e.sourceHandle}->${target}:${e.targetHandle}`,
      source,
      sourceHandle: e.sourceHandle,
      target,
      targetHandle: e.targetHandle,
    });
  }
  return { nodes, edges };
}
