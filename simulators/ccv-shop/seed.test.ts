// Seeds are deterministic, and large seeded data sets are generated on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import { buildState, DEFAULT_SIZES } from './state';
import { call, itemsOf, objOf } from './test-client';

const sims: CcvSimHandle[] = [];
const start = async (seed: number, products = 40) => {
  const s = await startCcvSimulator({ quiet: true, rateLimit: false, seed, sizes: { products, orders: 30, users: 10 } });
  sims.push(s);
  return s;
};
/** A response text with this simulator's host replaced, to compare two simulators. */
const normal = async (sim: CcvSimHandle, uri: string) => (await call(sim, 'GET', uri)).text.split(sim.url).join('HOST');

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

describe('determinism', () => {
  let a: CcvSimHandle;
  let b: CcvSimHandle;
  let c: CcvSimHandle;
  beforeAll(async () => {
    [a, b, c] = await Promise.all([start(7), start(7), start(8)]);
  });

  it('gives the same data for the same seed', async () => {
    for (const uri of ['/api/rest/v1/products/?size=40&expand=attributecombinations,productphotos', '/api/rest/v1/orders/?size=30', '/api/rest/v1/users/?size=10', '/api/rest/v1/orders/339000004/orderrows/']) {
      expect(await normal(a, uri), uri).toBe(await normal(b, uri));
    }
  });

  it('gives other data for another seed', async () => {
    expect(await normal(a, '/api/rest/v1/products/?size=40')).not.toBe(await normal(c, '/api/rest/v1/products/?size=40'));
  });
});

describe('large data sets', () => {
  it('builds 100,000 products without holding them in memory', () => {
    const state = buildState({ seed: 1, sizes: { ...DEFAULT_SIZES, products: 100_000 } });
    expect(state.products.count()).toBe(100_000);
    let walked = 0;
    for (const _ of state.products.ids()) walked++;
    expect(walked).toBe(100_000);
    expect(state.products.get(199_999)?.productnumber).toBe('SKU-099999');
    expect(state.products.overlaySize()).toBe(0);
    expect(state.productphotos.overlaySize()).toBe(0);
  });

  it('serves the last page and exact lookups of 100,000 products', async () => {
    const big = await start(3, 100_000);
    const last = objOf(await call(big, 'GET', '/api/rest/v1/products/?start=99990&size=25'));
    expect(itemsOf({ status: 200, headers: {}, text: '', json: last })).toHaveLength(10);
    expect(last.next).toBeNull();
    const found = itemsOf(await call(big, 'GET', '/api/rest/v1/products/?productnumber=SKU-077777'));
    expect(found.map((p) => p.id)).toEqual([177_777]);
    const combo = itemsOf(await call(big, 'GET', '/api/rest/v1/productqueries/?skunumber=SKU-099994-L-ZW'));
    expect(combo.map((p) => p.id)).toEqual([199_994]);
  });
});
