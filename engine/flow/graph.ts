import type { FlowEdge } from './schema';

/** Downstream node ids per node, from edges whose both ends exist. */
export function successors(nodeIds: readonly string[], edges: readonly FlowEdge[]): Map<string, string[]> {
  const ids = new Set(nodeIds);
  const next = new Map<string, string[]>();
  for (const id of nodeIds) next.set(id, []);
  for (const e of edges) {
    if (!ids.has(e.from.node) || !ids.has(e.to.node)) continue;
    const list = next.get(e.from.node);
    if (list && !list.includes(e.to.node)) list.push(e.to.node);
  }
  return next;
}

/** Every distinct cycle as a path that returns to its start: ['a', 'b', 'c', 'a']. */
export function findCycles(nodeIds: readonly string[], edges: readonly FlowEdge[]): string[][] {
  const next = successors(nodeIds, edges);
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const to of next.get(id) ?? []) {
      const s = state.get(to);
      if (s === 'active') {
        const cycle = [...stack.slice(stack.indexOf(to)), to];
        const signature = [...new Set(cycle)].sort().join('\u0000');
        if (!seen.has(signature)) {
          seen.add(signature);
          cycles.push(cycle);
        }
      } else if (s === undefined) {
        visit(to);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);
  return cycles;
}

/** Node ids reachable from the given start nodes (the starts included). */
export function reachableFrom(starts: readonly string[], nodeIds: readonly string[], edges: readonly FlowEdge[]): Set<string> {
  const next = successors(nodeIds, edges);
  const reached = new Set<string>();
  const queue = [...starts];
  while (queue.length) {
    const id = queue.shift();
    if (id === undefined || reached.has(id)) continue;
    reached.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return reached;
}
