// Golden CCV Shop orders for the orders flows: private and company customers in NL, BE, DE and FR, with row
// discounts, coupons, shipping, payment and extra costs, amounts with and without VAT, intra-community orders.
// Totals are worked out by hand in CCV's way (reference/ccv-shop/README.md §6.6 reading of the simulator: coupon spread over VAT rates,
// remaining cents to the largest); the expected Visma.net lines below are worked out by hand as well.

interface Person {
  email: string;
  first: string;
  last: string;
  company?: string;
  street: string;
  zip: string;
  city: string;
  country: 'NL' | 'BE' | 'DE' | 'FR';
  btw?: string;
  kvk?: string;
  phone?: string;
}

interface Row {
  sku: string;
  name: string;
  count: number;
  price: number;
  discount?: number;
  tax: number;
  attributes?: { option_name: string; value_name: string; price: number }[];
}

interface OrderSpec {
  id: number;
  number: number;
  created: string;
  person: Person;
  paymethod: string;
  incl: boolean;
  intra?: boolean;
  rows: Row[];
  shipping: number;
  shippingTax?: number;
  paymentCosts?: number;
  extraCosts?: number;
  extraText?: string;
  discount?: number;
  coupon?: { code: string; discount: number; type: string };
  total: number;
  tax: number;
}

const address = (p: Person) => ({
  gender: null,
  initials: '',
  first_name: p.first,
  last_name: p.last,
  full_name: `${p.first} ${p.last}`,
  company: p.company ?? '',
  address_line_1: p.street,
  address_line_2: '',
  street: '',
  housenumber: null,
  housenumber_suffix: '',
  zipcode: p.zip,
  city: p.city,
  province: '',
  telephone: p.phone ?? '',
  fax: '',
  mobile: '',
  comment: '',
  country: '',
  country_code: p.country,
});

const empty = { gender: null, full_name: '', initials: '', company: '', address_line_1: '', address_line_2: '', street: '', housenumber: null, housenumber_suffix: '', zipcode: '', city: '', province: '', telephone: '', mobile: '', comment: '', country: '', country_code: null };

const payIds: Record<string, number> = { MollieIdeal: 1, MollieBancontact: 2, BankTransfer: 3, PayPal: 4, Invoice: 5 };

export function shopOrder(o: OrderSpec): Record<string, unknown> {
  const rowsTotal = o.rows.reduce((s, r) => s + Math.round((r.price - (r.discount ?? 0)) * r.count * 100), 0) / 100;
  return {
    id: o.id,
    ordernumber_prefix: null,
    ordernumber: o.number,
    ordernumber_full: String(o.number),
    invoicenumber: null,
    transaction_id: null,
    create_date: o.created,
    deliver_method: 'shipping',
    deliver_date: null,
    is_platform_sale: false,
    orderedinlng: 'nl',
    status: 1,
    is_completed: true,
    paid: true,
    paymethod_id: payIds[o.paymethod] ?? 0,
    paymethod: o.paymethod,
    paymethod_label: o.paymethod,
    taxes_included: true,
    order_row_taxes_included: o.incl,
    shipping_taxes_included: o.incl,
    shipping_tax_percentage: o.shippingTax ?? (o.intra ? 0 : 21),
    is_intra_community_order: o.intra ?? false,
    total_orderrow_price: rowsTotal,
    total_shipping: o.shipping,
    total_discounts: o.discount ?? 0,
    total_price: o.total,
    currency: 'EUR',
    total_tax: o.tax,
    total_weight: 0,
    paymethod_costs: o.paymentCosts ?? 0,
    credit_point_discount: 0,
    extra_costs: o.extraCosts ?? 0,
    extra_costs_description: o.extraText ?? '',
    delivery_option: null,
    user: { id: null, discount_percentage: 0 },
    discountcoupon: o.coupon ? { ...o.coupon, enddate: null, onetimeuse: false, minimumprice: 0, givesfreeshipping: false } : { code: '', discount: 0, type: '', enddate: null, onetimeuse: false, minimumprice: 0, givesfreeshipping: false },
    customer: {
      billingaddress: address(o.person),
      deliveryaddress: empty,
      email: o.person.email,
      customertype: o.person.company ? 'b2b' : 'b2c',
      btw: o.person.btw ?? '',
      kvk: o.person.kvk ?? '',
      reference: '',
    },
    pickup_address: null,
    orderrows: o.rows.map((r) => ({
      product_type: 'product',
      product_name: r.name,
      product_number: r.sku,
      sub_product_number: '',
      sub_sku_number: '',
      sub_ean_number: '',
      count: r.count,
      price: r.price,
      discount: r.discount ?? 0,
      tax: r.tax,
      attributes: r.attributes ?? [],
    })),
  };
}

