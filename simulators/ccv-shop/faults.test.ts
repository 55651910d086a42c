// Fault injection through POST /__sim/faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import { parseJson } from './json';
import { admin, call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const get = (uri: string) => call(sim, 'GET', `/api/rest/v1/${uri}`);

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 5 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
});
afterAll(async () => {
  await sim.close();
});

describe('faults', () => {
  it('injects a given number of 500s, then stops', async () => {
    expect((await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['500'], count: 2 })).status).toBe(200);
    const a = await get('products/');
    expect(a.status).toBe(500);
    expect(objOf(a).status).toBe(500);
    expect((await get('products/')).status).toBe(500);
    expect((await get('products/')).status).toBe(200);
    const state = objOf(await admin(sim, 'GET', '/__sim/faults')).faults;
    expect(state).toMatchObject({ remaining: 0, injected: 2 });
  });

  it('injects 429 with the 429.10 body', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['429'], count: 1 });
    const r = await get('orders/');
    expect(r.status).toBe(429);
    expect(objOf(r).code).toBe('429.10');
  });

  it('drops the connection', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['drop'], count: 1 });
    await expect(get('products/')).rejects.toThrow();
    expect((await get('products/')).status).toBe(200);
  });

  it('sends malformed JSON with a 200', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['malformed'], count: 1 });
    const r = await get('products/');
    expect(r.status).toBe(200);
    expect(() => parseJson(r.text)).toThrow();
  });

  it('answers slowly but correctly', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['slow'], slowMs: 20, count: 1 });
    const r = await get('products/100001/');
    expect(r.status).toBe(200);
    expect(objOf(r).id).toBe(100001);
  });

  it('applies a write and then drops the answer with drop_after', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['drop_after'], count: 1, methods: ['PATCH'] });
    await expect(call(sim, 'PATCH', '/api/rest/v1/products/100002/', { stock: 77 })).rejects.toThrow();
    expect(objOf(await get('products/100002/')).stock).toBe(77);
  });

  it('limits faults to matching paths and logs them', async () => {
    await admin(sim, 'POST', '/__sim/faults', { rate: 1, kinds: ['500'], paths: ['/orders'] });
    expect((await get('products/')).status).toBe(200);
    expect((await get('orders/')).status).toBe(500);
    const log = itemsOf(await admin(sim, 'GET', '/__sim/requests'));
    expect(log.map((e) => e.fault)).toEqual([null, '500']);
    expect((await admin(sim, 'DELETE', '/__sim/faults')).status).toBe(204);
    expect((await get('orders/')).status).toBe(200);
  });

  it('draws faults reproducibly from the seed', async () => {
    const run = async (): Promise<number[]> => {
      await admin(sim, 'POST', '/__sim/reset');
      await admin(sim, 'POST', '/__sim/faults', { rate: 0.5, kinds: ['500'] });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await get('products/')).status);
      return out;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('rejects an invalid fault spec', async () => {
    const r = await admin(sim, 'POST', '/__sim/faults', { rate: 2, kinds: ['explode'] });
    expect(r.status).toBe(400);
    expect(String(objOf(r).developermessage)).toContain('kinds');
  });
});
