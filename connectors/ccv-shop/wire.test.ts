import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { CcvApiError } from './errors';
import { InstantClock, PUBLIC, SECRET, envelope, startShop, type Reply, type TestShop } from './test-server';

/** Every request the connector sends must hash to what a server recomputes from the raw request. */
describe('signed requests on the wire', () => {
  let shop: TestShop;
  let reply: (path: string) => Reply = () => ({ status: 200, body: { items: [] } });
  beforeAll(async () => {
    shop = await startShop((req) => reply(req.url));
  });
  afterAll(() => shop.close());

  const client = (extra: Partial<ConstructorParameters<typeof CcvClient>[0]> = {}) =>
    new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock(), ...extra });

  it('signs a GET with filters, expand and orderby exactly as sent', async () => {
    reply = () => ({ body: { start: 0, size: 100, href: 'x', next: null, items: [] } });
    const c = client();
    for await (const _ of c.products.iterate({ productname: "Kaas & wijn 'extra' (1/2)", active: true, expand: ['productphotos', 'attributecombinations'], orderby: 'modifydate_desc' })) {
      // no items
    }
    const req = shop.requests.at(-1)!;
    expect(req.hashOk).toBe(true);
    expect(req.method).toBe('GET');
    expect(req.url).toBe(
      '/api/rest/v1/products/?productname=Kaas%20%26%20wijn%20%27extra%27%20%281%2F2%29&active=true&start=0&size=100&expand=productphotos,attributecombinations&orderby=modifydate_desc',
    );
    expect(req.headers['x-public']).toBe(PUBLIC);
    expect(req.headers['x-date']).toBe('2024-01-15T10:30:00Z');
    expect(req.headers['x-hash']).toMatch(/^[0-9a-f]{128}$/);
    expect(req.body).toBe('');
  });

  it('signs POST, PATCH and PUT bodies with unicode and slashes byte for byte', async () => {
    const c = client();
    reply = () => ({ status: 201, body: { id: 7, href: `${shop.baseUrl}/api/rest/v1/products/7/`, name: 'Crème brûlée 🍮', productnumber: 'A/B-1', is_active: true } });
    const created = await c.products.create({ name: 'Crème brûlée 🍮', productnumber: 'A/B-1', description: '<p>½ "liter" \\ 100%</p>', price: 4.5, discount: 0, package_id: 3, taxtariff: 'low a' });
    expect(created.id).toBe(7);
    const post = shop.requests.at(-1)!;
    expect(post).toMatchObject({ method: 'POST', url: '/api/rest/v1/products/', hashOk: true });
    expect(JSON.parse(post.body)).toEqual({ name: 'Crème brûlée 🍮', productnumber: 'A/B-1', description: '<p>½ "liter" \\ 100%</p>', price: 4.5, discount: 0, package_id: 3, taxtariff: 'low a' });
    expect(post.body).toContain('Crème brûlée 🍮');
    expect(post.headers['content-type']).toBe('application/json');

    reply = () => ({ status: 204 });
    await c.products.patch(7, { name: 'Ünïcödé / ✓', stock: 42 });
    const patch = shop.requests.at(-1)!;
    expect(patch).toMatchObject({ method: 'PATCH', url: '/api/rest/v1/products/7/', hashOk: true, body: '{"name":"Ünïcödé / ✓","stock":42}' });

    await c.productPhotos.replaceAll(7, [{ file_type: 'png', source: 'data:image/png;base64,iVBORw0KGgo=', alttext: 'Voorkant / front' }]);
    const put = shop.requests.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', url: '/api/rest/v1/products/7/productphotos/', hashOk: true });
    expect(JSON.parse(put.body)).toEqual({ productphotos: [{ file_type: 'png', source: 'iVBORw0KGgo=', alttext: 'Voorkant / front' }] });

    await c.products.delete(7);
    expect(shop.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/rest/v1/products/7/', hashOk: true, body: '' });
  });

  it('follows next links: strips scheme and host and signs the rest as-is', async () => {
    const c = client();
    reply = (url) => {
      const start = Number(/start=(\d+)/.exec(url)?.[1] ?? 0);
      // A foreign host in `next` must not redirect our signed requests there.
      const base = start === 0 ? 'https://other-host.example' : shop.baseUrl;
      return { body: envelope(base, '/api/rest/v1/orders/', [{ id: start + 1 }], start, 1, start < 2) };
    };
    const ids: number[] = [];
    for await (const o of c.orders.iterate({ status: 1 })) ids.push(o.id);
    expect(ids).toEqual([1, 2, 3]);
    const urls = shop.requests.slice(-3).map((r) => [r.url, r.hashOk]);
    expect(urls).toEqual([
      ['/api/rest/v1/orders/?status=1&start=0&size=100', true],
      ['/api/rest/v1/orders/?start=1&size=1', true],
      ['/api/rest/v1/orders/?start=2&size=1', true],
    ]);
  });

  it('signs next links with PHP-style encoding (+, %2C) and odd characters exactly as they go out', async () => {
    const c = client();
    reply = (url) =>
      url.includes('start=0')
        ? { body: { start: 0, size: 1, href: 'x', next: `${shop.baseUrl}/api/rest/v1/products/?productname=kaas+jong%2Coud&x=it's a|b&start=1&size=1`, items: [{ id: 1 }] } }
        : { body: { start: 1, size: 1, href: 'x', next: null, items: [{ id: 2 }] } };
    const ids: number[] = [];
    for await (const p of c.products.iterate({ productname: 'kaas jong,oud' })) ids.push(p.id);
    expect(ids).toEqual([1, 2]);
    const [first, second] = shop.requests.slice(-2);
    expect(first).toMatchObject({ url: '/api/rest/v1/products/?productname=kaas%20jong,oud&start=0&size=100', hashOk: true });
    // The URL parser escapes the quote and space before it is sent; the hash covers that form.
    expect(second).toMatchObject({ url: "/api/rest/v1/products/?productname=kaas+jong%2Coud&x=it%27s%20a|b&start=1&size=1", hashOk: true });
  });

  it('sends Accept-Language from the config or per call', async () => {
    reply = () => ({ body: { id: 5, name: 'Kaas' } });
    const c = client({ language: 'nl' });
    await c.categories.get(5);
    expect(shop.requests.at(-1)!.headers['accept-language']).toBe('nl');
    reply = () => ({ status: 204 });
    await c.categories.patch(5, { name: 'Cheese' }, { language: 'en' });
    expect(shop.requests.at(-1)!.headers['accept-language']).toBe('en');
    expect(shop.requests.at(-1)!.hashOk).toBe(true);
  });

  it('can leave off the trailing slash (SDK style) and still signs what it sends', async () => {
    reply = () => ({ body: { id: 9 } });
    await client({ trailingSlash: false }).products.get(9);
    expect(shop.requests.at(-1)).toMatchObject({ url: '/api/rest/v1/products/9', hashOk: true });
  });

  it('refuses ids from data that are not whole numbers, before sending anything', async () => {
    const before = shop.requests.length;
    await expect(client().products.get(Number('1/../../webhooks'))).rejects.toMatchObject({ kind: 'validation', code: 'invalid-id' });
    await expect(client().orders.patch(-3, { status: 5 })).rejects.toMatchObject({ kind: 'validation', code: 'invalid-id' });
    expect(shop.requests.length).toBe(before);
  });
});

