import { Background, BackgroundVariant, ConnectionLineType, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { Connection, FinalConnectionState, IsValidConnection, NodeTypes, OnSelectionChangeParams, Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NODE_DRAG_MIME } from '../palette/palette-groups';
import * as graph from '../store/graph-actions';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { setSelection } from '../store/selection.slice';
import { useUi } from '../store/ui.slice';
import { portsOf, useWorkspace } from '../store/workspace.slice';
import { explainRefusal } from './connection-rules';
import { KoppelNodeView } from './koppel-node';
import { refusalText } from './refusal-text';
import type { KoppelEdge, KoppelNode } from './types';

const nodeTypes: NodeTypes = { koppel: KoppelNodeView };
const NODE_W = 208;
const NODE_H = 120;

const categoryColour: Record<string, string> = {
  trigger: '#8a6df0',
  visma: '#2f6fde',
  ccv: '#e0702a',
  logic: '#1f9d8b',
  transform: '#6b7a90',
};

function showNotice(message: string | null): void {
  useUi.setState({ canvasNotice: message });
}

export function FlowCanvas() {
  const { t } = useTranslation();
  const rf = useReactFlow<KoppelNode, KoppelEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const nodes = useGraph((s) => s.nodes);
  const edges = useGraph((s) => s.edges);
  const flowId = useGraph((s) => s.meta?.id);
  const initialViewport = useGraph((s) => s.meta?.viewport);
  const catalogIndex = useWorkspace((s) => s.catalogIndex);
  const runNodes = useRun((s) => s.nodes);
  const running = useRun((s) => s.running);
  const fitRequest = useUi((s) => s.fitRequest);
  const addRequest = useUi((s) => s.addRequest);
  const notice = useUi((s) => s.canvasNotice);

  // Fit when asked (zoom to fit, auto-layout, a flow was opened).
  useEffect(() => {
    if (fitRequest === 0) return;
    const timer = setTimeout(() => void rf.fitView({ padding: 0.25, duration: 150, maxZoom: 1 }), 30);
    return () => clearTimeout(timer);
  }, [fitRequest, rf]);

  // A flow without a remembered viewport is fitted on open.
  useEffect(() => {
    if (!flowId) return;
    const vp = useGraph.getState().meta?.viewport;
    const timer = setTimeout(() => (vp ? void rf.setViewport(vp) : void rf.fitView({ padding: 0.2, maxZoom: 1.2 })), 30);
    return () => clearTimeout(timer);
  }, [flowId, rf]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => showNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const addAt = useCallback(
    (type: string, clientX: number, clientY: number) => {
      const info = useWorkspace.getState().catalogIndex[type];
      if (!info) return;
      const p = rf.screenToFlowPosition({ x: clientX, y: clientY });
      graph.addNode(info, { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 });
    },
    [rf],
  );

  // Palette entries activated by click or keyboard land in the middle of the visible canvas.
  useEffect(() => {
    if (!addRequest || !wrapper.current) return;
    const r = wrapper.current.getBoundingClientRect();
    const jitter = (addRequest.seq % 5) * 24;
    addAt(addRequest.type, r.left + r.width / 2 + jitter, r.top + r.height / 2 + jitter);
    // The person did not choose a spot: bring the new node into view (and out from under the minimap).
    useUi.setState((s) => ({ addRequest: null, fitRequest: s.fitRequest + 1 }));
  }, [addRequest, addAt]);

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(NODE_DRAG_MIME);
    if (!type) return;
    e.preventDefault();
    addAt(type, e.clientX, e.clientY);
  };

  const isValidConnection: IsValidConnection<KoppelEdge> = useCallback(
    (c) => graph.canConnect({ source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null }).ok,
    [],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      showNotice(refusalText(graph.connect(c), t));
    },
    [t],
  );
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      const s = useGraph.getState();
      const check = explainRefusal(
        s,
        portsOf,
        { nodeId: state.fromHandle.nodeId, handle: state.fromHandle.id, kind: state.fromHandle.type },
        { nodeId: state.toHandle.nodeId, handle: state.toHandle.id, kind: state.toHandle.type },
      );
      showNotice(refusalText(check, t));
    },
    [t],
  );
  const onSelectionChange = useCallback(({ nodes: ns, edges: es }: OnSelectionChangeParams<KoppelNode, KoppelEdge>) => {
    setSelection(
      ns.map((n) => n.id),
      es.map((e) => e.id),
    );
  }, []);
  const onMoveEnd = useCallback((_: MouseEvent | TouchEvent | null, vp: Viewport) => graph.setViewport({ x: Math.round(vp.x), y: Math.round(vp.y), zoom: Math.round(vp.zoom * 1000) / 1000 }), []);

  // Presentation only: accessible names for nodes, error edges in red, edges animated while data flows.
  const viewNodes = useMemo(
    () =>
      nodes.map((n) => {
        const info = catalogIndex[n.data.type];
        return { ...n, ariaLabel: t('node.ariaLabel', { title: n.data.name || info?.title || n.data.type, id: n.id }) };
      }),
    [nodes, catalogIndex, t],
  );
  const viewEdges = useMemo(
    () =>
      edges.map((e) => ({
        ...e,
        className: e.sourceHandle === 'error' ? 'edge-error' : undefined,
        animated: running && runNodes[e.source]?.status === 'running',
        ariaLabel: t('canvas.edgeLabel', { from: `${e.source}.${e.sourceHandle ?? ''}`, to: `${e.target}.${e.targetHandle ?? ''}` }),
      })),
    [edges, running, runNodes, t],
  );

  return (
    <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow<KoppelNode, KoppelEdge>
        nodes={viewNodes}
        edges={viewEdges}
        nodeTypes={nodeTypes}
        onNodesChange={graph.onNodesChange}
        onEdgesChange={graph.onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onSelectionChange={onSelectionChange}
        onMoveEnd={onMoveEnd}
        onPaneClick={() => showNotice(null)}
        defaultViewport={initialViewport ?? { x: 0, y: 0, zoom: 1 }}
        snapToGrid
        snapGrid={[16, 16]}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        connectionLineType={ConnectionLineType.SmoothStep}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        minZoom={0.2}
        maxZoom={2}
        ariaLabelConfig={{
          'controls.ariaLabel': t('canvas.controls'),
          'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
          'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
          'controls.fitView.ariaLabel': t('canvas.zoomFit'),
          'controls.interactive.ariaLabel': t('canvas.lock'),
          'minimap.ariaLabel': t('canvas.minimap'),
          'node.a11yDescription.default': t('canvas.nodeHelp'),
          'edge.a11yDescription.default': t('canvas.edgeHelp'),
        }}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#c9d1dc" />
        <MiniMap<KoppelNode> pannable zoomable style={{ width: 144, height: 96 }} nodeColor={(n) => categoryColour[catalogIndex[n.data.type]?.category ?? ''] ?? '#9aa5b4'} nodeStrokeWidth={2} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 ? (
        <div className="canvas-empty" aria-hidden="true">
          <p>{t('canvas.emptyHint')}</p>
        </div>
      ) : null}
      {notice ? (
        <div className="canvas-notice" role="alert">
          {notice}
        </div>
      ) : null}
    </div>
  );
}
