import { systemClock, type Clock } from './clock';

/** A place in a budget: `done()` when the answer is in, so the place is counted from then on. */
export interface Slot {
  /** How long acquiring it waited (ms). */
  readonly waited: number;
  done(): void;
}

/**
 * A sliding-window budget per key (CCV Shop: per resource and method, e.g. 150 GET / 100 writes a minute).
 * `acquire` waits until a place is free, so the client slows down before the server answers 429. A place is counted
 * from the moment the request is sent until its answer arrives, and from then on for a whole window: the server
 * counted the request when it arrived, somewhere in between, so the client never sees its window free before the
 * server's is, however the network delays the requests, and it still keeps the budget full.
 */
export class WindowLimiter {
  private readonly stamps = new Map<string, { at: number }[]>();
  constructor(
    private readonly limitFor: (key: string) => number,
    private readonly windowMs = 60_000,
    private readonly clock: Clock = systemClock,
  ) {}

  async acquire(key: string, signal?: AbortSignal): Promise<Slot> {
    let waited = 0;
    for (;;) {
      const limit = this.limitFor(key);
      if (!Number.isFinite(limit) || limit <= 0) return { waited, done: () => undefined };
      const now = this.clock.now();
      const list = (this.stamps.get(key) ?? []).filter((s) => s.at > now - this.windowMs);
      this.stamps.set(key, list);
      if (list.length < limit) {
        const stamp = { at: Number.POSITIVE_INFINITY };
        list.push(stamp);
        return { waited, done: () => void (stamp.at = this.clock.now()) };
      }
      // Requests still in flight count until their answer is in: wait for the earliest settled place to expire.
      let oldest = Number.POSITIVE_INFINITY;
      for (const s of list) oldest = Math.min(oldest, s.at);
      const wait = Number.isFinite(oldest) ? Math.max(1, oldest + this.windowMs - now) : 5;
      waited += wait;
      await this.clock.sleep(wait, signal);
    }
  }

  /** After a 429 the server's window is full whatever we counted: block the key for `ms`. */
  penalise(key: string, ms: number): void {
    const limit = this.limitFor(key);
    if (!Number.isFinite(limit) || limit <= 0) return;
    const until = this.clock.now() + ms - this.windowMs;
    this.stamps.set(key, Array.from({ length: limit }, () => ({ at: until })));
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
