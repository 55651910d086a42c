import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../host/contract';
import { canvasToFlow, edgeId, flowToCanvas } from './flow-mapping';

const doc = flowDocumentSchema.parse({
  koppel: 2,
  id: 'stock-sync',
  name: 'Stock sync',
  description: 'Visma stock to CCV',
  connections: { visma: { type: 'visma-net', title: 'ERP' }, shop: { type: 'ccv-shop' } },
  nodes: [
    { id: 'start', type: 'trigger.manual', version: 1, params: {} },
    { id: 'fetch', type: 'visma.fetchInventory', version: 2, name: 'Fetch stock', connection: 'visma', params: { pageSize: 500, warehouses: ['MAIN'] } },
    { id: 'push', type: 'ccv.updateStock', version: 1, connection: 'shop', disabled: true, params: { mapping: { a: 1 } } },
  ],
  edges: [
    { from: { node: 'start', port: 'out' }, to: { node: 'fetch', port: 'in' } },
    { from: { node: 'fetch', port: 'items' }, to: { node: 'push', port: 'in' } },
  ],
  tables: { vat: { rows: { NL: 'H', BE: 'L' }, default: 'H' } },
  settings: { batchSize: 50, payloadLogging: 'full', stopOnError: true },
  layout: { nodes: { start: { x: 0, y: 0 }, fetch: { x: 300, y: 10 }, push: { x: 600, y: 20 } }, viewport: { x: 5, y: 6, zoom: 0.8 } },
});

describe('flow-mapping', () => {
  it('round-trips a flow document through the canvas unchanged', () => {
    const back = canvasToFlow(flowToCanvas(doc));
    expect(back).toEqual(doc);
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc));
  });

  it('maps nodes to koppel canvas nodes with data = node minus id', () => {
    const g = flowToCanvas(doc);
    const fetch = g.nodes.find((n) => n.id === 'fetch');
    expect(fetch?.type).toBe('koppel');
    expect(fetch?.position).toEqual({ x: 300, y: 10 });
    expect(fetch?.data).toEqual({ type: 'visma.fetchInventory', version: 2, name: 'Fetch stock', connection: 'visma', params: { pageSize: 500, warehouses: ['MAIN'] } });
    expect(g.meta.viewport).toEqual({ x: 5, y: 6, zoom: 0.8 });
    expect(g.meta).not.toHaveProperty('nodes');
  });

  it('names edge handles by port and gives edges stable ids', () => {
    const g = flowToCanvas(doc);
    expect(g.edges[1]).toEqual({ id: 'fetch:items->push:in', source: 'fetch', sourceHandle: 'items', target: 'push', targetHandle: 'in' });
    expect(edgeId({ from: { node: 'a', port: 'x' }, to: { node: 'b', port: 'y' } })).toBe('a:x->b:y');
  });

  it('places nodes without a stored position by auto-layout, left to right along edges', () => {
    const noLayout = { ...doc, layout: { nodes: {} } };
    const g = flowToCanvas(noLayout);
    const x = (id: string) => g.nodes.find((n) => n.id === id)?.position.x ?? NaN;
    expect(x('start')).toBeLessThan(x('fetch'));
    expect(x('fetch')).toBeLessThan(x('push'));
    expect(canvasToFlow(g).layout.nodes.push).toBeDefined();
  });

  it('rounds positions and reflects moves, new edges and param edits in the document', () => {
    const g = flowToCanvas(doc);
    const moved = {
      ...g,
      nodes: g.nodes.map((n) => (n.id === 'push' ? { ...n, position: { x: 612.4, y: 19.6 }, data: { ...n.data, params: { mapping: { a: 2 } } } } : n)),
      edges: g.edges.slice(0, 1),
    };
    const out = canvasToFlow(moved);
    expect(out.layout.nodes.push).toEqual({ x: 612, y: 20 });
    expect(out.nodes[2]?.params).toEqual({ mapping: { a: 2 } });
    expect(out.edges).toHaveLength(1);
    expect(flowDocumentSchema.safeParse(out).success).toBe(true);
  });

  it('drops edges whose handles are missing rather than writing an invalid file', () => {
    const g = flowToCanvas(doc);
    const broken = { ...g, edges: [{ id: 'x', source: 'start', target: 'fetch' }] };
    expect(canvasToFlow(broken).edges).toEqual([]);
  });
});
