import { AbortedError, systemClock, type Clock } from './clock';

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
interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
  since: number;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Budget {
  stamps: { at: number }[];
  /** Callers waiting for a place, first come first served; one timer wakes the first when a place frees. */
  waiters: Waiter[];
  timer: boolean;
}

export class WindowLimiter {
  private readonly budgets = new Map<string, Budget>();
  constructor(
    private readonly limitFor: (key: string) => number,
    private readonly windowMs = 60_000,
    private readonly clock: Clock = systemClock,
  ) {}

  private budget(key: string): Budget {
    let b = this.budgets.get(key);
    if (!b) this.budgets.set(key, (b = { stamps: [], waiters: [], timer: false }));
    return b;
  }

  /** A place for a request; resolves at once while the budget has room, else when a place frees, in order. */
  acquire(key: string, signal?: AbortSignal): Promise<Slot> {
    const limit = this.limitFor(key);
    if (!Number.isFinite(limit) || limit <= 0) return Promise.resolve({ waited: 0, done: () => undefined });
    if (signal?.aborted) return Promise.reject(new AbortedError());
    const b = this.budget(key);
    if (b.waiters.length === 0 && this.free(b, limit) > 0) return Promise.resolve(this.take(key, b, 0));
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        since: this.clock.now(),
        signal,
        onAbort: () => {
          b.waiters = b.waiters.filter((w) => w !== waiter);
          reject(new AbortedError());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      b.waiters.push(waiter);
      this.schedule(key, b);
    });
  }

  /** Places free now (settled places older than a window are dropped). */
  private free(b: Budget, limit: number): number {
    const since = this.clock.now() - this.windowMs;
    if (b.stamps.length && b.stamps.some((s) => s.at <= since)) b.stamps = b.stamps.filter((s) => s.at > since);
    return limit - b.stamps.length;
  }

  private take(key: string, b: Budget, waited: number): Slot {
    const stamp = { at: Number.POSITIVE_INFINITY };
    b.stamps.push(stamp);
    return {
      waited,
      done: () => {
        stamp.at = this.clock.now();
        // A request that was in flight now counts from its answer: the first waiter can be timed.
        if (b.waiters.length) this.schedule(key, b);
      },
    };
  }

  /** Lets waiters through while there is room; then one timer for when the oldest settled place expires. */
  private schedule(key: string, b: Budget): void {
    if (b.timer) return;
    const limit = this.limitFor(key);
    const now = this.clock.now();
    while (b.waiters.length && this.free(b, limit) > 0) {
      const w = b.waiters.shift()!;
      w.signal?.removeEventListener('abort', w.onAbort);
      w.resolve(this.take(key, b, now - w.since));
    }
    if (!b.waiters.length) return;
    let oldest = Number.POSITIVE_INFINITY;
    for (const s of b.stamps) oldest = Math.min(oldest, s.at);
    // Every place is in flight: the next answer (`done`) schedules again.
    if (!Number.isFinite(oldest)) return;
    b.timer = true;
    void this.clock.sleep(Math.max(1, oldest + this.windowMs - now)).then(() => {
      b.timer = false;
      this.schedule(key, b);
    });
  }

  /** After a 429 the server's window is full whatever we counted: block the key for `ms`. */
  penalise(key: string, ms: number): void {
    const limit = this.limitFor(key);
    if (!Number.isFinite(limit) || limit <= 0) return;
    const b = this.budget(key);
    const until = this.clock.now() + ms - this.windowMs;
    b.stamps = Array.from({ length: limit }, () => ({ at: until }));
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
