import { setImmediate as tick } from 'node:timers/promises';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createCatalog, defineNode, openLedger, parseFlow, runFlow, validateFlow } from '../../engine';
import type { Item, RunEvent } from '../../engine';
import { definitions } from '../catalog';

const coreNodes = definitions.filter((d) => d.type.startsWith('core.') || d.type.startsWith('trigger.'));

/** Test-only nodes around the core ones: a source of generated records and a counting sink. */
function harness() {
  const seen = { produced: 0, consumed: 0, maxGap: 0, items: [] as Item[] };
  const source = defineNode({
    type: 'test.generate',
    version: 1,
    title: 'Generate',
    category: 'visma',
    description: '',
    icon: 'x',
    inputs: [{ name: 'in', title: 'In' }],
    outputs: [{ name: 'out', title: 'Out' }],
    params: z.strictObject({ count: z.number(), batch: z.number() }),
    async *run(ctx, inputs) {
      for await (const _start of inputs.in ?? []) {
        for (let i = 0; i < ctx.params.count; i += ctx.params.batch) {
          const items: Item[] = [];
          for (let j = i; j < Math.min(i + ctx.params.batch, ctx.params.count); j++) {
            items.push({ key: `SKU-${j}`, json: { sku: `SKU-${j}`, qty: j % 5, country: j % 2 ? 'NL' : 'BE' } });
          }
          seen.produced += items.length;
          yield { port: 'out', items };
        }
      }
    },
  });
  const sink = (keep: boolean) =>
    defineNode({
      type: 'test.collect',
      version: 1,
      title: 'Collect',
      category: 'ccv',
      description: '',
      icon: 'x',
      inputs: [{ name: 'in', title: 'In' }],
      outputs: [],
      params: z.strictObject({}),
      async *run(_ctx, inputs) {
        for await (const batch of inputs.in ?? []) {
          await tick();
          seen.consumed += batch.length;
          seen.maxGap = Math.max(seen.maxGap, seen.produced - seen.consumed);
          if (keep) seen.items.push(...batch);
        }
        yield* [];
      },
    });
  return { seen, catalog: (keep = true) => createCatalog([...coreNodes, source, sink(keep)]) };
}

const flowFile = (count: number, batch: number) => ({
  koppel: 2,
  id: 'stock',
  name: 'Stock',
  nodes: [
    { id: 'start', type: 'trigger.manual', version: 1, params: {} },
    { id: 'gen', type: 'test.generate', version: 1, params: { count, batch } },
    { id: 'inStock', type: 'core.filter', version: 1, name: 'In stock', params: { conditions: [{ field: 'qty', op: 'gt', value: 0 }] } },
    {
      id: 'map',
      type: 'core.map',
      version: 1,
      name: 'To shop',
      params: {
        rows: [
          { target: 'productnumber', mode: 'field', source: 'sku' },
          { target: 'stock', mode: 'field', source: 'qty', updateOnResync: true },
          { target: 'vat', source: "$table('vat', country)" },
        ],
      },
    },
    { id: 'out', type: 'test.collect', version: 1, params: {} },
  ],
  edges: [
    { from: { node: 'start', port: 'out' }, to: { node: 'gen', port: 'in' } },
    { from: { node: 'gen', port: 'out' }, to: { node: 'inStock', port: 'in' } },
    { from: { node: 'inStock', port: 'kept' }, to: { node: 'map', port: 'in' } },
    { from: { node: 'map', port: 'out' }, to: { node: 'out', port: 'in' } },
  ],
  tables: { vat: { rows: { NL: 'H' } } },
});

describe('core nodes in a flow', () => {
  it('validates, runs and records a trigger → generate → filter → map flow', async () => {
    const { seen, catalog } = harness();
    const parsed = parseFlow(JSON.stringify(flowFile(20, 7)), catalog());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(validateFlow(parsed.flow, catalog())).toEqual([]);
    const ledger = openLedger(':memory:');
    const recorder = ledger.recorder('run-1', parsed.flow);
    const events: RunEvent[] = [];
    const summary = await runFlow({
      flow: parsed.flow,
      catalog: catalog(),
      ledger,
      runId: 'run-1',
      onEvent: (e) => {
        events.push(e);
        recorder.onEvent(e);
      },
    });
    // qty 0 is dropped (SKU-0, 5, 10, 15); BE has no VAT row, so the even SKUs fail in the mapper.
    expect(seen.items.map((i) => i.key)).toEqual(['SKU-1', 'SKU-3', 'SKU-7', 'SKU-9', 'SKU-11', 'SKU-13', 'SKU-17', 'SKU-19']);
    expect(seen.items[0]?.json).toEqual({ productnumber: 'SKU-1', stock: 1, vat: 'H' });
    expect(summary.status).toBe('partial');
    expect(summary.nodes.map?.counts).toMatchObject({ in: 16, out: 8, failed: 8 });
    const failed = ledger.failedRecords('run-1');
    expect(failed.map((r) => r.key)).toEqual(['SKU-2', 'SKU-4', 'SKU-6', 'SKU-8', 'SKU-12', 'SKU-14', 'SKU-16', 'SKU-18']);
    expect(failed[0]?.reason).toBe("The expression in field 'vat' of 'To shop' failed for record 'SKU-2': No value for 'BE' in table 'vat': add a row for it");
    expect(ledger.listRuns()[0]).toMatchObject({ id: 'run-1', status: 'partial', counts: { in: 20, failed: 8 } });
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'partial' });
  });

  it('replays only the records asked for', async () => {
    const { seen, catalog } = harness();
    const parsed = parseFlow(flowFile(50, 10), catalog());
    if (!parsed.ok) throw new Error('flow did not parse');
    const summary = await runFlow({ flow: parsed.flow, catalog: catalog(), ledger: openLedger(':memory:'), only: { keys: ['SKU-21', 'SKU-33'] } });
    expect(seen.items.map((i) => i.key)).toEqual(['SKU-21', 'SKU-33']);
    expect(summary.status).toBe('succeeded');
  });

  it('streams 200,000 records through trigger → generate → map → slow sink in flat memory', async () => {
    const { seen, catalog } = harness();
    const file = flowFile(200_000, 100);
    const flow = {
      ...file,
      nodes: file.nodes.filter((n) => n.id !== 'inStock').map((n) =>
        n.id === 'map'
          ? {
              ...n,
              params: {
                rows: [
                  { target: 'productnumber', mode: 'field', source: 'sku' },
                  { target: 'stock', mode: 'field', source: 'qty' },
                  { target: 'source', mode: 'constant', source: 'visma' },
                ],
              },
            }
          : n,
      ),
      edges: [
        { from: { node: 'start', port: 'out' }, to: { node: 'gen', port: 'in' } },
        { from: { node: 'gen', port: 'out' }, to: { node: 'map', port: 'in' } },
        { from: { node: 'map', port: 'out' }, to: { node: 'out', port: 'in' } },
      ],
    };
    const parsed = parseFlow(flow, catalog(false));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const summary = await runFlow({ flow: parsed.flow, catalog: catalog(false), ledger: openLedger(':memory:'), channelCapacity: 4 });
    expect(summary.status).toBe('succeeded');
    expect(seen.consumed).toBe(200_000);
    expect(summary.maxQueuedBatches).toBeLessThanOrEqual(4);
    // The generator never got more than two channels' worth (plus batches in hand) ahead of the sink.
    expect(seen.maxGap).toBeLessThanOrEqual(12 * 100);
  });
});
