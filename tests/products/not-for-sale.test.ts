import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../engine';
import { loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { Sims } from './harness';

// Items that can no longer be sold in Visma.net do not stay for sale in the shop.
const flow = loadFlow('products');

describe('items no longer for sale', () => {
  let sims: Sims;
  let ledger: Ledger;
  beforeAll(async () => {
    sims = await startSims({ inventory: 60 });
    ledger = memoryLedger();
  });
  afterAll(async () => {
    ledger.close();
    await sims.close();
  });

  const productOf = async (sku: string) => (await shopStore(sims, 'products')).find((p) => p.productnumber === sku);

  it('are never created; a product whose item is deactivated is hidden once, and shown again when it is for sale again', async () => {
    const items = await vismaItems(sims);
    const inactive = items.filter((i) => ['Inactive', 'NoSales', 'MarkedForDeletion'].includes(String(i.status)) && i.type !== 'NonStockItem');
    expect(inactive.length).toBeGreaterThan(0);
    await runWith(flow, sims, ledger);
    for (const i of inactive) expect(await productOf(i.inventoryNumber), i.inventoryNumber).toBeUndefined();

    const item = items.find((i) => i.status === 'Active' && i.type !== 'NonStockItem');
    if (!item) throw new Error('no active item');
    const product = await productOf(item.inventoryNumber);
    expect(product?.is_active).toBe(true);
    await sims.vismaClient.inventory.update(item.inventoryNumber, { status: 'Inactive' });
    await shopRequests(sims);
    const hidden = await runWith(flow, sims, ledger);
    expect(hidden.records.find((r) => r.key === item.inventoryNumber && r.nodeId === 'write')).toMatchObject({ action: 'updated', reason: 'not for sale in Visma.net: hidden in the shop' });
    const writes = writesOf(await shopRequests(sims));
    expect(writes.map((w) => [w.method, w.path, w.body])).toEqual([['PATCH', `/api/rest/v1/products/${String(product?.id)}/`, { active: false }]]);
    expect((await productOf(item.inventoryNumber))?.is_active).toBe(false);

    await runWith(flow, sims, ledger);
    expect(writesOf(await shopRequests(sims))).toEqual([]);

    await sims.vismaClient.inventory.update(item.inventoryNumber, { status: 'Active' });
    await shopRequests(sims);
    const shown = await runWith(flow, sims, ledger);
    expect(shown.records.find((r) => r.key === item.inventoryNumber && r.nodeId === 'write')?.action).toBe('updated');
    const again = writesOf(await shopRequests(sims));
    expect(again).toHaveLength(1);
    expect(again[0]?.body).toMatchObject({ active: true, productnumber: item.inventoryNumber });
    expect((await productOf(item.inventoryNumber))?.is_active).toBe(true);
  });

  it('a product the shop owner switched off by hand is not switched on by Koppel', async () => {
    const item = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.type !== 'NonStockItem')[2];
    if (!item) throw new Error('no active item');
    const product = await productOf(item.inventoryNumber);
    await sims.shopClient.products.patch(Number(product?.id), { active: false });
    await sims.vismaClient.inventory.update(item.inventoryNumber, { description: `${item.description} (new text)` });
    await runWith(flow, sims, ledger);
    expect((await productOf(item.inventoryNumber))?.is_active).toBe(false);
    expect((await productOf(item.inventoryNumber))?.name).toBe(`${item.description} (new text)`);
  });

  it('with "stock 0" the product stays visible and gets stock 0', async () => {
    const stock0 = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'write' ? { ...n, params: { ...n.params, notForSale: 'stock0' } } : n)) };
    const item = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.type !== 'NonStockItem')[4];
    if (!item) throw new Error('no active item');
    await sims.vismaClient.inventory.update(item.inventoryNumber, { status: 'NoSales' });
    await shopRequests(sims);
    await runWith(stock0, sims, ledger);
    const writes = writesOf(await shopRequests(sims));
    expect(writes.map((w) => w.body)).toEqual([{ stock: 0 }]);
    expect((await productOf(item.inventoryNumber))?.is_active).toBe(true);
  });
});
