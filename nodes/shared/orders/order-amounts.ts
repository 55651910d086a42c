import type { Order, OrderRow } from '../../../connectors/ccv-shop/index';
import { allocate, formatAmount, netFromGross, roundHalfAway, toCents, vatOnNet } from './money';
import { recordProblem } from '../messages';

/**
 * The money of one CCV Shop order, taken apart into lines with net amounts and VAT, in whole cents.
 *
 * Our reading of CCV's fields ([I] where the reference is silent):
 * - a row is worth (price - discount + attribute prices) x count, or `total_price_with_attributes` when given;
 * - `total_discounts` is the order-level discount (coupon) and does not repeat row discounts; together with
 *   `credit_point_discount` it is spread over the product rows by value, so VAT is reduced per rate;
 * - shipping, payment costs and extra costs carry `shipping_tax_percentage` and follow `shipping_taxes_included`;
 * - `taxes_included: false` means no VAT is charged at all.
 */

/** `rounding` is the line Koppel adds when Visma.net's VAT would not total what was paid (cent-exact.ts). */
export type PartKind = 'product' | 'shipping' | 'payment' | 'extra' | 'rounding';

export interface OrderPart {
  kind: PartKind;
  /** Position of the row in the order (products only). */
  rowIndex: number;
  row: OrderRow | undefined;
  description: string;
  quantity: number;
  /** VAT percentage charged on this part. */
  rate: number;
  /** Amounts below in the order's convention: true = incl. VAT. */
  inclusive: boolean;
  listCents: number;
  rowDiscountCents: number;
  orderDiscountCents: number;
  /** What the part is worth after all discounts, in the order's convention. */
  valueCents: number;
  /** Without VAT, after all discounts. */
  netCents: number;
  /** Without VAT, before discounts (for the unit price). */
  listNetCents: number;
  /** The VAT this part carries. */
  vatCents: number;
}

export interface OrderAmounts {
  parts: OrderPart[];
  /** `total_price` of the order. */
  totalCents: number;
  netCents: number;
  vatCents: number;
  /** Net and VAT per VAT percentage. */
  byRate: Map<number, { netCents: number; vatCents: number }>;
}

const num = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function rowDescription(row: OrderRow): string {
  const name = (row.product_name ?? '').trim() || (row.product_number ?? '').trim() || 'Article';
  const options = (row.attributes ?? [])
    .map((a) => [a.option_name, a.value_name].filter((s) => s && s.trim() !== '').join(': '))
    .filter((s) => s !== '');
  return options.length ? `${name} (${options.join(', ')})` : name;
}

function productPart(row: OrderRow, rowIndex: number, rate: number, inclusive: boolean): OrderPart {
  const quantity = num(row.count);
  const extra = (row.attributes ?? []).reduce((s, a) => s + num(a.price), 0);
  const unit = num(row.price ?? row.original_price) + extra;
  const rowDiscount = roundHalfAway(num(row.discount) * quantity * 100);
  let list = roundHalfAway(unit * quantity * 100);
  const total = row.total_price_with_attributes;
  // The shop's own row total wins; the list price follows so that list - discount = total.
  const value = typeof total === 'number' ? toCents(total) : list - rowDiscount;
  if (list - rowDiscount !== value) list = value + rowDiscount;
  return {
    kind: 'product',
    rowIndex,
    row,
    description: rowDescription(row),
    quantity,
    rate,
    inclusive,
    listCents: list,
    rowDiscountCents: rowDiscount,
    orderDiscountCents: 0,
    valueCents: value,
    netCents: 0,
    listNetCents: 0,
    vatCents: 0,
  };
}

function costPart(kind: PartKind, amount: number, description: string, rate: number, inclusive: boolean): OrderPart {
  const cents = toCents(amount);
  return { kind, rowIndex: -1, row: undefined, description, quantity: 1, rate, inclusive, listCents: cents, rowDiscountCents: 0, orderDiscountCents: 0, valueCents: cents, netCents: 0, listNetCents: 0, vatCents: 0 };
}

function sumBy(parts: readonly OrderPart[], f: (p: OrderPart) => number): number {
  return parts.reduce((s, p) => s + f(p), 0);
}

function groupByRate(parts: readonly OrderPart[]): Map<number, OrderPart[]> {
  const groups = new Map<number, OrderPart[]>();
  for (const p of parts) groups.set(p.rate, [...(groups.get(p.rate) ?? []), p]);
  return groups;
}

/** VAT the shop added on top of amounts entered without VAT. */
function addedTax(order: Order, parts: readonly OrderPart[], noTax: boolean): number {
  if (noTax) return 0;
  const excl = parts.filter((p) => !p.inclusive);
  if (excl.length === 0) return 0;
  // All amounts without VAT: the shop's own tax total (its rounding) is what it charged.
  if (excl.length === parts.length && typeof order.total_tax === 'number') return toCents(order.total_tax);
  let tax = 0;
  for (const [rate, group] of groupByRate(excl)) tax += vatOnNet(sumBy(group, (p) => p.valueCents), rate);
  return tax;
}

