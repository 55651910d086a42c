import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VismaApiError } from '../../connectors/visma-net';
import { collect, failure } from './helpers';
import { apiCalls, startVismaRig, type VismaRig } from './visma-harness';

const HOUR = 3600_000;

// reference/visma-net/README.md §8: a per company+client hourly budget published only through X-RateLimit-*; 429 + Retry-After when used
// up. The simulator and the connector share a virtual clock, so waiting an hour takes no real time.
describe('Visma.net connector ⇄ simulator: pacing and rate limits', () => {
  let rig: VismaRig;

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: { inventory: 40, customers: 30, salesOrders: 10, customerInvoices: 5 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
    await rig.config({ rateLimitPerHour: 20 });
  });

  /** Uses up `n` calls of the hourly budget behind the connector's back (same application and company). */
  async function spend(n: number): Promise<void> {
    const res = await fetch(rig.sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: rig.sim.credentials.clientId, client_secret: rig.sim.credentials.clientSecret, tenant_id: rig.sim.credentials.tenantId }),
    });
    const { access_token: token } = z.object({ access_token: z.string() }).parse(await res.json());
    for (let i = 0; i < n; i++) {
      const r = await fetch(`${rig.sim.apiUrl}/v1/currency`, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
    }
  }

  it('slows down by the X-RateLimit headers instead of running into 429 (20 calls/hour, 30 calls)', async () => {
    // (Also: the token taken before an hour-long pacing wait must not be sent after it: no 401 in the log.)
    const client = rig.client();
    const from = rig.clock.sleeps.length;
    const numbers = Array.from({ length: 30 }, (_, i) => String(10001 + i));
    for (const n of numbers) expect((await client.customers.get(n)).number).toBe(n);
    const calls = apiCalls(await rig.requests());
    expect(calls).toHaveLength(30);
    expect(calls.map((e) => e.status)).toEqual(calls.map(() => 200));
    // It had to wait for the next window: about an hour of (virtual) time.
    expect(rig.clock.sleptSince(from)).toBeGreaterThanOrEqual(HOUR - 60_000);
    expect(rig.logs.some((l) => /Pacing Visma\.net calls/.test(l.message))).toBe(true);
  });

  it('paging under a tight budget: every item once, no 429', async () => {
    const client = rig.client({ pageSize: 1 });
    const customers = await collect(client.customers.iterate());
    expect(new Set(customers.map((c) => c.number)).size).toBe(30);
    expect(apiCalls(await rig.requests()).filter((e) => e.status === 429)).toHaveLength(0);
  });

  it('a 429 with Retry-After is waited out and the call succeeds', async () => {
    await spend(20);
    await rig.clearRequests();
    const client = rig.client({ maxRetryAfterMs: 2 * HOUR });
    const from = rig.clock.sleeps.length;
    const customer = await client.customers.get('10001');
    expect(customer.number).toBe('10001');
    const calls = apiCalls(await rig.requests());
    expect(calls.map((e) => e.status)).toEqual([429, 200]);
    // The wait was the server's Retry-After (the rest of the hour), not a guess.
    const waited = rig.clock.sleptSince(from);
    expect(waited).toBeGreaterThan(HOUR - 120_000);
    expect(waited).toBeLessThanOrEqual(HOUR + 1000);
  });

  it('a Retry-After longer than the configured maximum fails at once with an actionable message', async () => {
    await spend(20);
    await rig.clearRequests();
    const error = await failure(rig.client({ maxRetryAfterMs: 15 * 60_000 }).customers.get('10001'));
    expect(error).toBeInstanceOf(VismaApiError);
    if (!(error instanceof VismaApiError)) return;
    expect(error.kind).toBe('rate-limit');
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBeGreaterThan(15 * 60_000);
    expect(error.message).toMatch(/call limit for this company is used up/);
    expect(error.message).toMatch(/asks to wait \d+ s/);
    expect(apiCalls(await rig.requests()).map((e) => e.status)).toEqual([429]);
  });

  it('an injected 429 (Retry-After 60) is waited out for every method, a POST included', async () => {
    await rig.config({ rateLimitPerHour: 15000 });
    const client = rig.client();
    const from = rig.clock.sleeps.length;
    await rig.faults({ rate: 1, count: 1, kinds: ['429'] });
    const created = await client.customers.create({ name: 'Na de wachttijd', mainContact: { email: 'wacht@example.nl' } });
    await rig.faults({ rate: 1, count: 1, kinds: ['429'] });
    await client.customers.update(created.id, { note: 'ook na 429' });
    const calls = apiCalls(await rig.requests());
    expect(calls.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 429', 'POST 201', 'PUT 429', 'PUT 204']);
    expect(rig.clock.sleeps.slice(from).filter((ms) => ms === 60_000)).toHaveLength(2);
    expect((await rig.store('customers', { written: true })).records.filter((r) => r['name'] === 'Na de wachttijd')).toHaveLength(1);
  });

  it('V3 calls share the budget and are paced the same way', async () => {
    const client = rig.client({ pageSize: 1 });
    const orders = await collect(client.salesOrders.iterate());
    expect(new Set(orders.map((o) => o.orderId)).size).toBe(10);
    await collect(client.salesOrders.iterate());
    const calls = apiCalls(await rig.requests());
    expect(calls).toHaveLength(20);
    expect(calls.filter((e) => e.status === 429)).toHaveLength(0);
  });

  it('main-API and V3 bursts draw on one budget (reference/visma-net/README.md §8: V3 shares the mechanism): paced, no 429', async () => {
    const client = rig.client();
    for (let i = 0; i < 8; i++) await client.customers.get(String(10001 + i));
    for (let i = 0; i < 14; i++) await client.salesOrders.get('SO', String((i % 10) + 1).padStart(6, '0'));
    for (let i = 0; i < 4; i++) await client.customers.get(String(10001 + i));
    const calls = apiCalls(await rig.requests());
    expect(calls).toHaveLength(26);
    expect(calls.filter((e) => e.status !== 200)).toEqual([]);
  });
});
