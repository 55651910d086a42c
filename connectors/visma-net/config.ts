import { defaultRetryPolicy, systemClock, type Clock, type RetryPolicy } from '../common';

export interface VismaLogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  data?: Record<string, unknown>;
}
export type VismaLogger = (line: VismaLogLine) => void;

/** How ids with reserved characters go into a path (reference/visma-net/README.md §4.4). */
export type B64Mode = 'auto' | 'always' | 'never';

export interface VismaConfig {
  clientId: string;
  clientSecret: string;
  /** The Visma.net **company** tenant id (GUID), not the customer-contract tenant. */
  tenantId: string;
  tokenUrl?: string;
  apiUrl?: string;
  salesOrderUrl?: string;
  scopes?: readonly string[];
  /** Requested page size for list calls; the server may clamp it. */
  pageSize?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  logger?: VismaLogger;
  /** Requests in flight at once (reference/visma-net/README.md §8: 2–4 per company is polite). */
  maxConcurrency?: number;
  /** Refresh the token this long before it expires (ON-IT uses 5 min). */
  tokenRefreshMarginMs?: number;
  /** A 429 asking to wait longer than this fails instead of waiting. */
  maxRetryAfterMs?: number;
  /** Time zone in which delta-filter dates are written; Visma does not document it ([I]). */
  filterTimeZone?: 'local' | 'utc';
  /** Subtracted from every delta `since` so that clock skew cannot lose changes ([I]). */
  deltaOverlapMs?: number;
  b64Ids?: B64Mode;
  /** Random source for back-off jitter (tests pin it). */
  random?: () => number;
  userAgent?: string;
}

export interface ResolvedVismaConfig {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  tokenUrl: string;
  apiUrl: string;
  salesOrderUrl: string;
  scopes: readonly string[];
  pageSize: number;
  timeoutMs: number;
  retry: RetryPolicy;
  clock: Clock;
  logger: VismaLogger | undefined;
  maxConcurrency: number;
  tokenRefreshMarginMs: number;
  maxRetryAfterMs: number;
  filterTimeZone: 'local' | 'utc';
  deltaOverlapMs: number;
  b64Ids: B64Mode;
  random: () => number;
  userAgent: string;
}

export const defaultScopes: readonly string[] = [
  'vismanet_erp_service_api:read',
  'vismanet_erp_service_api:create',
  'vismanet_erp_service_api:update',
  'vismanet_erp_service_api:delete',
  'visma.net.erp.salesorder:read',
  'visma.net.erp.salesorder:write',
];

export const defaultUrls = {
  tokenUrl: 'https://connect.visma.com/connect/token',
  apiUrl: 'https://api.finance.visma.net',
  salesOrderUrl: 'https://salesorder.visma.net',
} as const;

/** Fills in defaults and checks the addresses; credentials are checked when the first token is requested. */
export function resolveConfig(config: VismaConfig): ResolvedVismaConfig {
  const positive = (value: number | undefined, fallback: number, name: string) => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v <= 0) throw new Error(`Visma.net connection setting '${name}' must be a positive number, got ${String(value)}.`);
    return v;
  };
  return {
    clientId: config.clientId.trim(),
    clientSecret: config.clientSecret,
    tenantId: config.tenantId.trim(),
    tokenUrl: checkUrl(config.tokenUrl ?? defaultUrls.tokenUrl, 'tokenUrl'),
    apiUrl: checkUrl(config.apiUrl ?? defaultUrls.apiUrl, 'apiUrl'),
    salesOrderUrl: checkUrl(config.salesOrderUrl ?? defaultUrls.salesOrderUrl, 'salesOrderUrl'),
    scopes: config.scopes && config.scopes.length > 0 ? config.scopes : defaultScopes,
    pageSize: Math.floor(positive(config.pageSize, 500, 'pageSize')),
    timeoutMs: positive(config.timeoutMs, 120_000, 'timeoutMs'),
    retry: { ...defaultRetryPolicy, ...config.retry },
    clock: config.clock ?? systemClock,
    logger: config.logger,
    maxConcurrency: Math.floor(positive(config.maxConcurrency, 4, 'maxConcurrency')),
    tokenRefreshMarginMs: config.tokenRefreshMarginMs ?? 5 * 60_000,
    maxRetryAfterMs: config.maxRetryAfterMs ?? 15 * 60_000,
    filterTimeZone: config.filterTimeZone ?? 'local',
    deltaOverlapMs: config.deltaOverlapMs ?? 0,
    b64Ids: config.b64Ids ?? 'auto',
    random: config.random ?? Math.random,
    userAgent: config.userAgent ?? 'Koppel (Visma.net connector)',
  };
}

function checkUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Visma.net connection setting '${name}' is not a valid address: '${value}'.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Visma.net connection setting '${name}' must start with https://, got '${value}'.`);
  }
  return value.replace(/\/+$/, '');
}
