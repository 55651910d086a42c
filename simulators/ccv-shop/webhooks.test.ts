// Outgoing webhooks: registration with a random key, summary bodies like the captured samples,
// x-hash over "address|body", loopback-only delivery.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './fixtures/load';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { JsonObject } from './json';
import { isObj, parseJson } from './json';
import { admin, call, hmacSha512Hex, itemsOf, objOf } from './test-client';

interface Received {
  url: string;
  hash: string;
  text: string;
  body: JsonObject;
}

let sim: CcvSimHandle;
let receiver: Server;
let receiverUrl = '';
const waiting: ((r: Received) => void)[] = [];
const inbox: Received[] = [];
const samples = fixture('webhook-payload-samples.json');

/** The next webhook the receiver gets (resolves immediately if one is already waiting). */
function nextHook(): Promise<Received> {
  const ready = inbox.shift();
  return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = parseJson(text);
      const got: Received = { url: req.url ?? '', hash: String(req.headers['x-hash'] ?? ''), text, body: isObj(body) ? body : {} };
      res.writeHead(200).end();
      const w = waiting.shift();
      if (w) w(got);
      else inbox.push(got);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const addr = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? (addr satisfies AddressInfo).port : 0}`;
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { orders: 30 } });
});
beforeEach(async () => {
  await admin(sim, 'POST', '/__sim/reset');
  inbox.length = 0;
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function register(event: string, path: string): Promise<JsonObject> {
  const r = await call(sim, 'POST', '/api/rest/v1/webhooks/', { event, address: `${receiverUrl}${path}`, is_active: true });
  expect(r.status).toBe(201);
  return objOf(r);
}

describe('registration', () => {
  it('returns id, event, address, key and is_active; PATCH cannot change the event', async () => {
    const a = await register('orders.created', '/a');
    const b = await register('orders.created', '/b');
    expect(a).toMatchObject({ event: 'orders.created', address: `${receiverUrl}/a`, is_active: true });
    expect(String(a.key)).toMatch(/^[0-9a-f]{32}$/);
    expect(a.key).not.toBe(b.key);
    expect((await call(sim, 'PATCH', `/api/rest/v1/webhooks/${String(a.id)}/`, { event: 'orders.deleted' })).status).toBe(400);
    expect((await call(sim, 'PATCH', `/api/rest/v1/webhooks/${String(a.id)}/`, { is_active: false })).status).toBe(204);
    expect(itemsOf(await call(sim, 'GET', '/api/rest/v1/webhooks/')).map((w) => w.is_active)).toEqual([false, true]);
  });
});

describe('delivery', () => {
  it('sends orders.updated.status with the sample fields and a verifiable x-hash', async () => {
    const hook = await register('orders.updated.status', '/status');
    const [order] = itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/?status=1&size=1'));
    const received = nextHook();
    expect((await call(sim, 'PATCH', `/api/rest/v1/orders/${String(order?.id)}/`, { status: 5 })).status).toBe(204);
    const got = await received;
    const sample = samples['orders.updated.status'];
    expect(Object.keys(got.body)).toEqual(isObj(sample) ? Object.keys(sample) : []);
    expect(got.body).toMatchObject({ id: order?.id, previous_status: 1, status: 5, order_number: order?.ordernumber });
    expect(got.body.href).toBe(`${sim.apiRoot}orders/${String(order?.id)}`);
    expect(got.hash).toBe(hmacSha512Hex(String(hook.key), `${receiverUrl}/status|${got.text}`));
  });

  it('sends ispaid and trackandtrace events with their extra fields', async () => {
    await register('orders.updated.ispaid', '/paid');
    await register('orders.updated.trackandtrace', '/tt');
    const [order] = itemsOf(await call(sim, 'GET', '/api/rest/v1/orders/?is_paid=false&status=4&size=1'));
    await call(sim, 'PATCH', `/api/rest/v1/orders/${String(order?.id)}/`, { paid: true, track_and_trace_code: '3SABC123', track_and_trace_carrier: 'PostNL' });
    const got = [await nextHook(), await nextHook()].sort((x, y) => x.url.localeCompare(y.url));
    expect(got.map((g) => g.url)).toEqual(['/paid', '/tt']);
    const paidSample = samples['orders.updated.ispaid'];
    expect(Object.keys(got[0]?.body ?? {})).toEqual(isObj(paidSample) ? Object.keys(paidSample) : []);
    expect(got[0]?.body.paid).toBe(true);
    expect(got[1]?.body).toMatchObject({ track_and_trace_code: '3SABC123', track_and_trace_carrier: 'PostNL' });
  });

  it('sends product and category events; inactive hooks stay silent', async () => {
    const off = await register('products.updated', '/off');
    await call(sim, 'PATCH', `/api/rest/v1/webhooks/${String(off.id)}/`, { is_active: false });
    await register('products.created', '/created');
    const p = objOf(await call(sim, 'POST', '/api/rest/v1/products/', { name: 'Sjaal', price: 20, discount: 0, package_id: 12, taxtariff: 'normal' }));
    await call(sim, 'PATCH', `/api/rest/v1/products/${String(p.id)}/`, { stock: 2 });
    const got = await nextHook();
    expect(got.url).toBe('/created');
    expect(got.body).toMatchObject({ id: p.id, href: `${sim.apiRoot}products/${String(p.id)}` });
    const log = itemsOf(await admin(sim, 'GET', '/__sim/webhooks'));
    expect(log.map((d) => d.event)).toEqual(['products.created']);
  });

  it('never contacts other hosts; such deliveries are recorded as skipped', async () => {
    await call(sim, 'POST', '/api/rest/v1/webhooks/', { event: 'categories.created', address: 'https://example.com/hook' });
    expect((await call(sim, 'POST', '/api/rest/v1/categories/', { name: 'Sale' })).status).toBe(201);
    const [d] = itemsOf(await admin(sim, 'GET', '/__sim/webhooks'));
    expect(d).toMatchObject({ event: 'categories.created', url: 'https://example.com/hook', outcome: 'skipped', status: null });
  });
});
