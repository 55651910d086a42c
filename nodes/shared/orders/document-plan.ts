import { isEmptyAddress } from '../../../connectors/ccv-shop/index';
import type { Address } from '../../../connectors/ccv-shop/index';
import type { JsonObject } from '../../../engine';
import { EU_B2B_KEY, EU_COUNTRIES, personName, streetLine } from '../../visma/upsert-customer/customer-view';
import { fromCents, unitPriceFor } from './money';
import { orderAmounts } from './order-amounts';
import type { OrderAmounts, OrderPart, PartKind } from './order-amounts';
import type { ShopOrder } from './order-input';
import type { PostOrderParams } from './post-params';
import { recordProblem } from '../messages';
import { optionalTableCode, tableCode } from './tables';
import type { Tables } from './tables';
import type { CentCorrection } from './cent-exact';

/** One line of the document to post, the same for sales orders, invoices and journal transactions. */
export interface PlanLine {
  kind: PartKind;
  part: OrderPart;
  /** Visma.net item; undefined for journal-only use. */
  inventoryId: string | undefined;
  description: string;
  quantity: number;
  /** Without VAT, before discounts. */
  unitPrice: number;
  /** Without VAT: row discount plus the line's share of coupons and credit points. */
  discountAmount: number;
  netAmount: number;
  rate: number;
  /** Visma.net VAT code (VAT category). */
  vatCode: string;
  /** The row in the VAT code table, for messages. */
  vatKey: string;
  account: string | undefined;
}

export interface PlanAddress {
  address: JsonObject;
  contact: JsonObject;
}

/** What the expressions of the node gave for one order. */
export interface PlanInputs {
  customerNumber: string | undefined;
  /** Item number per order row, in row order. */
  skus: (string | undefined)[];
  shippingMethod: string;
  description: string;
}

export interface DocumentPlan {
  key: string;
  reference: string;
  orderId: number;
  /** Document date, `YYYY-MM-DD` in the shop's time zone. */
  date: string;
  when: Date;
  currency: string | undefined;
  country: string;
  reverseCharge: boolean;
  /** The key used in the per-country tables: the country, or EU-B2B for reverse charge. */
  lookupCountry: string;
  vatZone: string;
  paymentMethod: string;
  payMethodKey: string;
  creditTerms: string | undefined;
  shippingMethod: string;
  carrier: string | undefined;
  description: string;
  customerNumber: string | undefined;
  billing: PlanAddress;
  shipping: PlanAddress;
  lines: PlanLine[];
  amounts: OrderAmounts;
  /** How the document is made to total what was paid (set before posting; `exact` when nothing is needed). */
  correction: CentCorrection;
}

const text = (v: string | null | undefined): string => (v ?? '').trim();

