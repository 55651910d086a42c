import { describe, expect, it } from 'vitest';
import { copySelection, pasteClipboard } from './clipboard';
import { isValidNodeId, newNodeId, newSlotName } from './node-ids';
import type { KoppelEdge, KoppelNode } from './types';

const node = (id: string, x: number): KoppelNode => ({ id, type: 'koppel', position: { x, y: 0 }, data: { type: 'core.map', version: 1, params: { rows: [] } } });
const nodes = [node('a', 0), node('b', 100), node('c', 200)];
const edges: KoppelEdge[] = [
  { id: 'e1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' },
  { id: 'e2', source: 'b', sourceHandle: 'out', target: 'c', targetHandle: 'in' },
];

describe('node ids', () => {
  it('derives readable unique ids from the node type', () => {
    expect(newNodeId('visma.fetchInventory', new Set())).toBe('fetchInventory');
    expect(newNodeId('visma.fetchInventory', new Set(['fetchInventory', 'fetchInventory-2']))).toBe('fetchInventory-3');
    expect(newNodeId('fetch-2', new Set(['fetch', 'fetch-2']))).toBe('fetch-3');
    expect(newNodeId('core.9lives', new Set())).toBe('lives');
    expect(newNodeId('...', new Set())).toBe('node');
    expect(isValidNodeId(newNodeId('x.Ünïcode name', new Set()))).toBe(true);
  });

  it('names new slots after their type', () => {
    expect(newSlotName('ccv-shop', new Set(['shop']))).toBe('shop-2');
    expect(newSlotName('visma-net', new Set())).toBe('visma');
  });
});

describe('copy and paste', () => {
  it('copies selected nodes and only the edges between them', () => {
    const payload = copySelection(nodes, edges, new Set(['a', 'b']));
    expect(payload?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(payload?.edges).toEqual([{ source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in' }]);
    expect(copySelection(nodes, edges, new Set())).toBeNull();
  });

  it('pastes with fresh ids, remapped edges and an offset; the copy is independent', () => {
    const payload = copySelection(nodes, edges, new Set(['a', 'b']));
    if (!payload) throw new Error('nothing copied');
    const pasted = pasteClipboard(payload, new Set(nodes.map((n) => n.id)), { x: 30, y: 40 });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['a-2', 'b-2']);
    expect(pasted.nodes[1]?.position).toEqual({ x: 130, y: 40 });
    expect(pasted.nodes.every((n) => n.selected)).toBe(true);
    expect(pasted.edges).toEqual([{ id: 'a-2:out->b-2:in', source: 'a-2', sourceHandle: 'out', target: 'b-2', targetHandle: 'in' }]);
    const first = pasted.nodes[0];
    if (first) first.data.params.rows = ['changed'];
    expect(nodes[0]?.data.params.rows).toEqual([]);
  });
});
