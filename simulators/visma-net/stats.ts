// GET /__sim/stats: request counters kept per request (O(1) each, no walk over the request log), for benchmarks.

interface EndpointStat {
  count: number;
  first: number;
  last: number;
  limited: number;
}

interface BudgetStat {
  /** Calls per window; null when rate limiting is off. */
  limit: number | null;
  windowMs: number;
  /** Calls that used this budget (allowed ones; with rate limits off: those that would have). */
  counted: number;
  /** 429 answers of this budget. */
  limited: number;
  enforced: boolean;
}

const byKey = <T>(m: Map<string, T>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const k of [...m.keys()].sort()) {
    const v = m.get(k);
    if (v !== undefined) out[k] = { ...v };
  }
  return out;
};

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

  /** One answered (or dropped) request; `key` is `"<METHOD> <route template>"`. */
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

  /** A call counted against (or refused by) the budget of a company + client. */
  budget(key: string, limit: number | null, windowMs: number, refused: boolean): void {
    let b = this.budgets.get(key);
    if (!b) {
      b = { limit, windowMs, counted: 0, limited: 0, enforced: limit !== null };
      this.budgets.set(key, b);
    }
    b.limit = limit;
    b.windowMs = windowMs;
    b.enforced = limit !== null;
    if (refused) b.limited++;
    else b.counted++;
  }

  snapshot(extra: Record<string, unknown>): Record<string, unknown> {
    const cpu = process.cpuUsage(this.cpu);
    return {
      ...extra,
      since: this.since,
      cpuMs: Math.round((cpu.user + cpu.system) / 10) / 100,
      requests: this.requests,
      limited: this.limited,
      first: this.first,
      last: this.last,
      endpoints: byKey(this.endpoints),
      budgets: byKey(this.budgets),
    };
  }
}
