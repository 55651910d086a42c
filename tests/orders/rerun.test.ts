// Running a flow again creates nothing twice (with the ledger, and with a lost ledger through look-ups in
// Visma.net), and dry runs write nothing while listing the documents they would post.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/index';
import { goldenOrders, goldens } from './golden-orders';
import { admin, clients, createCostItems, freshLedger, insertOrders, loadExample, requests, run, startSims, withParams, written } from './harness';
import type { Sims } from './harness';

let s: Sims;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await admin(s.visma, 'POST', '/__sim/reset');
  await admin(s.ccv, 'POST', '/__sim/reset');
  await createCostItems(c.visma);
  await insertOrders(s.ccv, goldenOrders());
  await admin(s.visma, 'DELETE', '/__sim/requests');
  await admin(s.ccv, 'DELETE', '/__sim/requests');
});

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that reached a simulator since its log was last cleared (the token request is not a write). */
async function writes(base: { url: string }): Promise<string[]> {
  return (await requests(base)).filter((q) => WRITES.has(q.method) && !q.path.startsWith('/connect/')).map((q) => `${q.method} ${q.path}`);
}
async function clearLogs(): Promise<void> {
  await admin(s.visma, 'DELETE', '/__sim/requests');
  await admin(s.ccv, 'DELETE', '/__sim/requests');
}

const flows: [string, string, string][] = [
  ['orders-sales-orders', 'salesOrders', 'sales order'],
  ['orders-sales-invoices', 'customerInvoices', 'customer invoice'],
  ['orders-financial', 'journalTransactions', 'journal transaction'],
];

/** Every order is read on every run (no status filter), so a second run really meets every order again. */
const everyOrder = (name: string): FlowDocument => withParams(loadExample(name), { orders: { statuses: [] } });

describe('running a flow twice creates nothing twice', () => {
  it.each(flows)('%s: a second run and a run with a lost ledger write nothing', async (name, collection, target) => {
    const flow = everyOrder(name);
    const ledger = freshLedger();
    const first = await run(flow, s, ledger);
    expect(first.summary.status).toBe('succeeded');
    const documents = await written(s.visma, collection);
    expect(documents).toHaveLength(goldens.length);
    const customers = await written(s.visma, 'customers');
    expect(customers).toHaveLength(goldens.length);

    await clearLogs();
    const second = await run(flow, s, ledger);
    expect(second.summary.status).toBe('succeeded');
    expect(await writes(s.visma)).toEqual([]);
    expect(await writes(s.ccv)).toEqual([]);
    const posted = second.records.filter((e) => e.nodeId === 'post');
    expect(posted.map((e) => [e.action, e.target])).toEqual(goldens.map(() => ['skipped', target]));
    expect(posted.every((e) => e.reason?.startsWith(`already sent as ${target}`))).toBe(true);
    // An unchanged customer costs no call at all.
    expect((await requests(s.visma)).filter((q) => q.path.startsWith('/v1/customer'))).toEqual([]);

    await clearLogs();
    const lost = await run(flow, s, freshLedger());
    expect(lost.summary.status).toBe('succeeded');
    expect(await writes(s.visma)).toEqual([]);
    expect(lost.records.filter((e) => e.nodeId === 'post').every((e) => e.action === 'skipped' && e.reason?.includes('found in Visma.net'))).toBe(true);
    expect(await written(s.visma, collection)).toHaveLength(goldens.length);
    expect(await written(s.visma, 'customers')).toHaveLength(goldens.length);
  });

  it('customers flow: one customer per shop account, nothing the second time, and only a changed field later', async () => {
    const flow = loadExample('customers');
    const ledger = freshLedger();
    const first = await run(flow, s, ledger);
    expect(first.summary.status).toBe('succeeded');
    const created = first.records.filter((e) => e.nodeId === 'customer' && e.action === 'created');
    const accounts: { id: number; email: string }[] = [];
    for await (const u of c.shop.users.iterate({ approval_status: 'accepted' })) accounts.push({ id: u.id, email: u.userinfo?.email ?? '' });
    expect(created).toHaveLength(accounts.length);
    expect(await written(s.visma, 'customers')).toHaveLength(accounts.length);

    await clearLogs();
    const second = await run(flow, s, ledger);
    expect(second.records.filter((e) => e.nodeId === 'customer').map((e) => e.action)).toEqual(accounts.map(() => 'skipped'));
    expect(await requests(s.visma)).toEqual([]);

    const moved = accounts[0];
    if (!moved) throw new Error('the shop has no accounts');
    await c.shop.transport.write('PATCH', c.shop.transport.uri(`users/${moved.id}`), { userinfo: { billingaddress: { city: 'Delft' } } }, 'user');
    await clearLogs();
    const third = await run(flow, s, ledger);
    const updated = third.records.filter((e) => e.nodeId === 'customer' && e.action === 'updated');
    expect(updated).toHaveLength(1);
    expect(updated[0]?.key).toBe(moved.email);
    // The id map knows which field changed in the shop: one PUT of it, nothing read from Visma.net first.
    expect(updated[0]?.changes).toEqual([{ field: 'mainAddress.city', after: 'Delft' }]);
    const calls = await requests(s.visma);
    expect(calls.filter((q) => !q.path.includes('/connect/token')).map((q) => q.method)).toEqual(['PUT']);
    expect(calls.find((q) => q.method === 'PUT')?.body).toEqual({ mainAddress: { value: { city: { value: 'Delft' } } } });
  });
});

