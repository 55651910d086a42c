import type { NodeCatalog } from '../types';
import { findCycles, reachableFrom } from './graph';
import type { Problem } from './problems';
import type { FlowDocument, FlowNode } from './schema';
import { nodeLabel, validateNode } from './validate-node';

export interface ValidateOptions {
  /** Slots that have a real connection on this machine; when given, unfilled slots are errors. */
  boundSlots?: ReadonlySet<string>;
}

function edgeProblems(flow: FlowDocument, catalog: NodeCatalog, byId: Map<string, FlowNode>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  flow.edges.forEach((edge, i) => {
    const ends = [
      { end: edge.from, side: 'from' as const },
      { end: edge.to, side: 'to' as const },
    ];
    for (const { end, side } of ends) {
      const node = byId.get(end.node);
      if (!node) {
        problems.push({
          severity: 'error',
          field: `edges[${i}].${side}.node`,
          message: `A connection line ${side === 'from' ? 'starts at' : 'ends at'} node '${end.node}', which is not in this flow.`,
          fix: 'Delete the line, or add the missing node.',
        });
        continue;
      }
      const def = catalog.get(node.type);
      if (!def) continue;
      const ports = side === 'from' ? def.outputs : def.inputs;
      if (ports.some((p) => p.name === end.port)) continue;
      const names = ports.map((p) => `'${p.name}'`).join(', ');
      problems.push({
        severity: 'error',
        nodeId: node.id,
        field: `edges[${i}].${side}.port`,
        message: `A connection line ${side === 'from' ? 'leaves' : 'enters'} node ${nodeLabel(node)} at ${side === 'from' ? 'output' : 'input'} '${end.port}', which ${def.title} does not have.`,
        fix: names ? `Connect it to ${side === 'from' ? 'output' : 'input'} ${names} instead.` : `${def.title} has no ${side === 'from' ? 'outputs' : 'inputs'}: delete the line.`,
      });
    }
    const signature = `${edge.from.node}\u0000${edge.from.port}\u0000${edge.to.node}\u0000${edge.to.port}`;
    if (seen.has(signature)) {
      problems.push({
        severity: 'warning',
        field: `edges[${i}]`,
        message: `The connection from '${edge.from.node}' (${edge.from.port}) to '${edge.to.node}' (${edge.to.port}) is drawn twice.`,
        fix: 'Delete one of the two lines.',
      });
    }
    seen.add(signature);
  });
  return problems;
}

function graphProblems(flow: FlowDocument, catalog: NodeCatalog): Problem[] {
  const problems: Problem[] = [];
  const ids = [...new Set(flow.nodes.map((n) => n.id))];
  const named = new Map(flow.nodes.map((n) => [n.id, n.name ?? n.id]));
  for (const cycle of findCycles(ids, flow.edges)) {
    problems.push({
      severity: 'error',
      nodeId: cycle[0],
      field: 'edges',
      message: `These nodes form a loop, so records would go round forever: ${cycle.map((id) => named.get(id) ?? id).join(' → ')}.`,
      fix: 'Remove one of the connection lines in the loop.',
    });
  }
  const triggers = flow.nodes.filter((n) => catalog.get(n.type)?.category === 'trigger').map((n) => n.id);
  if (flow.nodes.length > 0 && triggers.length === 0) {
    problems.push({
      severity: 'error',
      message: 'This flow has no trigger, so it never starts.',
      fix: 'Add a trigger (for example "Manual start") and connect it to the first step.',
    });
    return problems;
  }
  const reached = reachableFrom(triggers, ids, flow.edges);
  for (const node of flow.nodes) {
    if (reached.has(node.id) || !catalog.get(node.type)) continue;
    problems.push({
      severity: 'warning',
      nodeId: node.id,
      message: `Node ${nodeLabel(node)} is not connected to a trigger, so it never receives records.`,
      fix: 'Connect it to the steps before it, or delete it.',
    });
  }
  return problems;
}

function slotProblems(flow: FlowDocument, bound: ReadonlySet<string>): Problem[] {
  const used = new Set(flow.nodes.filter((n) => !n.disabled && n.connection !== undefined).map((n) => n.connection ?? ''));
  const problems: Problem[] = [];
  for (const [name, slot] of Object.entries(flow.connections)) {
    if (!used.has(name) || bound.has(name)) continue;
    problems.push({
      severity: 'error',
      field: `connections.${name}`,
      message: `Connection slot '${slot.title ?? name}' (${slot.type}) is not filled on this computer.`,
      fix: `Choose which of your ${slot.type} connections to use for '${slot.title ?? name}'.`,
    });
  }
  return problems;
}

/** Every problem a person must fix before a flow can run (errors), and things worth a look (warnings). */
export function validateFlow(flow: FlowDocument, catalog: NodeCatalog, opts: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, FlowNode>();
  for (const node of flow.nodes) {
    if (byId.has(node.id)) {
      problems.push({
        severity: 'error',
        nodeId: node.id,
        field: 'id',
        message: `Two nodes have the id '${node.id}'.`,
        fix: 'Give each node its own id (rename one of them).',
      });
      continue;
    }
    byId.set(node.id, node);
    problems.push(...validateNode(node, catalog.get(node.type), flow));
  }
  problems.push(...edgeProblems(flow, catalog, byId));
  problems.push(...graphProblems(flow, catalog));
  if (opts.boundSlots) problems.push(...slotProblems(flow, opts.boundSlots));
  return problems;
}
