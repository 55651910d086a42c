// Seeded orders: every status, paid and unpaid, private, company and guest customers in NL, BE,
// DE and FR, intra-EU B2B, row and coupon discounts, shipping and payment costs, variant rows.
import { isoSeconds as iso } from '../hmac';
import type { JsonObject, Rec } from '../json';
import { eur, num, str } from '../json';
import { convertPrice } from '../order-math';
import { rowRecord, withTotals } from '../order-rows';
import type { RowSpec } from '../order-rows';
import { rngFor } from '../prng';
import type { ChildGenerator, RootGenerator } from '../table';
import { ATTRIBUTES, ATTRIBUTE_VALUES, PACKAGES, PAYMETHODS, SUPPLIERS, TAX_TARIFFS, VARIANT_VALUES } from './catalog';
import { IDS, SLOTS } from './ids';
import { COUNTRIES } from './names';
import type { CountryInfo } from './names';
import { makePerson, personalInfo } from './people';
import type { Person } from './people';
import { combinationGenerator, isVariantIndex, makeProduct } from './products';
import type { ProductSeed } from './products';
import { userCountryIndex, userIsCompany, userPerson } from './users';

export interface OrderSeed {
  seed: number;
  size: number;
  usersSize: number;
  products: ProductSeed;
  pricesIncludeVat: boolean;
  anchorMs: number;
}

interface Plan {
  order: Rec;
  rows: Rec[];
}


/** Order j is an abandoned checkout (is_completed false) when j % 17 === 16. */
export const orderIsCompleted = (j: number): boolean => j % 17 !== 16;
const orderNumberOf = (j: number): number => j - Math.floor((j + 1) / 17) + 1;

/** Index of a seeded user of the given kind and country, if the seeded users include one. */
function userFor(s: OrderSeed, j: number, company: boolean, countryIndex: number): number | undefined {
  const kind = company ? 1 : 0;
  const first = countryIndex * 3 + kind;
  if (first >= s.usersSize) return undefined;
  const span = Math.floor((s.usersSize - 1 - first) / 12) + 1;
  const u = first + (j % span) * 12;
  return userIsCompany(u) === company && userCountryIndex(u) === countryIndex ? u : undefined;
}

function statusOf(j: number): number | null {
  return orderIsCompleted(j) ? (j % 14) + 1 : null;
}

function paidOf(j: number, status: number | null, r: { chance(p: number): boolean }): boolean {
  if (status === null) return false;
  if ([5, 6, 7].includes(status)) return true;
  if ([4, 8].includes(status)) return false;
  // New orders alternate paid/unpaid (j / 14 because status repeats every 14 orders).
  return status === 1 ? Math.floor(j / 14) % 2 === 0 : r.chance(0.5);
}

function productRow(s: OrderSeed, productIndex: number, rowsIncl: boolean, intra: boolean, comboK?: number): RowSpec {
  const p = makeProduct(s.products, productIndex);
  const rate = intra ? 0 : (TAX_TARIFFS[str(p, 'taxtariff') ?? 'normal'] ?? 21);
  const shopRate = TAX_TARIFFS[str(p, 'taxtariff') ?? 'normal'] ?? 21;
  // Shop prices are in the shop convention; an ex-VAT order row carries the ex-VAT price.
  const toOrder = (c: number): number =>
    intra ? convertPrice(c, shopRate, s.pricesIncludeVat, false) : convertPrice(c, rate, s.pricesIncludeVat, rowsIncl);
  const pkg = PACKAGES.find((x) => x.id === p.package_id);
  const supplier = SUPPLIERS.find((x) => x.id === p.supplier_id);
  const spec: RowSpec = {
    product_id: p.id,
    product_type: 'product',
    product_name: str(p, 'name') ?? '',
    product_number: str(p, 'productnumber') ?? '',
    sub_product_number: '',
    sub_sku_number: '',
    sub_ean_number: '',
    count: 1,
    priceCents: toOrder(Math.round((num(p, 'price') ?? 0) * 100)),
    purchaseCents: Math.round((num(p, 'purchaseprice') ?? 0) * 100),
    discountCents: toOrder(Math.round((num(p, 'discount') ?? 0) * 100)),
    custom_price: false,
    tax: rate,
    unit: str(p, 'unit') ?? '',
    weight: num(p, 'weight') ?? 0,
    memo: '',
    package_id: pkg?.id ?? null,
    package_name: str(pkg ?? { id: 0 }, 'name') ?? '',
    stock_location: str(p, 'stocklocation') ?? '',
    supplier: str(supplier ?? { id: 0 }, 'name') ?? '',
    attributes: [],
  };
  if (comboK !== undefined) {
    const combo = combinationGenerator(s.products).forParent(p.id)[comboK];
    if (combo) {
      spec.sub_sku_number = str(combo, 'sku_number') ?? '';
      spec.sub_ean_number = str(combo, 'ean_number') ?? '';
      const ids = [VARIANT_VALUES.sizes[Math.floor(comboK / 2)], VARIANT_VALUES.colors[comboK % 2]];
      spec.attributes = ids.flatMap((vid) => {
        const v = ATTRIBUTE_VALUES.find((x) => x.id === vid);
        const attr = ATTRIBUTES.find((a) => a.id === v?.attribute_id);
        if (!v || !attr) return [];
        return [{ option_name: str(attr, 'name') ?? '', value_name: str(v, 'name') ?? '', priceCents: toOrder(Math.round((num(v, 'default_price') ?? 0) * 100)) }];
      });
    }
  }
  return spec;
}

