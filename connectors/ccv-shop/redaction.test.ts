import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CcvClient } from './client';
import { InstantClock, PUBLIC, SECRET, startShop, type RecordedRequest, type Reply, type TestShop } from './test-server';

let shop: TestShop;
let handler: (req: RecordedRequest) => Reply = () => ({ status: 200 });
beforeAll(async () => {
  shop = await startShop((req) => handler(req));
});
afterAll(() => shop.close());

describe('secrets never reach logs or errors', () => {
  it('keeps the secret key and every x-hash out of log lines, messages, JSON and inspect output', async () => {
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const client = new CcvClient({
      baseUrl: shop.baseUrl,
      publicKey: PUBLIC,
      secretKey: SECRET,
      clock: new InstantClock(),
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      logger: { debug: log, info: log, warn: log },
      verifyResponses: true,
    });
    const texts: string[] = [];
    const collect = (e: unknown) => {
      texts.push(String(e), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }));
    };

    // A server that echoes the request's hash and the secret back in its error text.
    handler = (req) => ({ status: 400, body: { code: '400.10', status: 400, developermessage: `bad x-hash=${String(req.headers['x-hash'])} secret ${SECRET} hash ${String(req.headers['x-hash'])}` } });
    await client.products.get(1).catch(collect);
    handler = (req) => ({ status: 500, body: `upstream said ${String(req.headers['x-hash'])}` });
    await client.orders.get(1).catch(collect);
    handler = () => ({ status: 429, body: { code: '429.10', status: 429, developermessage: 'limit' } });
    await client.categories.get(1).catch(collect);
    handler = () => ({ destroy: true });
    await client.products.patch(1, { stock: 1 }).catch(collect);
    handler = () => ({ body: { id: 1 }, sign: 'tamper' });
    await client.products.get(1).catch(collect);
    handler = () => ({ status: 502 });
    await client.products.create({ name: 'X', price: 1, discount: 0, package_id: 1, taxtariff: 'zero' }).catch(collect);

    const hashes = shop.requests.map((r) => String(r.headers['x-hash']));
    expect(hashes.length).toBeGreaterThan(5);
    expect(texts.length).toBe(18);
    expect(lines.length).toBeGreaterThan(5);
    const all = [...lines, ...texts].join('\n');
    expect(all).not.toContain(SECRET);
    for (const h of hashes) expect(all).not.toContain(h);
    expect(all).not.toMatch(/[0-9a-f]{128}/i);
    // The useful parts are still there.
    expect(all).toContain('[GET /api/rest/v1/products/1/]');
    expect(all).toContain('CCV GET /api/rest/v1/orders/1/ → 500');
  });

  it('printing or serialising the client or its config does not reveal the secret key', () => {
    const client = new CcvClient({ baseUrl: 'https://shop.example', publicKey: PUBLIC, secretKey: SECRET });
    for (const text of [JSON.stringify(client.config), inspect(client, { depth: 10 }), JSON.stringify(client.products), String(client.config.secretKey)]) {
      expect(text).not.toContain(SECRET);
    }
    expect(client.config.secretKey.reveal()).toBe(SECRET);
  });
});
