import { describe, expect, it } from 'vitest';
import { testCatalog, sampleFlow } from './catalog.fixture';
import type { JsonObject } from '../json';
import { migrateFormat } from './migrate';
import { parseFlow } from './parse';

describe('parseFlow', () => {
  it('reads a valid file and fills defaults', () => {
    const raw = sampleFlow();
    const { settings: _s, layout: _l, ...minimal } = raw;
    const r = parseFlow(JSON.stringify(minimal), testCatalog);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.flow.nodes.map((n) => n.id)).toEqual(['start', 'fetch', 'calc', 'save']);
    expect(r.flow.settings).toEqual({ batchSize: 100, payloadLogging: 'redacted', stopOnError: false });
    expect(r.flow.layout).toEqual({ nodes: {} });
    expect(r.notes).toEqual([]);
  });

  it('reports a JSON syntax error with line and column', () => {
    const text = '{\n  "koppel": 2,\n  "id": "x"\n  "name": "y"\n}';
    const r = parseFlow(text, testCatalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', line: 4, column: 3 });
    expect(r.problems[0]?.message).toMatch(/^The flow file is not valid JSON at line 4, column 3: /);
  });

  it('reports a truncated file at its end', () => {
    const r = parseFlow('{\n  "koppel": 2,\n', testCatalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('refuses something that is not a flow file, or one from a newer Koppel', () => {
    const notObject = parseFlow('[1,2]', testCatalog);
    expect(!notObject.ok && notObject.problems[0]?.message).toContain('must hold one JSON object');
    const noVersion = parseFlow({ id: 'x' }, testCatalog);
    expect(!noVersion.ok && noVersion.problems[0]?.message).toContain('"koppel" format version is missing');
    const newer = parseFlow({ ...sampleFlow(), koppel: 7 }, testCatalog);
    expect(!newer.ok && newer.problems[0]).toMatchObject({ field: 'koppel', fix: 'Update Koppel to open this flow.' });
  });

  it('turns schema errors into plain problems with node id and field', () => {
    const raw = sampleFlow();
    const nodes = raw.nodes.map((n) => (n.id === 'fetch' ? { ...n, version: '1', colour: 'red' } : n));
    const r = parseFlow({ ...raw, nodes, extra: true, name: '' }, testCatalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'fetch', field: 'version', message: "Field 'version' should be a number, but it is the text \"1\"." }),
        expect.objectContaining({ nodeId: 'fetch', field: 'colour', message: "Field 'colour' is not known here." }),
        expect.objectContaining({ field: 'extra', message: "Field 'extra' is not known here." }),
        expect.objectContaining({ field: 'name', message: "Field 'name' is empty." }),
      ]),
    );
  });

  it('reports a missing field as missing', () => {
    const { name: _n, ...raw } = sampleFlow();
    const r = parseFlow(raw, testCatalog);
    expect(!r.ok && r.problems[0]).toMatchObject({ field: 'name', message: "Field 'name' is missing." });
  });

  it('migrates a format 0 file to the current format', () => {
    const v0 = {
      koppel: 0,
      id: 'legacy',
      name: 'Legacy flow',
      slots: { erp: 'visma-net' },
      nodes: [
        { id: 'start', type: 'test.start', x: 10, y: 20 },
        { id: 'fetch', type: 'test.fetch', slot: 'erp', params: { pageSize: 50 }, x: 200, y: 20 },
      ],
      links: [{ from: 'start', fromPort: 'out', to: 'fetch' }],
      tables: { vat: { NL: 'H', '*': 'EU' } },
    };
    const r = parseFlow(JSON.stringify(v0), testCatalog);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notes).toEqual(['Converted the file from format 0 to 1.', 'Converted the file from format 1 to 2.']);
    expect(r.flow.koppel).toBe(2);
    expect(r.flow.connections).toEqual({ erp: { type: 'visma-net' } });
    expect(r.flow.nodes[1]).toEqual({ id: 'fetch', type: 'test.fetch', version: 1, connection: 'erp', params: { pageSize: 50 } });
    expect(r.flow.edges).toEqual([{ from: { node: 'start', port: 'out' }, to: { node: 'fetch', port: 'in' } }]);
    expect(r.flow.tables.vat).toEqual({ default: 'EU', rows: { NL: 'H' } });
    expect(r.flow.layout.nodes).toEqual({ start: { x: 10, y: 20 }, fetch: { x: 200, y: 20 } });
  });

  it('opens a format 1 file (Koppel 0.1) with the node type ids renamed to one style, nothing else changed', () => {
    const v1: JsonObject = {
      koppel: 1,
      id: 'orders',
      name: 'Orders',
      nodes: [
        { id: 'orders', type: 'ccv.fetch-orders', version: 1, params: { statuses: [2] } },
        { id: 'customer', type: 'visma.upsert-customer', version: 1, params: {} },
        { id: 'post', type: 'visma.post-sales-order', version: 1, params: {} },
        { id: 'map', type: 'core.map', version: 1, params: {} },
      ],
    };
    const migrated = migrateFormat(v1);
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.doc.koppel).toBe(2);
    expect(migrated.notes).toEqual(['Converted the file from format 1 to 2.']);
    expect(JSON.parse(JSON.stringify(migrated.doc.nodes))).toEqual([
      { id: 'orders', type: 'ccv.fetchOrders', version: 1, params: { statuses: [2] } },
      { id: 'customer', type: 'visma.upsertCustomer', version: 1, params: {} },
      { id: 'post', type: 'visma.postSalesOrder', version: 1, params: {} },
      { id: 'map', type: 'core.map', version: 1, params: {} },
    ]);
  });

  it('says what is wrong with a format 0 file it cannot convert', () => {
    const r = parseFlow({ koppel: 0, id: 'x', name: 'y', nodes: 'none' }, testCatalog);
    expect(!r.ok && r.problems[0]?.message).toContain('could not be converted');
  });

  it('brings older node versions up through the definition', () => {
    const raw = sampleFlow();
    const nodes = raw.nodes.map((n) => (n.id === 'calc' ? { ...n, version: 1, params: { expression: 'price * 2' } } : n));
    const r = parseFlow({ ...raw, nodes }, testCatalog);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.flow.nodes[2]).toMatchObject({ version: 2, params: { formula: 'price * 2' } });
    expect(r.notes).toEqual(["Updated node 'Calculate' from version 1 to 2."]);
  });

  it('refuses nodes from a newer Koppel and versions without a migration', () => {
    const raw = sampleFlow();
    const newer = parseFlow({ ...raw, nodes: raw.nodes.map((n) => (n.id === 'fetch' ? { ...n, version: 4 } : n)) }, testCatalog);
    expect(!newer.ok && newer.problems[0]).toMatchObject({ nodeId: 'fetch', field: 'version', fix: 'Update Koppel to run this flow.' });
    const noMigration = parseFlow(
      { ...raw, nodes: [...raw.nodes, { id: 'old', type: 'test.old', version: 1, params: {} }] },
      testCatalog,
    );
    expect(!noMigration.ok && noMigration.problems[0]?.message).toBe("Node 'old' is Old thing version 1, which cannot be converted to version 3.");
  });
});
