import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemError, memoryNodeLedger, runNodeOnce, withMeta } from '../../engine';
import type { Item } from '../../engine';
import { ccvSyncPhotoNode } from '../../nodes/ccv/sync-photo/definition';
import { ccvSyncStockNode } from '../../nodes/ccv/sync-stock/definition';
import { shopRequests, shopStore, startSims, writesOf } from './harness';
import type { Sims } from './harness';
import { createVariantProduct } from './shop-setup';

let sims: Sims;
let productId: number;
let combos: Map<string, number>;

beforeAll(async () => {
  sims = await startSims({ inventory: 0 });
  await sims.shopClient.products.create({ name: 'Mok', productnumber: 'MOK-1', price: 5, discount: 0, package_id: 12, taxtariff: 'normal', stock: 3, stockenabled: false });
  ({ productId, combos } = await createVariantProduct(sims, 'TEE'));
});
afterAll(async () => {
  await sims.close();
});

const stock = (sku: string, n: number): Item => ({ key: sku, json: { inventoryNumber: sku, stock: n } });
const sync = (items: Item[], params: unknown = {}, ledger = memoryNodeLedger()) => runNodeOnce(ccvSyncStockNode, { params, client: sims.shopClient, inputs: { in: [items] }, ledger, nodeId: 'stock' });

describe('ccv.syncStock', () => {
  it('switches "shop manages stock" on for products and for the product of a variant', async () => {
    await shopRequests(sims);
    const r = await sync([stock('MOK-1', 9), stock('TEE-RED-M', 4), stock('TEE-BLUE-S', 2)], { stockEnabled: 'on' });
    expect(r.outcomes.map((o) => [o.key, o.action])).toEqual([['MOK-1', 'updated'], ['TEE-RED-M', 'updated'], ['TEE-BLUE-S', 'updated']]);
    expect(r.outcomes[0]?.changes).toEqual([{ field: 'stock', before: 3, after: 9 }, { field: 'stockenabled', before: false, after: true }]);
    // Written side by side, so in any order; the variants' product is switched once.
    const writes = writesOf(await shopRequests(sims)).map((w) => [w.path, w.body]);
    expect(writes).toHaveLength(4);
    expect(writes).toEqual(
      expect.arrayContaining([
        ['/api/rest/v1/products/' + String((await shopStore(sims, 'products')).find((p) => p.productnumber === 'MOK-1')?.id) + '/', { stock: 9, stockenabled: true }],
        [`/api/rest/v1/attributecombinations/${combos.get('TEE-RED-M')}/`, { stock: 4 }],
        [`/api/rest/v1/products/${productId}/`, { stockenabled: true }],
        [`/api/rest/v1/attributecombinations/${combos.get('TEE-BLUE-S')}/`, { stock: 2 }],
      ]),
    );
  });

  it('sends unknown SKUs and records without a figure to error, naming them and what to do', async () => {
    const r = await sync([stock('NOPE', 1), { key: 'MOK-1', json: { inventoryNumber: 'MOK-1' } }, stock('TEE-RED-M', 1)], { target: 'product' });
    expect(r.outputs.error?.map((i) => [i.key, itemError(i)?.field, itemError(i)?.message])).toEqual([
      ['NOPE', 'inventoryNumber', "SKU 'NOPE': the shop has no product with this number. Create the product first (run the product flow), or check the SKU."],
      ['MOK-1', 'stock', "SKU 'MOK-1' has no stock figure in 'stock'. Map a number to it."],
      ['TEE-RED-M', 'inventoryNumber', "SKU 'TEE-RED-M': the shop has no product with this number. Create the product first (run the product flow), or check the SKU."],
    ]);
  });

  it('writes a figure once; the same figure again is skipped without a request', async () => {
    const ledger = memoryNodeLedger();
    await sync([stock('TEE-RED-L', 11)], {}, ledger);
    await shopRequests(sims);
    const again = await sync([stock('TEE-RED-L', 11)], {}, ledger);
    expect(again.outcomes.map((o) => o.action)).toEqual(['skipped']);
    expect(await shopRequests(sims)).toEqual([]);
  });

  it('honours "only when created" from the mapper: the first figure is written, later ones are not', async () => {
    const ledger = memoryNodeLedger();
    const createOnly = (item: Item) => withMeta(item, { createOnly: ['stock'] });
    await sync([createOnly(stock('TEE-BLACK-S', 5))], {}, ledger);
    await shopRequests(sims);
    const later = await sync([createOnly(stock('TEE-BLACK-S', 6))], {}, ledger);
    expect(later.outcomes.map((o) => [o.action, o.reason])).toEqual([['skipped', "'stock' is written only the first time (update on resync is off)"]]);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
    expect((await shopStore(sims, 'attributecombinations')).find((c) => c.id === combos.get('TEE-BLACK-S'))?.stock).toBe(5);
  });
});

describe('ccv.syncPhoto', () => {
  it('sends a record without an image to error, naming the field', async () => {
    const r = await runNodeOnce(ccvSyncPhotoNode, { params: {}, client: sims.shopClient, inputs: { in: [[{ key: 'MOK-1', json: { inventoryNumber: 'MOK-1' } }]] } });
    const failed = r.outputs.error?.[0];
    expect(failed && itemError(failed)).toMatchObject({ field: 'image', message: `Product 'MOK-1' has no image in 'image'. Put "Read item image" before this step.` });
  });
});
