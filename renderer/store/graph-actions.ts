import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { Connection as RfConnection, EdgeChange, NodeChange } from '@xyflow/react';
import type { FlowDocument, NodeTypeInfo } from '../../host/contract';
import { autoLayout } from '../canvas/auto-layout';
import { copySelection, pasteClipboard } from '../canvas/clipboard';
import type { ClipboardPayload } from '../canvas/clipboard';
import { checkConnection } from '../canvas/connection-rules';
import type { ConnectionCheck } from '../canvas/connection-rules';
import { canvasToFlow, flowToCanvas } from '../canvas/flow-mapping';
import { newNodeId, newSlotName } from '../canvas/node-ids';
import { findFreeSpot } from '../canvas/placement';
import type { FlowMeta, KoppelEdge, KoppelNode, KoppelNodeData, Position } from '../canvas/types';
import type { JsonObject } from '../lib/json';
import { useGraph } from './graph.slice';
import { createHistory, historyReducer } from './history';
import { useSelection } from './selection.slice';
import { portsOf, useWorkspace } from './workspace.slice';

const docJson = (d: FlowDocument) => JSON.stringify(d);

/** Opens a document in the editor with a fresh history; `fileRevision` is the revision of the file it came from. */
export function loadFlow(path: string | undefined, flow: FlowDocument, fileRevision?: string): void {
  const g = flowToCanvas(flow);
  const doc = canvasToFlow(g);
  useGraph.setState((s) => ({
    meta: g.meta,
    path,
    fileRevision,
    nodes: g.nodes,
    edges: g.edges,
    history: createHistory(doc),
    savedJson: docJson(doc),
    dirty: false,
    problems: [],
    revision: s.revision + 1,
  }));
  useSelection.setState({ nodeIds: [], edgeIds: [] });
}

export function closeFlow(): void {
  useGraph.setState((s) => ({ meta: null, path: undefined, fileRevision: undefined, nodes: [], edges: [], history: null, savedJson: '', dirty: false, problems: [], revision: s.revision + 1 }));
}

/** The document as it is on the canvas now. */
export function currentDocument(): FlowDocument | null {
  const { meta, nodes, edges } = useGraph.getState();
  return meta ? canvasToFlow({ meta, nodes, edges }) : null;
}

/** Records the canvas as one undo step (or merges it into the previous one with the same key). */
function commit(key?: string): void {
  const s = useGraph.getState();
  if (!s.meta || !s.history) return;
  const doc = canvasToFlow({ meta: s.meta, nodes: s.nodes, edges: s.edges });
  if (docJson(doc) === docJson(s.history.present)) return;
  useGraph.setState({
    history: historyReducer(s.history, key === undefined ? { type: 'commit', next: doc } : { type: 'commit', next: doc, key }),
    dirty: docJson(doc) !== s.savedJson,
    revision: s.revision + 1,
  });
}

/** The document on the canvas is now what `path` holds, at `fileRevision`. */
export function markSaved(path: string, fileRevision: string): void {
  const doc = currentDocument();
  if (!doc) return;
  useGraph.setState((s) => ({ path, fileRevision, savedJson: docJson(doc), dirty: false, history: s.history ? historyReducer(s.history, { type: 'seal' }) : s.history }));
}

/** React Flow changes: selection and measuring apply silently; moves end and removals become undo steps. */
export function onNodesChange(changes: NodeChange<KoppelNode>[]): void {
  useGraph.setState((s) => ({ nodes: applyNodeChanges(changes, s.nodes) }));
  if (changes.some((c) => c.type === 'remove')) {
    const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
    useGraph.setState((s) => ({ edges: s.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)) }));
    commit();
  } else if (changes.some((c) => c.type === 'position' && c.dragging === false)) {
    commit();
  } else if (changes.some((c) => c.type === 'position' && c.dragging === undefined)) {
    // Keyboard nudges (arrow keys) arrive without a drag; merge a burst of them into one step.
    commit('nudge');
  }
}

