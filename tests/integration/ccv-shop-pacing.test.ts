import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CcvApiError } from '../../connectors/ccv-shop';
import { z } from 'zod';
import { collect, failure } from './helpers';
import { startCcvRig, type CcvRig } from './ccv-harness';

const MINUTE = 60_000;

// reference/ccv-shop/README.md §5: per (resource, method) limits per minute, 429 with 429.10 and no rate-limit headers; clients back
// off 60 s. Simulator and connector share a virtual clock: a minute of waiting takes no real time.
describe('CCV Shop connector ⇄ simulator: pacing and rate limits', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: { products: 30, orders: 10, users: 5, categories: 6 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
    await rig.config({ rateLimit: { getPerMinute: 5, writePerMinute: 4 } });
  });

  it('with a matching budget (5 GET/min) the connector waits before the limit: no 429 at all', async () => {
    const client = rig.client({ pageSize: 3, budgets: { get: 5, write: 4 } });
    const from = rig.clock.sleeps.length;
    const products = await collect(client.products.iterate());
    expect(new Set(products.map((p) => p.id)).size).toBe(30);
    const log = await rig.requests();
    expect(log).toHaveLength(10);
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    // 10 calls at 5 a minute: one wait of a minute.
    expect(rig.clock.sleptSince(from)).toBe(MINUTE);
    expect(rig.logs.some((l) => /CCV Shop pacing: waited 60 s for the GET products budget/.test(l))).toBe(true);
  });

  it('writes are paced on their own budget (4 PATCH/min, 10 stock updates)', async () => {
    const client = rig.client({ budgets: { get: 5, write: 4 } });
    const from = rig.clock.sleeps.length;
    for (let i = 0; i < 10; i++) await client.products.patch(100001 + i, { stock: 5000 + i });
    const log = await rig.requests();
    expect(log.map((e) => e.status)).toEqual(Array.from({ length: 10 }, () => 204));
    // 10 writes at 4 a minute: two waits of a minute.
    expect(rig.clock.sleptSince(from)).toBe(2 * MINUTE);
    const stock = new Map((await rig.store('products')).items.map((p) => [p['id'], p['stock']]));
    expect(Array.from({ length: 10 }, (_, i) => stock.get(100001 + i))).toEqual(Array.from({ length: 10 }, (_, i) => 5000 + i));
  });

  it('with too large a budget the 429 (no Retry-After) is waited out for 60 s and every item still comes once', async () => {
    const client = rig.client({ pageSize: 3 });
    const from = rig.clock.sleeps.length;
    const products = await collect(client.products.iterate());
    expect(new Set(products.map((p) => p.id)).size).toBe(30);
    expect(products).toHaveLength(30);
    const log = await rig.requests();
    const limited = log.filter((e) => e.status === 429);
    // 10 pages at 5 a minute: the 6th call meets the limit once, then the next five fit the new minute.
    expect(limited).toHaveLength(1);
    expect(log.filter((e) => e.status === 200)).toHaveLength(10);
    expect(rig.clock.sleeps.slice(from)).toEqual([MINUTE]);
    expect(rig.logs.some((l) => /rate limit for GET products: waiting 60 s before retry 1 of 3/.test(l))).toBe(true);
  });

  it('a write that meets 429 is sent again after the wait and lands once', async () => {
    const client = rig.client();
    for (let i = 0; i < 4; i++) await client.categories.create({ name: `Limiet ${i}` });
    const created = await client.categories.create({ name: 'Na de limiet' });
    expect(created.name).toBe('Na de limiet');
    const posts = (await rig.requests()).filter((e) => e.method === 'POST');
    expect(posts.map((e) => e.status)).toEqual([201, 201, 201, 201, 429, 201]);
    const names = (await rig.store('categories')).items.map((c) => c['name']);
    expect(names.filter((n) => n === 'Na de limiet')).toHaveLength(1);
  });

  it('gives up after the configured number of 429s with a rate-limit error saying what to do', async () => {
    await rig.faults({ rate: 1, kinds: ['429'], paths: ['/products/100001'] });
    const error = await failure(rig.client({ rateLimitRetries: 2 }).products.get(100001));
    expect(error).toBeInstanceOf(CcvApiError);
    if (!(error instanceof CcvApiError)) return;
    expect([error.kind, error.status, error.code]).toEqual(['rate-limit', 429, '429.10']);
    expect(error.message).toMatch(/lower the request budget/);
    expect((await rig.requests()).filter((e) => e.status === 429)).toHaveLength(3);
  });

  it('the separate productqueries budget (30/min in the docs) is honoured by both sides', async () => {
    await rig.config({ rateLimit: { getPerMinute: 150, perEndpoint: { 'GET productqueries': 3 } } });
    const client = rig.client({ budgets: { perResource: { productqueries: { get: 3 } } } });
    for (let i = 0; i < 7; i++) await collect(client.products.query({ productnumber: `NOPE-${i}` }));
    await collect(client.products.iterate());
    const log = await rig.requests();
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    expect(log.filter((e) => e.path === '/api/rest/v1/productqueries/')).toHaveLength(7);
  });

  it('nested paths count against the resource they return (GET /products/:id/productphotos/ is productphotos)', async () => {
    const photo = z.looseObject({ id: z.number(), product_id: z.number() }).parse((await rig.store('productphotos')).items[0]);
    const client = rig.client({ budgets: { get: 5, write: 4 } });
    for (let i = 0; i < 4; i++) await collect(client.productPhotos.list(photo.product_id));
    for (let i = 0; i < 4; i++) await client.productPhotos.get(photo.id);
    const log = await rig.requests();
    expect(log).toHaveLength(8);
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    expect(rig.logs.some((l) => /waited 60 s for the GET productphotos budget/.test(l))).toBe(true);
  });
});
