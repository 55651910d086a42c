import { requireShop, shopLedger } from '../../shared/require-shop';
import { defineNode } from '../../../engine';
import { writeBatches } from '../../shared/batch-writer';
import { ProductIndex } from './product-index';
import { ShopFacts } from '../../shared/shop-facts';
import { PRODUCT_SCOPE, planProduct } from './upsert-product-record';
import { productNumberOf } from './product-body';


import { upsertProductParams } from './params';

export { defaultVatRates, upsertProductParams } from './params';

export const ccvUpsertProductNode = defineNode({
  type: 'ccv.upsertProduct',
  version: 1,
  title: 'Create or update products',
  category: 'ccv',
  description:
    "Creates or updates CCV Shop products by product number (SKU). Only what changed since the last run is written; fields marked 'update on resync: off' in the mapping are sent only when a product is created. Prices are converted to the shop's incl./excl. VAT setting. New products get the shop's first shipping package, discount 0 and tax tariff 'normal' unless mapped. Dry run: lists the planned creates and updates with before/after.",
  icon: 'upload',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [{ name: 'in', title: 'Products', description: 'Mapped CCV product fields (name, productnumber, price, ...), keyed by SKU.' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'Products created, updated or unchanged.' },
    { name: 'error', title: 'Error', description: 'Products that could not be written, with the reason.' },
  ],
  params: upsertProductParams,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    const env = { ctx, client, facts: new ShopFacts(client, ctx.signal, (m) => ctx.log('info', m)), index: new ProductIndex(client, ctx.signal) };
    // Products are independent of each other: a few writes in flight keep the shop's budget busy instead of waiting on each answer.
    yield* writeBatches(ctx, inputs.in, (item) => planProduct(env, item), {
      target: 'product',
      service: 'CCV Shop',
      concurrency: 4,
      beforeBatch: (items) => ctx.ledger.prefetchMappings(PRODUCT_SCOPE, items.map(productNumberOf)),
    });
  },
});
