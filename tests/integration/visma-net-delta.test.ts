import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collect } from './helpers';
import { apiCalls, startVismaRig, type VismaRig } from './visma-harness';

const SIZES = { inventory: 120, customers: 40, salesOrders: 20, customerInvoices: 10 };

// Delta sync (reference/visma-net/README.md §5.1, §5.2): change records through the API (or stock through the admin endpoint), then
// list with a filter from before the change and get exactly the changed records.
describe('Visma.net connector ⇄ simulator: delta filters', () => {
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

  /** A moment after everything so far, then a little time so that later changes are strictly after it. */
  const mark = () => {
    rig.clock.advance(60_000);
    const since = new Date(rig.clock.now());
    rig.clock.advance(60_000);
    return since;
  };

  it('customers: lastModifiedDateTime + Condition returns exactly the customers changed by PUT', async () => {
    const client = rig.client({ pageSize: 15 });
    const since = mark();
    const changed = ['10003', '10017', '10031'];
    for (const n of changed) await client.customers.update(n, { note: `delta ${n}` });
    const got = await collect(client.customers.iterate({ lastModified: { since } }));
    expect(got.map((c) => c.number).sort()).toEqual(changed);
    // Both halves of the "mutually inclusive" pair went out, the operator as >=.
    const list = apiCalls(await rig.requests()).filter((e) => e.method === 'GET' && e.path === '/v1/customer');
    expect(list[0]?.query['lastModifiedDateTimeCondition']).toBe('>=');
    expect(list[0]?.query['lastModifiedDateTime']).toBe(since.toISOString().slice(0, 19));
    // With a moment after the changes nothing is returned.
    rig.clock.advance(60_000);
    expect(await collect(client.customers.iterate({ lastModified: { since: new Date(rig.clock.now()), condition: '>' } }))).toEqual([]);
  });

  it('customers: a create shows up in the delta as well', async () => {
    const client = rig.client();
    const since = mark();
    const created = await client.customers.create({ name: 'Delta Nieuw BV', mainContact: { email: 'delta@example.nl' } });
    const got = await collect(client.customers.iterate({ lastModified: { since } }));
    expect(got.map((c) => c.number)).toEqual([created.id]);
  });

  it('inventory: availabilityLastModifiedDateTime catches stock moves; lastModifiedDateTime does not', async () => {
    const client = rig.client({ pageSize: 50 });
    const stockItems = (await collect(client.inventory.iterate({ status: 'Active' })))
      .filter((i) => i.stockItem)
      .map((i) => i.inventoryNumber ?? '');
    expect(stockItems.length).toBeGreaterThan(5);
    const moved = [stockItems[1] ?? '', stockItems[4] ?? ''];
    const since = mark();
    for (const number of moved) {
      const r = await rig.admin('POST', 'stock', { inventoryNumber: number, warehouse: 'MAIN', delta: 5 });
      expect(r.status).toBe(200);
    }
    const byStock = await collect(client.inventory.iterate({ availabilityLastModified: { since } }));
    expect(byStock.map((i) => i.inventoryNumber).sort()).toEqual([...moved].sort());
    const byItem = await collect(client.inventory.iterate({ lastModified: { since } }));
    expect(byItem).toEqual([]);

    // A PUT of the item itself is a lastModifiedDateTime change.
    const edited = stockItems[2] ?? '';
    await client.inventory.update(edited, { description: 'Nieuwe omschrijving' });
    const afterEdit = await collect(client.inventory.iterate({ lastModified: { since } }));
    expect(afterEdit.map((i) => i.inventoryNumber)).toEqual([edited]);
  });

  it('V3 availability: modifiedSince returns exactly the items whose stock moved', async () => {
    const client = rig.client();
    const stockItems = (await collect(client.inventory.iterate({ status: 'Active' }))).filter((i) => i.stockItem).map((i) => i.inventoryNumber ?? '');
    const moved = [stockItems[0] ?? '', stockItems[3] ?? '', stockItems[7] ?? ''];
    const since = mark();
    for (const number of moved) await rig.admin('POST', 'stock', { inventoryNumber: number, quantityOnHand: 77 });
    const rows = await collect(client.inventoryAvailability.iterate({ modifiedSince: since }));
    expect(rows.map((r) => r.inventoryId).sort()).toEqual([...moved].sort());
    for (const row of rows) {
      const main = row.availability?.find((a) => a.warehouseId === 'MAIN');
      expect(main?.quantityOnHand, row.inventoryId ?? '').toBe(77);
    }
  });

  it('V3 sales orders: modifiedSince returns exactly the orders patched since then', async () => {
    const client = rig.client();
    const open = (await collect(client.salesOrders.iterate({ status: 'Open' }))).slice(0, 2);
    expect(open).toHaveLength(2);
    const since = mark();
    for (const o of open) await client.salesOrders.patch(o.type ?? 'SO', o.orderId ?? '', { description: 'delta check' });
    const got = await collect(client.salesOrders.iterate({ modifiedSince: since }));
    expect(got.map((o) => o.orderId).sort()).toEqual(open.map((o) => o.orderId).sort());
  });

  it('journal transactions: lastModifiedDateTime alone means "modified since" and returns the new batch', async () => {
    const client = rig.client();
    const since = mark();
    const created = await client.journalTransactions.create({
      transactionDate: '2026-03-02',
      description: 'Delta journaal',
      journalTransactionLines: [
        { operation: 'Insert', accountNumber: '1110', debitAmountInCurrency: 100, transactionDescription: 'bank' },
        { operation: 'Insert', accountNumber: '8000', creditAmountInCurrency: 100, transactionDescription: 'omzet' },
      ],
    });
    const got = await collect(client.journalTransactions.iterate({ lastModifiedSince: since }));
    expect(got.map((j) => j.batchNumber)).toEqual([created.id]);
    expect(got[0]?.journalTransactionLines).toHaveLength(2);
  });

  it('filter time zone [I]: when Visma reads filter dates in another zone, the overlap window still catches the change', async () => {
    // The company's zone is five hours behind what the connector writes (reference/visma-net/README.md §4.6: zone undocumented, use an overlap).
    await rig.config({ timeZoneOffsetMinutes: -300 });
    const client = rig.client({ deltaOverlapMs: 6 * 3600_000 });
    const since = mark();
    await client.customers.update('10009', { note: 'zone check' });
    const got = await collect(client.customers.iterate({ lastModified: { since } }));
    expect(got.map((c) => c.number)).toContain('10009');
    // The window only widens the query: everything returned changed within it (callers de-duplicate).
    expect(got.length).toBeLessThan(SIZES.customers);
  });
});
