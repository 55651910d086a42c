import { z } from 'zod';
import { collectionItems } from '../paging';
import { ccvId, inputId, optBool, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

export const orderRowSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  order_id: optId,
  product_id: optId,
  product_href: optStr,
  /** Deposit rows have 0% tax; the enum is unknown [?]. */
  product_type: optStr,
  product_name: optStr,
  /** The product's SKU; the variant's numbers are in the sub_* fields. */
  product_number: optStr,
  sub_product_number: optStr,
  sub_sku_number: optStr,
  sub_ean_number: optStr,
  count: optNum,
  price: optNum,
  discount: optNum,
  selling_price: optNum,
  original_price: optNum,
  price_with_attributes: optNum,
  total_price: optNum,
  total_price_with_attributes: optNum,
  product_purchase_price: optNum,
  custom_price: optBool,
  /** VAT percentage. */
  tax: optNum,
  unit: optStr,
  weight: optNum,
  memo: optStr,
  package_id: optId,
  attributes: z.array(z.looseObject({ id: optId, option_name: optStr, value_name: optStr, price: optNum })).nullish(),
});
export type OrderRow = z.output<typeof orderRowSchema>;

/** `internal.entity.orderrow.input.v1`: `product_id`, or name + number + price + tax + package_id; `count` is required. */
export const orderRowInputSchema = z.strictObject({
  product_type: z.string().optional(),
  auto_create_deposit_rows: z.boolean().optional(),
  product_id: inputId.optional(),
  product_name: z.string().optional(),
  product_number: z.string().optional(),
  count: z.number(),
  price: z.number().optional(),
  product_purchase_price: z.number().optional(),
  discount: z.number().optional(),
  tax: z.number().optional(),
  unit: z.string().optional(),
  weight: z.number().optional(),
  memo: z.string().optional(),
  package_id: inputId.optional(),
  attribute_combination_id: inputId.optional(),
});
export type OrderRowInput = z.input<typeof orderRowInputSchema>;

/** `internal.resource.orderrows.patch.v1`: only on orders that are not completed. */
export const orderRowPatchSchema = z.strictObject({ count: z.number().optional(), price: z.number().optional(), discount: z.number().optional() });
export type OrderRowPatch = z.input<typeof orderRowPatchSchema>;

export class OrderRowsResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(orderId: number, opts: CallOptions = {}): AsyncGenerator<OrderRow> {
    const uri = this.t.uri(`orders/${seg(orderId)}/orderrows`, { start: 0, size: this.t.config.pageSize });
    yield* collectionItems(this.t, uri, orderRowSchema, `rows of order ${orderId}`, opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<OrderRow> {
    return this.t.getJson(this.t.uri(`orderrows/${seg(id)}`), orderRowSchema, `order row ${id}`, opts);
  }

  async patch(id: number, input: OrderRowPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`orderrows/${seg(id)}`);
    const body = validateInput(orderRowPatchSchema, input, { method: 'PATCH', path: uri, subject: `order row ${id}`, what: 'an order row change' });
    await this.t.write('PATCH', uri, body, `order row ${id}`, opts);
  }

  /** Replaces all rows of an order (PUT); CCV recalculates the order. */
  async replaceAll(orderId: number, rows: readonly OrderRowInput[], opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`orders/${seg(orderId)}/orderrows`);
    const body = validateInput(z.strictObject({ orderrows: z.array(orderRowInputSchema) }), { orderrows: rows }, { method: 'PUT', path: uri, subject: `order ${orderId}`, what: 'the order rows' });
    await this.t.write('PUT', uri, body, `rows of order ${orderId}`, opts);
  }
}
