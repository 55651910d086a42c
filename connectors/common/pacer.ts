import { systemClock, type Clock } from './clock';

/**
 * A sliding-window budget per key (CCV Shop: per resource and method, e.g. 150 GET / 100 writes a minute).
 * `acquire` waits until a slot is free, so the client slows down before the server answers 429.
 */
export class WindowLimiter {
  private readonly stamps = new Map<string, number[]>();
  constructor(
    private readonly limitFor: (key: string) => number,
    private readonly windowMs = 60_000,
    private readonly clock: Clock = systemClock,
  ) {}

  async acquire(key: string, signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (;;) {
      const limit = this.limitFor(key);
      if (!Number.isFinite(limit) || limit <= 0) return waited;
      const now = this.clock.now();
      const list = (this.stamps.get(key) ?? []).filter((t) => t > now - this.windowMs);
      if (list.length < limit) {
        list.push(now);
        this.stamps.set(key, list);
        return waited;
      }
      this.stamps.set(key, list);
      const wait = list[0]! + this.windowMs - now;
      waited += wait;
      await this.clock.sleep(wait, signal);
    }
  }

  /** After a 429 the server's window is full whatever we counted: block the key for `ms`. */
  penalise(key: string, ms: number): void {
    const limit = this.limitFor(key);
    if (!Number.isFinite(limit) || limit <= 0) return;
    const until = this.clock.now() + ms - this.windowMs;
    this.stamps.set(key, Array.from({ length: limit }, () => until));
  }
}

export interface RateLimitHeaders {
  limit?: number;
  remaining?: number;
  resetSeconds?: number;
}

/**
 * Paces by the server's `X-RateLimit-*` headers (Visma.net): while plenty is left it does nothing; when the
 * remaining calls run low it spreads them over the time left in the window, and when none are left it waits
 * for the reset instead of provoking a 429.
 */
export class HeaderPacer {
  private remaining: number | undefined;
  private limit: number | undefined;
  private resetAt = 0;
  constructor(
    private readonly clock: Clock = systemClock,
    /** Below this share of the limit, requests are spread out. */
    private readonly lowWater = 0.1,
  ) {}

  update(h: RateLimitHeaders): void {
    if (h.limit !== undefined) this.limit = h.limit;
    if (h.remaining !== undefined) this.remaining = h.remaining;
    if (h.resetSeconds !== undefined) this.resetAt = this.clock.now() + h.resetSeconds * 1000;
  }

  /** Delay (ms) that would be waited now; exposed for tests and logs. */
  plannedDelay(): number {
    const now = this.clock.now();
    if (this.remaining === undefined || this.limit === undefined) return 0;
    if (now >= this.resetAt) return 0;
    const left = this.resetAt - now;
    if (this.remaining <= 0) return left;
    if (this.remaining > this.limit * this.lowWater) return 0;
    return Math.ceil(left / this.remaining);
  }

  async acquire(signal?: AbortSignal): Promise<number> {
    const delay = this.plannedDelay();
    if (this.remaining !== undefined) this.remaining = Math.max(0, this.remaining - 1);
    if (delay > 0) await this.clock.sleep(delay, signal);
    if (this.clock.now() >= this.resetAt && this.limit !== undefined && this.remaining !== undefined && this.remaining <= 0) {
      // The window has rolled over; the next response refreshes the real figures.
      this.remaining = this.limit;
    }
    return delay;
  }
}

export function readRateLimitHeaders(headers: Record<string, unknown>): RateLimitHeaders {
  const num = (v: unknown) => {
    const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  return {
    limit: num(headers['x-ratelimit-limit']),
    remaining: num(headers['x-ratelimit-remaining']),
    resetSeconds: num(headers['x-ratelimit-reset']),
  };
}
