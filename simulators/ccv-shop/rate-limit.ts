// Per (resource, method) limits over a sliding 60 s window, plus an optional total limit.
// CCV sends no rate-limit headers (reference/ccv-shop/README.md §5), so neither do we at real time; with a time
// scale (a simulator extra) the window is 60 s / timeScale and the 429 says how long to wait (see server.ts).
import type { SimConfig } from './config';
import type { ApiError } from './errors';
import { err } from './errors';

export const WINDOW_MS = 60_000;

/** The window length under a time scale (never below 1 ms). */
export function windowMs(timeScale: number): number {
  return Math.max(1, WINDOW_MS / timeScale);
}

/**
 * Timestamps of the counted requests of one budget, oldest first. Expired ones are dropped from the front,
 * so a check costs O(1) amortised instead of filtering the whole window.
 */
class Window {
  private times: number[] = [];
  private head = 0;

  /** Requests still inside the window that ends at `now`. */
  live(since: number): number {
    const t = this.times;
    while (this.head < t.length && (t[this.head] ?? 0) <= since) this.head++;
    if (this.head > 1024 && this.head * 2 > t.length) {
      this.times = t.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  oldest(): number | undefined {
    return this.times[this.head];
  }

  push(now: number): void {
    this.times.push(now);
  }
}

export interface Limited {
  error: ApiError;
  /** Which budget refused: the (method, resource) one or the total one. */
  budget: 'endpoint' | 'total';
  /** Until the oldest counted request leaves the window, i.e. until one more request is allowed. */
  retryAfterMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, Window>();
  private total = new Window();

  reset(): void {
    this.hits.clear();
    this.total = new Window();
  }

  static limitFor(cfg: SimConfig['rateLimit'], method: string, resource: string): number {
    return cfg.perEndpoint[`${method} ${resource}`] ?? (method === 'GET' ? cfg.getPerMinute : cfg.writePerMinute);
  }

  /** Count a request at `now`, or return the 429 when a limit is reached (then it is not counted). */
  check(cfg: SimConfig['rateLimit'], method: string, resource: string, now: number, timeScale = 1): Limited | undefined {
    if (!cfg.enabled) return undefined;
    const key = `${method} ${resource}`;
    const win = windowMs(timeScale);
    const since = now - win;
    let list = this.hits.get(key);
    if (!list) {
      list = new Window();
      this.hits.set(key, list);
    }
    const limit = RateLimiter.limitFor(cfg, method, resource);
    const wait = (w: Window): number => Math.max(1, (w.oldest() ?? now) + win - now);
    if (list.live(since) >= limit) return { error: err.rateLimited(resource, method, limit, timeScale), budget: 'endpoint', retryAfterMs: wait(list) };
    if (cfg.totalPerMinute !== null && this.total.live(since) >= cfg.totalPerMinute) {
      return { error: err.totalRateLimited(cfg.totalPerMinute, timeScale), budget: 'total', retryAfterMs: wait(this.total) };
    }
    list.push(now);
    this.total.push(now);
    return undefined;
  }
}