export function onEdgesChange(changes: EdgeChange<KoppelEdge>[]): void {
  useGraph.setState((s) => ({ edges: applyEdgeChanges(changes, s.edges) }));
  if (changes.some((c) => c.type === 'remove')) commit();
}

export function canConnect(c: RfConnection): ConnectionCheck {
  const s = useGraph.getState();
  return checkConnection(s, portsOf, { source: c.source, sourceHandle: c.sourceHandle, target: c.target, targetHandle: c.targetHandle });
}

/** Adds an edge when the rules allow it; returns why not otherwise. */
export function connect(c: RfConnection): ConnectionCheck {
  const check = canConnect(c);
  if (!check.ok || !c.sourceHandle || !c.targetHandle) return check;
  const edge: KoppelEdge = {
    id: `${c.source}:${c.sourceHandle}->${c.target}:${c.targetHandle}`,
    source: c.source,
    sourceHandle: c.sourceHandle,
    target: c.target,
    targetHandle: c.targetHandle,
  };
  useGraph.setState((s) => ({ edges: [...s.edges, edge] }));
  commit();
  return check;
}

/** A node of `info`'s type at `position`, selected; its slot is filled when the flow has exactly one fitting slot. */
export function addNode(info: NodeTypeInfo, position: Position): string | null {
  const s = useGraph.getState();
  if (!s.meta) return null;
  const id = newNodeId(info.type, new Set(s.nodes.map((n) => n.id)));
  const data: KoppelNodeData = { type: info.type, version: info.version, params: structuredClone(info.defaults) };
  let meta = s.meta;
  if (info.connection) {
    const fitting = Object.entries(meta.connections).filter(([, slot]) => slot.type === info.connection);
    const first = fitting[0];
    if (fitting.length >= 1 && first) data.connection = first[0];
    else {
      const slot = newSlotName(info.connection, new Set(Object.keys(meta.connections)));
      meta = { ...meta, connections: { ...meta.connections, [slot]: { type: info.connection } } };
      data.connection = slot;
    }
  }
  const occupied = s.nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: n.measured?.width ?? 208, h: n.measured?.height ?? 120 }));
  const spot = findFreeSpot({ x: Math.round(position.x), y: Math.round(position.y) }, { w: 208, h: 120 }, occupied);
  const node: KoppelNode = { id, type: 'koppel', position: spot, data, selected: true };
  useGraph.setState({ meta, nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node], edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) });
  commit();
  return id;
}

/** Changes one node's data; `key` merges typing in one field into one undo step. */
export function updateNodeData(nodeId: string, patch: Partial<KoppelNodeData>, key?: string): void {
  useGraph.setState((s) => ({ nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, data: { ...n.data, ...patch } } : n)) }));
  commit(key);
}

export function setNodeParam(nodeId: string, field: string, value: JsonObject[string] | undefined): void {
  const node = useGraph.getState().nodes.find((n) => n.id === nodeId);
  if (!node) return;
  const params: JsonObject = { ...node.data.params };
  if (value === undefined) delete params[field];
  else params[field] = value;
  updateNodeData(nodeId, { params }, `param:${nodeId}:${field}`);
}

/** Renames a node id everywhere it is referenced (edges, layout). Returns false when the id is taken. */
export function renameNode(oldId: string, newId: string): boolean {
  const s = useGraph.getState();
  if (oldId === newId) return true;
  if (s.nodes.some((n) => n.id === newId)) return false;
  useGraph.setState({
    nodes: s.nodes.map((n) => (n.id === oldId ? { ...n, id: newId } : n)),
    edges: s.edges.map((e) => {
      const source = e.source === oldId ? newId : e.source;
      const target = e.target === oldId ? newId : e.target;
      return source === e.source && target === e.target ? e : { ...e, id: `${source}:${e.sourceHandle ?? ''}->${target}:${e.targetHandle ?? ''}`, source, target };
    }),
  });
  useSelection.setState((sel) => ({ ...sel, nodeIds: sel.nodeIds.map((id) => (id === oldId ? newId : id)) }));
  commit();
  return true;
}

