// Rate limits per (resource, method) over a sliding minute, on an injected clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import { admin, call, objOf, xDateOf } from './test-client';

let clock = Date.UTC(2025, 3, 1, 8, 0, 0);
let sim: CcvSimHandle;
const get = (uri: string) => call(sim, 'GET', `/api/rest/v1/${uri}`, undefined, { date: xDateOf(clock) });
const patch = (uri: string) => call(sim, 'PATCH', `/api/rest/v1/${uri}`, { stock: 1 }, { date: xDateOf(clock) });

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, now: () => clock, rateLimit: { getPerMinute: 3, writePerMinute: 2 }, sizes: { products: 5 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
  clock += 120_000;
});
afterAll(async () => {
  await sim.close();
});

describe('per resource and method', () => {
  it('answers 429.10 over the limit, without rate-limit headers', async () => {
    for (let i = 0; i < 3; i++) expect((await get('products/')).status).toBe(200);
    const r = await get('products/100001/');
    expect(r.status).toBe(429);
    expect(objOf(r)).toMatchObject({ code: '429.10', status: 429 });
    expect(String(objOf(r).developermessage)).toContain('per minute');
    const names = Object.keys(r.headers);
    expect(names.filter((h) => /ratelimit|retry-after/i.test(h))).toEqual([]);
    expect(r.headers['x-hash']).toBeTruthy();
  });

  it('counts each resource and each method on its own', async () => {
    for (let i = 0; i < 3; i++) expect((await get('products/')).status).toBe(200);
    expect((await get('orders/')).status).toBe(200);
    expect((await patch('products/100001/')).status).toBe(204);
    expect((await patch('products/100002/')).status).toBe(204);
    expect((await patch('products/100003/')).status).toBe(429);
  });

  it('slides: capacity returns 60 s after the oldest request', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await get('products/')).status).toBe(200);
      clock += 10_000;
    }
    expect((await get('products/')).status).toBe(429);
    clock += 30_001; // the first request is now more than 60 s old
    expect((await get('products/')).status).toBe(200);
    expect((await get('products/')).status).toBe(429);
  });

  it('uses the per-endpoint limit of /productqueries (30/min) even above the GET default', async () => {
    await admin(sim, 'POST', '/__sim/config', { rateLimit: { getPerMinute: 150 } });
    for (let i = 0; i < 30; i++) expect((await get('productqueries/?productnumber=SKU-000001')).status).toBe(200);
    expect(objOf(await get('productqueries/?productnumber=SKU-000001')).code).toBe('429.10');
    expect((await get('products/')).status).toBe(200);
  });

  it('can be switched off and reconfigured at runtime', async () => {
    await admin(sim, 'POST', '/__sim/config', { rateLimit: false });
    for (let i = 0; i < 6; i++) expect((await get('products/')).status).toBe(200);
    await admin(sim, 'POST', '/__sim/config', { rateLimit: { enabled: true, getPerMinute: 1 } });
    clock += 61_000;
    expect((await get('categories/')).status).toBe(200);
    expect((await get('categories/')).status).toBe(429);
  });

  it('has an optional total limit (429.11)', async () => {
    await admin(sim, 'POST', '/__sim/config', { rateLimit: { getPerMinute: 100, totalPerMinute: 2 } });
    expect((await get('products/')).status).toBe(200);
    expect((await get('orders/')).status).toBe(200);
    expect(objOf(await get('users/')).code).toBe('429.11');
  });
});
