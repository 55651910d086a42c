import { describe, expect, it } from 'vitest';
import { checkConnection, explainRefusal, reaches } from './connection-rules';
import type { GraphView } from './connection-rules';
import type { PortLookup } from './types';

const ports: PortLookup = (type) =>
  ({
    trigger: { inputs: [], outputs: ['out'] },
    fetch: { inputs: ['in'], outputs: ['items', 'error'] },
    write: { inputs: ['in'], outputs: ['done', 'error'] },
  })[type];

const graph: GraphView = {
  nodes: [
    { id: 't', data: { type: 'trigger' } },
    { id: 'f', data: { type: 'fetch' } },
    { id: 'w', data: { type: 'write' } },
    { id: 'x', data: { type: 'mystery' } },
  ],
  edges: [
    { source: 't', sourceHandle: 'out', target: 'f', targetHandle: 'in' },
    { source: 'f', sourceHandle: 'items', target: 'w', targetHandle: 'in' },
  ],
};

describe('connection rules', () => {
  it('accepts an output to an input of another node', () => {
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'error', target: 'w', targetHandle: 'in' })).toEqual({ ok: true });
  });

  it('refuses a duplicate edge', () => {
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'items', target: 'w', targetHandle: 'in' })).toEqual({ ok: false, reason: 'duplicate' });
  });

  it('refuses an edge that closes a cycle', () => {
    expect(checkConnection(graph, ports, { source: 'w', sourceHandle: 'done', target: 'f', targetHandle: 'in' })).toEqual({ ok: false, reason: 'cycle' });
  });

  it('refuses an edge from a node to itself', () => {
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'items', target: 'f', targetHandle: 'in' })).toEqual({ ok: false, reason: 'self' });
  });

  it('refuses unknown ports and names the port', () => {
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'nope', target: 'w', targetHandle: 'in' })).toEqual({ ok: false, reason: 'unknown-port', port: 'nope' });
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'items', target: 'w', targetHandle: 'out' })).toEqual({ ok: false, reason: 'unknown-port', port: 'out' });
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'items', target: 'x', targetHandle: 'in' })).toEqual({ ok: false, reason: 'unknown-port', port: 'in' });
  });

  it('refuses edges to nodes that do not exist', () => {
    expect(checkConnection(graph, ports, { source: 'f', sourceHandle: 'items', target: 'ghost', targetHandle: 'in' })).toEqual({ ok: false, reason: 'unknown-node' });
  });

  it('explains input-to-input and output-to-output drags', () => {
    expect(explainRefusal(graph, ports, { nodeId: 'f', handle: 'in', kind: 'target' }, { nodeId: 'w', handle: 'in', kind: 'target' })).toEqual({ ok: false, reason: 'input-to-input' });
    expect(explainRefusal(graph, ports, { nodeId: 'f', handle: 'items', kind: 'source' }, { nodeId: 'w', handle: 'done', kind: 'source' })).toEqual({ ok: false, reason: 'output-to-output' });
  });

  it('normalises a drag that starts at an input', () => {
    expect(explainRefusal(graph, ports, { nodeId: 'w', handle: 'in', kind: 'target' }, { nodeId: 'f', handle: 'error', kind: 'source' })).toEqual({ ok: true });
    expect(explainRefusal(graph, ports, { nodeId: 'f', handle: 'in', kind: 'target' }, { nodeId: 'w', handle: 'done', kind: 'source' })).toEqual({ ok: false, reason: 'cycle' });
  });

  it('follows edges transitively', () => {
    expect(reaches(graph, 't', 'w')).toBe(true);
    expect(reaches(graph, 'w', 't')).toBe(false);
  });
});
