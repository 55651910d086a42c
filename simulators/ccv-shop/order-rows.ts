// Order rows and order totals, shared by the seed and by the order endpoints.
import type { Json, JsonObject, Rec } from './json';
import { arr, bool, cents, eur, isObj, num, obj, str } from './json';
import { orderAmounts, rowAmounts } from './order-math';
import type { RowInput } from './order-math';

export interface RowAttribute {
  option_name: string;
  value_name: string;
  priceCents: number;
}

export interface RowSpec {
  product_id: number | null;
  product_type: string;
  product_name: string;
  product_number: string;
  sub_product_number: string;
  sub_sku_number: string;
  sub_ean_number: string;
  count: number;
  priceCents: number;
  purchaseCents: number;
  discountCents: number;
  custom_price: boolean;
  tax: number;
  unit: string;
  weight: number;
  memo: string;
  package_id: number | null;
  package_name: string;
  stock_location: string;
  supplier: string;
  attributes: RowAttribute[];
}

/** A stored order row (the GET shape without href, product_href and parent). */
export function rowRecord(spec: RowSpec, id: number, orderId: number): Rec {
  const extra = spec.attributes.reduce((s, a) => s + a.priceCents, 0);
  const a = rowAmounts({ priceCents: spec.priceCents, discountCents: spec.discountCents, extraCents: extra, count: spec.count, tax: spec.tax });
  return {
    id,
    order_id: orderId,
    product_type: spec.product_type,
    product_name: spec.product_name,
    product_name_google: spec.product_name,
    product_number: spec.product_number,
    sub_product_number: spec.sub_product_number,
    sub_sku_number: spec.sub_sku_number,
    sub_ean_number: spec.sub_ean_number,
    product_id: spec.product_id,
    count: spec.count,
    price: eur(spec.priceCents),
    product_purchase_price: eur(spec.purchaseCents),
    discount: eur(spec.discountCents),
    custom_price: spec.custom_price,
    tax: spec.tax,
    unit: spec.unit,
    weight: spec.weight,
    memo: spec.memo,
    package_id: spec.package_id,
    package_name: spec.package_name,
    stock_location: spec.stock_location,
    supplier: spec.supplier,
    user_discount: 0,
    original_price: eur(spec.priceCents),
    selling_price: eur(a.sellingCents),
    price_without_discount: eur(spec.priceCents),
    price_without_discount_with_attributes: eur(spec.priceCents + extra),
    total_price: eur(a.totalCents),
    total_extra_option_price: eur(a.totalExtraCents),
    price_with_attributes: eur(a.priceWithAttributesCents),
    total_price_with_attributes: eur(a.totalWithAttributesCents),
    attributes: spec.attributes.map((at, k) => ({
      id: id * 10 + k,
      option_name: at.option_name,
      value_name: at.value_name,
      price: eur(at.priceCents),
    })),
    uploads: [],
  };
}

export function rowInputOf(row: JsonObject): RowInput {
  const extra = (arr(row, 'attributes') ?? []).reduce<number>((s, a: Json) => s + (isObj(a) ? cents(num(a, 'price') ?? 0) : 0), 0);
  return {
    priceCents: cents(num(row, 'price') ?? 0),
    discountCents: cents(num(row, 'discount') ?? 0),
    extraCents: extra,
    count: num(row, 'count') ?? 0,
    tax: num(row, 'tax') ?? 0,
  };
}

/** Order-level discount: percentage coupons follow the rows, fixed coupons keep their amount [I]. */
function discountCentsFor(order: JsonObject, rowsTotalCents: number): number {
  const coupon = obj(order, 'discountcoupon');
  const code = coupon ? str(coupon, 'code') : '';
  if (coupon && code) {
    const value = num(coupon, 'discount') ?? 0;
    if (str(coupon, 'type') === 'percentage') return Math.round((rowsTotalCents * value) / 100);
    return Math.min(rowsTotalCents, cents(value));
  }
  return cents(num(order, 'total_discounts') ?? 0);
}

/** Recompute the totals of an order from its rows and cost fields. */
export function withTotals(order: Rec, rows: JsonObject[]): Rec {
  const inputs = rows.map(rowInputOf);
  const rowsTotal = inputs.reduce((s, r) => s + rowAmounts(r).totalWithAttributesCents, 0);
  const discount = discountCentsFor(order, rowsTotal);
  const amounts = orderAmounts({
    rows: inputs,
    rowsIncludeTax: bool(order, 'order_row_taxes_included') ?? true,
    shippingIncludesTax: bool(order, 'shipping_taxes_included') ?? true,
    taxesIncluded: bool(order, 'taxes_included') ?? true,
    shippingCents: cents(num(order, 'total_shipping') ?? 0),
    shippingTax: num(order, 'shipping_tax_percentage') ?? 0,
    paymethodCostsCents: cents(num(order, 'paymethod_costs') ?? 0),
    extraCostsCents: cents(num(order, 'extra_costs') ?? 0),
    discountCents: discount,
    creditPointCents: cents(num(order, 'credit_point_discount') ?? 0),
  });
  const weight = rows.reduce((s, r) => s + (num(r, 'weight') ?? 0) * (num(r, 'count') ?? 0), 0);
  return {
    ...order,
    total_orderrow_price: eur(amounts.rowsTotalCents),
    total_discounts: eur(discount),
    total_price: eur(amounts.totalPriceCents),
    total_tax: eur(amounts.totalTaxCents),
    total_weight: Math.round(weight * 1000) / 1000,
  };
}
