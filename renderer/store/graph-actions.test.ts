import { beforeEach, describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../../host/contract';
import type { NodeTypeInfo } from '../../host/contract';
import * as graph from './graph-actions';
import { useGraph } from './graph.slice';
import { setCatalog } from './workspace.slice';

const info = (type: string, inputs: string[], outputs: string[], connection?: 'visma-net' | 'ccv-shop'): NodeTypeInfo => ({
  type,
  version: 1,
  title: type,
  category: 'logic',
  description: '',
  icon: 'box',
  ...(connection ? { connection } : {}),
  inputs: inputs.map((name) => ({ name, title: name })),
  outputs: outputs.map((name) => ({ name, title: name })),
  writes: false,
  paramsSchema: {},
  defaults: { limit: 10 },
});

const catalog = [info('trigger.manual', [], ['out']), info('core.filter', ['in'], ['kept', 'error']), info('ccv.push', ['in'], ['done'], 'ccv-shop')];
const flow = flowDocumentSchema.parse({ koppel: 2, id: 'f1', name: 'F', nodes: [{ id: 'start', type: 'trigger.manual', version: 1, params: {} }], layout: { nodes: { start: { x: 0, y: 0 } } } });

beforeEach(() => {
  setCatalog(catalog);
  graph.loadFlow('/flows/f1.flow.json', flow);
});

const byId = (id: string) => useGraph.getState().nodes.find((n) => n.id === id);
const pick = (type: string): NodeTypeInfo => {
  const found = catalog.find((c) => c.type === type);
  if (!found) throw new Error(`no ${type} in the test catalogue`);
  return found;
};

describe('graph actions', () => {
  it('opens a flow clean, and a change makes it dirty; saving makes it clean again', () => {
    expect(useGraph.getState()).toMatchObject({ dirty: false, path: '/flows/f1.flow.json' });
    graph.addNode(pick('core.filter'), { x: 400, y: 0 });
    expect(useGraph.getState().dirty).toBe(true);
    graph.markSaved('/flows/f1.flow.json', 'r2');
    expect(useGraph.getState().fileRevision).toBe('r2');
    expect(useGraph.getState().dirty).toBe(false);
  });

  it('adds a node with the type defaults and a unique id, away from existing nodes', () => {
    const a = graph.addNode(pick('core.filter'), { x: 0, y: 0 });
    const b = graph.addNode(pick('core.filter'), { x: 0, y: 0 });
    expect([a, b]).toEqual(['filter', 'filter-2']);
    expect(byId('filter')?.data).toEqual({ type: 'core.filter', version: 1, params: { limit: 10 } });
    expect(byId('filter')?.position).not.toEqual(byId('start')?.position);
  });

  it('creates a slot for a node that needs a connection, and reuses it for the next one', () => {
    graph.addNode(pick('ccv.push'), { x: 0, y: 300 });
    graph.addNode(pick('ccv.push'), { x: 0, y: 600 });
    expect(useGraph.getState().meta?.connections).toEqual({ shop: { type: 'ccv-shop' } });
    expect(byId('push-2')?.data.connection).toBe('shop');
  });

  it('connects valid ports, refuses invalid ones, and undo/redo restore the document', () => {
    graph.addNode(pick('core.filter'), { x: 400, y: 0 });
    expect(graph.connect({ source: 'start', sourceHandle: 'out', target: 'filter', targetHandle: 'in' })).toEqual({ ok: true });
    expect(graph.connect({ source: 'start', sourceHandle: 'out', target: 'filter', targetHandle: 'in' })).toEqual({ ok: false, reason: 'duplicate' });
    expect(graph.connect({ source: 'filter', sourceHandle: 'kept', target: 'start', targetHandle: 'in' })).toMatchObject({ ok: false, reason: 'unknown-port' });
    expect(useGraph.getState().edges).toHaveLength(1);
    graph.undo();
    expect(useGraph.getState().edges).toHaveLength(0);
    graph.undo();
    expect(byId('filter')).toBeUndefined();
    graph.redo();
    graph.redo();
    expect(useGraph.getState().edges).toHaveLength(1);
    expect(graph.currentDocument()?.edges).toEqual([{ from: { node: 'start', port: 'out' }, to: { node: 'filter', port: 'in' } }]);
  });

  it('merges typing in one param into one undo step', () => {
    graph.addNode(pick('core.filter'), { x: 400, y: 0 });
    graph.setNodeParam('filter', 'limit', 1);
    graph.setNodeParam('filter', 'limit', 12);
    graph.setNodeParam('filter', 'limit', 123);
    expect(byId('filter')?.data.params.limit).toBe(123);
    graph.undo();
    expect(byId('filter')?.data.params.limit).toBe(10);
  });

  it('renames a node everywhere and refuses a taken id', () => {
    graph.addNode(pick('core.filter'), { x: 400, y: 0 });
    graph.connect({ source: 'start', sourceHandle: 'out', target: 'filter', targetHandle: 'in' });
    expect(graph.renameNode('filter', 'start')).toBe(false);
    expect(graph.renameNode('filter', 'keepOpen')).toBe(true);
    expect(graph.currentDocument()?.edges[0]?.to.node).toBe('keepOpen');
    expect(graph.currentDocument()?.layout.nodes.keepOpen).toBeDefined();
  });

  it('copies, pastes with new ids and deletes the selection with its edges', () => {
    graph.addNode(pick('core.filter'), { x: 400, y: 0 });
    graph.connect({ source: 'start', sourceHandle: 'out', target: 'filter', targetHandle: 'in' });
    graph.selectAll();
    expect(graph.copy()).toBe(true);
    expect(graph.paste()).toBe(true);
    const ids = useGraph.getState().nodes.map((n) => n.id);
    expect(ids).toEqual(['start', 'filter', 'start-2', 'filter-2']);
    expect(useGraph.getState().edges.map((e) => e.id)).toContain('start-2:out->filter-2:in');
    graph.deleteSelection();
    expect(useGraph.getState().nodes.map((n) => n.id)).toEqual(['start', 'filter']);
    expect(useGraph.getState().edges).toHaveLength(1);
  });

  it('auto-layout places nodes left to right along edges as one undo step', () => {
    graph.addNode(pick('core.filter'), { x: -500, y: 300 });
    graph.connect({ source: 'start', sourceHandle: 'out', target: 'filter', targetHandle: 'in' });
    graph.layoutAll();
    expect((byId('start')?.position.x ?? 0) < (byId('filter')?.position.x ?? 0)).toBe(true);
    graph.undo();
    expect(byId('filter')?.position).toEqual({ x: -500, y: 300 });
  });
});