/** Expected line: item, quantity, unit price, discount, VAT code, revenue account, description. */
export type Line = [string, number, number, number, string, string, string];

export interface Golden {
  key: string;
  order: OrderSpec;
  date: string;
  zone: string;
  paymentMethod: string;
  terms: string;
  customer: { segment: 'private' | 'company' | 'company-eu'; name: string; classId: string; vatRegistrationId: string | null; contact: boolean };
  lines: Line[];
  /** Net per VAT rate and VAT per rate, as a journal books them: [rate, net, VAT]. */
  vat: [number, number, number][];
  receivable: string;
}

const nl: Person = { email: 'jan.devries@example.nl', first: 'Jan', last: 'de Vries', street: 'Kerkstraat 12', zip: '1012 AB', city: 'Amsterdam', country: 'NL', phone: '0612345678' };
const be: Person = { email: 'lotte.peeters@example.be', first: 'Lotte', last: 'Peeters', street: 'Meir 5', zip: '2000', city: 'Antwerpen', country: 'BE' };
const de: Person = { email: 'lukas.mueller@example.de', first: 'Lukas', last: 'Müller', street: 'Hauptstraße 7', zip: '10115', city: 'Berlin', country: 'DE' };
const fr: Person = { email: 'camille.martin@example.fr', first: 'Camille', last: 'Martin', street: 'Rue de la Paix 3', zip: '75001', city: 'Paris', country: 'FR' };
const nlCo: Person = { email: 'inkoop@bakkerij-jansen.example', first: 'Sanne', last: 'Jansen', company: 'Bakkerij Jansen B.V.', street: 'Molenlaan 1', zip: '3511 CD', city: 'Utrecht', country: 'NL', btw: 'NL001234567B01', kvk: '12345678' };
const beCo: Person = { email: 'aankoop@peeters-bv.example', first: 'Wout', last: 'Peeters', company: 'Peeters BV', street: 'Veldstraat 20', zip: '9000', city: 'Gent', country: 'BE', btw: 'BE0123456789' };
const deCo: Person = { email: 'einkauf@schmidt-gmbh.example', first: 'Anna', last: 'Schmidt', company: 'Schmidt GmbH', street: 'Schulstraße 4', zip: '50667', city: 'Köln', country: 'DE', btw: 'DE123456789' };
const frCo: Person = { email: 'achats@martin-sarl.example', first: 'Manon', last: 'Martin', company: 'Martin SARL', street: 'Avenue Victor Hugo 8', zip: '69001', city: 'Lyon', country: 'FR' };

const day = '2025-03-10T10:00:00Z';

