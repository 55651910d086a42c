// Public options of the simulator and the run-time configuration derived from them.

export type SizedCollection = 'inventory' | 'customers' | 'salesOrders' | 'customerInvoices';

export interface VismaSimOptions {
  port?: number; // 0 = random; default 0
  host?: string; // default '127.0.0.1'
  seed?: number; // default 1
  sizes?: Partial<Record<SizedCollection, number>>;
  /** Seed the non-stock items VERZENDKOSTEN, BETAALKOSTEN and AFRONDING after the generated inventory (default false). */
  costItems?: boolean;
  latencyMs?: number; // default 0
  rateLimit?: { perHour: number } | false; // default { perHour: 15000 }
  /** Simulator extra: the rate-limit window runs this many times faster (60: the hour lasts 60 s); the budget keeps its count. Default 1. */
  timeScale?: number;
  tokenLifetimeSeconds?: number; // default 3600
  now?: () => number; // ms clock, default Date.now
  quiet?: boolean;
}

export interface VismaSimHandle {
  url: string; // http://127.0.0.1:PORT
  tokenUrl: string; // url + '/connect/token'
  apiUrl: string; // url (clients append /v1/... and /v2/...)
  salesOrderUrl: string; // url (clients append /api/v3/...)
  credentials: { clientId: string; clientSecret: string; tenantId: string };
  close(): Promise<void>;
}

/** The one demo application registered in the simulated Visma Connect. */
export const DEMO_CREDENTIALS = {
  clientId: 'koppel-demo',
  clientSecret: 'koppel-demo-secret',
  tenantId: '00000000-0000-4000-8000-00000000d3e0',
} as const;

export const DEFAULT_SIZES: Record<SizedCollection, number> = {
  inventory: 200,
  customers: 40,
  salesOrders: 25,
  customerInvoices: 20,
};

export type NumberingMode = 'auto' | 'manual';

/**
 * Everything that can change at run time through `POST /__sim/config`.
 * Fields marked [I] in the reference are the inferred behaviours made switchable here.
 */
export interface SimConfig {
  rateLimitPerHour: number | false;
  /** The rate-limit window is 1 h / timeScale (X-RateLimit-Reset and Retry-After in those seconds); latency is not scaled. */
  timeScale: number;
  latencyMs: number;
  tokenLifetimeSeconds: number;
  /** Per-resource maximum page size of the main API; `default` applies to resources not listed. */
  maxPageSize: Record<string, number>;
  /** Page size used when `pageSize` is omitted [I]. */
  defaultPageSize: number;
  /** V3: largest accepted `pageSize` (larger gives 400) [I]. */
  v3MaxPageSize: number;
  v3InventoryMaxPageSize: number;
  /** Whether POST must carry a number (manual numbering) or the simulator assigns one. */
  numbering: { customers: NumberingMode; customerInvoices: NumberingMode; salesOrders: NumberingMode; journalTransactions: NumberingMode };
  /** Old behaviour: sending `number` while auto-numbering is on fails ("Value cannot be null. Parameter name: key") [C S13, historic]. */
  rejectNumberWhenAuto: boolean;
  /** `{value:null}` on a non-nullable .NET value type (DtoValueOfDecimal, ...) gives 400 [I]. */
  rejectNullForNonNullable: boolean;
  /** Customer `email` filter: case-insensitive equality [I]. */
  emailFilterCaseInsensitive: boolean;
  /** Offset (minutes east of UTC) used for filter dates and response dates without an offset [I]. */
  timeZoneOffsetMinutes: number;
  /** Emit main-API date-times with a `Z`/offset (true) or without (false, as many Visma fields do) [I]. */
  dateTimesWithOffset: boolean;
  /** Quote the ETag header value (`"AAAA..."`) [I]; If-Match accepts both forms. */
  quoteEtag: boolean;
  /** V3: `visma.net.erp.salesorder:write` also allows reads [I]. */
  v3WriteImpliesRead: boolean;
  /** When false every main-API call answers IPP 12027 "No license for this company." */
  licenseValid: boolean;
  /** Give V3 orders' lines a stock reservation (`soBooked`) on create/delete [I]. */
  ordersBookStock: boolean;
  /** Request log ring size. */
  requestLogLimit: number;
  /** Decimals a unit price keeps (the company's price decimals; rounded half away from zero on write) [I]. */
  priceDecimals: number;
}

export function defaultConfig(opts: VismaSimOptions): SimConfig {
  return {
    rateLimitPerHour: opts.rateLimit === false ? false : (opts.rateLimit?.perHour ?? 15000),
    timeScale: opts.timeScale ?? 1,
    latencyMs: opts.latencyMs ?? 0,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600,
    maxPageSize: { default: 1000, inventory: 5000 },
    defaultPageSize: 100,
    v3MaxPageSize: 1000,
    v3InventoryMaxPageSize: 10000,
    numbering: { customers: 'auto', customerInvoices: 'auto', salesOrders: 'auto', journalTransactions: 'auto' },
    rejectNumberWhenAuto: false,
    rejectNullForNonNullable: true,
    emailFilterCaseInsensitive: true,
    timeZoneOffsetMinutes: 0,
    dateTimesWithOffset: false,
    quoteEtag: true,
    v3WriteImpliesRead: true,
    licenseValid: true,
    ordersBookStock: true,
    requestLogLimit: 5000,
    priceDecimals: 4,
  };
}
