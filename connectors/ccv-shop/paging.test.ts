import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { isEmptyAddress } from './resources/personal-info';
import { readReference } from './reference-files';
import { InstantClock, PUBLIC, SECRET, envelope, startShop, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let handler: (url: string, method: string, body: string) => Reply = () => ({ status: 404 });
beforeAll(async () => {
  shop = await startShop((req) => handler(req.url, req.method, req.body));
});
afterAll(() => shop.close());
const client = (pageSize = 100) => new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock(), pageSize });

/** Serves `total` products in pages of `size`, following the real envelope. */
function productPages(total: number): (url: string) => Reply {
  return (url) => {
    const q = new URL(url, 'http://x').searchParams;
    const start = Number(q.get('start'));
    const size = Number(q.get('size'));
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ id: String(start + i + 1), productnumber: `SKU-${start + i + 1}`, is_active: (start + i) % 2 === 0 }));
    return { body: envelope(shop.baseUrl, '/api/rest/v1/products/', items, start, size, start + size < total) };
  };
}

describe('paging', () => {
  it('follows next lazily: the next page is fetched only when the caller asks for it', async () => {
    handler = productPages(5);
    const before = shop.requests.length;
    const it = client(2).products.iterate()[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value).toMatchObject({ id: 1, productnumber: 'SKU-1' });
    await it.next();
    expect(shop.requests.length - before).toBe(1);
    const third = await it.next();
    expect(third.value).toMatchObject({ id: 3 });
    expect(shop.requests.length - before).toBe(2);
    const rest: number[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value.id);
    expect(rest).toEqual([4, 5]);
    expect(shop.requests.slice(before).map((r) => r.url)).toEqual([
      '/api/rest/v1/products/?start=0&size=2',
      '/api/rest/v1/products/?start=2&size=2',
      '/api/rest/v1/products/?start=4&size=2',
    ]);
  });

  it('yields pages as batches of at most pageSize items', async () => {
    handler = productPages(5);
    const sizes: number[] = [];
    for await (const page of client(2).products.pages({ active: true })) sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('stops on a next link that points back to the same page or on an empty page', async () => {
    handler = () => ({ body: { start: 0, size: 2, href: 'x', next: `${shop.baseUrl}/api/rest/v1/categories/?start=0&size=2`, items: [{ id: 1 }, { id: 2 }] } });
    const ids: number[] = [];
    for await (const c of client(2).categories.iterate()) ids.push(c.id);
    expect(ids).toEqual([1, 2]);
    handler = () => ({ body: { start: 0, size: 2, href: 'x', next: `${shop.baseUrl}/api/rest/v1/users/?start=2&size=2`, items: [] } });
    const before = shop.requests.length;
    for await (const _ of client(2).users.iterate()) expect.unreachable();
    expect(shop.requests.length - before).toBe(1);
  });

  it('treats a collection without next (small lists) as one page', async () => {
    handler = () => ({ body: { href: 'x', items: [{ id: 3, event: 'orders.created', address: 'https://a.example/h', key: 'k1', is_active: true }] } });
    const hooks = [];
    for await (const w of client().webhooks.list()) hooks.push(w);
    expect(hooks).toEqual([{ id: 3, event: 'orders.created', address: 'https://a.example/h', key: 'k1', is_active: true }]);
  });

  it('names the record and field when an item does not fit', async () => {
    handler = () => ({ body: { start: 0, size: 2, items: [{ id: 1 }, { id: 'abc' }] } });
    const err = await (async () => {
      for await (const _ of client(2).products.iterate());
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'malformed', code: 'unexpected-shape' });
    expect(String(err)).toMatch(/product list, item 2.*id/);
  });
});

describe('typed resources', () => {
  it('maps is_active (read) to active, and writes active', async () => {
    handler = productPages(2);
    const seen = [];
    for await (const p of client().products.iterate()) seen.push(p);
    expect(seen.map((p) => p.active)).toEqual([true, false]);
    expect(seen[0]).not.toHaveProperty('is_active');
    handler = () => ({ status: 204 });
    await client().products.patch(1, { active: false });
    expect(shop.requests.at(-1)!.body).toBe('{"active":false}');
    // The read name is refused on write, so a mapping cannot silently send a field CCV ignores.
    await expect(client().products.patch(1, JSON.parse('{"is_active":true}'))).rejects.toMatchObject({ kind: 'validation', code: 'invalid-input' });
  });

  it('expands children and parses ids leniently', async () => {
    handler = (url) => ({
      body: {
        id: '12',
        is_active: true,
        package: { id: '3', href: 'x' },
        productphotos: { href: 'x', collection: [{ id: '99', filename: 'a.png', is_mainphoto: true, deeplink: 'https://x/a.png' }] },
        attributecombinations: { href: 'x', collection: [{ id: 5, product_id: '12', stock: 3, sku_number: 'V-1', combination: [{ attribute: { id: 1, name: 'Maat' }, attribute_value: { id: 2, name: 'M' }, extra_price: 0 }] }] },
        echo: url,
      },
    });
    const p = await client().products.get(12, { expand: ['productphotos', 'attributecombinations'] });
    expect(shop.requests.at(-1)!.url).toBe('/api/rest/v1/products/12/?expand=productphotos,attributecombinations');
    expect(p.id).toBe(12);
    expect(p.package?.id).toBe(3);
    expect(p.productphotos?.collection?.[0]?.id).toBe(99);
    expect(p.attributecombinations?.collection?.[0]).toMatchObject({ id: 5, product_id: 12, sku_number: 'V-1' });
    // Unknown fields survive.
    expect(p['echo']).toBe('/api/rest/v1/products/12/?expand=productphotos,attributecombinations');
  });

  it('reads the real order sample (string user id, empty delivery address)', async () => {
    const sample = readReference('samples/order_get_response_sample.json');
    const order = sample && typeof sample === 'object' && 'order' in sample ? sample.order : undefined;
    handler = () => ({ body: order });
    const o = await client().orders.get(339323562, { expand: ['orderrows'] });
    expect(o.user?.id).toBe(24464274);
    expect(o.total_tax).toBe(102.4);
    expect(o.customer?.billingaddress?.country_code).toBe('NL');
    expect(isEmptyAddress(o.customer?.deliveryaddress)).toBe(true);
    expect(isEmptyAddress(o.customer?.billingaddress)).toBe(false);
    expect(o['packing_slip_deeplink']).toContain('PackingSlip');
  });

  it('sends order filters under CCV names (paid → is_paid) with orderby', async () => {
    handler = () => ({ body: { start: 0, size: 100, items: [] } });
    for await (const _ of client().orders.iterate({ status: 5, paid: true, is_completed: false, min_create_date: '2024-01-01', orderby: 'create_date_desc' }));
    expect(shop.requests.at(-1)!.url).toBe('/api/rest/v1/orders/?status=5&is_completed=false&min_create_date=2024-01-01&is_paid=true&start=0&size=100&orderby=create_date_desc');
  });

  it('finds a product by number: exact match first, duplicates reported', async () => {
    handler = () => ({ body: { start: 0, size: 100, items: [{ id: 1, productnumber: 'ab-1' }, { id: 2, productnumber: 'AB-1' }] } });
    expect((await client().products.findByNumber('AB-1'))?.id).toBe(2);
    expect((await client().products.findByNumber('Ab-1'))?.id).toBe(1);
    expect(shop.requests.at(-1)!.url).toBe('/api/rest/v1/products/?productnumber=Ab-1&start=0&size=100');
    handler = () => ({ body: { start: 0, size: 100, items: [] } });
    expect(await client().products.findByNumber('nope')).toBeUndefined();
    handler = () => ({ body: { start: 0, size: 100, items: [{ id: 1, productnumber: 'X' }, { id: 2, productnumber: 'X' }] } });
    await expect(client().products.findByNumber('X')).rejects.toThrow(/more than one product.*ids 1, 2/);
  });

  it('reads webshop settings and the category tree', async () => {
    handler = (url) =>
      url.includes('settings')
        ? { body: { href: 'x', currency: 'EUR', prices_include_vat: true, default_vat_rat: 21, stock: true, order_status: [{ id: 1, status: '1', status_name: 'Nieuw', text_color: '#000', background_color: '#fff' }] } }
        : { body: { href: 'x', root_categories: [{ id: 1, name: 'Kaas', children: [{ id: 2, name: 'Jong', children: [] }] }, { id: 3, name: 'Wijn' }] } };
    const s = await client().webshops.settings(1);
    expect(s).toMatchObject({ currency: 'EUR', prices_include_vat: true, stock: true, default_vat_rat: 21 });
    expect(s.order_status?.[0]?.status_name).toBe('Nieuw');
    const tree = await client().categories.tree();
    expect(tree.root_categories.map((c) => [c.name, c.children.map((k) => k.name)])).toEqual([
      ['Kaas', ['Jong']],
      ['Wijn', []],
    ]);
  });

  it('returns the webhook key from create', async () => {
    handler = (_url, method) =>
      method === 'POST' ? { status: 201, body: { id: 8, href: 'x', createdate: '2024-01-15T10:30:00Z', event: 'orders.created', address: 'https://hook.example/a', key: 'whk_123', is_active: true } } : { status: 404 };
    const hook = await client().webhooks.create({ event: 'orders.created', address: 'https://hook.example/a', is_active: true });
    expect(hook).toMatchObject({ id: 8, key: 'whk_123' });
    expect(shop.requests.at(-1)!.body).toBe('{"event":"orders.created","address":"https://hook.example/a","is_active":true}');
  });
});
