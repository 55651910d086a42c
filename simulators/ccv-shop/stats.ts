// GET /__sim/stats: counters kept per request (O(1) each, no walk over the request log), for benchmarks.
import type { JsonObject } from './json';

interface EndpointStat {
  count: number;
  first: number;
  last: number;
  limited: number;
}

interface BudgetStat {
  limit: number;
  windowMs: number;
  /** Requests that used this budget (allowed ones; with rate limits off: those that would have). */
  counted: number;
  /** 429 answers of this budget. */
  limited: number;
  /** Whether the limit was applied (false: rate limits are off, the counts say what the budget would have seen). */
  enforced: boolean;
}

export class SimStats {
  private since = 0;
  private cpu = process.cpuUsage();
  private requests = 0;
  private limited = 0;
  private first: number | null = null;
  private last: number | null = null;
  private readonly endpoints = new Map<string, EndpointStat>();
  private readonly budgets = new Map<string, BudgetStat>();

  constructor(private readonly now: () => number) {
    this.reset();
  }

  reset(): void {
    this.since = this.now();
    this.cpu = process.cpuUsage();
    this.requests = 0;
    this.limited = 0;
    this.first = null;
    this.last = null;
    this.endpoints.clear();
    this.budgets.clear();
  }

  /** One answered (or dropped) API request; `key` is `"<METHOD> <resource>"`. */
  request(key: string, at: number, status: number): void {
    this.requests++;
    this.first ??= at;
    this.last = at;
    const tooMany = status === 429;
    if (tooMany) this.limited++;
    const e = this.endpoints.get(key);
    if (e) {
      e.count++;
      e.last = at;
      if (tooMany) e.limited++;
    } else {
      this.endpoints.set(key, { count: 1, first: at, last: at, limited: tooMany ? 1 : 0 });
    }
  }

  /** A request counted against (or refused by) a rate-limit budget. */
  budget(key: string, limit: number, windowMs: number, refused: boolean, enforced: boolean): void {
    let b = this.budgets.get(key);
    if (!b) {
      b = { limit, windowMs, counted: 0, limited: 0, enforced };
      this.budgets.set(key, b);
    }
    b.limit = limit;
    b.windowMs = windowMs;
    b.enforced = enforced;
    if (refused) b.limited++;
    else b.counted++;
  }

  snapshot(extra: JsonObject): JsonObject {
    const cpu = process.cpuUsage(this.cpu);
    const endpoints: JsonObject = {};
    for (const [k, e] of [...this.endpoints].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) endpoints[k] = { ...e };
    const budgets: JsonObject = {};
    for (const [k, b] of [...this.budgets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) budgets[k] = { ...b };
    return {
      ...extra,
      since: this.since,
      cpuMs: Math.round((cpu.user + cpu.system) / 10) / 100,
      requests: this.requests,
      limited: this.limited,
      first: this.first,
      last: this.last,
      endpoints,
      budgets,
    };
  }
}
