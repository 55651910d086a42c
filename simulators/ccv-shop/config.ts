// Runtime configuration of the simulator: defaults, and the zod schema of POST /__sim/config.
import { z } from 'zod';
import type { JsonObject } from './json';
import type { UnknownIdMode } from './errors';

export interface WebhookTarget {
  event: string;
  url: string;
  key?: string;
}

export interface SimConfig {
  credentials: { publicKey: string; secretKey: string };
  auth: { enabled: boolean; maxSkewSeconds: number };
  unknownIdMode: UnknownIdMode;
  paging: { defaultSize: number; maxSize: number; oversize: 'clamp' | 'error' };
  rateLimit: {
    enabled: boolean;
    getPerMinute: number;
    writePerMinute: number;
    /** Per-endpoint limits, key `METHOD resource` (e.g. `GET productqueries`), from endpoints.json. */
    perEndpoint: Record<string, number>;
    /** The total API limit (429.11) is undocumented [?]; null switches it off. */
    totalPerMinute: number | null;
  };
  latencyMs: number;
  /**
   * Simulator extra: every rate-limit window runs this many times faster (60: the minute of CCV's per-minute
   * budgets lasts 1 s), while the budgets keep their counts. Latency is not scaled. 1 = real time.
   */
  timeScale: number;
  /** null = unlimited (product_limit_left -1). */
  productLimit: number | null;
  /** Reject body fields the CCV schema does not list (catches `is_active` sent on POST). */
  strictBodies: boolean;
  /** Children that were not expanded: `{href}` only, or `{href, collection: []}`. */
  unexpandedCollection: 'omit' | 'empty';
  /** Emit `order.user.id` as a string, as a live CCV response did. */
  userIdAsString: boolean;
  maxBodyBytes: number;
  photoMaxBytes: number;
  webhooks: {
    enabled: boolean;
    /** `url-body`: x-hash = HMAC-SHA512(key, address|body) [I]; `body`: HMAC of the body only; `none`. */
    signing: 'url-body' | 'body' | 'none';
    header: string;
    /** Deliver only to 127.0.0.1 / localhost / ::1; other addresses are recorded but never contacted. */
    loopbackOnly: boolean;
    targets: WebhookTarget[];
  };
  /** Overrides merged over the seeded webshop settings (e.g. prices_include_vat). */
  settings: JsonObject;
  /** Rewrite hrefs of raw orders loaded via /__sim/orders to this simulator's host. */
  rewriteRawHrefs: boolean;
}

export function defaultConfig(): SimConfig {
  return {
    credentials: { publicKey: 'demo_public_key', secretKey: 'demo_secret_key' },
    auth: { enabled: true, maxSkewSeconds: 300 },
    unknownIdMode: '500.24',
    paging: { defaultSize: 25, maxSize: 250, oversize: 'clamp' },
    rateLimit: {
      enabled: true,
      getPerMinute: 150,
      writePerMinute: 100,
      perEndpoint: { 'GET productqueries': 30 },
      totalPerMinute: null,
    },
    latencyMs: 0,
    timeScale: 1,
    productLimit: null,
    strictBodies: true,
    unexpandedCollection: 'omit',
    userIdAsString: true,
    maxBodyBytes: 32 * 1024 * 1024,
    photoMaxBytes: 10 * 1024 * 1024,
    webhooks: { enabled: true, signing: 'url-body', header: 'x-hash', loopbackOnly: true, targets: [] },
    settings: {},
    rewriteRawHrefs: true,
  };
}

const positive = z.number().int().positive();

export const configPatchSchema = z.strictObject({
  credentials: z.strictObject({ publicKey: z.string().min(1), secretKey: z.string().min(1) }).optional(),
  auth: z.strictObject({ enabled: z.boolean(), maxSkewSeconds: z.number().nonnegative() }).partial().optional(),
  unknownIdMode: z.enum(['500.24', '404']).optional(),
  paging: z
    .strictObject({ defaultSize: positive, maxSize: positive, oversize: z.enum(['clamp', 'error']) })
    .partial()
    .optional(),
  rateLimit: z
    .union([
      z.literal(false),
      z
        .strictObject({
          enabled: z.boolean(),
          getPerMinute: positive,
          writePerMinute: positive,
          perEndpoint: z.record(z.string(), positive),
          totalPerMinute: positive.nullable(),
        })
        .partial(),
    ])
    .optional(),
  latencyMs: z.number().nonnegative().optional(),
  timeScale: z.number().positive().max(1_000_000).optional(),
  productLimit: z.number().int().nonnegative().nullable().optional(),
  strictBodies: z.boolean().optional(),
  unexpandedCollection: z.enum(['omit', 'empty']).optional(),
  userIdAsString: z.boolean().optional(),
  maxBodyBytes: positive.optional(),
  photoMaxBytes: positive.optional(),
  webhooks: z
    .strictObject({
      enabled: z.boolean(),
      signing: z.enum(['url-body', 'body', 'none']),
      header: z.string().min(1),
      loopbackOnly: z.boolean(),
      targets: z.array(z.strictObject({ event: z.string().min(1), url: z.url(), key: z.string().optional() })),
    })
    .partial()
    .optional(),
  settings: z.record(z.string(), z.json()).optional(),
  rewriteRawHrefs: z.boolean().optional(),
});

export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** Merge a validated patch into a config (nested objects merge key by key). */
export function applyConfigPatch(cfg: SimConfig, p: ConfigPatch): SimConfig {
  const rateLimit =
    p.rateLimit === false
      ? { ...cfg.rateLimit, enabled: false }
      : {
          ...cfg.rateLimit,
          ...p.rateLimit,
          perEndpoint: { ...cfg.rateLimit.perEndpoint, ...(p.rateLimit?.perEndpoint ?? {}) },
        };
  return {
    ...cfg,
    credentials: p.credentials ?? cfg.credentials,
    auth: { ...cfg.auth, ...p.auth },
    unknownIdMode: p.unknownIdMode ?? cfg.unknownIdMode,
    paging: { ...cfg.paging, ...p.paging },
    rateLimit,
    latencyMs: p.latencyMs ?? cfg.latencyMs,
    timeScale: p.timeScale ?? cfg.timeScale,
    productLimit: p.productLimit === undefined ? cfg.productLimit : p.productLimit,
    strictBodies: p.strictBodies ?? cfg.strictBodies,
    unexpandedCollection: p.unexpandedCollection ?? cfg.unexpandedCollection,
    userIdAsString: p.userIdAsString ?? cfg.userIdAsString,
    maxBodyBytes: p.maxBodyBytes ?? cfg.maxBodyBytes,
    photoMaxBytes: p.photoMaxBytes ?? cfg.photoMaxBytes,
    webhooks: { ...cfg.webhooks, ...p.webhooks },
    settings: { ...cfg.settings, ...(p.settings ?? {}) },
    rewriteRawHrefs: p.rewriteRawHrefs ?? cfg.rewriteRawHrefs,
  };
}
