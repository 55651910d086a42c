// Fixed-window rate limit per company (tenant) + client, one hour long, published through X-RateLimit-* (reference/visma-net/README.md §8).

export const RATE_POLICY = '4-fixed-window';
const WINDOW_MS = 3600_000;

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: () => number | false,
    private readonly now: () => number,
  ) {}

  /** Counts one call for `key`; a throttled call is not counted [I]. The window opens at the key's first call [I]. */
  hit(key: string): RateDecision {
    const limit = this.limit();
    if (limit === false) return { allowed: true, headers: {} };
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const resetSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    const allowed = w.count < limit;
    if (allowed) w.count++;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - w.count)),
      'X-RateLimit-Reset': String(resetSeconds),
      'X-RateLimit-Policy': RATE_POLICY,
    };
    if (!allowed) headers['Retry-After'] = String(resetSeconds);
    return { allowed, headers };
  }

  reset(): void {
    this.windows.clear();
  }
}
