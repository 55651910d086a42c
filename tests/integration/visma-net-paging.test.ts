import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from './helpers';
import { apiCalls, startVismaRig, type VismaLogEntry, type VismaRig } from './visma-harness';

const SIZES = { inventory: 250, customers: 40, salesOrders: 25, customerInvoices: 30 };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const queryOf = (e: VismaLogEntry, name: string) => first(e.query[name]);
const listCalls = (log: VismaLogEntry[], path: string) => apiCalls(log).filter((e) => e.method === 'GET' && e.path === path);

const storeItem = z.looseObject({ inventoryNumber: z.string(), stockItem: z.boolean() });
const storeJournal = z.looseObject({ batchNumber: z.string(), financialPeriod: z.string(), lines: z.array(z.looseObject({ lineNumber: z.number() })) });

// Main API pageNumber/pageSize + metadata (reference/visma-net/README.md §5.1), V3 pageIndex/nextPage (§5.2), journal line paging.
describe('Visma.net connector ⇄ simulator: paging', () => {
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

  it('iterates every item of a list spanning several pages exactly once (pageNumber 1-based + metadata)', async () => {
    const client = rig.client({ pageSize: 100 });
    const items = await collect(client.inventory.iterate());
    const numbers = items.map((i) => i.inventoryNumber);
    expect(numbers).toHaveLength(SIZES.inventory);
    expect(new Set(numbers).size).toBe(SIZES.inventory);
    const store = await rig.store('inventory');
    expect(store.total).toBe(SIZES.inventory);
    expect(new Set(numbers)).toEqual(new Set(store.records.map((r) => storeItem.parse(r).inventoryNumber)));

    const calls = listCalls(await rig.requests(), '/v1/inventory');
    expect(calls.map((e) => [queryOf(e, 'pageNumber'), queryOf(e, 'pageSize')])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ]);
    // reference/visma-net/README.md §4.7: every expand flag is sent explicitly, because their defaults will change.
    for (const flag of ['expandCrossReference', 'expandAttachment', 'expandAttribute', 'expandWarehouseDetail', 'expandAccountInformation', 'expandInventoryUnits', 'expandSupplierDetails', 'expandSalesCategories', 'expandNote']) {
      expect(calls[0]?.query[flag], flag).toMatch(/^(true|false)$/);
    }
  });

  it('follows a silently clamped page size (metadata.maxPageSize) and still counts each record once', async () => {
    await rig.config({ maxPageSize: { customer: 7 } });
    const client = rig.client({ pageSize: 20 });
    const customers = await collect(client.customers.iterate());
    const numbers = customers.map((c) => c.number);
    expect(new Set(numbers).size).toBe(SIZES.customers);
    expect(numbers).toHaveLength(SIZES.customers);
    const calls = listCalls(await rig.requests(), '/v1/customer');
    // 40 records in pages of 7 (the server clamps the requested 20): six pages, not two.
    expect(calls.map((e) => queryOf(e, 'pageNumber'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(calls[0]?.query['pageSize']).toBe('20');
    // A second run asks for the learned maximum from the start.
    await rig.clearRequests();
    expect(await collect(client.customers.iterate())).toHaveLength(SIZES.customers);
    const again = listCalls(await rig.requests(), '/v1/customer');
    expect(again.map((e) => queryOf(e, 'pageSize'))).toEqual(['7', '7', '7', '7', '7', '7']);
  });

  it('stops on a short last page when the page size is larger than the list', async () => {
    const client = rig.client({ pageSize: 1000 });
    const invoices = await collect(client.customerInvoices.iterate());
    expect(invoices).toHaveLength(SIZES.customerInvoices);
    expect(listCalls(await rig.requests(), '/v1/customerinvoice')).toHaveLength(1);
  });

  it('pages V3 sales orders with a 0-based pageIndex and stops when nextPage is null', async () => {
    const client = rig.client({ pageSize: 10 });
    const orders = await collect(client.salesOrders.iterate());
    const ids = orders.map((o) => `${o.type ?? ''}/${o.orderId ?? ''}`);
    expect(ids).toHaveLength(SIZES.salesOrders);
    expect(new Set(ids).size).toBe(SIZES.salesOrders);
    const calls = listCalls(await rig.requests(), '/api/v3/SalesOrders');
    expect(calls.map((e) => [queryOf(e, 'pageIndex'), queryOf(e, 'pageSize')])).toEqual([
      ['0', '10'],
      ['1', '10'],
      ['2', '10'],
    ]);
  });

  it('pages V3 inventory availability: every stock item once', async () => {
    const client = rig.client({ pageSize: 60 });
    const rows = await collect(client.inventoryAvailability.iterate({ warehouseIds: ['MAIN'] }));
    const ids = rows.map((r) => r.inventoryId);
    const store = (await rig.store('inventory')).records.map((r) => storeItem.parse(r));
    const stockItems = store.filter((r) => r.stockItem).map((r) => r.inventoryNumber);
    expect(stockItems.length).toBeGreaterThan(60);
    expect(new Set(ids)).toEqual(new Set(stockItems));
    expect(ids).toHaveLength(stockItems.length);
    const calls = listCalls(await rig.requests(), '/api/v3/Inventory');
    expect(calls.map((e) => queryOf(e, 'pageIndex'))).toEqual(calls.map((_, i) => String(i)));
  });

  it('merges journal batches that straddle pages (paging counts lines)', async () => {
    const store = (await rig.store('journalTransactions')).records.map((r) => storeJournal.parse(r));
    const period = store[0]?.financialPeriod ?? '';
    const expected = store.filter((j) => j.financialPeriod === period);
    const lineTotal = expected.reduce((n, j) => n + j.lines.length, 0);
    expect(lineTotal).toBeGreaterThan(4);
    // Pages of 4 lines: batches of three lines cannot all fit, so some are split over two pages.
    const client = rig.client({ pageSize: 4 });
    const batches = await collect(client.journalTransactions.iterate({ periodId: period }));
    expect(batches.map((b) => b.batchNumber)).toEqual(expected.map((j) => j.batchNumber));
    for (const b of batches) {
      const want = expected.find((j) => j.batchNumber === b.batchNumber);
      expect(b.journalTransactionLines?.map((l) => l.lineNumber), b.batchNumber ?? '').toEqual(want?.lines.map((l) => l.lineNumber));
    }
    expect(listCalls(await rig.requests(), '/v2/journaltransaction').length).toBe(Math.ceil(lineTotal / 4));
  });
});
