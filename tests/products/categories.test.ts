import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../engine';
import { categoriesFlow } from './flows';
import { loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { ShopRecord, Sims, VismaItem } from './harness';

/** The Visma simulator's sales category tree (README of the simulator): id → [name, parent id]. */
const VISMA_TREE: Record<number, [string, number | null]> = {
  1: ['Kleding', null],
  2: ['T-shirts', 1],
  3: ['Hoodies en truien', 1],
  4: ['Accessoires', null],
  5: ['Petten', 4],
  6: ['Sokken', 4],
  7: ['Boeken', null],
  8: ['Overig', null],
};

let sims: Sims;
let ledger: Ledger;
let active: VismaItem[];
let shopBefore: ShopRecord[];
const flow = categoriesFlow();

/** The shop category id of a Visma category: the one with the same name under the shop category of its parent. */
function shopIdOf(categories: ShopRecord[], vismaId: number): unknown {
  const [name, parent] = VISMA_TREE[vismaId] ?? ['', null];
  const parentId = parent === null ? null : shopIdOf(categories, parent);
  const hits = categories.filter((c) => c.name === name && (c.parentcategory_id ?? null) === parentId);
  expect(hits, `shop categories named ${name}`).toHaveLength(1);
  return hits[0]?.id;
}

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  ledger = memoryLedger();
  active = (await vismaItems(sims)).filter((i) => i.status === 'Active');
  await runWith(loadFlow('products'), sims, ledger);
  shopBefore = await shopStore(sims, 'categories');
  await shopRequests(sims);
});
afterAll(async () => {
  ledger.close();
  await sims.close();
});

describe('sales categories → CCV categories and product links', () => {
  it('dry run: writes nothing and plans the new categories (parent first) and every link', async () => {
    const { summary, records } = await runWith(flow, sims, ledger, { dryRun: true });
    expect(summary.status).toBe('succeeded');
    const planned = records.filter((r) => r.action === 'created' && r.target === 'category').map((r) => r.key);
    // Kleding, T-shirts and Accessoires already exist in the seeded shop and are reused.
    expect(planned).toEqual(['3', '5', '6', '7', '8']);
    const petten = records.find((r) => r.key === '5');
    expect(petten?.changes).toEqual([
      { field: 'name', after: 'Petten' },
      { field: 'parentcategory_id', after: shopIdOf(shopBefore, 4) },
      { field: 'position', after: 1 },
    ]);
    expect(records.filter((r) => r.target === 'category links' && r.action === 'created').length).toBe(active.length);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('creates the tree with reused categories and links each product to its categories, exactly once', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    const categories = await shopStore(sims, 'categories');
    expect(categories.length).toBe(shopBefore.length + 5);
    for (const id of Object.keys(VISMA_TREE)) shopIdOf(categories, Number(id));
    const products = new Map((await shopStore(sims, 'products')).map((p) => [p.productnumber, p.id]));
    const links = await shopStore(sims, 'producttocategories');
    for (const item of active) {
      const productId = products.get(item.inventoryNumber);
      const linked = links.filter((l) => l.product_id === productId).map((l) => l.category_id);
      expect(linked.sort(), item.inventoryNumber).toEqual(item.salesCategories.map((c) => shopIdOf(categories, c)).sort());
    }
    const writes = writesOf(await shopRequests(sims));
    expect(writes.filter((w) => w.path === '/api/rest/v1/categories/')).toHaveLength(5);
    expect(writes.filter((w) => w.path === '/api/rest/v1/producttocategories/')).toHaveLength(active.reduce((n, i) => n + i.salesCategories.length, 0));

    const again = await runWith(flow, sims, ledger);
    expect(again.summary.counts.created + again.summary.counts.updated).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('with a fresh ledger (all ids forgotten) finds every category and link again and creates nothing', async () => {
    // A new ledger forgets all ids: everything must be found again by name, nothing created twice.
    const fresh = memoryLedger();
    const { summary } = await runWith(flow, sims, fresh);
    fresh.close();
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.created).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });
});