describe('dry runs', () => {
  it.each(flows)('%s: writes nothing and lists the planned documents with their fields', async (name, collection, target) => {
    const dry = await run(loadExample(name), s, freshLedger(), { dryRun: true });
    expect(dry.summary.status).toBe('succeeded');
    expect(await writes(s.visma)).toEqual([]);
    expect(await writes(s.ccv)).toEqual([]);
    expect(await written(s.visma, collection)).toEqual([]);
    expect(await written(s.visma, 'customers')).toEqual([]);
    const planned = dry.records.filter((e) => e.nodeId === 'post');
    expect(planned.map((e) => [e.key, e.action, e.planned, e.target])).toEqual(goldens.map((g) => [g.key, 'created', true, target]));
    const first = planned.find((e) => e.key === '2001');
    const fields = new Map((first?.changes ?? []).map((ch) => [ch.field, ch.after]));
    if (target === 'sales order') {
      expect(fields.get('customer.refNo')).toBe('CCV-2001');
      expect(fields.get('customer.id')).toBe('(new customer)');
      expect([fields.get('orderLines[0].inventoryId'), fields.get('orderLines[0].unitPrice'), fields.get('orderLines[0].discountAmount')]).toEqual(['ART-00000', 20.62, 3.38]);
    } else if (target === 'customer invoice') {
      expect(fields.get('externalReference')).toBe('CCV-2001');
      expect([fields.get('invoiceLines[1].inventoryNumber'), fields.get('invoiceLines[1].vatCodeId'), fields.get('invoiceLines[1].accountNumber')]).toEqual(['ART-00009', '02', '8010']);
    } else {
      expect([fields.get('journalTransactionLines[0].accountNumber'), fields.get('journalTransactionLines[0].debitAmountInCurrency')]).toEqual(['1110', 61.1]);
    }
    const customers = dry.records.filter((e) => e.nodeId === 'customer');
    expect(customers.every((e) => e.action === 'created' && e.planned)).toBe(true);
    expect(new Map((customers.find((e) => e.key === '2005')?.changes ?? []).map((ch) => [ch.field, ch.after])).get('contact')).toBe('Sanne Jansen');

    // Nothing was remembered either: the real run afterwards creates everything.
    const real = await run(loadExample(name), s, freshLedger());
    expect(real.records.filter((e) => e.nodeId === 'post' && e.action === 'created')).toHaveLength(goldens.length);
  });
});
