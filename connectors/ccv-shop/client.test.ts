import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { resolveConfig } from './config';
import { InstantClock, PUBLIC, SECRET, startShop, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let reply: Reply = { status: 200 };
beforeAll(async () => {
  shop = await startShop(() => reply);
});
afterAll(() => shop.close());

const noRetry = { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 };

describe('client.test()', () => {
  it('does one signed GET of the API root and reports what the key may use', async () => {
    reply = { body: { items: [{ href: 'x', title: 'products', description: 'Products', uri: '/api/rest/v1/products/' }, { href: 'y', title: 'orders', description: 'Orders', uri: '/api/rest/v1/orders/' }] } };
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock() });
    const start = shop.requests.length;
    const result = await c.test();
    expect(result).toEqual({ ok: true, resources: ['products', 'orders'], message: `Connected to CCV Shop at ${shop.baseUrl}; this key may use 2 resources.` });
    expect(shop.requests.slice(start).map((r) => [r.method, r.url, r.hashOk])).toEqual([['GET', '/api/rest/v1/', true]]);
  });

  it('explains a wrong key or clock in one sentence', async () => {
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: 'wrong-secret', clock: new InstantClock(), retry: noRetry });
    const result = await c.test();
    expect(result).toEqual({
      ok: false,
      kind: 'auth',
      message: `CCV Shop at ${shop.baseUrl} did not accept the API keys. Check the public and secret key, and that this PC's clock is right (CCV allows 5 minutes).`,
    });
  });

  it('explains an address that is not a CCV Shop', async () => {
    reply = { status: 200, body: '<html>Welcome</html>' };
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock(), retry: noRetry });
    const result = await c.test();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/looks like a web page: check that the shop address is right/);
    reply = { status: 404, body: { code: '404.20', status: 404, developermessage: 'Invalid resource' } };
    expect((await c.test()).message).toBe(`${shop.baseUrl} does not answer like a CCV Shop (no API found at /api/rest/v1/). Check the shop address.`);
  });

  it('explains an unreachable shop', async () => {
    const c = new CcvClient({ baseUrl: 'http://127.0.0.1:1', publicKey: PUBLIC, secretKey: SECRET, retry: noRetry });
    const result = await c.test();
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(result.message).toMatch(/Could not connect to http:\/\/127\.0\.0\.1:1/);
  });
});

describe('config', () => {
  const base = { baseUrl: 'https://shop.ccvshop.nl', publicKey: 'p', secretKey: 's' };
  it('fills documented defaults', () => {
    const c = resolveConfig(base);
    expect(c).toMatchObject({ origin: 'https://shop.ccvshop.nl', apiPrefix: '/api/rest/v1/', pageSize: 100, verifyResponses: false, rateLimitWaitMs: 60_000 });
    expect(c.budgets).toEqual({ get: 150, write: 100, windowMs: 60_000, perResource: { productqueries: { get: 30 } } });
  });
  it('accepts the shop address with the API prefix pasted after it', () => {
    expect(resolveConfig({ ...base, baseUrl: 'https://shop.ccvshop.nl/api/rest/v1/' }).apiPrefix).toBe('/api/rest/v1/');
  });
  it('refuses settings a person must fix, naming the setting', () => {
    expect(() => resolveConfig({ ...base, pageSize: 251 })).toThrow(/page size must be a whole number from 1 to 250/);
    expect(() => resolveConfig({ ...base, baseUrl: 'shop.ccvshop.nl' })).toThrow(/shop address "shop.ccvshop.nl" is not a web address/);
    expect(() => resolveConfig({ ...base, secretKey: ' ' })).toThrow(/secret key is empty/);
    expect(() => resolveConfig({ ...base, language: 'dutch' })).toThrow(/language "dutch" is not a 2-letter language code/);
  });
  it('merges per-resource budget overrides with the defaults', () => {
    expect(resolveConfig({ ...base, budgets: { get: 60, perResource: { orders: { get: 10 } } } }).budgets).toEqual({ get: 60, write: 100, windowMs: 60_000, perResource: { productqueries: { get: 30 }, orders: { get: 10 } } });
  });
});
