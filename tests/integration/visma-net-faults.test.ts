import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VismaApiError } from '../../connectors/visma-net';
import { collect, eventually, failure } from './helpers';
import { apiCalls, startVismaRig, type VismaRig } from './visma-harness';

const ALL_FAULTS = ['500', '429', 'drop', 'slow', 'malformed', '500-empty', '500-text'];
const SIZES = { inventory: 80, customers: 45, salesOrders: 30, customerInvoices: 10 };

const storeCustomer = z.looseObject({ name: z.string().nullable() });
const storeOrder = z.looseObject({ customerRefNo: z.string().nullish() });

// POST /__sim/faults: reads still deliver every item exactly once; a create under faults never lands twice.
describe('Visma.net connector ⇄ simulator: fault injection', () => {
  let rig: VismaRig;

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: SIZES });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('paged reads under every fault kind: each customer exactly once', async () => {
    await rig.faults({ rate: 0.3, kinds: ALL_FAULTS, slowMs: 20 });
    const client = rig.client({ pageSize: 5, timeoutMs: 5000 });
    const customers = await collect(client.customers.iterate());
    const numbers = customers.map((c) => c.number);
    expect(numbers).toHaveLength(SIZES.customers);
    expect(new Set(numbers).size).toBe(SIZES.customers);
    const log = apiCalls(await rig.requests());
    const faults = new Set(log.flatMap((e) => (e.fault ? [e.fault] : [])));
    // The run really met trouble of several kinds.
    expect(faults.size).toBeGreaterThanOrEqual(3);
  });

  it('V3 reads and the inventory list under faults: every item exactly once', async () => {
    await rig.faults({ rate: 0.25, kinds: ALL_FAULTS, slowMs: 20 });
    const client = rig.client({ pageSize: 7, timeoutMs: 5000 });
    const orders = await collect(client.salesOrders.iterate());
    expect(new Set(orders.map((o) => `${o.type ?? ''}/${o.orderId ?? ''}`)).size).toBe(SIZES.salesOrders);
    expect(orders).toHaveLength(SIZES.salesOrders);
    const items = await collect(client.inventory.iterate({ pageSize: 20 }));
    expect(new Set(items.map((i) => i.inventoryNumber)).size).toBe(SIZES.inventory);
    expect(items).toHaveLength(SIZES.inventory);
    expect(apiCalls(await rig.requests()).some((e) => e.fault !== undefined)).toBe(true);
  });

  it('customer creates under faults (dropped connections, empty 500s, 429, cut-off answers): each lands once', async () => {
    // Faults only on the POST itself; the look-ups that decide "did it land?" go through.
    await rig.faults({ rate: 0.5, kinds: ['drop', '500-empty', '429', 'malformed'], paths: '^/v1/customer$' });
    const client = rig.client();
    const names = Array.from({ length: 8 }, (_, i) => `Storing Klant ${i}`);
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const created = await client.customers.create({ name, mainContact: { email: `storing${i}@example.nl` } });
      ids.push(created.id);
    }
    expect(new Set(ids).size).toBe(names.length);
    const stored = (await rig.store('customers', { written: true })).records.map((r) => storeCustomer.parse(r).name);
    for (const name of names) expect(stored.filter((n) => n === name), name).toHaveLength(1);
    const posts = apiCalls(await rig.requests()).filter((e) => e.method === 'POST');
    expect(posts.length).toBeGreaterThan(names.length);
    for (const [i, id] of ids.entries()) expect((await client.customers.get(id)).name).toBe(names[i]);
  });

  it('V3 order creates under faults: found again by customerRefNo instead of posted twice', async () => {
    await rig.faults({ rate: 0.5, kinds: ['drop', '500-empty', 'malformed'], paths: '^/api/v3/SalesOrders$' });
    const client = rig.client();
    const refs = Array.from({ length: 6 }, (_, i) => `CCV-FAULT-${i}`);
    for (const ref of refs) {
      const created = await client.salesOrders.create({ type: 'SO', customer: { id: '10002', refNo: ref }, orderLines: [{ inventoryId: 'ART-00000', quantity: 1 }] });
      expect(created.id.type).toBe('SO');
    }
    const stored = (await rig.store('salesOrders', { written: true })).records.map((r) => storeOrder.parse(r).customerRefNo);
    for (const ref of refs) expect(stored.filter((r) => r === ref), ref).toHaveLength(1);
  });

  it('a create that cannot be looked up is not repeated blindly: "outcome unknown", nothing created twice', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['drop'], paths: '^/v2/journaltransaction$' });
    const client = rig.client();
    const before = (await rig.store('journalTransactions')).total;
    const error = await failure(
      client.journalTransactions.create({
        transactionDate: '2026-03-02',
        description: 'Niet dubbel',
        journalTransactionLines: [
          { operation: 'Insert', accountNumber: '1110', debitAmountInCurrency: 5 },
          { operation: 'Insert', accountNumber: '8000', creditAmountInCurrency: 5 },
        ],
      }),
    );
    expect(error).toBeInstanceOf(VismaApiError);
    if (error instanceof VismaApiError) {
      expect(error.kind).toBe('network');
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toMatch(/does not know whether Visma\.net created the journal transaction 'Niet dubbel'/);
      expect(error.message).toMatch(/check in Visma\.net before running again/);
    }
    expect(apiCalls(await rig.requests()).filter((e) => e.method === 'POST')).toHaveLength(1);
    expect((await rig.store('journalTransactions')).total).toBe(before);
  });

  it('updates (PUT, idempotent) are retried through faults and end up applied once', async () => {
    await rig.faults({ rate: 0.5, kinds: ['drop', '500', '500-text', 'malformed', '429'], paths: '^/v1/customer/1000[1-5]$' });
    const client = rig.client();
    for (const n of ['10001', '10002', '10003', '10004', '10005']) await client.customers.update(n, { note: `bijgewerkt ${n}` });
    await rig.faults(null);
    for (const n of ['10001', '10002', '10003', '10004', '10005']) {
      const stored = await rig.store('customers', { key: n });
      expect(stored.records[0]?.['note'], n).toBe(`bijgewerkt ${n}`);
    }
  });

  it('an answer slower than the timeout is a timeout, retried for a read', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['slow'], slowMs: 1200, paths: '^/v1/customer/10007$' });
    const client = rig.client({ timeoutMs: 300 });
    await expect(client.customers.get('10007')).resolves.toMatchObject({ number: '10007' });
    // The slow request is logged when the server finishes it, after the connector gave up on it.
    const hits = await eventually(async () => {
      const list = apiCalls(await rig.requests()).filter((e) => e.path === '/v1/customer/10007');
      return list.some((e) => e.fault === 'slow') ? list : undefined;
    }, 'the slow request to finish');
    expect(hits.filter((e) => e.fault === 'slow')).toHaveLength(1);
    expect(hits.filter((e) => e.fault !== 'slow' && e.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(rig.logs.some((l) => /Retrying GET \/v1\/customer\/10007/.test(l.message) && /timeout/.test(l.message))).toBe(true);
  });

  it('a create that times out while the server is still working is not sent again: "outcome unknown", one record', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['slow'], slowMs: 1000, paths: '^/v1/customer$' });
    const client = rig.client({ timeoutMs: 250 });
    const error = await failure(client.customers.create({ name: 'Trage Klant', mainContact: { email: 'traag@example.nl' } }));
    expect(error).toBeInstanceOf(VismaApiError);
    if (error instanceof VismaApiError) {
      expect(error.kind).toBe('timeout');
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toMatch(/may still be creating the customer 'Trage Klant'/);
      expect(error.message).toMatch(/check in Visma\.net before running again/i);
    }
    // The slow request lands after all: exactly once, and a look-up finds it.
    const names = await eventually(async () => {
      const list = (await rig.store('customers', { written: true })).records.map((r) => storeCustomer.parse(r).name);
      return list.includes('Trage Klant') ? list : undefined;
    }, 'the slow create to land');
    expect(names.filter((n) => n === 'Trage Klant')).toHaveLength(1);
    expect(apiCalls(await rig.requests()).filter((e) => e.method === 'POST')).toHaveLength(1);
    expect((await client.customers.findByEmail('traag@example.nl')).map((c) => c.name)).toEqual(['Trage Klant']);
  });
});
