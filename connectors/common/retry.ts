import { systemClock, type Clock } from './clock';

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** "Full jitter" exponential back-off: spreads retries of many clients so they do not hit the API in step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + (random() * cap) / 2);
}

export type RetryDecision =
  | { retry: false }
  /** `delayMs` overrides the back-off (a server's Retry-After). */
  | { retry: true; delayMs?: number; reason: string };

export interface RetryOptions {
  policy?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  signal?: AbortSignal;
  decide: (error: unknown, attempt: number) => RetryDecision | Promise<RetryDecision>;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
}

/** Runs `fn` and retries it while `decide` says so, waiting back-off or the server's requested delay. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const policy = opts.policy ?? defaultRetryPolicy;
  const clock = opts.clock ?? systemClock;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= policy.maxRetries || opts.signal?.aborted) throw error;
      const decision = await opts.decide(error, attempt);
      if (!decision.retry) throw error;
      const delayMs = decision.delayMs ?? backoffDelay(attempt, policy, opts.random);
      opts.onRetry?.({ attempt: attempt + 1, delayMs, reason: decision.reason });
      await clock.sleep(delayMs, opts.signal);
    }
  }
}
