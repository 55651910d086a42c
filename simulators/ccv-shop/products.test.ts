// Product create/patch/delete rules, status codes, modifydate and the product limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { JsonObject } from './json';
import { isObj } from './json';
import { admin, call, itemsOf, objOf, xDateOf } from './test-client';

let clock = Date.UTC(2025, 2, 1, 9, 0, 0);
let sim: CcvSimHandle;
const signed = { get date() { return xDateOf(clock); } };
const api = (method: string, uri: string, body?: JsonObject) => call(sim, method, `/api/rest/v1/${uri}`, body, { date: signed.date });
const minimal: JsonObject = { name: 'Mok Koppel', price: 12.5, discount: 0, package_id: 12, taxtariff: 'normal' };

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, now: () => clock, sizes: { products: 20 } });
});
beforeEach(async () => {
  expect((await admin(sim, 'POST', '/__sim/reset')).status).toBe(200);
});
afterAll(async () => {
  await sim.close();
});

describe('POST /products', () => {
  it('creates with the minimal body and returns 201 with the GET shape', async () => {
    const r = await api('POST', 'products/', { ...minimal, productnumber: 'MOK-1', active: false, stock: 4 });
    expect(r.status).toBe(201);
    const p = objOf(r);
    expect(typeof p.id).toBe('number');
    expect(p.href).toBe(`${sim.apiRoot}products/${String(p.id)}/`);
    expect(p).toMatchObject({ productnumber: 'MOK-1', is_active: false, stock: 4, taxtariff: 'normal', vatrate: 21, price: 12.5 });
    expect(p).not.toHaveProperty('active');
    expect(p.createdate).toBe(xDateOf(clock));
    const again = objOf(await api('GET', `products/${String(p.id)}/`));
    expect(again).toEqual(p);
  });

  it('requires name, price, discount and package_id, naming each missing field', async () => {
    const r = await api('POST', 'products/', { taxtariff: 'normal' });
    expect(r.status).toBe(400);
    const msg = String(objOf(r).developermessage);
    for (const f of ['name', 'price', 'discount', 'package_id']) expect(msg).toContain(`'${f}' is required`);
  });

  it('requires taxtariff or the deprecated vatrate', async () => {
    const { taxtariff: _t, ...noTax } = minimal;
    const none = await api('POST', 'products/', noTax);
    expect(none.status).toBe(400);
    expect(String(objOf(none).developermessage)).toContain('taxtariff');
    const byRate = await api('POST', 'products/', { ...noTax, vatrate: 9 });
    expect(byRate.status).toBe(201);
    expect(objOf(byRate)).toMatchObject({ vatrate: 9, taxtariff: 'low a' });
    expect((await api('POST', 'products/', { ...minimal, taxtariff: 'high' })).status).toBe(400);
  });

  it('rejects is_active (the GET name) and wrong types', async () => {
    const r = await api('POST', 'products/', { ...minimal, is_active: true });
    expect(r.status).toBe(400);
    expect(String(objOf(r).developermessage)).toContain("'active'");
    const typed = await api('POST', 'products/', { ...minimal, price: '12.50' });
    expect(String(objOf(typed).developermessage)).toContain("'price' must be a number");
  });

  it('checks references such as package_id and brand_id', async () => {
    const r = await api('POST', 'products/', { ...minimal, package_id: 999 });
    expect(r.status).toBe(400);
    expect(String(objOf(r).developermessage)).toContain('package_id');
    const brand = objOf(await api('POST', 'products/', { ...minimal, brand_id: 35 })).brand;
    expect(isObj(brand) && brand.id).toBe(35);
  });

  it('enforces the product limit with 500.60', async () => {
    const active = itemsOf(await api('GET', 'products/?active=true&size=250')).length;
    await admin(sim, 'POST', '/__sim/config', { productLimit: active + 1 });
    const shop = objOf(await api('GET', 'webshops/117035/'));
    expect(shop).toMatchObject({ product_limit: active + 1, product_limit_left: 1 });
    expect((await api('POST', 'products/', minimal)).status).toBe(201);
    const over = await api('POST', 'products/', minimal);
    expect(over.status).toBe(500);
    expect(objOf(over).code).toBe('500.60');
  });
});

