import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';
import { obj, startTestSim, type TestSim } from './test-support';

describe('RateLimiter', () => {
  it('counts per key in a fixed one-hour window', () => {
    let now = 0;
    const rl = new RateLimiter(() => 2, () => now);
    expect(rl.hit('a').headers['X-RateLimit-Remaining']).toBe('1');
    expect(rl.hit('b').allowed).toBe(true);
    expect(rl.hit('a').allowed).toBe(true);
    const blocked = rl.hit('a');
    expect(blocked.allowed).toBe(false);
    expect(blocked.headers['Retry-After']).toBe('3600');
    now = 3_599_000;
    expect(rl.hit('a').headers['Retry-After']).toBe('1');
    now = 3_600_000;
    expect(rl.hit('a').allowed).toBe(true);
  });
});

describe('rate limiting over HTTP with a fake clock', () => {
  let clock = Date.UTC(2025, 0, 1);
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ now: () => clock, rateLimit: { perHour: 3 }, tokenLifetimeSeconds: 86_400 });
  });
  afterAll(() => t.sim.close());

  it('sends X-RateLimit-* on every API response and 429 + Retry-After when exhausted', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.call('GET', '/v1/currency');
      expect(r.status).toBe(200);
      expect(r.headers.get('x-ratelimit-limit')).toBe('3');
      expect(r.headers.get('x-ratelimit-policy')).toBe('4-fixed-window');
      remaining.push(r.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    clock += 600_000;
    const limited = await t.call('GET', '/v1/currency');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3000');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('3000');
    expect(String(obj(limited.json).message)).toContain('Rate limit is exceeded');
    // V3 shares the budget of the company+client.
    expect((await t.call('GET', '/api/v3/SalesOrders')).status).toBe(429);
    clock += 3000_000;
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
  });

  it('can be changed at run time through /__sim/config', async () => {
    await t.admin('POST', 'config', { rateLimit: { perHour: 1 } });
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    expect((await t.call('GET', '/v1/currency')).status).toBe(429);
    await t.admin('POST', 'config', { rateLimit: false });
    const r = await t.call('GET', '/v1/currency');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
