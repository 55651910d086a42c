import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument } from '../../host/contract';
import type { JsonObject } from '../lib/json';

export type FlowNode = FlowDocument['nodes'][number];
export type FlowEdge = FlowDocument['edges'][number];

/** Canvas node data: exactly the flow node minus its id (plain JSON, no callbacks). */
export type KoppelNodeData = {
  type: string;
  version: number;
  name?: string;
  connection?: string;
  disabled?: boolean;
  params: JsonObject;
};
export type KoppelNode = Node<KoppelNodeData, 'koppel'>;
export type KoppelEdge = Edge;

export type Viewport = { x: number; y: number; zoom: number };

/** Everything of a flow document that is not drawn as nodes and edges. */
export type FlowMeta = Omit<FlowDocument, 'nodes' | 'edges' | 'layout'> & { viewport?: Viewport };

export type Position = { x: number; y: number };

/** The ports of a node type, as far as the canvas needs them. */
export type PortLookup = (type: string) => { inputs: string[]; outputs: string[] } | undefined;
