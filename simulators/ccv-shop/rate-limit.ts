// Per (resource, method) limits over a sliding 60 s window, plus an optional total limit.
// CCV sends no rate-limit headers (reference/ccv-shop/README.md §5), so neither do we.
import type { SimConfig } from './config';
import type { ApiError } from './errors';
import { err } from './errors';

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private total: number[] = [];

  reset(): void {
    this.hits.clear();
    this.total = [];
  }

  static limitFor(cfg: SimConfig['rateLimit'], method: string, resource: string): number {
    return cfg.perEndpoint[`${method} ${resource}`] ?? (method === 'GET' ? cfg.getPerMinute : cfg.writePerMinute);
  }

  /** Count a request at `now`, or return the 429 error when a limit is reached (then it is not counted). */
  check(cfg: SimConfig['rateLimit'], method: string, resource: string, now: number): ApiError | undefined {
    if (!cfg.enabled) return undefined;
    const key = `${method} ${resource}`;
    const since = now - WINDOW_MS;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    this.total = this.total.filter((t) => t > since);
    const limit = RateLimiter.limitFor(cfg, method, resource);
    if (list.length >= limit) {
      this.hits.set(key, list);
      return err.rateLimited(resource, method, limit);
    }
    if (cfg.totalPerMinute !== null && this.total.length >= cfg.totalPerMinute) {
      this.hits.set(key, list);
      return err.totalRateLimited(cfg.totalPerMinute);
    }
    list.push(now);
    this.total.push(now);
    this.hits.set(key, list);
    return undefined;
  }
}
