import { inspect } from 'node:util';
import { defaultRetryPolicy, systemClock, type Clock, type RetryPolicy } from '../common';

/** Holds the secret key so that logging or serialising the config cannot print it. */
export class SecretValue {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '***';
  }
  toString(): string {
    return '***';
  }
  [inspect.custom](): string {
    return '***';
  }
}

/** Where log lines go. Lines never contain the secret key or an x-hash. */
export interface CcvLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
}

export interface CcvBudgetOverride {
  get?: number;
  write?: number;
}

/**
 * Client-side request budgets per (resource, method) and window, so Koppel slows down before CCV answers
 * 429 (reference/ccv-shop/README.md §5: 150 GET and 100 of each write method per minute; `productqueries` 30 GET).
 * A budget of 0 or Infinity switches pacing off for that key.
 */
export interface CcvBudgets {
  get: number;
  write: number;
  /** Window length; CCV's limits are per minute. */
  windowMs: number;
  /** Per-resource overrides, e.g. `{ productqueries: { get: 30 } }`. */
  perResource: Record<string, CcvBudgetOverride>;
  /** Optional cap over all resources (CCV's total limit 429.11 has an unknown value [?]); off by default. */
  total?: number;
}

export interface CcvConfig {
  /** The shop, e.g. `https://shop.ccvshop.nl`; the API lives at baseUrl + `/api/rest/v1/`. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** Check the x-hash of successful responses (reference/ccv-shop/README.md §2.3). */
  verifyResponses?: boolean;
  budgets?: Partial<CcvBudgets>;
  /** Items per page (`size`); max 250 (reference/ccv-shop/README.md §3.1). */
  pageSize?: number;
  timeoutMs?: number;
  /** Back-off for transient failures (network, timeout, 5xx, malformed JSON on GET). */
  retry?: RetryPolicy;
  /** How often a 429 is waited out and retried. */
  rateLimitRetries?: number;
  /** Wait after a 429 without Retry-After (reference/ccv-shop/README.md §5: "back off 60 s"). */
  rateLimitWaitMs?: number;
  clock?: Clock;
  logger?: CcvLogger;
  /** Accept-Language for translatable texts (`nl`, `en`, ...); shop default when unset. */
  language?: string;
  /** Accept header; the official SDK sends `application/vnd.verto.webshop+json`. */
  accept?: string;
  userAgent?: string;
  /** Send `/products/` (docs) rather than `/products` (SDK); both work (reference/ccv-shop/README.md §2.4). */
  trailingSlash?: boolean;
  /** Randomness for back-off jitter; injectable for tests. */
  random?: () => number;
  /**
   * What goes before this shop's order numbers in other systems (the reference of a Visma.net document), so several
   * shops can book into one administration; the connector itself does not use it. Default `CCV-`.
   */
  referencePrefix?: string;
}

export interface ResolvedConfig {
  origin: string;
  apiPrefix: string;
  publicKey: string;
  secretKey: SecretValue;
  verifyResponses: boolean;
  budgets: CcvBudgets;
  pageSize: number;
  timeoutMs: number;
  retry: RetryPolicy;
  rateLimitRetries: number;
  rateLimitWaitMs: number;
  clock: Clock;
  logger: CcvLogger;
  language: string | undefined;
  accept: string;
  userAgent: string;
  trailingSlash: boolean;
  random: () => number;
  referencePrefix: string;
}

export const MAX_PAGE_SIZE = 250;
/** The reference prefix of a shop connection that has none set. */
export const DEFAULT_REFERENCE_PREFIX = 'CCV-';
export const defaultBudgets: CcvBudgets = { get: 150, write: 100, windowMs: 60_000, perResource: { productqueries: { get: 30 } } };

/** 2-letter ISO 639-1 code, or a custom shop language `c<number>` (reference/ccv-shop/README.md §3). */
export function isLanguageCode(value: string): boolean {
  return /^[A-Za-z]{2}$|^c\d+$/.test(value);
}

function fail(field: string, problem: string): never {
  throw new TypeError(`CCV Shop connection: ${field} ${problem}.`);
}

/** Checks and completes a config; the messages name the setting a person has to fix. */
export function resolveConfig(config: CcvConfig): ResolvedConfig {
  let url: URL;
  try {
    url = new URL(config.baseUrl.trim());
  } catch {
    fail('shop address', `"${config.baseUrl}" is not a web address; use e.g. https://yourshop.ccvshop.nl`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('shop address', 'must start with https://');
  if (url.search || url.hash || url.username || url.password) fail('shop address', 'must be only the shop address, without ?, # or a user name');
  // Accept the shop address with or without the API prefix pasted after it.
  const basePath = url.pathname.replace(/\/+$/, '').replace(/\/api\/rest\/v1$/i, '');
  if (!config.publicKey?.trim()) fail('public key', 'is empty; copy it from My web shop / Settings / API settings');
  if (!config.secretKey?.trim()) fail('secret key', 'is empty; copy it from My web shop / Settings / API settings');
  const pageSize = config.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) fail('page size', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  const timeoutMs = config.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) fail('timeout', 'must be more than 0 ms');
  const language = config.language?.trim() || undefined;
  if (language && !isLanguageCode(language)) fail('language', `"${language}" is not a 2-letter language code such as nl or en`);
  const budgets: CcvBudgets = {
    ...defaultBudgets,
    ...config.budgets,
    perResource: { ...defaultBudgets.perResource, ...config.budgets?.perResource },
  };
  return {
    origin: url.origin,
    apiPrefix: `${basePath}/api/rest/v1/`,
    publicKey: config.publicKey.trim(),
    secretKey: new SecretValue(config.secretKey.trim()),
    verifyResponses: config.verifyResponses ?? false,
    budgets,
    pageSize,
    timeoutMs,
    retry: config.retry ?? defaultRetryPolicy,
    rateLimitRetries: config.rateLimitRetries ?? 3,
    rateLimitWaitMs: config.rateLimitWaitMs ?? 60_000,
    clock: config.clock ?? systemClock,
    logger: config.logger ?? {},
    language,
    accept: config.accept ?? 'application/vnd.verto.webshop+json',
    userAgent: config.userAgent ?? 'Koppel CCV Shop connector',
    trailingSlash: config.trailingSlash ?? true,
    random: config.random ?? Math.random,
    referencePrefix: config.referencePrefix ?? DEFAULT_REFERENCE_PREFIX,
  };
}
