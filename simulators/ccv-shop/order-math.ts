// Order arithmetic in integer cents, so totals add up to the cent.
//
// Our reading of the CCV fields [I]:
// - row: selling = price - discount; price_with_attributes = selling + extra (attribute prices);
//   total_price = selling * count; total_price_with_attributes = (selling + extra) * count.
// - total_orderrow_price = sum of row total_price_with_attributes (row discounts already applied).
// - total_discounts = order-level discounts (coupon); it does not repeat row discounts.
// - total_price = rows + shipping + paymethod_costs + extra_costs - total_discounts - credit_point_discount,
//   plus the tax of any part entered ex VAT (order_row_taxes_included / shipping_taxes_included false).
// - total_tax = round(tax of rows after the coupon, spread over rates by row value)
//             + round(tax of shipping + paymethod costs + extra costs at shipping_tax_percentage);
//   0 when taxes_included is false.

export interface RowInput {
  priceCents: number;
  discountCents: number;
  /** Sum of the chosen attribute value prices, per unit. */
  extraCents: number;
  count: number;
  tax: number;
}

export interface RowAmounts {
  sellingCents: number;
  priceWithAttributesCents: number;
  totalCents: number;
  totalExtraCents: number;
  totalWithAttributesCents: number;
}

export function rowAmounts(r: RowInput): RowAmounts {
  const selling = r.priceCents - r.discountCents;
  return {
    sellingCents: selling,
    priceWithAttributesCents: selling + r.extraCents,
    totalCents: Math.round(selling * r.count),
    totalExtraCents: Math.round(r.extraCents * r.count),
    totalWithAttributesCents: Math.round((selling + r.extraCents) * r.count),
  };
}

export interface OrderInput {
  rows: RowInput[];
  rowsIncludeTax: boolean;
  shippingIncludesTax: boolean;
  taxesIncluded: boolean;
  shippingCents: number;
  shippingTax: number;
  paymethodCostsCents: number;
  extraCostsCents: number;
  discountCents: number;
  creditPointCents: number;
}

export interface OrderAmounts {
  rowsTotalCents: number;
  totalTaxCents: number;
  totalPriceCents: number;
}

const taxOf = (amount: number, rate: number, inclusive: boolean): number =>
  inclusive ? (amount * rate) / (100 + rate) : (amount * rate) / 100;

/** Spread the order discount over the VAT rates in proportion to their row value. */
function discountShares(bases: Map<number, number>, total: number, discount: number): Map<number, number> {
  const shares = new Map<number, number>();
  if (total <= 0 || discount === 0) return shares;
  let given = 0;
  let largest: number | undefined;
  for (const [rate, base] of bases) {
    const share = Math.floor((discount * base) / total);
    shares.set(rate, share);
    given += share;
    if (largest === undefined || base > (bases.get(largest) ?? 0)) largest = rate;
  }
  if (largest !== undefined) shares.set(largest, (shares.get(largest) ?? 0) + discount - given);
  return shares;
}

export function orderAmounts(o: OrderInput): OrderAmounts {
  const bases = new Map<number, number>();
  let rowsTotal = 0;
  for (const r of o.rows) {
    const t = rowAmounts(r).totalWithAttributesCents;
    rowsTotal += t;
    bases.set(r.tax, (bases.get(r.tax) ?? 0) + t);
  }
  const shares = discountShares(bases, rowsTotal, o.discountCents);
  let rowTax = 0;
  for (const [rate, base] of bases) rowTax += taxOf(base - (shares.get(rate) ?? 0), rate, o.rowsIncludeTax);
  const costs = o.shippingCents + o.paymethodCostsCents + o.extraCostsCents;
  const costTax = taxOf(costs, o.shippingTax, o.shippingIncludesTax);
  const rowTaxCents = o.taxesIncluded ? Math.round(rowTax) : 0;
  const costTaxCents = o.taxesIncluded ? Math.round(costTax) : 0;
  const net = rowsTotal + costs - o.discountCents - o.creditPointCents;
  const addedTax = (o.rowsIncludeTax ? 0 : rowTaxCents) + (o.shippingIncludesTax ? 0 : costTaxCents);
  return { rowsTotalCents: rowsTotal, totalTaxCents: rowTaxCents + costTaxCents, totalPriceCents: net + addedTax };
}

/** Unit price in the order's convention from a product price in the shop's convention. */
export function convertPrice(cents: number, rate: number, fromInclusive: boolean, toInclusive: boolean): number {
  if (fromInclusive === toInclusive) return cents;
  return fromInclusive ? Math.round((cents * 100) / (100 + rate)) : Math.round((cents * (100 + rate)) / 100);
}
