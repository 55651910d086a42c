// The /__sim/ admin endpoints: request log, reset, seed, store, config.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import { isObj } from './json';
import { admin, call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 10, orders: 20, users: 6 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
});
afterAll(async () => {
  await sim.close();
});

describe('request log', () => {
  it('records method, path, query, headers without x-hash, parsed body and status', async () => {
    await call(sim, 'GET', '/api/rest/v1/products/?size=2&expand=productphotos');
    await call(sim, 'PATCH', '/api/rest/v1/products/100001/', { stock: 3 });
    const [get, patch] = itemsOf(await admin(sim, 'GET', '/__sim/requests'));
    expect(get).toMatchObject({ method: 'GET', path: '/api/rest/v1/products/', query: { size: '2', expand: 'productphotos' }, status: 200, body: null });
    expect(patch).toMatchObject({ method: 'PATCH', path: '/api/rest/v1/products/100001/', body: { stock: 3 }, status: 204 });
    const headers = isObj(patch?.headers) ? patch.headers : {};
    expect(headers['x-public']).toBe('demo_public_key');
    expect(headers).not.toHaveProperty('x-hash');
    expect(JSON.stringify(itemsOf(await admin(sim, 'GET', '/__sim/requests')))).not.toContain(sim.credentials.secretKey);
  });

  it('clears with ?clear=1 and does not log admin calls', async () => {
    await call(sim, 'GET', '/api/rest/v1/orders/');
    expect(itemsOf(await admin(sim, 'GET', '/__sim/requests?clear=1'))).toHaveLength(1);
    expect(itemsOf(await admin(sim, 'GET', '/__sim/requests'))).toHaveLength(0);
  });
});

describe('data control', () => {
  it('reset throws away changes', async () => {
    const created = objOf(await call(sim, 'POST', '/api/rest/v1/brands/', { name: 'Nieuw Merk' }));
    expect((await call(sim, 'GET', `/api/rest/v1/brands/${String(created.id)}/`)).status).toBe(200);
    await admin(sim, 'POST', '/__sim/reset');
    expect((await call(sim, 'GET', `/api/rest/v1/brands/${String(created.id)}/`)).status).toBe(500);
  });

  it('seed changes sizes and data', async () => {
    const before = objOf(await call(sim, 'GET', '/api/rest/v1/products/100001/'));
    const r = await admin(sim, 'POST', '/__sim/seed', { seed: 99, sizes: { products: 3 } });
    expect(objOf(r)).toMatchObject({ seed: 99, sizes: { products: 3, orders: 20 } });
    expect(objOf(await admin(sim, 'GET', '/__sim/store/products')).total).toBe(3);
    expect(objOf(await call(sim, 'GET', '/api/rest/v1/products/100001/')).name).not.toBe(before.name);
    expect((await admin(sim, 'POST', '/__sim/seed', { sizes: { products: -1 } })).status).toBe(400);
  });

  it('store lists collections with limit and offset', async () => {
    const page = objOf(await admin(sim, 'GET', '/__sim/store/products?limit=3&offset=2'));
    expect(page).toMatchObject({ collection: 'products', total: 10, offset: 2, limit: 3 });
    expect((Array.isArray(page.items) ? page.items : []).map((p) => (isObj(p) ? p.id : 0))).toEqual([100003, 100004, 100005]);
    const combos = objOf(await admin(sim, 'GET', '/__sim/store/attributecombinations'));
    expect(combos.total).toBe(6);
    expect(objOf(await admin(sim, 'GET', '/__sim/store/orderrows?limit=1')).total).toBeGreaterThan(20);
    expect(objOf(await admin(sim, 'GET', '/__sim/store/settings')).prices_include_vat).toBe(true);
    expect((await admin(sim, 'GET', '/__sim/store/nothing')).status).toBe(404);
  });

  it('config changes settings and never shows the secret', async () => {
    const r = objOf(await admin(sim, 'POST', '/__sim/config', { settings: { prices_include_vat: false, currency: 'EUR' }, latencyMs: 0 }));
    expect(isObj(r.credentials) && r.credentials.secretKey).toBe('***');
    expect(objOf(await call(sim, 'GET', '/api/rest/v1/webshops/117035/settings/')).prices_include_vat).toBe(false);
    expect((await admin(sim, 'POST', '/__sim/config', { bogus: 1 })).status).toBe(400);
  });

  it('lets the webshop settings PUT change only languages and webshop_* keys', async () => {
    expect((await call(sim, 'PUT', '/api/rest/v1/webshops/117035/settings/', { languages: ['nl', 'en', 'de'] })).status).toBe(204);
    const settings = objOf(await call(sim, 'GET', '/api/rest/v1/webshops/117035/settings/'));
    expect(settings).toMatchObject({ languages: ['nl', 'en', 'de'], currency: 'EUR', stock: true });
    expect(Array.isArray(settings.order_status) && settings.order_status.length).toBe(14);
    expect((await call(sim, 'PUT', '/api/rest/v1/webshops/117035/settings/', { currency: 'USD' })).status).toBe(400);
  });
});
