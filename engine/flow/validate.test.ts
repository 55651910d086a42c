import { describe, expect, it } from 'vitest';
import { testCatalog, sampleFlow } from './catalog.fixture';
import type { Problem } from './problems';
import { flowDocumentSchema } from './schema';
import type { FlowDocument } from './schema';
import { validateFlow } from './validate';

type Raw = ReturnType<typeof sampleFlow>;
const flowOf = (change: (raw: Raw) => unknown): FlowDocument => flowDocumentSchema.parse(change(sampleFlow()));
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('validateFlow', () => {
  it('finds nothing wrong with a good flow', () => {
    expect(validateFlow(flowOf((r) => r), testCatalog, { boundSlots: new Set(['erp', 'shop']) })).toEqual([]);
  });

  it('reports an unknown node type', () => {
    const flow = flowOf((r) => ({ ...r, nodes: [...r.nodes, { id: 'ghost', type: 'acme.teleport', version: 1, params: {} }] }));
    expect(validateFlow(flow, testCatalog)).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        nodeId: 'ghost',
        field: 'type',
        message: "Node 'ghost' has type 'acme.teleport', which this Koppel does not know.",
      }),
    );
  });

  it('names params that are missing, extra or of the wrong type', () => {
    const flow = flowOf((r) => ({
      ...r,
      nodes: r.nodes.map((n) => {
        if (n.id === 'fetch') return { ...n, params: { pageSize: 'many', colour: 'red', status: 'Sleeping' } };
        if (n.id === 'calc') return { ...n, params: { fields: [{ name: 'x' }], typo: 1 } };
        return n;
      }),
    }));
    const problems = validateFlow(flow, testCatalog);
    const byField = (nodeId: string, field: string) => problems.find((p) => p.nodeId === nodeId && p.field === field)?.message;
    expect(byField('fetch', 'params.pageSize')).toBe("Node 'Fetch stock': Parameter 'pageSize' should be a number, but it is the text \"many\".");
    expect(byField('fetch', 'params.colour')).toBe("Node 'Fetch stock': Parameter 'colour' is not known here.");
    expect(byField('fetch', 'params.status')).toBe("Node 'Fetch stock': Parameter 'status' is the text \"Sleeping\", which is not allowed here.");
    expect(problems.find((p) => p.field === 'params.status')?.fix).toBe('Use one of: "Active", "Inactive".');
    expect(byField('calc', 'params.formula')).toBe("Node 'Calculate': Parameter 'formula' is missing.");
    expect(byField('calc', 'params.fields[0].expr')).toBe("Node 'Calculate': Parameter 'fields[0].expr' is missing.");
    // calc uses a plain z.object, which would drop `typo` silently.
    expect(byField('calc', 'params.typo')).toBe("Node 'Calculate': Parameter 'typo' is not known here.");
  });

  it('reports edges to missing nodes and ports', () => {
    const flow = flowOf((r) => ({
      ...r,
      edges: [
        ...r.edges,
        { from: { node: 'calc', port: 'out' }, to: { node: 'nowhere', port: 'in' } },
        { from: { node: 'fetch', port: 'rejects' }, to: { node: 'save', port: 'in' } },
        { from: { node: 'fetch', port: 'out' }, to: { node: 'start', port: 'in' } },
      ],
    }));
    const problems = validateFlow(flow, testCatalog);
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'edges[3].to.node', message: "A connection line ends at node 'nowhere', which is not in this flow." }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'fetch',
        field: 'edges[4].from.port',
        message: "A connection line leaves node 'Fetch stock' at output 'rejects', which Fetch items does not have.",
        fix: "Connect it to output 'out', 'error' instead.",
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ nodeId: 'start', field: 'edges[5].to.port', fix: 'Start has no inputs: delete the line.' }));
  });

  it('reports duplicate node ids and duplicate edges', () => {
    const flow = flowOf((r) => ({ ...r, nodes: [...r.nodes, { id: 'calc', type: 'test.start', version: 1, params: {} }], edges: [...r.edges, r.edges[0]] }));
    const problems = validateFlow(flow, testCatalog);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', nodeId: 'calc', field: 'id', message: "Two nodes have the id 'calc'." }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', field: 'edges[3]' }));
  });

  it('reports a cycle with its path', () => {
    const flow = flowOf((r) => ({ ...r, edges: [...r.edges, { from: { node: 'save', port: 'out' }, to: { node: 'fetch', port: 'in' } }] }));
    const cycles = validateFlow(flow, testCatalog).filter((p) => p.message.includes('loop'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({
      nodeId: 'fetch',
      message: 'These nodes form a loop, so records would go round forever: Fetch stock → Calculate → save → Fetch stock.',
    });
  });

  it('checks connection slots: missing, undeclared, wrong type, not filled here', () => {
    const flow = flowOf((r) => ({
      ...r,
      connections: { erp: { type: 'ccv-shop' }, shop: { type: 'ccv-shop' } },
      nodes: r.nodes.map((n) => (n.id === 'save' ? { ...n, connection: 'webshop' } : n.id === 'calc' ? { ...n, connection: 'erp' } : n)),
    }));
    const problems = validateFlow(flow, testCatalog, { boundSlots: new Set(['shop']) });
    expect(problems).toContainEqual(
      expect.objectContaining({ nodeId: 'fetch', message: "Node 'Fetch stock' needs a visma-net connection, but slot 'erp' is a ccv-shop connection." }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ nodeId: 'save', message: "Node 'save' uses connection slot 'webshop', which this flow does not declare." }));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', nodeId: 'calc', field: 'connection' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'connections.erp', message: "Connection slot 'erp' (ccv-shop) is not filled on this computer." }),
    );
    const noSlot = flowOf((r) => ({ ...r, nodes: r.nodes.map((n) => (n.id === 'fetch' ? { ...n, connection: undefined } : n)) }));
    expect(validateFlow(noSlot, testCatalog)).toContainEqual(
      expect.objectContaining({ nodeId: 'fetch', field: 'connection', message: "Node 'Fetch stock' needs a visma-net connection, but none is chosen." }),
    );
  });

  it('compiles expressions and checks the tables they use', () => {
    const flow = flowOf((r) => ({
      ...r,
      nodes: r.nodes.map((n) =>
        n.id === 'calc' ? { ...n, params: { formula: 'price *', fields: [{ name: 'code', expr: "$table('payment-methods', method)" }] } } : n,
      ),
    }));
    const problems = validateFlow(flow, testCatalog);
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'calc',
        field: 'params.formula',
        message: "Node 'Calculate': The expression in formula does not compile (at character 7): Unexpected end of expression.",
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        nodeId: 'calc',
        field: 'params.fields[0].expr',
        message: "Node 'Calculate': the expression in fields[0].expr uses table 'payment-methods', which this flow does not have.",
      }),
    );
  });

  it('warns about nodes no trigger reaches, and requires a trigger', () => {
    const flow = flowOf((r) => ({ ...r, edges: r.edges.slice(1) }));
    const warnings = validateFlow(flow, testCatalog).filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => w.nodeId)).toEqual(['fetch', 'calc', 'save']);
    expect(warnings[0]?.message).toBe("Node 'Fetch stock' is not connected to a trigger, so it never receives records.");
    const noTrigger = flowOf((r) => ({ ...r, nodes: r.nodes.slice(1), edges: r.edges.slice(1) }));
    expect(errors(validateFlow(noTrigger, testCatalog))).toContainEqual(expect.objectContaining({ message: 'This flow has no trigger, so it never starts.' }));
  });

  it('warns about secrets and addresses in params', () => {
    const flow = flowOf((r) => ({
      ...r,
      nodes: r.nodes.map((n) => (n.id === 'calc' ? { ...n, params: { formula: '"https://mijnwinkel.nl/p/" & sku', fields: [] } } : n)),
    }));
    expect(validateFlow(flow, testCatalog)).toContainEqual(
      expect.objectContaining({ severity: 'warning', nodeId: 'calc', field: 'params.formula', message: expect.stringContaining('web address') }),
    );
  });
});
