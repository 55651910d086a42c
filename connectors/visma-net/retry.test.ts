import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, backoffDelay } from '../common';
import { VismaApiError } from './errors';
import { RecordingClock, clientFor } from './test-support/clients';
import { startStub, tokenPath, until, type Reply, type Seen, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

/** Answers API calls with the replies in turn (the last one repeats); tokens as usual. */
function sequence(...replies: Reply[]): void {
  let i = 0;
  stub.handle((req) => (req.path === tokenPath ? undefined : replies[Math.min(i++, replies.length - 1)]));
}

const ok: Reply = { status: 200, body: [{ id: 'EUR' }] };
const posts = () => stub.api().filter((r) => r.method === 'POST');

describe('rate limits', () => {
  it('waits Retry-After on a 429 (on the injected clock) and then retries', async () => {
    sequence({ status: 429, headers: { 'retry-after': '7' } }, ok);
    const clock = new FakeClock(0);
    const result = clientFor(stub, { clock }).currencies.list();
    await until(() => clock.pending > 0, 'the client to wait');
    expect(stub.api()).toHaveLength(1);
    await clock.advance(6_999);
    expect(stub.api()).toHaveLength(1);
    await clock.advance(1);
    expect((await result)[0]?.id).toBe('EUR');
    expect(stub.api()).toHaveLength(2);
  });

  it('fails at once, saying how long, when Retry-After is beyond what it may wait', async () => {
    sequence({ status: 429, headers: { 'retry-after': '3600' } }, ok);
    const error = await clientFor(stub, { maxRetryAfterMs: 60_000 }).currencies.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VismaApiError);
    expect(error).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 3_600_000 });
    expect(String(error)).toMatch(/wait 3600 s/);
    expect(stub.api()).toHaveLength(1);
  });

  it('slows down from the X-RateLimit headers before a 429 happens', async () => {
    sequence({ status: 200, body: [], headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30', 'x-ratelimit-policy': '4-fixed-window' } }, ok);
    const clock = new FakeClock(0);
    const client = clientFor(stub, { clock });
    await client.currencies.list();
    const second = client.currencies.list();
    await until(() => clock.pending > 0, 'the pacer to wait');
    expect(stub.api()).toHaveLength(1);
    await clock.advance(29_999);
    expect(stub.api()).toHaveLength(1);
    await clock.advance(1);
    await second;
    expect(stub.api()).toHaveLength(2);
  });
});

