import type { Position } from './types';

export interface LayoutNode {
  id: string;
  width?: number;
  height?: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
}
export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  gapX: number;
  gapY: number;
  origin: Position;
}

const defaults: LayoutOptions = { nodeWidth: 208, nodeHeight: 110, gapX: 96, gapY: 40, origin: { x: 0, y: 0 } };

/**
 * A simple layered layout, left to right: each node sits one layer right of its furthest predecessor
 * (longest path), then a few barycentre sweeps order each layer to reduce crossings. Edges that close a
 * cycle are ignored, so a broken graph still gets a layout.
 */
export function autoLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: Partial<LayoutOptions> = {}): Map<string, Position> {
  const opts = { ...defaults, ...options };
  const ids = nodes.map((n) => n.id);
  const known = new Set(ids);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of acyclicEdges(ids, edges.filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target))) {
    preds.get(e.target)?.push(e.source);
    succs.get(e.source)?.push(e.target);
  }

  const layer = new Map<string, number>();
  const visit = (id: string): number => {
    const cached = layer.get(id);
    if (cached !== undefined) return cached;
    const l = Math.max(-1, ...(preds.get(id) ?? []).map(visit)) + 1;
    layer.set(id, l);
    return l;
  };
  ids.forEach(visit);

  const layers: string[][] = [];
  for (const id of ids) {
    const l = layer.get(id) ?? 0;
    (layers[l] ??= []).push(id);
  }

  // Barycentre sweeps: order each layer by the mean position of its neighbours in the previous layer.
  const order = new Map<string, number>();
  const setOrder = (layerIds: string[]) => layerIds.forEach((id, i) => order.set(id, i));
  layers.forEach((l) => setOrder(l));
  const sweep = (from: number, to: number, step: number, neighbours: Map<string, string[]>) => {
    for (let i = from; i !== to; i += step) {
      const l = layers[i];
      if (!l) continue;
      const score = (id: string) => {
        const ns = neighbours.get(id) ?? [];
        if (ns.length === 0) return order.get(id) ?? 0;
        return ns.reduce((s, n) => s + (order.get(n) ?? 0), 0) / ns.length;
      };
      const scored = l.map((id, idx) => ({ id, s: score(id), idx }));
      scored.sort((a, b) => a.s - b.s || a.idx - b.idx);
      layers[i] = scored.map((x) => x.id);
      setOrder(layers[i] ?? []);
    }
  };
  for (let pass = 0; pass < 3; pass++) {
    sweep(1, layers.length, 1, preds);
    sweep(layers.length - 2, -1, -1, succs);
  }

  const sizes = new Map(nodes.map((n) => [n.id, { w: n.width ?? opts.nodeWidth, h: n.height ?? opts.nodeHeight }]));
  const layerWidth = layers.map((l) => Math.max(opts.nodeWidth, ...l.map((id) => sizes.get(id)?.w ?? opts.nodeWidth)));
  const layerHeight = layers.map((l) => l.reduce((s, id) => s + (sizes.get(id)?.h ?? opts.nodeHeight), 0) + Math.max(0, l.length - 1) * opts.gapY);
  const tallest = Math.max(0, ...layerHeight);

  const result = new Map<string, Position>();
  let x = opts.origin.x;
  layers.forEach((l, i) => {
    // Centre each layer vertically against the tallest one, so chains line up.
    let y = opts.origin.y + (tallest - (layerHeight[i] ?? 0)) / 2;
    for (const id of l) {
      result.set(id, { x: Math.round(x), y: Math.round(y) });
      y += (sizes.get(id)?.h ?? opts.nodeHeight) + opts.gapY;
    }
    x += (layerWidth[i] ?? opts.nodeWidth) + opts.gapX;
  });
  return result;
}

/** Drops the edges that close a cycle (found by depth-first search in node order). */
function acyclicEdges(ids: readonly string[], edges: readonly LayoutEdge[]): LayoutEdge[] {
  const out = new Map<string, LayoutEdge[]>(ids.map((id) => [id, []]));
  for (const e of edges) out.get(e.source)?.push(e);
  const state = new Map<string, 'active' | 'done'>();
  const kept: LayoutEdge[] = [];
  const dfs = (id: string) => {
    state.set(id, 'active');
    for (const e of out.get(id) ?? []) {
      const s = state.get(e.target);
      if (s === 'active') continue;
      kept.push(e);
      if (s === undefined) dfs(e.target);
    }
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) dfs(id);
  return kept;
}
