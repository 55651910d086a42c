// Fixed-window rate limit per company (tenant) + client, one hour long, published through X-RateLimit-* (reference/visma-net/README.md §8).
// With a time scale (a simulator extra) the window is 1 h / timeScale; X-RateLimit-Reset and Retry-After are then in
// those scaled seconds, and a 429 also carries X-Sim-Retry-After-Ms (the exact wait; not a Visma header).

export const RATE_POLICY = '4-fixed-window';
export const WINDOW_MS = 3600_000;

/** The window length under a time scale (never below 1 ms). */
export function windowMs(timeScale: number): number {
  return Math.max(1, WINDOW_MS / timeScale);
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** The budget's limit (null: rate limiting is off) and window, for the stats. */
  limit: number | null;
  windowMs: number;
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: () => number | false,
    private readonly now: () => number,
    private readonly timeScale: () => number = () => 1,
  ) {}

  /** Counts one call for `key`; a throttled call is not counted [I]. The window opens at the key's first call [I]. */
  hit(key: string): RateDecision {
    const limit = this.limit();
    const scale = this.timeScale();
    const win = windowMs(scale);
    if (limit === false) return { allowed: true, headers: {}, limit: null, windowMs: win };
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now >= w.start + win) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const leftMs = w.start + win - now;
    const resetSeconds = Math.max(1, Math.ceil(leftMs / 1000));
    const allowed = w.count < limit;
    if (allowed) w.count++;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(Math.max(0, limit - w.count)),
      'X-RateLimit-Reset': String(resetSeconds),
      'X-RateLimit-Policy': RATE_POLICY,
    };
    if (!allowed) {
      headers['Retry-After'] = String(resetSeconds);
      if (scale !== 1) headers['X-Sim-Retry-After-Ms'] = String(Math.max(1, Math.ceil(leftMs)));
    }
    return { allowed, headers, limit, windowMs: win };
  }

  reset(): void {
    this.windows.clear();
  }
}
