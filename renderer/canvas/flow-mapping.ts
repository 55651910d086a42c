import type { FlowDocument } from '../../host/contract';
import { autoLayout } from './auto-layout';
import type { FlowEdge, FlowMeta, FlowNode, KoppelEdge, KoppelNode, KoppelNodeData } from './types';

export interface CanvasGraph {
  meta: FlowMeta;
  nodes: KoppelNode[];
  edges: KoppelEdge[];
}

/** Stable edge id from its ends, so the same edge keeps its id across undo/redo and reloads. */
export function edgeId(e: FlowEdge): string {
  return `${e.from.node}:${e.from.port}->${e.to.node}:${e.to.port}`;
}

function nodeData(n: FlowNode): KoppelNodeData {
  const data: KoppelNodeData = { type: n.type, version: n.version, params: n.params };
  if (n.name !== undefined) data.name = n.name;
  if (n.connection !== undefined) data.connection = n.connection;
  if (n.disabled !== undefined) data.disabled = n.disabled;
  return data;
}

/** Flow document → canvas. Nodes without a stored position get one from the auto-layout. */
export function flowToCanvas(flow: FlowDocument): CanvasGraph {
  const { nodes, edges, layout, ...rest } = flow;
  const meta: FlowMeta = layout.viewport ? { ...rest, viewport: layout.viewport } : { ...rest };
  const missing = nodes.some((n) => !layout.nodes[n.id]);
  const placed = missing
    ? autoLayout(
        nodes.map((n) => ({ id: n.id })),
        edges.map((e) => ({ source: e.from.node, target: e.to.node })),
      )
    : new Map<string, { x: number; y: number }>();
  return {
    meta,
    nodes: nodes.map((n) => ({
      id: n.id,
      type: 'koppel',
      position: layout.nodes[n.id] ?? placed.get(n.id) ?? { x: 0, y: 0 },
      data: nodeData(n),
    })),
    edges: edges.map((e) => ({
      id: edgeId(e),
      source: e.from.node,
      sourceHandle: e.from.port,
      target: e.to.node,
      targetHandle: e.to.port,
    })),
  };
}

function flowNode(n: KoppelNode): FlowNode {
  const { type, version, name, connection, disabled, params } = n.data;
  return {
    id: n.id,
    type,
    version,
    ...(name !== undefined ? { name } : {}),
    ...(connection !== undefined ? { connection } : {}),
    ...(disabled !== undefined ? { disabled } : {}),
    params,
  };
}

/** Canvas → flow document. Positions are rounded so a nudge does not produce noisy diffs. */
export function canvasToFlow(graph: CanvasGraph): FlowDocument {
  const { viewport, ...meta } = graph.meta;
  const positions: Record<string, { x: number; y: number }> = {};
  for (const n of graph.nodes) positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
  const edges: FlowEdge[] = [];
  for (const e of graph.edges) {
    if (!e.sourceHandle || !e.targetHandle) continue;
    edges.push({ from: { node: e.source, port: e.sourceHandle }, to: { node: e.target, port: e.targetHandle } });
  }
  return {
    koppel: meta.koppel,
    id: meta.id,
    name: meta.name,
    description: meta.description,
    connections: meta.connections,
    nodes: graph.nodes.map(flowNode),
    edges,
    tables: meta.tables,
    settings: meta.settings,
    layout: viewport ? { nodes: positions, viewport } : { nodes: positions },
  };
}