/** `YYYY-MM-DD` of a moment in a time zone; the bookkeeping date of an order placed at 23:30 is that day locally. */
export function localDate(when: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(when);
  } catch {
    throw recordProblem('order.badTimeZone', { timeZone }, 'timeZone');
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function orderMoment(key: string, createDate: string | null | undefined): Date {
  const when = createDate ? new Date(createDate) : undefined;
  if (!when || Number.isNaN(when.getTime())) throw recordProblem('order.noCreateDate', { key, createDate: createDate ?? '' }, 'create_date');
  return when;
}

/** V3 wants every field of an address it is given (nothing is defaulted from the customer). */
function planAddress(a: Address, email: string): PlanAddress {
  const company = text(a.company);
  const person = personName(a);
  return {
    address: { line1: streetLine(a), line2: text(a.address_line_2), line3: '', postalCode: text(a.zipcode), city: text(a.city), countryId: text(a.country_code).toUpperCase() },
    contact: { name: company || person, attention: company ? person : '', email, phone1: text(a.telephone) || text(a.mobile) },
  };
}

const rateKey = (rate: number): string => String(rate);

function revenueKeys(country: string, reverse: boolean, rate: number): string[] {
  const base = reverse ? EU_B2B_KEY : country;
  return [`${base}-${rateKey(rate)}`, base];
}

/**
 * Everything a document needs from one order, with every table lookup done and every mapping problem reported
 * before anything is posted. Throws a RecordProblem naming the value to map.
 */
export function buildPlan(shop: ShopOrder, key: string, reference: string, inputs: PlanInputs, p: PostOrderParams, tables: Tables, uses: { items: boolean; carrier: boolean }): DocumentPlan {
  const { order, rows } = shop;
  const customer = order.customer ?? {};
  const billingAddress: Address = customer.billingaddress ?? {};
  const deliveryAddress: Address = isEmptyAddress(customer.deliveryaddress) ? billingAddress : (customer.deliveryaddress ?? billingAddress);
  // VAT follows the place of delivery.
  const country = (text(deliveryAddress.country_code) || text(billingAddress.country_code)).toUpperCase();
  if (!country) throw recordProblem('order.noCountry', { key }, 'customer.billingaddress.country_code');
  const amounts = orderAmounts(key, order, rows);
  const home = p.homeCountry.trim().toUpperCase();
  const vatNumber = text(customer.btw);
  const allZero = amounts.parts.length > 0 && amounts.parts.every((x) => x.rate === 0);
  const reverseCharge =
    order.is_intra_community_order === true || (vatNumber !== '' && text(billingAddress.company) !== '' && country !== home && EU_COUNTRIES.has(country) && allZero);
  if (reverseCharge) {
    if (!vatNumber) throw recordProblem('order.reverseChargeNoVatNumber', { key }, 'customer.btw');
    const charged = amounts.parts.find((x) => x.rate !== 0);
    if (charged) throw recordProblem('order.reverseChargeWithVat', { key, line: charged.description, rate: charged.rate }, 'is_intra_community_order');
  }
  const lookupCountry = reverseCharge ? EU_B2B_KEY : country;
  const vatZone = tableCode(tables, p.vatZoneTable, [lookupCountry], 'vatZoneTable', { code: 'table.noVatZone', params: { country: lookupCountry } });
  const payMethodKey = text(order.paymethod);
  const paymentMethod = tableCode(tables, p.paymentMethodTable, [payMethodKey], 'paymentMethodTable', { code: 'table.noPaymentMethod', params: { payMethod: payMethodKey } });
  const creditTerms = optionalTableCode(tables, p.creditTermsTable, [payMethodKey], 'creditTermsTable', { code: 'table.noCreditTerms', params: { payMethod: payMethodKey } });
  const shippingMethod = inputs.shippingMethod;
  const carrier = uses.carrier ? optionalTableCode(tables, p.carrierTable, [shippingMethod], 'carrierTable', { code: 'table.noCarrier', params: { shippingMethod } }) : undefined;

  const lines = amounts.parts.map((part): PlanLine => {
    const vatKey = reverseCharge ? EU_B2B_KEY : `${country}-${rateKey(part.rate)}`;
    const vatCode = tableCode(
      tables,
      p.vatCodeTable,
      [vatKey],
      'vatCodeTable',
      reverseCharge ? { code: 'table.noVatCodeReverseCharge', params: {} } : { code: 'table.noVatCode', params: { country, rate: part.rate } },
    );
    const fixedAccount = part.kind === 'shipping' ? p.shippingAccount : part.kind === 'product' ? '' : p.paymentCostAccount;
    const account = fixedAccount.trim() || tableCode(tables, p.revenueAccountTable, revenueKeys(country, reverseCharge, part.rate), 'revenueAccountTable', { code: 'table.noRevenueAccount', params: { country: lookupCountry } });
    const inventoryId = uses.items ? itemOf(key, part, inputs, p, tables, shippingMethod) : undefined;
    const quantity = part.quantity;
    // Visma.net works out quantity x unit price to the cent and takes the discount off: the discount takes what the
    // unit price's decimals add, so the line's amount is the net amount to the cent.
    const { unitPrice, grossCents } = unitPriceFor(part.listNetCents, quantity, p.priceDecimals);
    return {
      kind: part.kind,
      part,
      inventoryId,
      description: part.description.slice(0, 255),
      quantity,
      unitPrice,
      discountAmount: quantity === 0 ? 0 : fromCents(grossCents - part.netCents),
      netAmount: fromCents(part.netCents),
      rate: part.rate,
      vatCode,
      vatKey,
      account,
    };
  });
  return {
    key,
    reference,
    orderId: order.id,
    date: localDate(orderMoment(key, order.create_date), p.timeZone),
    when: orderMoment(key, order.create_date),
    currency: text(order.currency) || undefined,
    country,
    reverseCharge,
    lookupCountry,
    vatZone,
    paymentMethod,
    payMethodKey,
    creditTerms,
    shippingMethod,
    carrier,
    description: inputs.description.slice(0, 255),
    customerNumber: inputs.customerNumber,
    billing: planAddress(billingAddress, text(customer.email)),
    shipping: planAddress(deliveryAddress, text(customer.email)),
    lines,
    amounts,
    correction: { kind: 'exact' },
  };
}

function itemOf(key: string, part: OrderPart, inputs: PlanInputs, p: PostOrderParams, tables: Tables, shippingMethod: string): string {
  if (part.kind === 'product') {
    const sku = inputs.skus[part.rowIndex];
    if (!sku) throw recordProblem('order.rowNoItem', { row: part.rowIndex + 1, key, line: part.description }, 'sku');
    return sku;
  }
  if (part.kind === 'shipping') {
    return tableCode(tables, p.shippingItemTable, [shippingMethod], 'shippingItemTable', { code: 'table.noShippingItem', params: { shippingMethod } });
  }
  const item = (part.kind === 'payment' ? p.paymentCostItem : p.extraCostItem).trim();
  if (!item) {
    const amount = fromCents(part.valueCents).toFixed(2);
    if (part.kind === 'payment') throw recordProblem('order.noPaymentCostItem', { key, amount }, 'paymentCostItem');
    throw recordProblem('order.noExtraCostItem', { key, amount }, 'extraCostItem');
  }
  return item;
}
