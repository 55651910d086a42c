import { z } from 'zod';
import { collectionItems, collectionPages, type Page } from '../paging';
import { ccvId, expandable, link, optBool, optId, optNum, optStr, optText, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg, type QueryInput } from '../uri';
import { orderRowInputSchema, orderRowSchema } from './order-rows';
import { personalInfoInputSchema, personalInfoSchema } from './personal-info';

export const orderSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  /** Null until the order is completed. */
  ordernumber: optNum,
  ordernumber_prefix: optStr,
  ordernumber_full: optText,
  invoicenumber: optNum,
  transaction_id: optText,
  create_date: optStr,
  deliver_date: optStr,
  deliver_method: optStr,
  delivery_option: optStr,
  /** 1–14, see reference/ccv-shop/README.md §6.6; names per shop in webshop settings `order_status`. */
  status: optNum,
  is_completed: optBool,
  paid: optBool,
  orderedinlng: optStr,
  paymethod_id: optId,
  paymethod: optStr,
  paymethod_label: optStr,
  paymethod_costs: optNum,
  currency: optStr,
  total_orderrow_price: optNum,
  total_shipping: optNum,
  total_discounts: optNum,
  total_price: optNum,
  total_tax: optNum,
  total_weight: optNum,
  extra_costs: optNum,
  extra_costs_description: optStr,
  credit_point_discount: optNum,
  taxes_included: optBool,
  order_row_taxes_included: optBool,
  shipping_taxes_included: optBool,
  shipping_tax_percentage: optNum,
  is_intra_community_order: optBool,
  is_platform_sale: optBool,
  track_and_trace_code: optText,
  track_and_trace_carrier: optStr,
  track_and_trace_deeplink: optStr,
  reservationnumber: optText,
  /** `id` came back as a string in a real response: parsed leniently. */
  user: z.looseObject({ id: optId, discount_percentage: optNum, href: optStr }).nullish(),
  discountcoupon: z.looseObject({ code: optStr, discount: optNum, type: optStr }).nullish(),
  customer: personalInfoSchema.nullish(),
  pickup_address: z.looseObject({ company: optStr, street: optStr, housenumber: optNum, zipcode: optStr, city: optStr, country: optStr, code: optStr }).nullish(),
  /** `{href}`; `collection` is filled when the rows are expanded. */
  orderrows: expandable(orderRowSchema).nullish(),
  ordernotes: link.nullish(),
  invoices: link.nullish(),
});
export type Order = z.output<typeof orderSchema>;

/** `internal.resource.orders.patch.v1`; send only what changes. `mail: true` notifies the customer. */
export const orderPatchSchema = z.strictObject({
  invoicenumber: z.number().int().optional(),
  paid: z.boolean().optional(),
  safety_deposit_returned: z.boolean().optional(),
  total_shipping: z.number().optional(),
  paymethod_costs: z.number().optional(),
  extra_costs: z.number().optional(),
  extra_costs_description: z.string().optional(),
  taxes_included: z.boolean().optional(),
  order_row_taxes_included: z.boolean().optional(),
  shipping_taxes_included: z.boolean().optional(),
  is_intra_community_order: z.boolean().optional(),
  currency: z.string().optional(),
  is_platform_sale: z.boolean().optional(),
  orderedinlng: z.string().optional(),
  status: z.number().int().min(1).optional(),
  note: z.string().optional(),
  track_and_trace_code: z.string().optional(),
  track_and_trace_carrier: z.string().optional(),
  mail: z.boolean().optional(),
  deliver_date: z.string().optional(),
  deliver_method: z.string().optional(),
  takeoutslot: z.number().int().optional(),
  reservationnumber: z.string().optional(),
  customer: personalInfoInputSchema.optional(),
  /** Replaces all rows. */
  orderrows: z.array(orderRowInputSchema).optional(),
});
export type OrderPatch = z.input<typeof orderPatchSchema>;

export type OrderOrderBy = 'id' | 'ordernumber' | 'create_date' | 'deliver_date' | 'id_desc' | 'ordernumber_desc' | 'create_date_desc' | 'deliver_date_desc';

/** Filters of `GET /orders/` (reference/ccv-shop/README.md §6.6). */
export interface OrderFilters {
  ordernumber?: number;
  /** 1–14. */
  status?: number;
  /** Sent as `is_paid`; named like the order's own `paid` field. */
  paid?: boolean;
  deliver_date?: string;
  take_out_date?: string;
  /** `YYYY-MM-DD`. */
  min_create_date?: string;
  max_create_date?: string;
  /** CCV defaults to true: unfinished checkouts are hidden unless this is false. */
  is_completed?: boolean;
  paymethod_id?: number;
  transaction_id?: string | number;
  orderby?: OrderOrderBy;
}

export class OrdersResource {
  constructor(private readonly t: CcvTransport) {}

  private listUri(filters: OrderFilters): string {
    const { paid, orderby, ...rest } = filters;
    const query: QueryInput = { ...rest, is_paid: paid, start: 0, size: this.t.config.pageSize, orderby };
    return this.t.uri('orders', query);
  }

  /** Orders matching the filters, one page in memory at a time. */
  async *iterate(filters: OrderFilters = {}, opts: CallOptions = {}): AsyncGenerator<Order> {
    yield* collectionItems(this.t, this.listUri(filters), orderSchema, 'order list', opts);
  }

  async *pages(filters: OrderFilters = {}, opts: CallOptions = {}): AsyncGenerator<Page<Order>> {
    yield* collectionPages(this.t, this.listUri(filters), orderSchema, 'order list', opts);
  }

  /** One order; `expand: ['orderrows']` asks for the rows inline [I: expand on orders is not in the 2022 docs]. */
  async get(id: number, opts: CallOptions & { expand?: readonly string[] } = {}): Promise<Order> {
    return this.t.getJson(this.t.uri(`orders/${seg(id)}`, { expand: opts.expand }), orderSchema, `order ${id}`, opts);
  }

  /** Status, paid flag, track & trace, ... → 204. */
  async patch(id: number, input: OrderPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`orders/${seg(id)}`);
    const body = validateInput(orderPatchSchema, input, { method: 'PATCH', path: uri, subject: `order ${id}`, what: 'an order change' });
    await this.t.write('PATCH', uri, body, `order ${id}`, opts);
  }
}