function rowsFor(s: OrderSeed, j: number, rowsIncl: boolean, intra: boolean): RowSpec[] {
  const r = rngFor(s.seed, 'order-rows', j);
  const n = s.products.size === 0 ? 0 : 1 + (j % 4);
  const specs: RowSpec[] = [];
  const variantCount = Math.floor((s.products.size + 6) / 10);
  for (let k = 0; k < n; k++) {
    let spec: RowSpec;
    if (k === 0 && j % 4 === 1 && variantCount > 0) {
      spec = productRow(s, r.int(0, variantCount - 1) * 10 + 3, rowsIncl, intra, j % 6);
    } else {
      let idx = r.int(0, s.products.size - 1);
      if (isVariantIndex(idx) && idx + 1 < s.products.size) idx += 1;
      spec = productRow(s, idx, rowsIncl, intra);
    }
    spec.count = r.int(1, 3);
    if (k === 0 && j % 5 === 2 && spec.discountCents === 0) spec.discountCents = Math.round(spec.priceCents * 0.1);
    specs.push(spec);
  }
  if (n === 0) {
    // No seeded products: a free-text row, as POST /orders allows.
    specs.push({ ...productRowFree(), tax: intra ? 0 : 21 });
  }
  return specs;
}

function productRowFree(): RowSpec {
  return {
    product_id: null, product_type: 'product', product_name: 'Losse artikelregel', product_number: 'MISC',
    sub_product_number: '', sub_sku_number: '', sub_ean_number: '', count: 1, priceCents: 1000, purchaseCents: 0,
    discountCents: 0, custom_price: true, tax: 21, unit: 'per stuk', weight: 0, memo: '', package_id: null,
    package_name: '', stock_location: '', supplier: '', attributes: [],
  };
}

function customerOf(s: OrderSeed, j: number): { person: Person; userIndex: number | undefined; country: CountryInfo } {
  const kind = j % 3;
  const countryIndex = Math.floor(j / 3) % COUNTRIES.length;
  const country = COUNTRIES[countryIndex] ?? COUNTRIES[0];
  if (!country) throw new Error('no countries');
  if (kind !== 2) {
    const u = userFor(s, j, kind === 1, countryIndex);
    if (u !== undefined) return { person: userPerson(s.seed, u), userIndex: u, country };
  }
  const guest = makePerson(s.seed, 'guest', j, country, kind === 1);
  if (j % 6 === 4) {
    const other = makePerson(s.seed, 'guest-delivery', j, country, false).billing;
    guest.delivery = other;
  }
  return { person: guest, userIndex: undefined, country };
}

/** The cheap fields of a seeded order (those list filters and orderby use), without its rows. */
export function orderHead(s: OrderSeed, j: number): Rec {
  const r = rngFor(s.seed, 'order', j);
  const completed = orderIsCompleted(j);
  const status = statusOf(j);
  const paymethod = PAYMETHODS[j % PAYMETHODS.length] ?? PAYMETHODS[0] ?? { id: 0 };
  const paid = paidOf(j, status, r);
  const ordernumber = completed ? orderNumberOf(j) : null;
  const span = 365 * 86_400_000;
  const created = s.anchorMs - span + j * Math.max(600_000, Math.floor(span / Math.max(1, s.size)));
  return {
    id: IDS.orders + j,
    ordernumber,
    transaction_id: paid && paymethod.psp ? `tr_${r.int(1e8, 9e8).toString(36)}` : null,
    create_date: iso(created),
    deliver_date: null,
    take_out_window: { start: null, end: null },
    status,
    is_completed: completed,
    paid,
    paymethod_id: paymethod.id,
  };
}