export const goldens: Golden[] = [
  {
    // 21%: 45.81 + 4.95 = 50.76 gross → 41.95 net; 9%: 10.34 → 9.49. Ordered 23:30 UTC = 00:30 in Amsterdam.
    key: '2001',
    order: {
      id: 512001, number: 2001, created: '2025-03-14T23:30:00Z', person: nl, paymethod: 'MollieIdeal', incl: true, shipping: 4.95, discount: 5, coupon: { code: 'LENTE5', discount: 5, type: 'fixed' },
      rows: [
        { sku: 'ART-00000', name: 'Mok Classic', count: 2, price: 24.95, tax: 21 },
        { sku: 'ART-00009', name: 'Kookboek', count: 1, price: 12.5, discount: 1.25, tax: 9 },
      ],
      total: 61.1, tax: 9.66,
    },
    date: '2025-03-15', zone: 'NL', paymentMethod: 'IDEAL', terms: 'DIRECT', receivable: '1110',
    customer: { segment: 'private', name: 'Jan de Vries', classId: 'PRIV', vatRegistrationId: null, contact: false },
    lines: [
      ['ART-00000', 2, 20.62, 3.38, '01', '8000', 'Mok Classic'],
      ['ART-00009', 1, 11.47, 1.98, '02', '8010', 'Kookboek'],
      ['VERZENDKOSTEN', 1, 4.09, 0, '01', '8050', 'Shipping costs'],
    ],
    vat: [[21, 41.95, 8.81], [9, 9.49, 0.85]],
  },
  {
    // 21%: 53.85 + 6.95 + 1.50 = 62.30 gross → 51.49 net.
    key: '2002',
    order: {
      id: 512002, number: 2002, created: day, person: be, paymethod: 'PayPal', incl: true, shipping: 6.95, paymentCosts: 1.5,
      rows: [{ sku: 'TSHIRT-RED-M', name: 'T-shirt rood', count: 3, price: 19.95, discount: 2, tax: 21, attributes: [{ option_name: 'Maat', value_name: 'M', price: 0 }, { option_name: 'Kleur', value_name: 'Rood', price: 0 }] }],
      total: 62.3, tax: 10.82,
    },
    date: '2025-03-10', zone: 'NL', paymentMethod: 'PAYPAL', terms: 'DIRECT', receivable: '1120',
    customer: { segment: 'private', name: 'Lotte Peeters', classId: 'PRIV', vatRegistrationId: null, contact: false },
    lines: [
      ['TSHIRT-RED-M', 3, 16.4867, 4.95, '01', '8000', 'T-shirt rood (Maat: M, Kleur: Rood)'],
      ['VERZENDKOSTEN', 1, 5.74, 0, '01', '8050', 'Shipping costs'],
      ['BETAALKOSTEN', 1, 1.24, 0, '01', '8060', 'Payment costs'],
    ],
    vat: [[21, 51.49, 10.81]],
  },
  {
    // Coupon 10% of 85.95 = 8.60; 21%: 77.35 + 9.95 + 1.50 = 88.80 gross → 73.39 net.
    key: '2003',
    order: {
      id: 512003, number: 2003, created: day, person: de, paymethod: 'MollieIdeal', incl: true, shipping: 9.95, extraCosts: 1.5, extraText: 'Verwerkingskosten', discount: 8.6, coupon: { code: 'WELKOM10', discount: 10, type: 'percentage' },
      rows: [{ sku: 'ART-00002', name: 'Rugzak', count: 1, price: 85.95, tax: 21 }],
      total: 88.8, tax: 15.41,
    },
    date: '2025-03-10', zone: 'NL', paymentMethod: 'IDEAL', terms: 'DIRECT', receivable: '1110',
    customer: { segment: 'private', name: 'Lukas Müller', classId: 'PRIV', vatRegistrationId: null, contact: false },
    lines: [
      ['ART-00002', 1, 71.03, 7.1, '01', '8000', 'Rugzak'],
      ['VERZENDKOSTEN', 1, 8.22, 0, '01', '8050', 'Shipping costs'],
      ['BETAALKOSTEN', 1, 1.24, 0, '01', '8060', 'Verwerkingskosten'],
    ],
    vat: [[21, 73.39, 15.41]],
  },
  {
    // Two rates: 21%: 17.95 + 9.95 = 27.90 → 23.06; 9%: 71.90 → 65.96.
    key: '2004',
    order: {
      id: 512004, number: 2004, created: day, person: fr, paymethod: 'BankTransfer', incl: true, shipping: 9.95,
      rows: [
        { sku: 'ART-00012', name: 'Sokken', count: 1, price: 17.95, tax: 21 },
        { sku: 'ART-00013', name: 'Roman', count: 2, price: 35.95, tax: 9 },
      ],
      total: 99.8, tax: 10.78,
    },
    date: '2025-03-10', zone: 'NL', paymentMethod: 'BANK', terms: '14D', receivable: '1100',
    customer: { segment: 'private', name: 'Camille Martin', classId: 'PRIV', vatRegistrationId: null, contact: false },
    lines: [
      ['ART-00012', 1, 14.84, 0, '01', '8000', 'Sokken'],
      ['ART-00013', 2, 32.98, 0, '02', '8010', 'Roman'],
      ['VERZENDKOSTEN', 1, 8.22, 0, '01', '8050', 'Shipping costs'],
    ],
    vat: [[21, 23.06, 4.84], [9, 65.96, 5.94]],
  },
  {
    // Without VAT: coupon 10.00 over 140.00 (21%) and 100.00 (9%) = 5.84 / 4.16; VAT 29.03 + 8.63 = the shop's 37.66.
    key: '2005',
    order: {
      id: 512005, number: 2005, created: day, person: nlCo, paymethod: 'Invoice', incl: false, shipping: 4.09, discount: 10, coupon: { code: 'ZAKELIJK10', discount: 10, type: 'fixed' },
      rows: [
        { sku: 'ART-00000', name: 'Mok Classic', count: 5, price: 28.88, discount: 0.88, tax: 21 },
        { sku: 'ART-00009', name: 'Kookboek', count: 10, price: 10, tax: 9 },
      ],
      total: 271.75, tax: 37.66,
    },
    date: '2025-03-10', zone: 'NL', paymentMethod: 'BANK', terms: '30D', receivable: '1100',
    customer: { segment: 'company', name: 'Bakkerij Jansen B.V.', classId: 'ZAK', vatRegistrationId: 'NL001234567B01', contact: true },
    lines: [
      ['ART-00000', 5, 28.88, 10.24, '01', '8000', 'Mok Classic'],
      ['ART-00009', 10, 10, 4.16, '02', '8010', 'Kookboek'],
      ['VERZENDKOSTEN', 1, 4.09, 0, '01', '8050', 'Shipping costs'],
    ],
    vat: [[21, 138.25, 29.03], [9, 95.84, 8.63]],
  },
  {
    // Intra-community: 0% everywhere, VAT reverse-charged (zone EU, code 01 = ICP), revenue on the ICP account.
    key: '2006',
    order: {
      id: 512006, number: 2006, created: day, person: beCo, paymethod: 'BankTransfer', incl: false, intra: true, shipping: 5.74,
      rows: [
        { sku: 'ART-00003', name: 'Plaid', count: 2, price: 100.79, tax: 0 },
        { sku: 'ART-00009', name: 'Kookboek', count: 4, price: 9.17, discount: 0.5, tax: 0 },
      ],
      total: 242, tax: 0,
    },
    date: '2025-03-10', zone: 'EU', paymentMethod: 'BANK', terms: '14D', receivable: '1100',
    customer: { segment: 'company-eu', name: 'Peeters BV', classId: 'EU', vatRegistrationId: 'BE0123456789', contact: true },
    lines: [
      ['ART-00003', 2, 100.79, 0, '01', '8030', 'Plaid'],
      ['ART-00009', 4, 9.17, 2, '01', '8030', 'Kookboek'],
      ['VERZENDKOSTEN', 1, 5.74, 0, '01', '8050', 'Shipping costs'],
    ],
    vat: [[0, 242, 0]],
  },
  {
    key: '2007',
    order: {
      id: 512007, number: 2007, created: day, person: deCo, paymethod: 'Invoice', incl: false, intra: true, shipping: 8.22, paymentCosts: 2, discount: 5, coupon: { code: 'B2B5', discount: 5, type: 'fixed' },
      rows: [{ sku: 'TSHIRT-RED-M', name: 'T-shirt rood', count: 10, price: 16.49, tax: 0 }],
      total: 170.12, tax: 0,
    },
    date: '2025-03-10', zone: 'EU', paymentMethod: 'BANK', terms: '30D', receivable: '1100',
    customer: { segment: 'company-eu', name: 'Schmidt GmbH', classId: 'EU', vatRegistrationId: 'DE123456789', contact: true },
    lines: [
      ['TSHIRT-RED-M', 10, 16.49, 5, '01', '8030', 'T-shirt rood'],
      ['VERZENDKOSTEN', 1, 8.22, 0, '01', '8050', 'Shipping costs'],
      ['BETAALKOSTEN', 1, 2, 0, '01', '8060', 'Payment costs'],
    ],
    vat: [[0, 170.12, 0]],
  },
  {
    // A French company without VAT number pays Dutch VAT (no reverse charge): 52.71 net + 11.07.
    key: '2008',
    order: {
      id: 512008, number: 2008, created: day, person: frCo, paymethod: 'BankTransfer', incl: false, shipping: 8.22,
      rows: [{ sku: 'ART-00012', name: 'Sokken', count: 3, price: 14.83, tax: 21 }],
      total: 63.78, tax: 11.07,
    },
    date: '2025-03-10', zone: 'NL', paymentMethod: 'BANK', terms: '14D', receivable: '1100',
    customer: { segment: 'company', name: 'Martin SARL', classId: 'ZAK', vatRegistrationId: null, contact: true },
    lines: [
      ['ART-00012', 3, 14.83, 0, '01', '8000', 'Sokken'],
      ['VERZENDKOSTEN', 1, 8.22, 0, '01', '8050', 'Shipping costs'],
    ],
    vat: [[21, 52.71, 11.07]],
  },
];

export const goldenOrders = (): Record<string, unknown>[] => goldens.map((g) => shopOrder(g.order));
