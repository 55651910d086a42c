import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../common';
import { CcvClient } from './client';
import { InstantClock, PUBLIC, SECRET, startShop, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let handler: (url: string, method: string) => Reply = () => ({ body: { id: 1 } });
beforeAll(async () => {
  shop = await startShop((req) => handler(req.url, req.method));
});
afterAll(() => shop.close());

/** Lets pending I/O and promise chains run until `done()` holds (no wall-clock assertions). */
async function settle(done: () => boolean): Promise<void> {
  for (let i = 0; i < 5_000 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!done()) throw new Error('condition not reached');
}

describe('per (resource, method) budgets', () => {
  it('holds the request that would exceed the budget until the window slides', async () => {
    handler = () => ({ body: { id: 1 } });
    const clock = new FakeClock(Date.UTC(2024, 0, 15));
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock, budgets: { get: 2, write: 1 } });
    const start = shop.requests.length;
    await c.products.get(1);
    await c.products.get(2);
    let third = false;
    const p3 = c.products.get(3).then(() => (third = true));
    await settle(() => clock.pending === 1);
    // Another resource, and writes on the same resource, have budgets of their own.
    await c.orders.get(1);
    handler = () => ({ status: 204 });
    await c.products.patch(1, { stock: 1 });
    expect(shop.requests.length - start).toBe(4);
    expect(third).toBe(false);

    await clock.advance(59_999);
    expect(third).toBe(false);
    handler = () => ({ body: { id: 3 } });
    await clock.advance(1);
    await p3;
    expect(shop.requests.slice(start).map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/rest/v1/products/1/',
      'GET /api/rest/v1/products/2/',
      'GET /api/rest/v1/orders/1/',
      'PATCH /api/rest/v1/products/1/',
      'GET /api/rest/v1/products/3/',
    ]);
  });

  it('counts PATCH and DELETE of a resource separately and honours per-resource overrides', async () => {
    handler = () => ({ status: 204 });
    const clock = new InstantClock();
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock, budgets: { write: 100, perResource: { attributecombinations: { write: 1 } } } });
    await c.attributeCombinations.patch(1, { stock: 1 });
    await c.products.patch(1, { stock: 1 });
    await c.products.delete(2);
    expect(clock.sleeps).toEqual([]);
    await c.attributeCombinations.patch(2, { stock: 2 });
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('productqueries has the documented 30/min default', async () => {
    handler = () => ({ body: { start: 0, size: 100, items: [] } });
    const clock = new InstantClock();
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock });
    for (let i = 0; i < 31; i++) for await (const _ of c.products.query({ skunumber: `S${i}` }));
    expect(clock.sleeps).toEqual([60_000]);
  });
});

describe('429', () => {
  function flaky(first: Reply): () => Reply {
    let n = 0;
    return () => (n++ === 0 ? first : { body: { id: 1 } });
  }

  it('waits the documented 60 s without Retry-After, then retries', async () => {
    handler = flaky({ status: 429, body: { code: '429.10', status: 429, developermessage: 'limit' } });
    const clock = new InstantClock();
    const logs: string[] = [];
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock, logger: { warn: (m) => logs.push(m) } });
    const start = shop.requests.length;
    await expect(c.products.get(1)).resolves.toMatchObject({ id: 1 });
    expect(shop.requests.length - start).toBe(2);
    expect(clock.sleeps).toEqual([60_000]);
    expect(logs.join('\n')).toMatch(/rate limit for GET products: waiting 60 s/);
  });

  it('waits Retry-After when the server gives it', async () => {
    handler = flaky({ status: 429, headers: { 'retry-after': '7' }, body: { code: '429.10', status: 429, developermessage: 'limit' } });
    const clock = new InstantClock();
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock });
    await expect(c.products.get(1)).resolves.toMatchObject({ id: 1 });
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('gives up after rateLimitRetries with a rate-limit error', async () => {
    handler = () => ({ status: 429, body: { code: '429.10', status: 429, developermessage: 'limit' } });
    const clock = new InstantClock();
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock, rateLimitRetries: 2 });
    const start = shop.requests.length;
    await expect(c.orders.get(1)).rejects.toMatchObject({ kind: 'rate-limit', code: '429.10', status: 429 });
    expect(shop.requests.length - start).toBe(3);
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it('makes other callers of the same key wait after a 429 instead of provoking more', async () => {
    let n = 0;
    handler = () => (n++ === 0 ? { status: 429, body: { code: '429.10', status: 429, developermessage: 'limit' } } : { body: { id: 1 } });
    const clock = new FakeClock(0);
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock });
    const start = shop.requests.length;
    const first = c.products.get(1);
    await settle(() => clock.pending === 1);
    const second = c.products.get(2);
    await settle(() => clock.pending === 2);
    expect(shop.requests.length - start).toBe(1);
    await clock.advance(60_000);
    await Promise.all([first, second]);
    expect(shop.requests.length - start).toBe(3);
  });
});
