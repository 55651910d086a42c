import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { CcvApiError } from './errors';
import { InstantClock, PUBLIC, SECRET, startShop, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let reply: Reply = { status: 200 };
beforeAll(async () => {
  shop = await startShop(() => reply);
});
afterAll(() => shop.close());

const noRetry = { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 };
const client = (extra: Partial<ConstructorParameters<typeof CcvClient>[0]> = {}) =>
  new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock(), retry: noRetry, rateLimitRetries: 0, ...extra });

async function failure(run: () => Promise<unknown>): Promise<CcvApiError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof CcvApiError)) throw new Error(`expected a CcvApiError, got ${String(err)}`);
  return err;
}

const ccv = (code: string, status: number, developermessage = 'x') => ({ status, body: { code, status, developermessage } });

describe('CCV error bodies → CcvApiError', () => {
  const cases: { name: string; reply: Reply; kind: CcvApiError['kind']; code: string; message: RegExp; method?: 'GET' | 'POST' }[] = [
    { name: 'hash mismatch', reply: ccv('401.10', 401, 'Hash mismatch'), kind: 'auth', code: '401.10', message: /check the public and secret key, and that this PC's clock is right \(CCV allows 5 minutes\)/ },
    { name: 'forbidden', reply: { status: 403, body: '' }, kind: 'forbidden', code: 'http-403', message: /may not read products.*API settings/ },
    { name: 'unknown resource', reply: ccv('404.20', 404, 'Invalid resource'), kind: 'not-found', code: '404.20', message: /does not know the resource "products"/ },
    { name: 'plain 404', reply: { status: 404, body: 'Not Found' }, kind: 'not-found', code: 'http-404', message: /product 5 was not found.*Not Found/i },
    { name: 'unknown id as 500.24', reply: ccv('500.24', 500, 'File NotFound'), kind: 'not-found', code: '500.24', message: /product 5 was not found in the shop \(500\.24/i },
    { name: 'method not allowed', reply: ccv('405.10', 405), kind: 'validation', code: '405.10', message: /does not allow GET on products/ },
    { name: 'validation', reply: ccv('400.10', 400, 'Property price must be a number'), kind: 'validation', code: '400.10', message: /rejected product 5.*Property price must be a number.*Correct the field/ },
    { name: 'property exists', reply: ccv('500.40', 500, 'Name already exists'), kind: 'validation', code: '500.40', message: /already exists/ },
    { name: 'product limit', reply: ccv('500.60', 500, 'Product limit exceeded'), kind: 'limit', code: '500.60', message: /product limit is reached.*Delete products or upgrade/ },
    { name: 'payload too big', reply: ccv('500.80', 500), kind: 'limit', code: '500.80', message: /too large/ },
    { name: 'file type', reply: ccv('500.22', 500), kind: 'validation', code: '500.22', message: /jpg, png or gif/ },
    { name: 'app missing', reply: ccv('500.90', 500), kind: 'forbidden', code: '500.90', message: /not installed/ },
    { name: 'read-only', reply: ccv('501.30', 501), kind: 'validation', code: '501.30', message: /read-only/ },
    { name: 'rate limit', reply: ccv('429.10', 429, 'Each method in each resource has a limit'), kind: 'rate-limit', code: '429.10', message: /rate limit was reached for GET products/ },
    { name: 'total rate limit, numeric code', reply: { status: 429, body: { code: 429.11, status: 429, developermessage: 'total' } }, kind: 'rate-limit', code: '429.11', message: /429\.11/ },
    { name: 'server error', reply: ccv('500.10', 500, 'boom'), kind: 'server', code: '500.10', message: /internal error.*boom.*contact CCV support/ },
    { name: 'bad gateway, HTML body', reply: { status: 502, body: '<html>Bad gateway</html>' }, kind: 'server', code: 'http-502', message: /HTTP 502/ },
    { name: 'empty error body', reply: { status: 503 }, kind: 'server', code: 'http-503', message: /HTTP 503/ },
    { name: 'redirect', reply: { status: 301, headers: { location: 'https://www.shop.example/api/rest/v1/products/5/' } }, kind: 'network', code: 'http-301', message: /redirects.*www\.shop\.example/ },
    { name: 'malformed JSON', reply: { status: 200, body: '{"id": 5,' }, kind: 'malformed', code: 'invalid-json', message: /not valid JSON/ },
    { name: 'HTML instead of JSON', reply: { status: 200, body: '<!doctype html><p>Shop</p>' }, kind: 'malformed', code: 'invalid-json', message: /looks like a web page: check that the shop address/ },
    { name: 'empty GET answer', reply: { status: 200, body: '' }, kind: 'malformed', code: 'invalid-json', message: /empty/ },
    { name: 'wrong shape', reply: { status: 200, body: { id: 'five' } }, kind: 'malformed', code: 'unexpected-shape', message: /product 5.*id/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      reply = c.reply;
      const err = await failure(() => client().products.get(5));
      expect(err.kind).toBe(c.kind);
      expect(err.code).toBe(c.code);
      expect(err.method).toBe('GET');
      expect(err.path).toBe('/api/rest/v1/products/5/');
      expect(err.message).toMatch(c.message);
      expect(err.message).toContain('[GET /api/rest/v1/products/5/]');
      if (c.reply.status && c.reply.status >= 300) expect(err.status).toBe(c.reply.status);
    });
  }

  it('keeps developermessage separately', async () => {
    reply = ccv('400.10', 400, 'Property "name" is required');
    const err = await failure(() => client().categories.get(1));
    expect(err.developerMessage).toBe('Property "name" is required');
  });

  it('rejects bad input before sending, naming the record and field', async () => {
    const before = shop.requests.length;
    const err = await failure(() => client().products.create(JSON.parse('{"name":"Kaas","productnumber":"K-1","prise":3,"discount":0,"package_id":1,"taxtariff":"normal"}')));
    expect(err).toMatchObject({ kind: 'validation', code: 'invalid-input', method: 'POST' });
    expect(err.message).toMatch(/product "K-1".*unknown field "prise"/);
    const missing = await failure(() => client().products.create(JSON.parse('{"name":"Kaas","price":3,"discount":0,"package_id":1}')));
    expect(missing.message).toMatch(/"taxtariff": set taxtariff/);
    expect(shop.requests.length).toBe(before);
  });
});

describe('input checks before sending', () => {
  it('refuses a product name filter shorter than CCV allows and a bad language', async () => {
    const before = shop.requests.length;
    const iterate = async () => {
      for await (const _ of client().products.iterate({ productname: 'ab' }));
    };
    await expect(iterate()).rejects.toThrow(/name filter "ab" must have at least 3 characters/);
    await expect(client().products.get(1, { language: 'dutch' })).rejects.toMatchObject({ kind: 'validation', code: 'invalid-language' });
    expect(shop.requests.length).toBe(before);
  });
});

describe('transport failures → CcvApiError', () => {
  it('cancellation is not an API error and is not retried', async () => {
    reply = { hang: true };
    const controller = new AbortController();
    const before = shop.requests.length;
    const pending = client({ retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 } }).products.get(1, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(shop.requests.length).toBeLessThanOrEqual(before + 1);
  });

  it('connection refused', async () => {
    const port = await freePort();
    const err = await failure(() => new CcvClient({ baseUrl: `http://127.0.0.1:${port}`, publicKey: PUBLIC, secretKey: SECRET, retry: noRetry }).products.get(1));
    expect(err).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', transient: true });
    expect(err.message).toMatch(/Could not connect to http:\/\/127\.0\.0\.1:\d+ \(connection refused\)\. Check the shop address/);
  });

  it('connection reset', async () => {
    reply = { destroy: true };
    const err = await failure(() => client().products.get(1));
    expect(err.kind).toBe('network');
    expect(err.transient).toBe(true);
    expect(err.message).toMatch(/connection to .* failed/);
  });

  it('time-out', async () => {
    reply = { hang: true };
    const err = await failure(() => client({ timeoutMs: 150 }).products.get(1));
    expect(err).toMatchObject({ kind: 'timeout', code: 'timeout', transient: true });
    expect(err.message).toMatch(/did not answer within 150 ms\. The shop may be slow or unreachable/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
