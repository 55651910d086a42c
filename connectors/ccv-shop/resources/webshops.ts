import { z } from 'zod';
import { CcvApiError } from '../errors';
import { collectionItems } from '../paging';
import { ccvId, optBool, optNum, optStr } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

export const webshopSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  name: optStr,
  is_multishop_system: optBool,
  product_limit: optNum,
  /** -1 = unlimited; 0 = creating products fails with 500.60. */
  product_limit_left: optNum,
  api_root: optStr,
});
export type Webshop = z.output<typeof webshopSchema>;

const statusSchema = z.looseObject({ id: ccvId, status: optStr, status_name: optStr, text_color: optStr, background_color: optStr });
export type ShopStatus = z.output<typeof statusSchema>;

/** `GET /webshops/:id/settings/`: the shop conventions a sync must follow. */
export const settingsSchema = z.looseObject({
  href: optStr,
  currency: optStr,
  /** Whether product prices include VAT [C]; product `price` follows it [I]. */
  prices_include_vat: optBool,
  /** Sic: CCV's field name. */
  default_vat_rat: optNum,
  languages: z.array(z.string()).nullish(),
  backend_language: optStr,
  /** Shop-wide stock keeping on/off. */
  stock: optBool,
  ordering_without_stock: optStr,
  stock_level_warnings: z.looseObject({ low_threshold: optNum, high_threshold: optNum }).nullish(),
  multishop_readonly_properties: z.array(z.string()).nullish(),
  order_status: z.array(statusSchema).nullish(),
  invoice_status: z.array(statusSchema).nullish(),
  return_status: z.array(statusSchema).nullish(),
  quotation_status: z.array(statusSchema).nullish(),
});
export type WebshopSettings = z.output<typeof settingsSchema>;

export class WebshopsResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(opts: CallOptions = {}): AsyncGenerator<Webshop> {
    yield* collectionItems(this.t, this.t.uri('webshops'), webshopSchema, 'webshop list', opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<Webshop> {
    return this.t.getJson(this.t.uri(`webshops/${seg(id)}`), webshopSchema, `webshop ${id}`, opts);
  }

  /** The webshop this key belongs to (the first one listed). */
  async current(opts: CallOptions = {}): Promise<Webshop> {
    for await (const w of this.list(opts)) return w;
    throw new CcvApiError({ kind: 'not-found', code: 'no-webshop', method: 'GET', path: this.t.uri('webshops'), message: 'CCV Shop lists no webshop for this API key. Check the key in My web shop / Settings / API settings.' });
  }

  /** Currency, prices incl. VAT, stock on/off, order status names, ... */
  async settings(webshopId: number, opts: CallOptions = {}): Promise<WebshopSettings> {
    return this.t.getJson(this.t.uri(`webshops/${seg(webshopId)}/settings`), settingsSchema, `settings of webshop ${webshopId}`, opts);
  }
}
