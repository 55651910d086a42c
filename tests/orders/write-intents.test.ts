// No duplicates when a post is interrupted: a write intent left by a run that died is resolved by looking the
// reference up in Visma.net, and the connector's retry after a failure in transit uses the same look-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryNodeLedger, runNodeOnce } from '../../engine/index';
import type { AnyNodeDefinition, Item } from '../../engine/index';
import { fetchOrdersNode } from '../../nodes/ccv/fetch-orders/definition';
import { postCustomerInvoiceNode } from '../../nodes/visma/post-customer-invoice/definition';
import { postJournalTransactionNode } from '../../nodes/visma/post-journal-transaction/definition';
import { postSalesOrderNode } from '../../nodes/visma/post-sales-order/definition';
import { upsertCustomerNode } from '../../nodes/visma/upsert-customer/definition';
import { goldenOrders } from './golden-orders';
import { admin, clients, createCostItems, insertOrders, loadExample, requests, startSims, written } from './harness';
import type { Sims } from './harness';

let s: Sims;
let c: ReturnType<typeof clients>;
let orders: Item[] = [];
const tables = { ...loadExample('orders-sales-orders').tables, ...loadExample('orders-financial').tables };

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
  await createCostItems(c.visma);
  await insertOrders(s.ccv, goldenOrders());
  const fetched = await runNodeOnce(fetchOrdersNode, { params: {}, client: c.shop, inputs: { in: [[{ key: 'manual', json: {} }]] } });
  const customers = await runNodeOnce(upsertCustomerNode, { params: {}, client: c.visma, tables, inputs: { in: [fetched.outputs.out ?? []] } });
  orders = customers.outputs.out ?? [];
});
afterAll(async () => {
  await s.close();
});

function order(key: string): Item {
  const item = orders.find((o) => o.key === key);
  if (!item) throw new Error(`order ${key} was not fetched`);
  return item;
}

const kinds: [string, AnyNodeDefinition, string, string, string][] = [
  ['sales order', postSalesOrderNode, 'sales-order', 'salesOrders', 'POST /api/v3/SalesOrders'],
  ['customer invoice', postCustomerInvoiceNode, 'customer-invoice', 'customerInvoices', 'POST /v2/customerinvoice'],
  ['journal transaction', postJournalTransactionNode, 'journal-transaction', 'journalTransactions', 'POST /v2/journaltransaction'],
];

async function posts(what: string): Promise<number> {
  return (await requests(s.visma)).filter((q) => `${q.method} ${q.path}` === what).length;
}

describe('write intents', () => {
  it.each(kinds)('%s: a post that landed before the process died is found by its reference, not posted again', async (target, node, scope, collection, post) => {
    const first = await runNodeOnce(node, { params: {}, client: c.visma, tables, ledger: memoryNodeLedger(), inputs: { in: [[order('2001')]] } });
    expect(first.outcomes.map((o) => o.action)).toEqual(['created']);
    const id = first.outcomes[0]?.targetId;
    const before = (await written(s.visma, collection)).length;
    await admin(s.visma, 'DELETE', '/__sim/requests');

    // The next run finds the intent of the run that died between the POST and completeWrite.
    const ledger = memoryNodeLedger();
    ledger.beginWrite(scope, 'CCV-2001', 'hash of the dead run');
    const again = await runNodeOnce(node, { params: { lookupBeforePosting: false }, client: c.visma, tables, ledger, inputs: { in: [[order('2001')]] } });
    expect(again.outcomes).toEqual([
      { key: '2001', action: 'skipped', target, targetId: id, reason: `found in Visma.net as ${target} ${id} (an earlier run was stopped while posting it)`, source: expect.any(Object) },
    ]);
    expect(ledger.intents.size).toBe(0);
    expect(ledger.getMapping(scope, 'CCV-2001')?.targetId).toBe(id);
    expect(await posts(post)).toBe(0);
    expect(await written(s.visma, collection)).toHaveLength(before);
  });

  it.each(kinds)('%s: an intent whose post never arrived is posted once', async (target, node, scope, collection) => {
    const before = (await written(s.visma, collection)).length;
    const ledger = memoryNodeLedger();
    ledger.beginWrite(scope, 'CCV-2002', 'hash of the dead run');
    const r = await runNodeOnce(node, { params: {}, client: c.visma, tables, ledger, inputs: { in: [[order('2002')]] } });
    expect(r.outcomes.map((o) => [o.action, o.target])).toEqual([['created', target]]);
    expect(ledger.intents.size).toBe(0);
    expect(await written(s.visma, collection)).toHaveLength(before + 1);
  });

  it('customer: one created by a run that died before it was recorded is found by e-mail and settled, not created again', async () => {
    const before = (await written(s.visma, 'customers')).length;
    await admin(s.visma, 'DELETE', '/__sim/requests');
    const ledger = memoryNodeLedger();
    ledger.beginWrite('customer', 'jan.devries@example.nl', 'hash of the dead run');
    const r = await runNodeOnce(upsertCustomerNode, { params: {}, client: c.visma, tables, ledger, inputs: { in: [[order('2001')]] } });
    expect(r.outcomes.map((o) => [o.action, o.reason])).toEqual([['skipped', 'already up to date in Visma.net']]);
    expect(ledger.intents.size).toBe(0);
    expect(ledger.getMapping('customer', 'jan.devries@example.nl')?.targetId).toBe(r.outcomes[0]?.targetId);
    expect((await requests(s.visma)).filter((q) => q.method === 'POST' && q.path === '/v1/customer')).toEqual([]);
    expect(await written(s.visma, 'customers')).toHaveLength(before);
  });

  it.each(kinds)('%s: a POST lost in transit is looked up first and then sent again, landing once', async (_target, node, _scope, collection, post) => {
    const before = (await written(s.visma, collection)).length;
    await admin(s.visma, 'DELETE', '/__sim/requests');
    const path = post.split(' ')[1] ?? '';
    await admin(s.visma, 'POST', '/__sim/faults', { rate: 1, kinds: ['drop'], paths: `^${path}$`, count: 1 });
    const ledger = memoryNodeLedger();
    const r = await runNodeOnce(node, { params: { lookupBeforePosting: false }, client: c.visma, tables, ledger, inputs: { in: [[order('2003')]] } });
    await admin(s.visma, 'DELETE', '/__sim/faults');
    expect(r.outcomes.map((o) => o.action)).toEqual(['created']);
    expect(await posts(post)).toBe(2);
    expect(await written(s.visma, collection)).toHaveLength(before + 1);
    expect(ledger.intents.size).toBe(0);
  });
});
