// timeScale (a simulator extra): the rate-limit windows run faster, the budgets keep CCV's counts (reference §5).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { JsonObject } from './json';
import { admin, call, objOf, xDateOf } from './test-client';

let clock = Date.UTC(2025, 4, 1, 8, 0, 0);
let sim: CcvSimHandle;
const product: JsonObject = { name: 'Mok', price: 5, discount: 0, package_id: 12, taxtariff: 'normal' };
const post = () => call(sim, 'POST', '/api/rest/v1/products/', product, { date: xDateOf(clock) });
const get = (uri: string) => call(sim, 'GET', `/api/rest/v1/${uri}`, undefined, { date: xDateOf(clock) });

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, now: () => clock, timeScale: 60, sizes: { products: 5 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
  clock += 120_000;
});
afterAll(async () => {
  await sim.close();
});

describe('timeScale 60', () => {
  it('allows exactly 100 POSTs to products in the scaled minute (1 s), then 429 with the wait in scaled time', async () => {
    for (let i = 0; i < 100; i++) {
      expect((await post()).status).toBe(201);
      if (i % 10 === 9) clock += 10; // spread over the first 100 ms of the window
    }
    clock += 300; // 400 ms after the first POST
    const r = await post();
    expect(r.status).toBe(429);
    expect(objOf(r)).toMatchObject({ code: '429.10', status: 429 });
    // The oldest POST leaves the 1 s window in 600 ms: whole seconds rounded up, and exact in the extra header.
    expect(r.headers['retry-after']).toBe('1');
    expect(r.headers['x-sim-retry-after-ms']).toBe('600');
    expect(r.headers['x-hash']).toBeTruthy();
    clock += 599;
    expect((await post()).status).toBe(429);
    clock += 1; // 1 s after the first ten POSTs: they have left the window, the next ten (10 ms later) not yet
    for (let i = 0; i < 10; i++) expect((await post()).status).toBe(201);
    const again = await post();
    expect(again.status).toBe(429);
    expect(again.headers['x-sim-retry-after-ms']).toBe('10');
    clock += 1000; // a whole new window
    for (let i = 0; i < 100; i++) expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(429);
  });

  it('keeps the GET budget (150) apart from the write budget', async () => {
    for (let i = 0; i < 150; i++) expect((await get('products/')).status).toBe(200);
    const r = await get('products/');
    expect(r.status).toBe(429);
    expect(r.headers['x-sim-retry-after-ms']).toBe('1000');
    expect((await post()).status).toBe(201);
    clock += 1000;
    expect((await get('products/')).status).toBe(200);
  });

  it('shows in /__sim/config and can be changed there; timeScale 1 is the real minute without wait headers', async () => {
    expect(objOf(await admin(sim, 'GET', '/__sim/config')).timeScale).toBe(60);
    expect(objOf(await admin(sim, 'POST', '/__sim/config', { timeScale: 1, rateLimit: { writePerMinute: 2 } })).timeScale).toBe(1);
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    clock += 5_000;
    const r = await post();
    expect(r.status).toBe(429);
    expect(Object.keys(r.headers).filter((h) => /retry-after/i.test(h))).toEqual([]);
    clock += 55_000; // 60 s after the first write
    expect((await post()).status).toBe(201);
    expect((await admin(sim, 'POST', '/__sim/config', { timeScale: 0 })).status).toBe(400);
  });

  it('scales a simulated 429 fault the same way', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['429'], count: 1 });
    const r = await get('products/');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.headers['x-sim-retry-after-ms']).toBe('1000');
  });
});
