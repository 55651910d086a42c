import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { testCatalog, sampleFlow } from './catalog.fixture';
import { flowJsonSchema } from './json-schema';
import { parseFlow } from './parse';
import { flowDocumentSchema } from './schema';
import { serializeFlow } from './serialize';

const parsed = () => flowDocumentSchema.parse(sampleFlow());

function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return y.filter((line, i) => line !== x[i]);
}

describe('serializeFlow', () => {
  it('writes keys in the fixed order, 2-space indent, trailing newline, layout last', () => {
    const text = serializeFlow(parsed());
    const top = [...text.matchAll(/^ {2}"(\w+)":/gm)].map((m) => m[1]);
    expect(top).toEqual(['koppel', 'id', 'name', 'description', 'connections', 'nodes', 'edges', 'tables', 'settings', 'layout']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n    {\n      "id": "fetch",\n      "type": "test.fetch",\n      "version": 1,\n      "name": "Fetch stock",\n      "connection": "erp",\n      "params": {');
    expect(text).toContain('"from": { "node": "start", "port": "out" },');
    expect(text).toContain('"fetch": { "x": 200, "y": 0 }');
  });

  it('sorts params, tables, rows and edges, so equal flows give equal text', () => {
    const raw = sampleFlow();
    const shuffled = {
      ...raw,
      edges: [...raw.edges].reverse(),
      tables: { vat: { rows: { BE: 'EU', NL: 'H' }, default: 'EU', description: 'VAT code per country' } },
      nodes: raw.nodes.map((n) => (n.id === 'fetch' ? { params: { pageSize: 500 }, connection: 'erp', name: 'Fetch stock', version: 1, type: 'test.fetch', id: 'fetch' } : n)),
    };
    expect(serializeFlow(flowDocumentSchema.parse(shuffled))).toBe(serializeFlow(parsed()));
  });

  it('reads back to the same document', () => {
    const text = serializeFlow(parsed());
    const again = parseFlow(text, testCatalog);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    // Edges come back sorted; everything else exactly as it was.
    expect({ ...again.flow, edges: [] }).toEqual({ ...parsed(), edges: [] });
    expect(again.flow.edges).toHaveLength(parsed().edges.length);
    expect(again.flow.edges).toEqual(expect.arrayContaining(parsed().edges));
    expect(serializeFlow(again.flow)).toBe(text);
  });

  it('turns one changed parameter into one changed line', () => {
    const before = serializeFlow(parsed());
    const flow = parsed();
    const after = serializeFlow({ ...flow, nodes: flow.nodes.map((n) => (n.id === 'fetch' ? { ...n, params: { ...n.params, pageSize: 250 } } : n)) });
    expect(changedLines(before, after)).toEqual(['        "pageSize": 250']);
  });

  it('turns moving a node on the canvas into one changed line', () => {
    const before = serializeFlow(parsed());
    const flow = parsed();
    const after = serializeFlow({ ...flow, layout: { nodes: { ...flow.layout.nodes, calc: { x: 410, y: 30 } } } });
    expect(changedLines(before, after)).toEqual(['      "calc": { "x": 410, "y": 30 },']);
  });
});

describe('flowJsonSchema', () => {
  it('is a JSON Schema that accepts a flow file and rejects a broken one', () => {
    const schema = flowJsonSchema();
    expect(schema.title).toBe('Koppel flow file');
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(JSON.parse(serializeFlow(parsed())))).toBe(true);
    const { name: _n, ...minimal } = sampleFlow();
    expect(validate({ ...minimal, settings: undefined, layout: undefined, nodes: [] })).toBe(false);
    expect(validate({ ...sampleFlow(), nodes: [{ id: '1bad', type: 'x', version: 1, params: {} }] })).toBe(false);
    expect(validate({ koppel: 2, id: 'minimal', name: 'Only what is required', nodes: [] })).toBe(true);
  });
});
