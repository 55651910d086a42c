// ?productnumber= / ?eannumber= are answered from an index (generated products by computation, created and
// changed ones by a map), never by walking the store; the answers must stay right after creates, patches, deletes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { JsonObject, Rec } from './json';
import { RequestLog, headersJson, loggableHeaders } from './request-log';
import { RootTable } from './table';
import { admin, call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const api = (method: string, uri: string, body?: JsonObject) => call(sim, method, `/api/rest/v1/${uri}`, body);
const byNumber = async (pn: string) => itemsOf(await api('GET', `products/?productnumber=${encodeURIComponent(pn)}`)).map((p) => p.id);
const byEan = async (ean: string) => itemsOf(await api('GET', `products/?eannumber=${ean}`)).map((p) => p.id);
const product: JsonObject = { name: 'Mok', price: 5, discount: 0, package_id: 12, taxtariff: 'normal' };

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 100_000, orders: 0 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
});
afterAll(async () => {
  await sim.close();
});

describe('product lookup by number in a store of 100,000', () => {
  it('finds generated products, and follows creates, patches and deletes', async () => {
    expect(await byNumber('SKU-050000')).toEqual([150_000]);
    expect(await byNumber('SKU-100000')).toEqual([200_000]);
    expect(await byNumber('SKU-100001')).toEqual([]);

    const a = objOf(await api('POST', 'products/', { ...product, productnumber: 'NEW-1', eannumber: '1234567890123' }));
    const b = objOf(await api('POST', 'products/', { ...product, productnumber: 'NEW-1' }));
    expect(await byNumber('NEW-1')).toEqual([a.id, b.id]);
    expect(await byEan('1234567890123')).toEqual([a.id]);

    // Renaming moves a product from one number to the other.
    expect((await api('PATCH', `products/${String(a.id)}/`, { productnumber: 'NEW-2' })).status).toBe(204);
    expect(await byNumber('NEW-1')).toEqual([b.id]);
    expect(await byNumber('NEW-2')).toEqual([a.id]);
    expect(await byEan('1234567890123')).toEqual([a.id]);

    // A generated product renamed is no longer found under its seeded number; a new product may take that number.
    expect((await api('PATCH', 'products/100010/', { productnumber: 'RENAMED' })).status).toBe(204);
    expect(await byNumber('SKU-000010')).toEqual([]);
    expect(await byNumber('RENAMED')).toEqual([100_010]);
    const c = objOf(await api('POST', 'products/', { ...product, productnumber: 'SKU-000010' }));
    expect(await byNumber('SKU-000010')).toEqual([c.id]);

    // Patching another field keeps the product under its number; two filters must both match.
    expect((await api('PATCH', 'products/100020/', { stock: 7 })).status).toBe(204);
    expect(await byNumber('SKU-000020')).toEqual([100_020]);
    const twenty = itemsOf(await api('GET', 'products/?productnumber=SKU-000020'))[0];
    expect(itemsOf(await api('GET', `products/?productnumber=SKU-000020&eannumber=${String(twenty?.eannumber)}`)).map((p) => p.id)).toEqual([100_020]);
    expect(itemsOf(await api('GET', 'products/?productnumber=SKU-000020&eannumber=1234567890123'))).toEqual([]);

    expect((await api('DELETE', `products/${String(b.id)}/`)).status).toBe(204);
    expect(await byNumber('NEW-1')).toEqual([]);
    expect((await api('DELETE', 'products/100020/')).status).toBe(204);
    expect(await byNumber('SKU-000020')).toEqual([]);
    expect((await api('DELETE', 'products/100010/')).status).toBe(204);
    expect(await byNumber('RENAMED')).toEqual([]);

    // Reset forgets every change.
    await admin(sim, 'POST', '/__sim/reset');
    expect(await byNumber('SKU-000010')).toEqual([100_010]);
    expect(await byNumber('NEW-2')).toEqual([]);
  });
});

describe('RootTable field index', () => {
  it('stays exact over 100,000 created records with updates and removals', () => {
    const t = new RootTable('products', undefined, 1, ['productnumber']);
    for (let i = 0; i < 100_000; i++) t.insert({ productnumber: `P-${i % 50_000}` });
    expect(t.touchedWith('productnumber', 'P-123')).toEqual([124, 50_124]);
    const rec = t.get(124);
    if (!rec) throw new Error('missing 124');
    t.update({ ...rec, productnumber: 'P-X' });
    expect(t.touchedWith('productnumber', 'P-123')).toEqual([50_124]);
    expect(t.touchedWith('productnumber', 'P-X')).toEqual([124]);
    t.update({ ...rec, productnumber: 7 } satisfies Rec);
    expect(t.touchedWith('productnumber', 'P-X')).toEqual([]);
    t.remove(50_124);
    expect(t.touchedWith('productnumber', 'P-123')).toEqual([]);
    t.put({ id: 50_124, productnumber: 'P-123' });
    expect(t.touchedWith('productnumber', 'P-123')).toEqual([50_124]);
    expect(() => t.touchedWith('eannumber', 'x')).toThrow(/not indexed/);
  });
});

describe('request log ring', () => {
  it('keeps the newest entries in order with their sequence numbers', () => {
    const log = new RequestLog(3);
    for (let i = 1; i <= 7; i++) {
      log.add({ timeMs: Date.UTC(2025, 0, 1, 0, 0, i), method: 'POST', path: '/p', rawQuery: `n=${i}`, headers: { 'x-hash': 'h', 'x-public': 'k' }, body: Buffer.from(`{"n":${i}}`), status: 201, fault: null });
    }
    const items = log.list();
    expect(items.map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(items[2]).toEqual({ seq: 7, time: '2025-01-01T00:00:07Z', method: 'POST', path: '/p', query: { n: '7' }, rawQuery: 'n=7', headers: { 'x-public': 'k' }, body: { n: 7 }, status: 201, fault: null });
    log.clear();
    expect(log.list()).toEqual([]);
    log.add({ timeMs: 0, method: 'GET', path: '/p', rawQuery: '', headers: {}, body: Buffer.from('not json'), status: 200, fault: null });
    expect(log.list()).toMatchObject([{ seq: 8, body: 'not json' }]);
  });

  it('stores the headers as the JSON of the logged form', () => {
    const headers = { host: '127.0.0.1:1', 'x-hash': 'secret-ish', 'x-public': 'k', 'set-cookie': ['a=1', 'b="2"'], 'x-odd': 'tab\there "quoted"' };
    expect(JSON.parse(headersJson(headers))).toEqual(loggableHeaders(headers));
    expect(headersJson({})).toBe('{}');
  });
});