describe('PATCH and DELETE /products/:id', () => {
  it('patches stock and active with 204 and moves modifydate', async () => {
    const before = objOf(await api('GET', 'products/100005/'));
    clock += 60_000;
    const r = await api('PATCH', 'products/100005/', { stock: 42, active: false });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const after = objOf(await api('GET', 'products/100005/'));
    expect(after).toMatchObject({ stock: 42, is_active: false, modifydate: xDateOf(clock) });
    expect(after.modifydate).not.toBe(before.modifydate);
    expect(after.createdate).toBe(before.createdate);
  });

  it('deletes with 204; the id is then unknown (500.24 by default, 404 when configured)', async () => {
    expect((await api('DELETE', 'products/100006/')).status).toBe(204);
    const gone = await api('GET', 'products/100006/');
    expect(gone.status).toBe(500);
    expect(objOf(gone)).toMatchObject({ code: '500.24', status: 500 });
    await admin(sim, 'POST', '/__sim/config', { unknownIdMode: '404' });
    const notFound = await api('GET', 'products/100006/');
    expect(notFound.status).toBe(404);
    expect(objOf(notFound).status).toBe(404);
  });

  it('answers 404.20 for unknown resources and 405.10 for unsupported methods', async () => {
    expect(objOf(await api('GET', 'gadgets/')).code).toBe('404.20');
    const r = await api('PUT', 'products/100001/', { stock: 1 });
    expect(r.status).toBe(405);
    expect(objOf(r).code).toBe('405.10');
  });

  it('parses the body as JSON whatever the Content-Type', async () => {
    const r = await call(sim, 'PATCH', '/api/rest/v1/products/100003/', { stock: 8 }, {
      date: signed.date,
      headers: { 'content-type': 'application/internal.resource.products.patch.v1.json' },
    });
    expect(r.status).toBe(204);
    expect(objOf(await api('GET', 'products/100003/')).stock).toBe(8);
  });
});

describe('product-to-category links', () => {
  it('links a product to a category, rejects a duplicate and lists it both ways', async () => {
    const r = await api('POST', 'producttocategories/', { product_id: 100001, category_id: 211 });
    expect(r.status).toBe(201);
    const link = objOf(r);
    expect(link).toMatchObject({ product_id: 100001, category_id: 211, product_href: `${sim.apiRoot}products/100001/` });
    const dup = await api('POST', 'producttocategories/', { product_id: 100001, category_id: 211 });
    expect(objOf(dup).code).toBe('500.40');
    const ofProduct = itemsOf(await api('GET', 'products/100001/producttocategories/')).map((l) => l.category_id);
    expect(ofProduct).toContain(211);
    const inCategory = itemsOf(await api('GET', 'categories/211/products/?size=250')).map((p) => p.id);
    expect(inCategory).toContain(100001);
    expect((await api('DELETE', `producttocategories/${String(link.id)}/`)).status).toBe(204);
    expect(itemsOf(await api('GET', 'products/100001/producttocategories/')).map((l) => l.category_id)).not.toContain(211);
  });

  it('builds the category tree from parentcategory', async () => {
    const child = objOf(await api('POST', 'categories/', { name: 'Mokken', parentcategory_id: 207 }));
    const tree = objOf(await api('GET', 'categorytree/'));
    const roots = Array.isArray(tree.root_categories) ? tree.root_categories : [];
    const wonen = roots.find((c) => isObj(c) && c.id === 207);
    const kids = isObj(wonen) && Array.isArray(wonen.children) ? wonen.children : [];
    expect(kids.some((k) => isObj(k) && k.id === child.id)).toBe(true);
    expect(objOf(await api('GET', `categories/${String(child.id)}/`)).parentcategory).toEqual({ id: 207, href: `${sim.apiRoot}categories/207/` });
  });
});
