// Collections: paging via next (no total), size limits, orderby, expand and the product filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { JsonObject } from './json';
import { isObj } from './json';
import { call, itemsOf, objOf } from './test-client';
import type { Reply } from './test-client';

let sim: CcvSimHandle;
const get = (uri: string): Promise<Reply> => call(sim, 'GET', uri);
const pathOf = (href: string): string => href.slice(sim.url.length);

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 57, orders: 30, users: 12 } });
});
afterAll(async () => {
  await sim.close();
});

async function followAll(uri: string): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let next: string | null = uri;
  while (next) {
    const r = await get(next);
    expect(r.status).toBe(200);
    const page = objOf(r);
    all.push(...itemsOf(r));
    next = typeof page.next === 'string' ? pathOf(page.next) : null;
  }
  return all;
}

describe('paging', () => {
  it('walks every product by following next, with no total in the envelope', async () => {
    const first = objOf(await get('/api/rest/v1/products/?start=0&size=10'));
    expect(Object.keys(first)).toEqual(['start', 'size', 'href', 'first', 'previous', 'next', 'items']);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${sim.apiRoot}products/?start=10&size=10`);
    const all = await followAll('/api/rest/v1/products/?start=0&size=10');
    const ids = all.map((p) => p.id);
    expect(ids).toHaveLength(57);
    expect(new Set(ids).size).toBe(57);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(ids);
  });

  it('keeps filters and orderby in the links, start/size first', async () => {
    const page = objOf(await get('/api/rest/v1/products/?orderby=name&active=true&size=5&start=5'));
    expect(page.href).toBe(`${sim.apiRoot}products/?start=5&size=5&orderby=name&active=true`);
    expect(page.previous).toBe(`${sim.apiRoot}products/?start=0&size=5&orderby=name&active=true`);
  });

  it('caps size at 250 and rejects nonsense', async () => {
    expect(objOf(await get('/api/rest/v1/products/?size=1000')).size).toBe(250);
    const bad = await get('/api/rest/v1/products/?size=abc');
    expect(bad.status).toBe(400);
    expect(objOf(bad).code).toBe('400.10');
  });

  it('returns an empty page past the end with next null', async () => {
    const page = objOf(await get('/api/rest/v1/products/?start=500&size=10'));
    expect(page.items).toEqual([]);
    expect(page.next).toBeNull();
  });

  it('serves unpaginated collections as {href, items}', async () => {
    const photos = objOf(await get('/api/rest/v1/products/100002/productphotos/'));
    expect(Object.keys(photos)).toEqual(['href', 'items']);
    expect(objOf(await get('/api/rest/v1/paymethods/')).items).toHaveLength(5);
  });
});

describe('orderby', () => {
  it('sorts by name ascending and descending', async () => {
    const asc = (await followAll('/api/rest/v1/products/?orderby=name&size=250')).map((p) => String(p.name));
    const desc = (await followAll('/api/rest/v1/products/?orderby=name_desc&size=250')).map((p) => String(p.name));
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(desc).toEqual([...asc].reverse());
  });

  it('puts the latest change first with modifydate_desc', async () => {
    const changed = await call(sim, 'PATCH', '/api/rest/v1/products/100020/', { stock: 3 });
    expect(changed.status).toBe(204);
    const [top] = itemsOf(await get('/api/rest/v1/products/?orderby=modifydate_desc&size=3'));
    expect(top?.id).toBe(100020);
  });

  it('rejects fields that are not documented for the list', async () => {
    const r = await get('/api/rest/v1/products/?orderby=price');
    expect(r.status).toBe(400);
    expect(String(objOf(r).developermessage)).toContain('modifydate_desc');
  });
});

describe('expand', () => {
  it('fills {href, collection} only for expanded children', async () => {
    const plain = objOf(await get('/api/rest/v1/products/100004/'));
    expect(plain.productphotos).toEqual({ href: `${sim.apiRoot}products/100004/productphotos/` });
    const expanded = objOf(await get('/api/rest/v1/products/100004/?expand=productphotos,attributecombinations,producttocategories'));
    const photos = expanded.productphotos;
    const combos = expanded.attributecombinations;
    if (!isObj(photos) || !isObj(combos)) throw new Error('links missing');
    expect(photos.href).toBe(`${sim.apiRoot}products/100004/productphotos/`);
    expect(Array.isArray(photos.collection) && photos.collection.length).toBe(2);
    expect(Array.isArray(combos.collection) && combos.collection.length).toBe(6);
    expect(expanded.productvideos).toEqual({ href: `${sim.apiRoot}products/100004/productvideos/` });
  });

  it('expands in lists and accepts %2C between names', async () => {
    const [p] = itemsOf(await get('/api/rest/v1/products/?productnumber=SKU-000004&expand=attributecombinations%2Cproductphotos'));
    const combos = p?.attributecombinations;
    expect(isObj(combos) && Array.isArray(combos.collection) ? combos.collection.length : -1).toBe(6);
  });
});

describe('product filters', () => {
  it('finds one product by productnumber and by eannumber', async () => {
    const bySku = itemsOf(await get('/api/rest/v1/products/?productnumber=SKU-000007'));
    expect(bySku.map((p) => p.id)).toEqual([100007]);
    const ean = String(bySku[0]?.eannumber);
    expect(itemsOf(await get(`/api/rest/v1/products/?eannumber=${ean}`)).map((p) => p.id)).toEqual([100007]);
    expect(itemsOf(await get('/api/rest/v1/products/?productnumber=NOPE'))).toEqual([]);
  });

  it('finds a product whose productnumber was changed, and not under the old number', async () => {
    expect((await call(sim, 'PATCH', '/api/rest/v1/products/100009/', { productnumber: 'RENAMED-9' })).status).toBe(204);
    expect(itemsOf(await get('/api/rest/v1/products/?productnumber=RENAMED-9')).map((p) => p.id)).toEqual([100009]);
    expect(itemsOf(await get('/api/rest/v1/products/?productnumber=SKU-000009'))).toEqual([]);
  });

  it('filters on price range, sell price, activity and name', async () => {
    const cheap = await followAll('/api/rest/v1/products/?maxprice=20&size=250');
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((p) => Number(p.price) <= 20)).toBe(true);
    const sell = await followAll('/api/rest/v1/products/?minsellprice=50&size=250');
    expect(sell.every((p) => Number(p.price) - Number(p.discount) >= 50)).toBe(true);
    const inactive = await followAll('/api/rest/v1/products/?active=false&size=250');
    expect(inactive.every((p) => p.is_active === false)).toBe(true);
    const active = await followAll('/api/rest/v1/products/?active=true&size=250');
    expect(active.length + inactive.length).toBe(57);
    const named = await followAll('/api/rest/v1/products/?productname=hoodie&size=250');
    expect(named.every((p) => String(p.name).toLowerCase().includes('hoodie'))).toBe(true);
    expect((await get('/api/rest/v1/products/?productname=ho')).status).toBe(400);
  });

  it('ignores parameters CCV does not document (there is no modified-since filter)', async () => {
    const filtered = itemsOf(await get('/api/rest/v1/products/?size=5&modified_since=2030-01-01'));
    const plain = itemsOf(await get('/api/rest/v1/products/?size=5'));
    expect(filtered.map((p) => p.id)).toEqual(plain.map((p) => p.id));
    expect(filtered).toHaveLength(5);
  });
});
