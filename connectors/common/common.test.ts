import { describe, it, expect } from 'vitest';
import { FakeClock } from './clock';
import { WindowLimiter, HeaderPacer, readRateLimitHeaders } from './pacer';
import { backoffDelay, withRetry } from './retry';
import { parseRetryAfter } from './transient';
import { redact, safeHeaders } from './redact';

describe('WindowLimiter', () => {
  it('lets a full budget through, then waits for the window to slide', async () => {
    const clock = new FakeClock(1_000);
    const limiter = new WindowLimiter(() => 3, 60_000, clock);
    for (let i = 0; i < 3; i++) {
      const slot = await limiter.acquire('products:GET');
      expect(slot.waited).toBe(0);
      slot.done();
    }
    let done = false;
    const fourth = limiter.acquire('products:GET').then((slot) => {
      done = true;
      return slot.waited;
    });
    await clock.advance(59_999);
    expect(done).toBe(false);
    await clock.advance(1);
    expect(await fourth).toBe(60_000);
    // another key has its own budget
    expect((await limiter.acquire('orders:GET')).waited).toBe(0);
  });

  it('counts a request from its answer on: a slow answer keeps its place for a whole window after it arrived', async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(() => 2, 1_000, clock);
    const slow = await limiter.acquire('products:POST');
    (await limiter.acquire('products:POST')).done();
    await clock.advance(300);
    // The first answer arrives 300 ms after sending: the server may have counted it as late as that.
    slow.done();
    let third = false;
    const next = limiter.acquire('products:POST').then(() => (third = true));
    await clock.advance(700);
    expect(third).toBe(true);
    let fourth = false;
    const after = limiter.acquire('products:POST').then(() => (fourth = true));
    await clock.advance(299);
    expect(fourth).toBe(false);
    await clock.advance(1);
    await Promise.all([next, after]);
    expect(fourth).toBe(true);
  });

  it('blocks a key for the penalty after a 429', async () => {
    const clock = new FakeClock(0);
    const limiter = new WindowLimiter(() => 5, 60_000, clock);
    limiter.penalise('orders:PATCH', 60_000);
    let done = false;
    const p = limiter.acquire('orders:PATCH').then(() => (done = true));
    await clock.advance(30_000);
    expect(done).toBe(false);
    await clock.advance(30_000);
    await p;
    expect(done).toBe(true);
  });
});

describe('HeaderPacer', () => {
  it('does not wait while plenty is left and spreads the last calls over the window', () => {
    const clock = new FakeClock(0);
    const pacer = new HeaderPacer(clock);
    pacer.update(readRateLimitHeaders({ 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '900', 'x-ratelimit-reset': '600' }));
    expect(pacer.plannedDelay()).toBe(0);
    pacer.update({ remaining: 50, resetSeconds: 100 });
    expect(pacer.plannedDelay()).toBe(2_000);
    pacer.update({ remaining: 0, resetSeconds: 30 });
    expect(pacer.plannedDelay()).toBe(30_000);
  });
});

describe('retry', () => {
  it('backs off exponentially within the cap', () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
  });

  it('retries while told to and gives up after the policy', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new Error('boom');
      },
      { clock, policy: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 10 }, decide: () => ({ retry: true, delayMs: 5, reason: 'test' }) },
    );
    const settled = run.catch((e: unknown) => e);
    for (let i = 0; i < 3; i++) await clock.advance(5);
    const err = await settled;
    expect(err).toBeInstanceOf(Error);
    expect(calls).toBe(3);
  });

  it('parses Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('redact', () => {
  it('masks known secrets, bearer tokens and HMAC hashes', () => {
    const hash = 'a'.repeat(128);
    const text = `secret=s3cr3t-value Authorization: Bearer eyJabc.def x-hash=${hash}`;
    const out = redact(text, ['s3cr3t-value']);
    expect(out).not.toContain('s3cr3t-value');
    expect(out).not.toContain('eyJabc.def');
    expect(out).not.toContain(hash);
    expect(safeHeaders({ Authorization: 'Bearer x', 'x-public': 'pub' })).toEqual({ Authorization: '***', 'x-public': 'pub' });
  });
});
