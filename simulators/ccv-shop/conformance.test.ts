// Every GET shape uses the field names of the reference schemas: required fields are present
// and not null, and nothing outside the schema appears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET_SHAPES } from './fixtures/get-shapes';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json, JsonObject } from './json';
import { isObj } from './json';
import { call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const get = async (uri: string): Promise<JsonObject> => objOf(await call(sim, 'GET', `/api/rest/v1/${uri}`));
const first = async (uri: string): Promise<JsonObject> => {
  const [item] = itemsOf(await call(sim, 'GET', `/api/rest/v1/${uri}`));
  if (!item) throw new Error(`no items at ${uri}`);
  return item;
};

/** Fields the live sample order had beyond the 2022 schema (reference/ccv-shop/README.md §6.6). */
const LIVE_EXTRAS: Record<string, string[]> = { personalinfo: ['email_invoice', 'email_invoice_company', 'email_invoice_union'] };

function expectShape(name: string, v: Json | undefined): void {
  const shape = GET_SHAPES[name];
  if (!shape) throw new Error(`no shape ${name}`);
  if (!isObj(v)) throw new Error(`${name} is not an object`);
  const allowed = new Set([...shape.required, ...shape.optional, ...(LIVE_EXTRAS[name] ?? [])]);
  expect(Object.keys(v).filter((k) => !allowed.has(k)), `${name}: fields outside the schema`).toEqual([]);
  expect(shape.required.filter((k) => v[k] === undefined || v[k] === null), `${name}: required fields missing or null`).toEqual([]);
}

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 20, orders: 20, users: 6 } });
  await call(sim, 'POST', '/api/rest/v1/webhooks/', { event: 'orders.created', address: 'http://127.0.0.1:9/hook' });
});
afterAll(async () => {
  await sim.close();
});

describe('GET shapes follow the reference schemas', () => {
  it('products, with and without expand', async () => {
    expectShape('products', await get('products/100001/'));
    expectShape('products', await get('products/100004/?expand=productphotos,attributecombinations,productattributesets,productshippingcosts'));
    const created = objOf(await call(sim, 'POST', '/api/rest/v1/products/', { name: 'Pet', price: 15, discount: 0, package_id: 12, vatrate: 21 }));
    expectShape('products', created);
  });

  it('product children', async () => {
    expectShape('productphotos', await first('products/100002/productphotos/'));
    expectShape('producttocategories', await first('products/100002/producttocategories/'));
    expectShape('attributecombinations', await first('products/100004/attributecombinations/'));
    expectShape('productattributevalues', await first('products/100004/productattributevalues/'));
    expectShape('productattributesets', await first('products/100004/productattributesets/'));
  });

  it('catalog resources', async () => {
    expectShape('categories', await first('categories/'));
    expectShape('categorytree', await get('categorytree/'));
    expectShape('attributes', await first('attributes/'));
    expectShape('attributevalues', await first('attributes/301/attributevalues/'));
    expectShape('productpropertygroups', await first('productpropertygroups/'));
    expectShape('productproperties', await first('productpropertygroups/501/productproperties/'));
    expectShape('packages', await first('packages/'));
    expectShape('brands', await first('brands/'));
    expectShape('paymethods', await first('paymethods/'));
  });

  it('orders, rows, customers and users', async () => {
    for (const o of itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/?size=20'))) {
      expectShape('orders', o);
      expectShape('personalinfo', o.customer);
    }
    expectShape('orders', await first('orders/?is_completed=false'));
    expectShape('orderrows', await first('orders/339000002/orderrows/'));
    const user = await first('users/');
    expectShape('users', user);
    expectShape('personalinfo', user.userinfo);
  });

  it('webshop, settings, credentials and webhooks', async () => {
    expectShape('webshops', await first('webshops/'));
    expectShape('settings', await get('webshops/117035/settings/'));
    expectShape('credentials', await first('credentials/'));
    expectShape('webhooks', await first('webhooks/'));
  });
});