describe('transient failures', () => {
  it('retries a GET on 5xx with exponential back-off and jitter', async () => {
    sequence({ status: 500 }, { status: 503, body: 'busy' }, ok);
    const clock = new RecordingClock();
    const policy = { maxRetries: 4, baseDelayMs: 100, maxDelayMs: 1_000 };
    const result = await clientFor(stub, { clock, retry: policy, random: () => 0.5 }).currencies.list();
    expect(result).toHaveLength(1);
    expect(stub.api()).toHaveLength(3);
    expect(clock.sleeps).toEqual([backoffDelay(0, policy, () => 0.5), backoffDelay(1, policy, () => 0.5)]);
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('retries a GET after a connection reset, and a PUT after a 502', async () => {
    sequence({ destroy: true }, ok);
    await clientFor(stub).currencies.list();
    expect(stub.api()).toHaveLength(2);
    stub.reset();
    sequence({ status: 502 }, { status: 204 });
    await clientFor(stub).customers.update('10001', { name: 'Jansen BV' });
    expect(stub.api().map((r) => r.method)).toEqual(['PUT', 'PUT']);
  });

  it('does not retry a 4xx', async () => {
    sequence({ status: 400, body: { message: 'bad filter' } }, ok);
    await expect(clientFor(stub).currencies.list()).rejects.toMatchObject({ kind: 'validation' });
    expect(stub.api()).toHaveLength(1);
  });

  it('gives up after the policy and reports the last failure', async () => {
    sequence({ status: 500 });
    await expect(clientFor(stub, { retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }).currencies.list()).rejects.toMatchObject({ kind: 'server', status: 500 });
    expect(stub.api()).toHaveLength(3);
  });
});

describe('a create is never repeated blindly', () => {
  const created = (id: string): Reply => ({ status: 201, headers: { location: `https://api.finance.visma.net/v1/customer/${id}` } });

  it('after a failure in transit, uses findExisting and returns what the first attempt created', async () => {
    sequence({ destroy: true }, created('X'));
    let lookups = 0;
    const findExisting = async () => {
      lookups++;
      return 'C1';
    };
    const result = await clientFor(stub).customers.create({ name: 'Jansen BV' }, { findExisting });
    expect(result).toEqual({ id: 'C1', recovered: true });
    expect(lookups).toBe(1);
    expect(posts()).toHaveLength(1);
  });

  it('posts again only after the lookup found nothing', async () => {
    sequence({ status: 500 }, created('10042'));
    let lookups = 0;
    const findExisting = async () => {
      lookups++;
      return undefined;
    };
    const result = await clientFor(stub).customers.create({ name: 'Jansen BV' }, { findExisting });
    expect(result).toMatchObject({ id: '10042', recovered: false });
    expect(lookups).toBe(1);
    expect(posts()).toHaveLength(2);
  });

  it('without a lookup, stops with an "outcome unknown" error instead of posting again', async () => {
    sequence({ status: 503 }, created('10042'));
    const error = await clientFor(stub).customers.create({ name: 'Jansen BV' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VismaApiError);
    expect(error).toMatchObject({ kind: 'server', status: 503, outcomeUnknown: true });
    expect(String(error)).toMatch(/does not know whether Visma\.net created the customer 'Jansen BV': check in Visma\.net/);
    expect(posts()).toHaveLength(1);
  });

  it('a 5xx carrying Visma’s own error is a definite failure: no lookup, no retry', async () => {
    sequence({ status: 500, body: { message: 'VismaId: 11111111-2222-3333-4444-555555555555. Error: Customer class WEB does not exist.' } });
    let lookups = 0;
    const findExisting = async () => {
      lookups++;
      return undefined;
    };
    const error = await clientFor(stub).customers.create({ name: 'Jansen BV' }, { findExisting }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'server', outcomeUnknown: false });
    expect(lookups).toBe(0);
    expect(posts()).toHaveLength(1);
  });

  it('a 429 on a create is safe to repeat (nothing was processed)', async () => {
    sequence({ status: 429, headers: { 'retry-after': '0' } }, created('10042'));
    const result = await clientFor(stub).customers.create({ name: 'Jansen BV' });
    expect(result).toMatchObject({ id: '10042', recovered: false });
    expect(posts()).toHaveLength(2);
  });

  it('looks a customer up by its number by default', async () => {
    stub.handle((req: Seen) => {
      if (req.path === tokenPath) return undefined;
      if (req.method === 'POST') return { destroy: true };
      if (req.path === '/v1/customer/10001') return { status: 200, body: { number: '10001', name: 'Jansen BV' } };
      return { status: 404 };
    });
    const result = await clientFor(stub).customers.create({ number: '10001', name: 'Jansen BV' });
    expect(result).toEqual({ id: '10001', recovered: true });
    expect(posts()).toHaveLength(1);
  });

  it('looks a V3 order up by customerRefNo by default', async () => {
    stub.handle((req: Seen) => {
      if (req.path === tokenPath) return undefined;
      if (req.method === 'POST') return { status: 504 };
      if (req.path === '/api/v3/SalesOrders/SO') {
        const value = [
          { type: 'SO', orderId: '000222', customerRefNo: 'CCV-4710' },
          { type: 'SO', orderId: '000223', customerRefNo: 'CCV-4711' },
        ];
        return { status: 200, body: { value, totalCount: 2, nextPage: null } };
      }
      return { status: 404 };
    });
    const result = await clientFor(stub).salesOrders.create({ type: 'SO', customer: { id: '10001', refNo: 'CCV-4711' }, orderLines: [{ inventoryId: 'A', quantity: 1 }] });
    expect(result).toEqual({ id: { type: 'SO', number: '000223' }, recovered: true });
    const scan = stub.api().find((r) => r.method === 'GET');
    expect(scan?.query.get('customerId')).toBe('10001');
    expect(scan?.query.get('modifiedSince')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(posts()).toHaveLength(1);
  });

  it('reports a create without Location as created-but-unknown, not as something to retry', async () => {
    sequence({ status: 201 });
    const error = await clientFor(stub).journalTransactions.create({ description: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'malformed', outcomeUnknown: false });
    expect(String(error)).toMatch(/did create the journal transaction 'x'/);
    expect(posts()).toHaveLength(1);
  });
});

describe('concurrency', () => {
  it('keeps at most maxConcurrency requests in flight (default 4)', async () => {
    let open = 0;
    let peak = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub.handle(async (req) => {
      if (req.path === tokenPath) return undefined;
      open++;
      peak = Math.max(peak, open);
      await gate;
      open--;
      return ok;
    });
    const client = clientFor(stub);
    const calls = Array.from({ length: 10 }, () => client.currencies.list());
    await until(() => stub.api().length >= 4, 'four requests');
    await new Promise((r) => setTimeout(r, 30));
    expect(stub.api()).toHaveLength(4);
    release();
    await Promise.all(calls);
    expect(stub.api()).toHaveLength(10);
    expect(peak).toBe(4);
  });
});
