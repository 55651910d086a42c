import type { FlowDocument, FlowNode } from '../flow/schema';
import type { AnyNodeDefinition, Batch, NodeCatalog } from '../types';
import { Channel } from './channel';

export interface NodePlan {
  node: FlowNode;
  def: AnyNodeDefinition;
  /** One channel per input port that has incoming edges. */
  inputs: Map<string, Channel<Batch>>;
  /** The channels each output port feeds (fan-out: the same batch goes to all). */
  outputs: Map<string, Channel<Batch>[]>;
  /** First step after the trigger (or a node without inputs): `only.keys` filters its output. */
  entry: boolean;
}

/** Channels between nodes: one per target input port; several edges into one port share (merge into) it. */
export function wire(flow: FlowDocument, catalog: NodeCatalog, capacity: number): { plans: NodePlan[]; channels: Channel<Batch>[] } {
  const plans = new Map<string, NodePlan>();
  for (const node of flow.nodes) {
    const def = catalog.get(node.type);
    if (!def) throw new Error(`Node '${node.id}' has unknown type '${node.type}'.`);
    plans.set(node.id, { node, def, inputs: new Map(), outputs: new Map(), entry: false });
  }
  const channels: Channel<Batch>[] = [];
  const seen = new Set<string>();
  for (const edge of flow.edges) {
    const signature = `${edge.from.node}\u0000${edge.from.port}\u0000${edge.to.node}\u0000${edge.to.port}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    const from = plans.get(edge.from.node);
    const to = plans.get(edge.to.node);
    if (!from || !to) continue;
    let channel = to.inputs.get(edge.to.port);
    if (!channel) {
      channel = new Channel<Batch>(capacity, (batch) => batch.length);
      to.inputs.set(edge.to.port, channel);
      channels.push(channel);
    }
    channel.addWriter();
    const targets = from.outputs.get(edge.from.port) ?? [];
    targets.push(channel);
    from.outputs.set(edge.from.port, targets);
  }
  const isTrigger = (id: string) => plans.get(id)?.def.category === 'trigger';
  for (const plan of plans.values()) {
    if (plan.def.category === 'trigger') continue;
    const sources = flow.edges.filter((e) => e.to.node === plan.node.id).map((e) => e.from.node);
    plan.entry = sources.every(isTrigger);
  }
  return { plans: [...plans.values()], channels };
}
