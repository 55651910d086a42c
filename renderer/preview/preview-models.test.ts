import { describe, expect, it } from 'vitest';
import type { RecordEvent } from '../runs/run-state';
import { plannedRecords, summarisePlan } from './dry-run-model';
import { collectFieldPaths, sampleTable, upstreamSamples } from './sample-model';
import type { SampleItem } from './sample-model';

const items: SampleItem[] = [
  { key: 'SKU-1', json: { sku: 'SKU-1', price: 9.5, stock: { qty: 3 } } },
  { key: 'SKU-2', json: { sku: 'SKU-2', name: 'Mug', lines: [{ vat: 'H' }, { vat: 'L', 'odd key': 1 }] } },
];

describe('sample table', () => {
  it('builds columns in first-seen order and renders nested values compactly', () => {
    const t = sampleTable(items);
    expect(t.columns).toEqual(['sku', 'price', 'stock', 'name', 'lines']);
    expect(t.rows[0]).toEqual({ key: 'SKU-1', cells: ['SKU-1', '9.5', '{"qty":3}', '', ''] });
    expect(t.rows[1]?.cells[3]).toBe('Mug');
  });

  it('limits the number of columns', () => {
    expect(sampleTable(items, 2).columns).toEqual(['sku', 'price']);
  });
});

describe('field paths for completion', () => {
  it('collects nested paths, arrays without indexes, quoting odd names', () => {
    const paths = collectFieldPaths(items.map((i) => i.json));
    expect([...paths].sort()).toEqual(['lines', 'lines.`odd key`', 'lines.vat', 'name', 'price', 'sku', 'stock', 'stock.qty']);
  });

  it('skips the reserved __koppel field and respects depth', () => {
    expect(collectFieldPaths([{ a: { b: { c: 1 } }, __koppel: { createOnly: [] } }], 2)).toEqual(['a', 'a.b']);
  });

  it('takes samples of the nodes feeding a node', () => {
    const samples = { fetch: { items: items, error: [{ key: 'bad', json: { e: 1 } }] }, other: { out: [] } };
    const edges = [{ source: 'fetch', sourceHandle: 'items', target: 'map' }, { source: 'other', sourceHandle: 'out', target: 'x' }];
    expect(upstreamSamples(samples, edges, 'map').map((s) => s.key)).toEqual(['SKU-1', 'SKU-2']);
    expect(upstreamSamples(null, edges, 'map')).toEqual([]);
  });
});

describe('dry run plan', () => {
  const at = '2026-01-01T00:00:00Z';
  const records: RecordEvent[] = [
    { type: 'record', runId: 'r', at, nodeId: 'push', key: 'SKU-1', action: 'updated', planned: true, target: 'product', targetId: '77', changes: [{ field: 'price', before: 9, after: 9.5 }, { field: 'ean', after: '123' }] },
    { type: 'record', runId: 'r', at, nodeId: 'push', key: 'SKU-2', action: 'created', planned: true, changes: [] },
    { type: 'record', runId: 'r', at, nodeId: 'other', key: 'X', action: 'skipped', planned: true, reason: 'unchanged' },
    { type: 'record', runId: 'r', at, nodeId: 'push', key: 'SKU-3', action: 'created', planned: false },
  ];

  it('lists planned records with field-level before/after', () => {
    const rows = plannedRecords(records, 'push');
    expect(rows.map((r) => r.key)).toEqual(['SKU-1', 'SKU-2']);
    expect(rows[0]).toMatchObject({ action: 'updated', target: 'product', targetId: '77' });
    expect(rows[0]?.changes).toEqual([
      { field: 'price', before: '9', after: '9.5', added: false },
      { field: 'ean', before: '', after: '123', added: true },
    ]);
  });

  it('summarises creates, updates and skips', () => {
    expect(summarisePlan(plannedRecords(records))).toEqual({ created: 1, updated: 1, skipped: 1, failed: 0 });
  });
});