export function planOrder(s: OrderSeed, j: number): Plan {
  const head = orderHead(s, j);
  const id = head.id;
  const completed = head.is_completed === true;
  const status = typeof head.status === 'number' ? head.status : null;
  const { person, userIndex, country } = customerOf(s, j);
  const company = person.b2b;
  const intra = company && country.code !== 'NL';
  const rowsIncl = !company;
  const paymethod = PAYMETHODS[j % PAYMETHODS.length] ?? PAYMETHODS[0] ?? { id: 0 };
  const paid = head.paid === true;
  const ordernumber = typeof head.ordernumber === 'number' ? head.ordernumber : null;
  const specs = rowsFor(s, j, rowsIncl, intra);
  const rows = specs.map((spec, k) => rowRecord(spec, IDS.orderrows + j * SLOTS.orderrows + k, id));
  const freeShipping = j % 20 === 0;
  const shippingTax = intra ? 0 : 21;
  const shippingCents = freeShipping ? 0 : convertPrice(country.shippingCents, 21, true, rowsIncl && !intra);
  const coupon: JsonObject =
    j % 5 === 0
      ? { code: 'WELKOM10', discount: 10, type: 'percentage', enddate: null, onetimeuse: false, minimumprice: 0, givesfreeshipping: freeShipping }
      : j % 10 === 7
        ? { code: 'KORTING5', discount: 5, type: 'fixed', enddate: '2026-12-31T23:00:00Z', onetimeuse: true, minimumprice: 25, givesfreeshipping: false }
        : { code: '', discount: 0, type: '', enddate: null, onetimeuse: false, minimumprice: 0, givesfreeshipping: false };
  const tracked = status !== null && [5, 6, 7].includes(status);
  const pickup = j % 19 === 9;
  const base: Rec = {
    id,
    ordernumber_prefix: null,
    ordernumber,
    ordernumber_full: ordernumber === null ? null : String(ordernumber),
    invoicenumber: paid && ordernumber !== null ? 20240000 + ordernumber : null,
    transaction_id: head.transaction_id ?? null,
    create_date: head.create_date ?? '',
    deliver_method: 'shipping',
    deliver_date: null,
    take_out_window: { start: null, end: null },
    is_platform_sale: false,
    orderedinlng: country.code === 'NL' || country.code === 'BE' ? 'nl' : 'en',
    status,
    is_completed: completed,
    ...(completed ? {} : { _basket_path: `/Basket/?order=${id}` }),
    paid,
    safety_deposit_returned: false,
    paymethod_id: paymethod.id,
    paymethod: paymethod.combined_name ?? '',
    paymethod_label: paymethod.label ?? '',
    taxes_included: true,
    order_row_taxes_included: rowsIncl,
    shipping_taxes_included: rowsIncl && !intra,
    shipping_tax_percentage: shippingTax,
    is_intra_community_order: intra,
    total_orderrow_price: 0,
    total_shipping: eur(shippingCents),
    total_discounts: 0,
    total_price: 0,
    currency: 'EUR',
    total_tax: 0,
    total_weight: 0,
    extra_payment_option: '',
    extra_payment_option_price: 0,
    extra_payment_option_no_sentprice: false,
    extra_payment_option_pay_on_pickup: false,
    extra_price: 0,
    paymethod_costs: 0,
    credit_point_discount: 0,
    extra_costs: j % 13 === 7 ? 1.5 : 0,
    extra_costs_description: j % 13 === 7 ? 'Verwerkingskosten' : '',
    track_and_trace_code: tracked ? `3SKOPP${String(1000000 + j)}` : '',
    track_and_trace_carrier: tracked ? 'PostNL' : null,
    track_and_trace_deeplink: tracked ? `https://jouw.postnl.nl/track-and-trace/3SKOPP${String(1000000 + j)}-${country.code}` : '',
    reservationnumber: '',
    delivery_option: pickup ? 'PG' : null,
    user: { id: userIndex === undefined ? null : IDS.users + userIndex, discount_percentage: 0 },
    discountcoupon: coupon,
    customer: personalInfo(person, userIndex === undefined ? '' : `K${String(1000 + userIndex)}`),
    pickup_address: pickup
      ? { company: 'PostNL Punt Primera', street: 'Marktplein', housenumber: 5, housenumber_suffix: '', zipcode: country.cities[0]?.zip ?? '', city: country.cities[0]?.city ?? '', country: country.name, code: '176472' }
      : null,
    _packing_slip_path: completed ? `/onderhoud/AdminItems/StandaloneObjects/PackingSlip.php?OrderId=${id}` : null,
  };
  let order = withTotals(base, rows);
  const pm = PAYMETHODS.find((p) => p.id === paymethod.id);
  if (pm?.extra_costs === true) {
    // Payment costs on top of the order value (PayPal): fixed plus a percentage, then totals again.
    const value = Math.round((num(order, 'total_price') ?? 0) * 100);
    const costs = Math.round((num(pm, 'extra_costs_fixed') ?? 0) * 100 + (value * (num(pm, 'extra_costs_percentage') ?? 0)) / 100);
    order = withTotals({ ...order, paymethod_costs: eur(costs) }, rows);
  }
  return { order, rows };
}

export function orderGenerator(s: OrderSeed): RootGenerator {
  return {
    size: s.size,
    idOf: (j) => IDS.orders + j,
    indexOf: (id) => (id >= IDS.orders && id < IDS.orders + s.size ? id - IDS.orders : undefined),
    make: (j) => planOrder(s, j).order,
    peek: (j) => orderHead(s, j),
  };
}

export function orderRowGenerator(s: OrderSeed): ChildGenerator {
  return {
    forParent: (oid) => {
      const j = oid - IDS.orders;
      return j >= 0 && j < s.size ? planOrder(s, j).rows : [];
    },
    parentOf: (id) => {
      const rel = id - IDS.orderrows;
      return rel >= 0 && rel < s.size * SLOTS.orderrows ? IDS.orders + Math.floor(rel / SLOTS.orderrows) : undefined;
    },
  };
}