function checkTotal(key: string, order: Order, parts: readonly OrderPart[], orderDiscount: number, added: number): void {
  const total = toCents(num(order.total_price));
  const rows = sumBy(parts.filter((p) => p.kind === 'product'), (p) => p.valueCents + p.orderDiscountCents);
  const costs = sumBy(parts.filter((p) => p.kind !== 'product'), (p) => p.valueCents);
  const expected = rows + costs - orderDiscount + added;
  if (expected === total) return;
  const params = { key, rows: formatAmount(rows), costs: formatAmount(costs), discounts: formatAmount(orderDiscount), expected: formatAmount(expected), total: formatAmount(total) };
  if (added !== 0) throw recordProblem('order.doesNotAddUpWithVat', { ...params, vat: formatAmount(added) }, 'total_price');
  throw recordProblem('order.doesNotAddUp', params, 'total_price');
}

/** Net amounts per part, so that the parts of one VAT rate add up to what the customer paid for them. */
function convert(parts: OrderPart[]): void {
  for (const [rate, group] of groupByRate(parts.filter((p) => p.inclusive))) {
    const gross = sumBy(group, (p) => p.valueCents);
    const net = rate === 0 ? gross : netFromGross(gross, rate);
    const nets = allocate(net, group.map((p) => p.valueCents));
    group.forEach((p, i) => {
      p.netCents = nets[i] ?? 0;
      p.vatCents = p.valueCents - p.netCents;
      const discounted = p.rowDiscountCents + p.orderDiscountCents !== 0;
      p.listNetCents = discounted ? Math.max(p.netCents, roundHalfAway((p.listCents * 100) / (100 + rate))) : p.netCents;
    });
  }
  for (const [rate, group] of groupByRate(parts.filter((p) => !p.inclusive))) {
    const vat = vatOnNet(sumBy(group, (p) => p.valueCents), rate);
    const shares = allocate(vat, group.map((p) => p.valueCents));
    group.forEach((p, i) => {
      p.netCents = p.valueCents;
      p.listNetCents = p.listCents;
      p.vatCents = shares[i] ?? 0;
    });
  }
}

/** Takes an order apart into lines with net amounts and VAT; throws a RecordProblem when it does not add up. */
export function orderAmounts(key: string, order: Order, rows: readonly OrderRow[]): OrderAmounts {
  const noTax = order.taxes_included === false;
  const rowsIncl = order.order_row_taxes_included ?? order.taxes_included ?? true;
  const costsIncl = order.shipping_taxes_included ?? rowsIncl;
  const costRate = noTax ? 0 : num(order.shipping_tax_percentage);
  const parts: OrderPart[] = [];
  rows.forEach((row, i) => {
    const part = productPart(row, i, noTax ? 0 : num(row.tax), rowsIncl);
    if (part.quantity !== 0 || part.valueCents !== 0) parts.push(part);
  });
  const products = parts.filter((p) => p.kind === 'product');
  const orderDiscount = toCents(num(order.total_discounts)) + toCents(num(order.credit_point_discount));
  if (orderDiscount !== 0) {
    if (products.length === 0) throw recordProblem('order.discountWithoutRows', { key, amount: formatAmount(orderDiscount) }, 'total_discounts');
    const shares = allocate(orderDiscount, products.map((p) => Math.max(0, p.valueCents)), 'to-largest');
    products.forEach((p, i) => {
      p.orderDiscountCents = shares[i] ?? 0;
      p.valueCents -= p.orderDiscountCents;
    });
  }
  if (num(order.total_shipping) !== 0) parts.push(costPart('shipping', num(order.total_shipping), 'Shipping costs', costRate, costsIncl));
  if (num(order.paymethod_costs) !== 0) parts.push(costPart('payment', num(order.paymethod_costs), 'Payment costs', costRate, costsIncl));
  if (num(order.extra_costs) !== 0) parts.push(costPart('extra', num(order.extra_costs), (order.extra_costs_description ?? '').trim() || 'Extra costs', costRate, costsIncl));

  const added = addedTax(order, parts, noTax);
  checkTotal(key, order, parts, orderDiscount, added);
  convert(parts);

  const totalCents = toCents(num(order.total_price));
  // Amounts without VAT: the shop's rounding of the tax decides what the customer pays; the biggest VAT share absorbs it.
  const gap = totalCents - sumBy(parts, (p) => p.netCents + p.vatCents);
  if (gap !== 0) {
    const excl = parts.filter((p) => !p.inclusive && p.rate > 0);
    const target = excl.reduce<OrderPart | undefined>((best, p) => (best === undefined || p.vatCents > best.vatCents ? p : best), undefined);
    if (target && Math.abs(gap) <= 2 + parts.length) target.vatCents += gap;
  }
  const byRate = new Map<number, { netCents: number; vatCents: number }>();
  for (const p of parts) {
    const r = byRate.get(p.rate) ?? { netCents: 0, vatCents: 0 };
    r.netCents += p.netCents;
    r.vatCents += p.vatCents;
    byRate.set(p.rate, r);
  }
  return { parts, totalCents, netCents: sumBy(parts, (p) => p.netCents), vatCents: sumBy(parts, (p) => p.vatCents), byRate };
}
