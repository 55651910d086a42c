// The CCV Shop side: reading orders by payment, status and cursor; writing the status back once; and the four
// example flows are valid.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryNodeLedger, runNodeOnce, validateFlow } from '../../engine/index';
import type { Item } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { fetchOrdersNode } from '../../nodes/ccv/fetch-orders/definition';
import { updateOrderStatusNode } from '../../nodes/ccv/update-order-status/definition';
import { goldens, shopOrder } from './golden-orders';
import { admin, clients, examplesDir, insertOrders, loadExample, requests, startSims } from './harness';
import type { Sims } from './harness';

let s: Sims;
let c: ReturnType<typeof clients>;
const start: Item[][] = [[{ key: 'manual', json: {} }]];

const base = goldens[0]?.order;
if (!base) throw new Error('no golden order');
const at = (id: number, created: string, status: number, paid: boolean) => ({ ...shopOrder({ ...base, id, number: id, created }), status, paid });

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
  await insertOrders(s.ccv, [
    at(7001, '2025-01-05T10:00:00Z', 1, true),
    at(7002, '2025-02-20T10:00:00Z', 1, true),
    at(7003, '2025-03-01T10:00:00Z', 1, false),
    at(7004, '2025-03-02T10:00:00Z', 5, true),
    at(7005, '2025-03-03T10:00:00Z', 7, true),
  ]);
});
afterAll(async () => {
  await s.close();
});

describe('Fetch orders', () => {
  it('reads paid orders with their rows, and proposes the newest order date minus the look-back as cursor', async () => {
    const ledger = memoryNodeLedger();
    const r = await runNodeOnce(fetchOrdersNode, { params: { lookbackDays: 10 }, client: c.shop, ledger, inputs: { in: start } });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(['7001', '7002', '7004', '7005']);
    const rows = r.outputs.out?.[0]?.json.orderrows;
    expect(rows).toMatchObject({ collection: [{ product_number: 'ART-00000', count: 2 }, { product_number: 'ART-00009', count: 1 }] });
    expect(ledger.proposed.get('created-since')).toBe('2025-02-21');
  });

  it('starts from the committed cursor and keeps only the chosen statuses', async () => {
    const ledger = memoryNodeLedger();
    ledger.cursors.set('created-since', '2025-02-01');
    const r = await runNodeOnce(fetchOrdersNode, { params: { paid: 'any', statuses: [1, 7] }, client: c.shop, ledger, inputs: { in: start } });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(['7002', '7003', '7005']);
    // The cursor never moves back.
    const again = memoryNodeLedger();
    again.cursors.set('created-since', '2025-03-01');
    await runNodeOnce(fetchOrdersNode, { params: { paid: 'any', lookbackDays: 30 }, client: c.shop, ledger: again, inputs: { in: start } });
    expect(again.proposed.get('created-since')).toBe('2025-03-01');
  });
});

describe('Set order status', () => {
  it('sets the status once, leaves orders that have it alone, and only plans in a dry run', async () => {
    const fetched = await runNodeOnce(fetchOrdersNode, { params: { paid: 'any' }, client: c.shop, inputs: { in: start } });
    const orders = (fetched.outputs.out ?? []).filter((o) => ['7001', '7005'].includes(o.key));
    const ledger = memoryNodeLedger();
    await admin(s.ccv, 'DELETE', '/__sim/requests');
    const dry = await runNodeOnce(updateOrderStatusNode, { params: { status: 7 }, client: c.shop, ledger, dryRun: true, inputs: { in: [orders] } });
    expect(dry.outcomes.map((o) => [o.key, o.action, o.changes])).toEqual([
      ['7001', 'updated', [{ field: 'status', before: 1, after: 7 }]],
      ['7005', 'skipped', undefined],
    ]);
    expect((await requests(s.ccv)).filter((q) => q.method === 'PATCH')).toEqual([]);

    const real = await runNodeOnce(updateOrderStatusNode, { params: { status: 7 }, client: c.shop, ledger, inputs: { in: [orders] } });
    expect(real.outcomes.map((o) => [o.key, o.action])).toEqual([['7001', 'updated'], ['7005', 'skipped']]);
    expect((await c.shop.orders.get(7001)).status).toBe(7);
    const twice = await runNodeOnce(updateOrderStatusNode, { params: { status: 7 }, client: c.shop, ledger, inputs: { in: [orders] } });
    expect(twice.outcomes.map((o) => o.action)).toEqual(['skipped', 'skipped']);
    expect((await requests(s.ccv)).filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual(['/api/rest/v1/orders/7001/']);
  });
});

describe('example flows', () => {
  it('are the four customers/orders flows and valid', () => {
    const names = readdirSync(examplesDir).filter((f) => /^(customers|orders-).*\.flow\.json$/.test(f)).map((f) => f.replace('.flow.json', '')).sort();
    expect(names).toEqual(['customers', 'orders-financial', 'orders-sales-invoices', 'orders-sales-orders']);
    for (const name of names) expect(validateFlow(loadExample(name), catalog), name).toEqual([]);
  });

  it('name a value table a node needs but the flow lacks, before anything runs', () => {
    const flow = loadExample('orders-sales-orders');
    const { 'vat-code-per-country-rate': _gone, ...tables } = flow.tables;
    const problems = validateFlow({ ...flow, tables }, catalog);
    expect(problems.map((p) => [p.nodeId, p.field, p.message])).toEqual([
      ['post', 'params.vatCodeTable', "Node 'Post as sales order': the expression in vatCodeTable uses table 'vat-code-per-country-rate', which this flow does not have."],
    ]);
  });
});
