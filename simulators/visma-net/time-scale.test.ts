// timeScale (a simulator extra): the fixed one-hour window runs faster, the budget keeps its count (reference §8).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';
import { obj, startTestSim, type TestSim } from './test-support';

describe('RateLimiter with timeScale 60', () => {
  it('allows exactly 15,000 calls per scaled hour (60 s), with Reset and Retry-After in scaled seconds', () => {
    let now = 1_000_000;
    const rl = new RateLimiter(() => 15_000, () => now, () => 60);
    const first = rl.hit('company|client');
    expect(first.headers['X-RateLimit-Reset']).toBe('60');
    expect(first.windowMs).toBe(60_000);
    for (let i = 1; i < 15_000; i++) {
      if (i === 7_500) now += 20_000;
      expect(rl.hit('company|client').allowed).toBe(true);
    }
    now += 15_250; // 35.25 s into the window
    const blocked = rl.hit('company|client');
    expect(blocked.allowed).toBe(false);
    expect(blocked.headers).toMatchObject({ 'X-RateLimit-Limit': '15000', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '25', 'Retry-After': '25', 'X-Sim-Retry-After-Ms': '24750' });
    expect(rl.hit('other|client').allowed).toBe(true);
    now += 24_749;
    expect(rl.hit('company|client').allowed).toBe(false);
    now += 1; // 60 s after the first call: a new window
    const fresh = rl.hit('company|client');
    expect(fresh.allowed).toBe(true);
    expect(fresh.headers).toMatchObject({ 'X-RateLimit-Remaining': '14999', 'X-RateLimit-Reset': '60' });
  });

  it('keeps the real hour and no extra header at timeScale 1', () => {
    let now = 0;
    const rl = new RateLimiter(() => 1, () => now);
    expect(rl.hit('k').headers['X-RateLimit-Reset']).toBe('3600');
    now = 60_000;
    const blocked = rl.hit('k');
    expect(blocked.headers['Retry-After']).toBe('3540');
    expect(blocked.headers['X-Sim-Retry-After-Ms']).toBeUndefined();
  });
});

describe('timeScale over HTTP', () => {
  let clock = Date.UTC(2025, 0, 1);
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ now: () => clock, timeScale: 60, tokenLifetimeSeconds: 86_400 });
  });
  beforeEach(async () => {
    await t.admin('POST', 'reset');
  });
  afterAll(() => t.sim.close());

  it('sends the vendor budget with the reset in scaled seconds', async () => {
    const r = await t.call('GET', '/v1/currency');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ratelimit-limit')).toBe('15000');
    expect(r.headers.get('x-ratelimit-remaining')).toBe('14999');
    expect(r.headers.get('x-ratelimit-reset')).toBe('60');
    clock += 30_500;
    expect((await t.call('GET', '/v1/currency')).headers.get('x-ratelimit-reset')).toBe('30');
    expect(obj((await t.admin('GET', 'config')).json).timeScale).toBe(60);
  });

  it('answers 429 with Retry-After and X-Sim-Retry-After-Ms in scaled time, and opens a new window after 60 s', async () => {
    await t.admin('POST', 'config', { rateLimit: { perHour: 2 } });
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    clock += 12_345;
    const limited = await t.call('GET', '/v1/currency');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('48');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('48');
    expect(limited.headers.get('x-sim-retry-after-ms')).toBe('47655');
    expect(String(obj(limited.json).message)).toContain('Try again in 48 seconds');
    clock += 47_655;
    expect((await t.call('GET', '/v1/currency')).status).toBe(200);
    await t.admin('POST', 'config', { rateLimit: { perHour: 15000 } });
  });

  it('changes at run time through /__sim/config (timeScale 1: the hour and no extra header)', async () => {
    await t.admin('POST', 'config', { rateLimit: { perHour: 1 }, timeScale: 1 });
    expect((await t.call('GET', '/v1/currency')).headers.get('x-ratelimit-reset')).toBe('3600');
    const limited = await t.call('GET', '/v1/currency');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3600');
    expect(limited.headers.get('x-sim-retry-after-ms')).toBeNull();
    expect((await t.admin('POST', 'config', { timeScale: -1 })).status).toBe(400);
    await t.admin('POST', 'config', { rateLimit: { perHour: 15000 }, timeScale: 60 });
  });

  it('scales a simulated 429 fault', async () => {
    await t.admin('POST', 'faults', { rate: 1, kinds: ['429'], count: 1, paths: '^/v1/currency' });
    const r = await t.call('GET', '/v1/currency');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.headers.get('x-sim-retry-after-ms')).toBe('1000');
  });
});
