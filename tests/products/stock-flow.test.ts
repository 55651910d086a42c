import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateFlow } from '../../engine';
import type { Ledger } from '../../engine';
import { catalog } from '../../nodes/catalog';
import { available } from './expected';
import { admin, loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { Sims, VismaItem } from './harness';
import { createSimpleProducts, createVariantProduct } from './shop-setup';

const flow = loadFlow('stock');
let sims: Sims;
let ledger: Ledger;
let stockItems: VismaItem[];
let productIds: Map<string, number>;
let comboIds: Map<string, number>;
const isVariant = (sku: string) => sku.startsWith('TSHIRT-');

/** The stock the shop holds now, per SKU: products by product number, variants by combination id. */
async function shopStock(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const products = await shopStore(sims, 'products');
  const combos = await shopStore(sims, 'attributecombinations');
  for (const [sku, id] of productIds) out.set(sku, z.number().parse(products.find((p) => p.id === id)?.stock));
  for (const [sku, id] of comboIds) out.set(sku, z.number().parse(combos.find((c) => c.id === id)?.stock));
  return out;
}

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  ledger = memoryLedger();
  stockItems = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.stockItem);
  productIds = await createSimpleProducts(sims, stockItems.filter((i) => !isVariant(i.inventoryNumber)));
  const variant = await createVariantProduct(sims, 'TSHIRT');
  // Only the active variant items are expected to get stock.
  comboIds = new Map([...variant.combos].filter(([sku]) => stockItems.some((i) => i.inventoryNumber === sku)));
  await shopRequests(sims);
});
afterAll(async () => {
  ledger.close();
  await sims.close();
});

describe('flows-examples/stock.flow.json', () => {
  it('is a valid flow', () => {
    expect(validateFlow(flow, catalog)).toEqual([]);
    expect(flow.nodes.map((n) => n.type)).toEqual(['trigger.manual', 'visma.fetchStock', 'ccv.syncStock']);
  });

  it('dry run: writes nothing and plans the stock of every product and variant whose figure differs', async () => {
    const { summary, records } = await runWith(flow, sims, ledger, { dryRun: true });
    expect(summary.status).toBe('succeeded');
    const planned = records.filter((r) => r.nodeId === 'write' && r.action === 'updated');
    const differing = stockItems.filter((i) => Math.max(0, available(i)) !== 0);
    expect(planned.map((r) => r.key).sort()).toEqual(differing.map((i) => i.inventoryNumber).sort());
    const sample = differing[0];
    expect(planned.find((r) => r.key === sample?.inventoryNumber)?.changes).toEqual([{ field: 'stock', before: 0, after: sample ? Math.max(0, available(sample)) : -1 }]);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('writes the available stock to each product and each variant, and nothing twice', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    const stock = await shopStock();
    for (const item of stockItems) expect(stock.get(item.inventoryNumber), item.inventoryNumber).toBe(Math.max(0, available(item)));
    const writes = writesOf(await shopRequests(sims));
    const variantWrites = writes.filter((w) => w.path.includes('/attributecombinations/'));
    expect(variantWrites.length).toBe([...comboIds.keys()].filter((sku) => stock.get(sku) !== 0).length);
    expect(variantWrites.every((w) => JSON.stringify(w.body) === JSON.stringify({ stock: stock.get([...comboIds].find(([, id]) => w.path.endsWith(`/${id}/`))?.[0] ?? '') }))).toBe(true);
    expect(writes.filter((w) => w.path.match(/\/products\/\d+\/$/)).length).toBe([...productIds.keys()].filter((sku) => stock.get(sku) !== 0).length);

    const again = await runWith(flow, sims, ledger);
    expect(again.summary.counts.updated).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('after a stock movement in Visma.net, writes exactly the changed product and variant', async () => {
    const simple = stockItems.find((i) => !isVariant(i.inventoryNumber));
    const variant = stockItems.find((i) => isVariant(i.inventoryNumber));
    if (!simple || !variant) throw new Error('the seed has no simple or no variant stock item');
    for (const item of [simple, variant]) await admin(sims.visma.url, 'stock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inventoryNumber: item.inventoryNumber, warehouse: 'MAIN', quantityOnHand: 500 }) });
    const fresh = new Map((await vismaItems(sims)).map((i) => [i.inventoryNumber, i]));
    const { summary, records } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    expect(records.filter((r) => r.action === 'updated').map((r) => r.key).sort()).toEqual([simple.inventoryNumber, variant.inventoryNumber].sort());
    const writes = writesOf(await shopRequests(sims));
    expect(writes.map((w) => w.path).sort()).toEqual([`/api/rest/v1/attributecombinations/${comboIds.get(variant.inventoryNumber)}/`, `/api/rest/v1/products/${productIds.get(simple.inventoryNumber)}/`].sort());
    const stock = await shopStock();
    for (const item of [simple, variant]) {
      const now = fresh.get(item.inventoryNumber);
      expect(stock.get(item.inventoryNumber)).toBe(now ? available(now) : -1);
    }
  });
});
