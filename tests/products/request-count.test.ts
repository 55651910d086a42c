import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../engine';
import { loadFlow, memoryLedger, runWith, shopRequests, startSims, vismaItems } from './harness';
import type { LoggedRequest, Sims } from './harness';

// One request per changed record: the shop is not asked about a product before it is written.
const flow = loadFlow('products');
const productCalls = (log: readonly LoggedRequest[]) => log.filter((r) => r.path.startsWith('/api/rest/v1/products'));
const count = (log: readonly LoggedRequest[], method: string) => log.filter((r) => r.method === method).length;

describe('requests of the product sync', () => {
  let sims: Sims;
  let ledger: Ledger;
  let active: number;
  beforeAll(async () => {
    sims = await startSims({ inventory: 120 });
    ledger = memoryLedger();
    active = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.type !== 'NonStockItem').length;
    await shopRequests(sims);
  });
  afterAll(async () => {
    ledger.close();
    await sims.close();
  });

  it('first sync into an empty shop: one POST per product and one read of the (empty) product list', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.counts.created).toBe(active);
    const calls = productCalls(await shopRequests(sims));
    expect(count(calls, 'POST')).toBe(active);
    expect(count(calls, 'GET')).toBe(1);
    expect(calls.length).toBe(active + 1);
  });

  it('after some items change: one PATCH per changed product, nothing read first', async () => {
    const items = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.type !== 'NonStockItem').slice(0, 7);
    for (const item of items) await sims.vismaClient.inventory.update(item.inventoryNumber, { description: `${item.description} v2` });
    await shopRequests(sims);
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.counts.updated).toBe(items.length);
    const calls = productCalls(await shopRequests(sims));
    expect(calls.map((c) => c.method)).toEqual(items.map(() => 'PATCH'));
  });

  it('an unchanged re-run sends nothing to the shop', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.counts.updated + summary.counts.created).toBe(0);
    expect(productCalls(await shopRequests(sims))).toEqual([]);
  });

  it('with the id map lost (a new machine), the shop list is read page by page, then one PATCH per product: nothing is created twice', async () => {
    const fresh = memoryLedger();
    try {
      const items = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.type !== 'NonStockItem');
      await sims.vismaClient.inventory.update(items[0]?.inventoryNumber ?? '', { description: 'changed once more' });
      await shopRequests(sims);
      const { summary } = await runWith(flow, sims, fresh);
      expect(summary.counts.created).toBe(0);
      const calls = productCalls(await shopRequests(sims));
      expect(count(calls, 'POST')).toBe(0);
      expect(count(calls, 'PATCH')).toBe(active);
      // 250 per page (the harness's page size): a page, up to 20 single look-ups while it is not known to be small, then the rest.
      const pages = Math.ceil(active / 250);
      expect(count(calls, 'GET')).toBeLessThanOrEqual(pages + 21);
    } finally {
      fresh.close();
    }
  });

  it('a first stock sync into the synced shop: one read of the product list with variants, no PATCH where the figure is right', async () => {
    const stockFlow = loadFlow('stock');
    const fresh = memoryLedger();
    try {
      await shopRequests(sims);
      const { summary } = await runWith(stockFlow, sims, fresh);
      expect(summary.status).toBe('succeeded');
      const calls = productCalls(await shopRequests(sims));
      const writes = calls.filter((c) => c.method !== 'GET');
      // The product sync wrote the stock figures already: the stock sync has nothing to change.
      expect(writes).toEqual([]);
      expect(count(calls, 'GET')).toBe(1);
      expect(calls[0]?.query).toMatchObject({ expand: 'attributecombinations' });
      // The second run knows every SKU from the id map: nothing read, nothing written.
      await shopRequests(sims);
      await runWith(stockFlow, sims, fresh);
      expect(productCalls(await shopRequests(sims))).toEqual([]);
    } finally {
      fresh.close();
    }
  });
});
