// The real sample order (samples/order_get_response_sample.json) loads as-is and comes back
// field by field through GET /orders/:id/.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './fixtures/load';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json } from './json';
import { isObj, parseJson } from './json';
import { admin, call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const sampleFile = fixture('order-get-response-sample.json');
const sample = sampleFile.order;

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { orders: 5 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
});
afterAll(async () => {
  await sim.close();
});

/** The sample with its host replaced by ours, as the simulator serves it. */
function rehosted(v: Json | undefined, host: string): Json | undefined {
  return v === undefined ? undefined : parseJson(JSON.stringify(v).split('https://shop.example').join(host));
}

describe('sample order round trip', () => {
  it('accepts the sample file as-is and serves the same order, with our host in the links', async () => {
    if (!isObj(sample)) throw new Error('sample missing');
    const r = await admin(sim, 'POST', '/__sim/orders', sampleFile);
    expect(r.status).toBe(201);
    expect(objOf(r).inserted).toEqual([339323562]);
    const got = await call(sim, 'GET', '/api/rest/v1/orders/339323562/');
    expect(got.status).toBe(200);
    expect(got.json).toEqual(rehosted(sample, sim.url));
    // Key order is kept too, and user.id stays a string.
    expect(Object.keys(objOf(got))).toEqual(Object.keys(sample));
    const user = objOf(got).user;
    expect(isObj(user) && user.id).toBe('24464274');
  });

  it('serves it byte for byte when href rewriting is off', async () => {
    await admin(sim, 'POST', '/__sim/config', { rewriteRawHrefs: false });
    await admin(sim, 'POST', '/__sim/orders', [sample ?? null]);
    expect((await call(sim, 'GET', '/api/rest/v1/orders/339323562')).json).toEqual(sample);
  });

  it('lists the loaded order and filters it like any other', async () => {
    await admin(sim, 'POST', '/__sim/orders', { orders: [sample ?? null] });
    const paid = itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/?ordernumber=1&is_paid=true&size=250')).map((o) => o.id);
    expect(paid).toContain(339323562);
    const ids = itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/?min_create_date=2022-11-07&max_create_date=2022-11-07')).map((o) => o.id);
    expect(ids).toEqual([339323562]);
  });

  it('stores inline rows and takes a PATCH on a raw order', async () => {
    if (!isObj(sample)) throw new Error('sample missing');
    const withRows = { ...sample, id: 339323563, href: 'https://shop.example/api/rest/v1/orders/339323563/', orderrows: [
      { id: 551, product_name: 'Cadeaubon', product_number: 'BON', count: 1, price: 590, discount: 0, tax: 21, attributes: [] },
    ] };
    await admin(sim, 'POST', '/__sim/orders', withRows);
    const rows = itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/339323563/orderrows/'));
    expect(rows.map((r) => [r.id, r.product_name, r.href])).toEqual([[551, 'Cadeaubon', `${sim.apiRoot}orderrows/551/`]]);
    expect((await call(sim, 'PATCH', '/api/rest/v1/orders/339323563/', { status: 7 })).status).toBe(204);
    const after = objOf(await call(sim, 'GET', '/api/rest/v1/orders/339323563/'));
    expect(after).toMatchObject({ status: 7, total_price: 590, orderrows: { href: `${sim.apiRoot}orders/339323563/orderrows/` } });
  });

  it('rejects a body that is not an order', async () => {
    expect((await admin(sim, 'POST', '/__sim/orders', 'nope')).status).toBe(400);
    expect((await admin(sim, 'POST', '/__sim/orders', { id: 'x-1' })).status).toBe(400);
  });
});
