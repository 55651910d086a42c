import { defineNode } from '../../../engine';
import { syncProductLinks } from './category-links';
import { syncCategory } from './category-tree';
import type { CategoryEnv } from './category-tree';
import { steps, writeBatches } from '../../shared/batch-writer';
import { requireShop, shopLedger } from '../../shared/require-shop';
import { syncCategoriesParams } from './sync-categories-params';

export const ccvSyncCategoriesNode = defineNode({
  type: 'ccv.syncCategories',
  version: 1,
  title: 'Sync categories',
  category: 'ccv',
  description:
    "Creates or updates CCV Shop categories from Visma.net sales categories, parent first (an existing shop category with the same name under the same parent is reused), then puts products in their categories (producttocategories). Idempotent: nothing is created twice, and unchanged categories and links cause no requests. Dry run: planned categories and links.",
  icon: 'folder-tree',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [
    { name: 'categories', title: 'Categories', description: 'Sales categories {categoryID, description, parentID, sortOrder}, parent first (from "Read from Visma.net": sales categories).' },
    { name: 'products', title: 'Products', description: 'Items with their SKU and sales categories; read after all categories.' },
  ],
  outputs: [
    { name: 'out', title: 'Done', description: 'Categories and products written or already right.' },
    { name: 'error', title: 'Error', description: 'Categories or products that could not be written, with the reason.' },
  ],
  params: syncCategoriesParams,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    const env: CategoryEnv = { ctx, client, ids: new Map(), planned: new Map() };
    // All categories first: a product's links need the shop ids of its categories.
    // Categories one by one (a parent before its children), then the links of each product.
    yield* writeBatches(ctx, inputs.categories, steps((item, journal) => syncCategory(env, item, journal)), { target: 'category', service: 'CCV Shop' });
    yield* writeBatches(ctx, inputs.products, steps((item, journal) => syncProductLinks(env, item, journal)), { target: 'category links', service: 'CCV Shop', concurrency: 4 });
  },
});
