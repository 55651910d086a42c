import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from './helpers';
import { queryOf, startCcvRig, type CcvLogEntry, type CcvRig } from './ccv-harness';

const SIZES = { products: 260, orders: 70, users: 5, categories: 30 };
const storeOrder = z.looseObject({ id: z.number(), is_completed: z.boolean() });
const listCalls = (log: CcvLogEntry[], path: string) => log.filter((e) => e.method === 'GET' && e.path === path);

// Collections: start/size, no total count, follow `next` until it is null (reference/ccv-shop/README.md §3.1).
describe('CCV Shop connector ⇄ simulator: paging', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: SIZES });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('products over several pages: every product once, pages chained by `next`', async () => {
    const client = rig.client({ pageSize: 100 });
    const products = await collect(client.products.iterate());
    const ids = products.map((p) => p.id);
    expect(ids).toHaveLength(SIZES.products);
    expect(new Set(ids).size).toBe(SIZES.products);
    expect((await rig.store('products')).total).toBe(SIZES.products);
    const calls = listCalls(await rig.requests(), '/api/rest/v1/products/');
    expect(calls.map((e) => [queryOf(e).get('start'), queryOf(e).get('size')])).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
  });

  it('a size above the server maximum is clamped; the connector follows the clamped pages', async () => {
    await rig.config({ paging: { maxSize: 40 } });
    const client = rig.client({ pageSize: 250 });
    const pages = await collect(client.products.pages());
    expect(pages.map((p) => p.size)).toEqual([40, 40, 40, 40, 40, 40, 40]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(SIZES.products);
    expect(ids).toHaveLength(SIZES.products);
    // The first request asked for 250; the `next` links carry the size the server used.
    const calls = listCalls(await rig.requests(), '/api/rest/v1/products/');
    expect(queryOf(calls[0]!).get('size')).toBe('250');
    expect(calls.slice(1).map((e) => queryOf(e).get('size'))).toEqual(['40', '40', '40', '40', '40', '40']);
  });

  it('filters survive into the `next` links (orders: is_completed default and false)', async () => {
    const client = rig.client({ pageSize: 15 });
    const stored = (await rig.store('orders')).items.map((o) => storeOrder.parse(o));
    const completed = stored.filter((o) => o.is_completed).map((o) => o.id);
    const open = stored.filter((o) => !o.is_completed).map((o) => o.id);
    expect(open.length).toBeGreaterThan(0);
    // CCV hides unfinished checkouts unless asked (reference/ccv-shop/README.md §9.2).
    const byDefault = await collect(client.orders.iterate());
    expect(byDefault.map((o) => o.id).sort()).toEqual([...completed].sort());
    const unfinished = await collect(client.orders.iterate({ is_completed: false }));
    expect(unfinished.map((o) => o.id).sort()).toEqual([...open].sort());
    const calls = listCalls(await rig.requests(), '/api/rest/v1/orders/').filter((e) => queryOf(e).get('is_completed') === 'false');
    expect(calls.length).toBe(Math.max(1, Math.ceil(open.length / 15)));
  });

  it('categories and the category tree agree', async () => {
    const client = rig.client({ pageSize: 7 });
    const categories = await collect(client.categories.iterate());
    expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length);
    expect(categories.length).toBe((await rig.store('categories')).total);
    const tree = await client.categories.tree();
    const flat = (nodes: typeof tree.root_categories): number[] => nodes.flatMap((n) => [n.id ?? -1, ...flat(n.children)]);
    expect(new Set(flat(tree.root_categories))).toEqual(new Set(categories.map((c) => c.id)));
  });

  it('incremental product sync the documented way: orderby=modifydate_desc puts changed products first', async () => {
    const client = rig.client({ pageSize: 50 });
    rig.clock.advance(3600_000);
    await client.products.patch(100042, { stock: 11 });
    rig.clock.advance(1000);
    await client.products.patch(100007, { price: 99.5, discount: 0 });
    const firstPage = (await collect(client.products.pages({ orderby: 'modifydate_desc' })))[0]?.items ?? [];
    expect(firstPage.slice(0, 2).map((p) => p.id)).toEqual([100007, 100042]);
    expect(firstPage[0]?.modifydate).toBe(new Date(rig.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  });
});
