// GET /__sim/stats: request counters per endpoint and per rate-limit budget, for benchmarks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json, JsonObject } from './json';
import { isObj } from './json';
import { admin, call, objOf, xDateOf } from './test-client';

let clock = Date.UTC(2025, 5, 1, 8, 0, 0);
let sim: CcvSimHandle;
const product: JsonObject = { name: 'Mok', price: 5, discount: 0, package_id: 12, taxtariff: 'normal' };
const api = (method: string, uri: string, body?: JsonObject) => call(sim, method, `/api/rest/v1/${uri}`, body, { date: xDateOf(clock) });
const stats = async () => objOf(await admin(sim, 'GET', '/__sim/stats'));
const o = (v: Json | undefined): JsonObject => (isObj(v) ? v : {});

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, now: () => clock, rateLimit: { getPerMinute: 3, writePerMinute: 100 }, sizes: { products: 5 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
  clock += 120_000;
});
afterAll(async () => {
  await sim.close();
});

describe('/__sim/stats', () => {
  it('counts requests per "<METHOD> <resource>", 429s, first and last time, and each budget', async () => {
    const start = clock;
    for (let i = 0; i < 4; i++) await api('GET', 'products/?productnumber=SKU-000001');
    clock += 500;
    await api('GET', 'products/100001/');
    const created = objOf(await api('POST', 'products/', product));
    clock += 250;
    await api('PATCH', `products/${String(created.id)}/`, { stock: 2 });
    await api('GET', 'products/100001/productphotos/');
    await call(sim, 'GET', '/api/rest/v1/orders/', undefined, { date: xDateOf(clock), secret: 'wrong' });
    await admin(sim, 'GET', '/__sim/requests');
    const s = await stats();
    expect(s).toMatchObject({ simulator: 'ccv-shop', timeScale: 1, requests: 9, limited: 2, first: start, last: clock });
    expect(typeof s.cpuMs).toBe('number');
    expect(s.cpuMs).toBeGreaterThanOrEqual(0);
    expect(s.endpoints).toEqual({
      'GET products': { count: 5, first: start, last: start + 500, limited: 2 },
      'POST products': { count: 1, first: start + 500, last: start + 500, limited: 0 },
      'PATCH products': { count: 1, first: start + 750, last: start + 750, limited: 0 },
      'GET productphotos': { count: 1, first: start + 750, last: start + 750, limited: 0 },
      // Refused by the HMAC check, still counted under its resource.
      'GET orders': { count: 1, first: start + 750, last: start + 750, limited: 0 },
    });
    expect(o(s.budgets)['GET products']).toEqual({ limit: 3, windowMs: 60_000, counted: 3, limited: 2, enforced: true });
    expect(o(s.budgets)['POST products']).toEqual({ limit: 100, windowMs: 60_000, counted: 1, limited: 0, enforced: true });
    expect(o(s.budgets)).not.toHaveProperty('GET orders');
  });

  it('keeps counting budgets with rate limits off, and is cleared by DELETE and by reset', async () => {
    await admin(sim, 'POST', '/__sim/config', { rateLimit: false, timeScale: 60 });
    for (let i = 0; i < 5; i++) expect((await api('GET', 'products/')).status).toBe(200);
    const s = await stats();
    expect(s).toMatchObject({ requests: 5, limited: 0, timeScale: 60, rateLimited: false });
    expect(o(s.budgets)['GET products']).toEqual({ limit: 3, windowMs: 1000, counted: 5, limited: 0, enforced: false });
    expect((await admin(sim, 'DELETE', '/__sim/stats')).status).toBe(204);
    expect(await stats()).toMatchObject({ requests: 0, first: null, last: null, endpoints: {}, budgets: {} });
    await api('GET', 'products/');
    expect((await stats()).requests).toBe(1);
    await admin(sim, 'POST', '/__sim/reset');
    expect(await stats()).toMatchObject({ requests: 0, since: clock, timeScale: 1 });
  });
});
