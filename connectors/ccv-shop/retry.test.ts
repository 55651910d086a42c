import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { InstantClock, PUBLIC, SECRET, startShop, type RecordedRequest, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let handler: (req: RecordedRequest) => Reply = () => ({ status: 500 });
beforeAll(async () => {
  shop = await startShop((req) => handler(req));
});
afterAll(() => shop.close());

const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1_000 };
function setup() {
  const clock = new InstantClock();
  const client = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock, retry: policy, random: () => 1 });
  const start = shop.requests.length;
  return { clock, client, sent: () => shop.requests.slice(start).map((r) => `${r.method} ${r.url}`) };
}

/** Answers from a script, one per request, then the last one forever. */
function script(...replies: Reply[]): (req: RecordedRequest) => Reply {
  let n = 0;
  return () => replies[Math.min(n++, replies.length - 1)]!;
}

describe('transient failures are retried with back-off', () => {
  it('5xx, reset and malformed JSON on GET', async () => {
    const { clock, client, sent } = setup();
    handler = script({ status: 503 }, { destroy: true }, { body: '{"id":' }, { body: { id: 4 } });
    await expect(client.products.get(4)).resolves.toMatchObject({ id: 4 });
    expect(sent()).toHaveLength(4);
    // Exponential: base, 2×base, 4×base (jitter fixed at its maximum).
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  it('gives up after the policy with the last error', async () => {
    const { client, sent } = setup();
    handler = script({ status: 502 });
    await expect(client.orders.get(1)).rejects.toMatchObject({ kind: 'server', status: 502 });
    expect(sent()).toHaveLength(4);
  });

  it('does not retry answers that will not change (4xx, 500.24, 500.60)', async () => {
    for (const reply of [{ status: 400, body: { code: '400.10', status: 400, developermessage: 'bad' } }, { status: 500, body: { code: '500.24', status: 500, developermessage: 'x' } }, { status: 500, body: { code: '500.60', status: 500, developermessage: 'x' } }]) {
      const { client, sent } = setup();
      handler = script(reply);
      await expect(client.products.get(1)).rejects.toBeTruthy();
      expect(sent()).toHaveLength(1);
    }
  });

  it('retries PATCH and PUT (they are idempotent)', async () => {
    const { client, sent } = setup();
    handler = script({ status: 502 }, { status: 204 });
    await client.attributeCombinations.patch(5, { stock: 7 });
    handler = script({ destroy: true }, { status: 204 });
    await client.productPhotos.replaceAll(5, []);
    expect(sent()).toEqual(['PATCH /api/rest/v1/attributecombinations/5/', 'PATCH /api/rest/v1/attributecombinations/5/', 'PUT /api/rest/v1/products/5/productphotos/', 'PUT /api/rest/v1/products/5/productphotos/']);
  });

  it('a repeated DELETE that finds nothing left counts as done', async () => {
    const { client, sent } = setup();
    handler = script({ status: 502 }, { status: 500, body: { code: '500.24', status: 500, developermessage: 'unknown id' } });
    await expect(client.products.delete(9)).resolves.toBeUndefined();
    expect(sent()).toHaveLength(2);
    // ...but a first-attempt not-found is still reported.
    handler = script({ status: 404 });
    await expect(client.products.delete(9)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('POST is never blindly repeated', () => {
  const created = { id: 77, productnumber: 'SKU-77', name: 'Kaas', is_active: true };
  const newProduct = { name: 'Kaas', productnumber: 'SKU-77', price: 5, discount: 0, package_id: 1, taxtariff: 'normal' as const };
  const search = (found: boolean): Reply => ({ body: { start: 0, size: 100, items: found ? [created] : [] } });

  it('after an ambiguous failure it looks the product up by number and returns it', async () => {
    const { client, sent } = setup();
    handler = (req) => (req.method === 'POST' ? { destroy: true } : search(true));
    await expect(client.products.create(newProduct)).resolves.toMatchObject({ id: 77, active: true });
    expect(sent()).toEqual(['POST /api/rest/v1/products/', 'GET /api/rest/v1/products/?productnumber=SKU-77&start=0&size=100']);
  });

  it('posts again only after the lookup shows the first attempt did not land', async () => {
    const { client, sent } = setup();
    let posts = 0;
    handler = (req) => (req.method === 'POST' ? (posts++ === 0 ? { status: 503 } : { status: 201, body: created }) : search(false));
    await expect(client.products.create(newProduct)).resolves.toMatchObject({ id: 77 });
    expect(sent()).toEqual(['POST /api/rest/v1/products/', 'GET /api/rest/v1/products/?productnumber=SKU-77&start=0&size=100', 'POST /api/rest/v1/products/']);
  });

  it('without a lookup the error says the outcome is unknown, and nothing is re-sent', async () => {
    const { client, sent } = setup();
    handler = script({ status: 504 });
    const { productnumber: _, ...noNumber } = newProduct;
    const err = await client.products.create(noNumber).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'server', outcomeUnknown: true, transient: false });
    expect(String(err)).toMatch(/unknown whether product "Kaas" was created.*Check the shop before running again/);
    expect(sent()).toEqual(['POST /api/rest/v1/products/']);
  });

  it('reports an unknown outcome when retries run out and the lookup still finds nothing', async () => {
    const { client, sent } = setup();
    handler = (req) => (req.method === 'POST' ? { destroy: true } : search(false));
    const err = await client.products.create(newProduct).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', outcomeUnknown: true });
    expect(String(err)).toMatch(/did not find it.*check the shop/);
    expect(sent().filter((s) => s.startsWith('POST'))).toHaveLength(4);
  });

  it('a 429 proves nothing was created: the POST is repeated after the wait', async () => {
    const { clock, client, sent } = setup();
    handler = script({ status: 429, body: { code: '429.10', status: 429, developermessage: 'limit' } }, { status: 201, body: created });
    await expect(client.products.create(newProduct)).resolves.toMatchObject({ id: 77 });
    expect(sent()).toEqual(['POST /api/rest/v1/products/', 'POST /api/rest/v1/products/']);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it('the "POST returns no content" quirk is resolved by the natural key', async () => {
    const { client, sent } = setup();
    handler = (req) => (req.method === 'POST' ? { status: 201, body: '' } : search(true));
    await expect(client.products.create(newProduct)).resolves.toMatchObject({ id: 77 });
    expect(sent()).toEqual(['POST /api/rest/v1/products/', 'GET /api/rest/v1/products/?productnumber=SKU-77&start=0&size=100']);
  });

  it('an empty POST answer without a way to look it up is reported, not re-sent', async () => {
    const { client, sent } = setup();
    handler = script({ status: 204 });
    const { productnumber: _, ...noNumber } = newProduct;
    await expect(client.products.create(noNumber)).rejects.toMatchObject({ kind: 'malformed', code: 'empty-post-response', outcomeUnknown: true });
    handler = (req) => (req.method === 'POST' ? { status: 200, body: '' } : search(false));
    await expect(client.products.create(newProduct)).rejects.toThrow(/accepted product "SKU-77" \(HTTP 200\) but sent no content.*could not find it/);
    expect(sent().filter((s) => s.startsWith('POST'))).toHaveLength(2);
  });

  it('a new photo is recognised against the photo list taken before the POST', async () => {
    const { client, sent } = setup();
    let posted = false;
    handler = (req) => {
      if (req.method === 'POST') {
        posted = true;
        return { destroy: true };
      }
      const items = [{ id: 1, filename: 'old.jpg', alttext: 'Voorkant', is_mainphoto: true }];
      if (posted) items.push({ id: 2, filename: 'new.jpg', alttext: 'Achterkant', is_mainphoto: false });
      return { body: { href: 'x', items } };
    };
    await expect(client.productPhotos.create(5, { file_type: 'jpg', source: 'AAAA', alttext: 'Achterkant' })).resolves.toMatchObject({ id: 2 });
    expect(sent()).toEqual(['GET /api/rest/v1/products/5/productphotos/', 'POST /api/rest/v1/products/5/productphotos/', 'GET /api/rest/v1/products/5/productphotos/']);
  });

  it('a caller-supplied findExisting takes precedence', async () => {
    const { client, sent } = setup();
    handler = script({ status: 500 });
    const hook = await client.webhooks.create({ event: 'orders.created', address: 'https://h.example/x' }, { findExisting: async () => ({ id: 3, event: 'orders.created', address: 'https://h.example/x', key: 'k' }) });
    expect(hook.id).toBe(3);
    expect(sent()).toEqual(['POST /api/rest/v1/webhooks/']);
  });
});