describe('response verification', () => {
  let shop: TestShop;
  let reply: Reply = { body: { id: 1 } };
  beforeAll(async () => {
    shop = await startShop(() => reply);
  });
  afterAll(() => shop.close());
  const client = (verifyResponses: boolean) => new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, verifyResponses, clock: new InstantClock() });

  it('accepts correctly signed answers, also with PHP-escaped slashes', async () => {
    reply = { body: '{"href":"https:\\/\\/shop.example\\/api\\/rest\\/v1\\/products\\/1\\/","id":1,"is_active":false}' };
    const p = await client(true).products.get(1);
    expect(p).toMatchObject({ id: 1, href: 'https://shop.example/api/rest/v1/products/1/', active: false });
    reply = { status: 204 };
    await expect(client(true).products.patch(1, { stock: 1 })).resolves.toBeUndefined();
  });

  it('rejects a tampered answer with a clear error, and does not retry it', async () => {
    reply = { body: { id: 1, price: 10 }, sign: 'tamper' };
    const before = shop.requests.length;
    const err = await client(true).products.get(1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CcvApiError);
    expect(err).toMatchObject({ kind: 'auth', code: 'response-signature', method: 'GET', path: '/api/rest/v1/products/1/' });
    expect(String(err)).toMatch(/did not carry a valid signature.*secret key/);
    expect(shop.requests.length - before).toBe(1);
  });

  it('rejects an unsigned answer when verification is on', async () => {
    reply = { body: { id: 1 }, sign: false };
    await expect(client(true).products.get(1)).rejects.toMatchObject({ kind: 'auth', code: 'response-unsigned' });
  });

  it('ignores signatures when verification is off', async () => {
    // The tampering (first digit + 1) goes unnoticed: that is what switching verification off means.
    reply = { body: { id: 1, price: 10 }, sign: 'tamper' };
    await expect(client(false).products.get(1)).resolves.toMatchObject({ id: 2, price: 10 });
    reply = { body: { id: 2 }, sign: false };
    await expect(client(false).products.get(2)).resolves.toMatchObject({ id: 2 });
  });
});