export function updateMeta(patch: Partial<FlowMeta>, key?: string): void {
  useGraph.setState((s) => (s.meta ? { meta: { ...s.meta, ...patch } } : {}));
  commit(key);
}

/** Viewport changes are remembered in the file's layout but are not an undo step. */
export function setViewport(viewport: { x: number; y: number; zoom: number }): void {
  useGraph.setState((s) => (s.meta ? { meta: { ...s.meta, viewport } } : {}));
}

export function deleteSelection(): void {
  const s = useGraph.getState();
  const nodeIds = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
  const hasEdges = s.edges.some((e) => e.selected);
  if (nodeIds.size === 0 && !hasEdges) return;
  useGraph.setState({
    nodes: s.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: s.edges.filter((e) => !e.selected && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  });
  useSelection.setState({ nodeIds: [], edgeIds: [] });
  commit();
}

export function selectAll(): void {
  useGraph.setState((s) => ({ nodes: s.nodes.map((n) => ({ ...n, selected: true })), edges: s.edges.map((e) => ({ ...e, selected: true })) }));
}

export function selectNode(nodeId: string): void {
  useGraph.setState((s) => ({ nodes: s.nodes.map((n) => ({ ...n, selected: n.id === nodeId })), edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) }));
  useSelection.setState({ nodeIds: [nodeId], edgeIds: [] });
}

function restore(doc: FlowDocument): void {
  const s = useGraph.getState();
  const selected = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
  const g = flowToCanvas(doc);
  // Keep the current viewport: undo should not jump the view around.
  const meta = s.meta?.viewport ? { ...g.meta, viewport: s.meta.viewport } : g.meta;
  useGraph.setState({
    meta,
    nodes: g.nodes.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n)),
    edges: g.edges,
    dirty: docJson(doc) !== s.savedJson,
    revision: s.revision + 1,
  });
}

export function undo(): void {
  const h = useGraph.getState().history;
  if (!h || h.past.length === 0) return;
  const next = historyReducer(h, { type: 'undo' });
  useGraph.setState({ history: next });
  restore(next.present);
}

export function redo(): void {
  const h = useGraph.getState().history;
  if (!h || h.future.length === 0) return;
  const next = historyReducer(h, { type: 'redo' });
  useGraph.setState({ history: next });
  restore(next.present);
}

let clipboard: ClipboardPayload | null = null;
let pasteCount = 0;

export function copy(): boolean {
  const s = useGraph.getState();
  const payload = copySelection(s.nodes, s.edges, new Set(s.nodes.filter((n) => n.selected).map((n) => n.id)));
  if (!payload) return false;
  clipboard = payload;
  pasteCount = 0;
  return true;
}

export function cut(): boolean {
  if (!copy()) return false;
  deleteSelection();
  return true;
}

export function paste(): boolean {
  const s = useGraph.getState();
  if (!clipboard || !s.meta) return false;
  pasteCount += 1;
  const { nodes, edges } = pasteClipboard(clipboard, new Set(s.nodes.map((n) => n.id)), { x: 32 * pasteCount, y: 32 * pasteCount });
  // Slots the pasted nodes use must exist in this flow (they may come from another flow).
  let connections = s.meta.connections;
  for (const n of nodes) {
    const slot = n.data.connection;
    const slotType = useWorkspace.getState().catalogIndex[n.data.type]?.connection;
    if (slot && slotType && !connections[slot]) connections = { ...connections, [slot]: { type: slotType } };
  }
  useGraph.setState({
    meta: connections === s.meta.connections ? s.meta : { ...s.meta, connections },
    nodes: [...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...nodes],
    edges: [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges],
  });
  commit();
  return true;
}

/** Lays the whole graph out left to right. */
export function layoutAll(): void {
  const s = useGraph.getState();
  const pos = autoLayout(
    s.nodes.map((n) => ({ id: n.id, width: n.measured?.width, height: n.measured?.height })),
    s.edges.map((e) => ({ source: e.source, target: e.target })),
  );
  useGraph.setState({ nodes: s.nodes.map((n) => ({ ...n, position: pos.get(n.id) ?? n.position })) });
  commit();
}
