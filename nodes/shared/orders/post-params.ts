import { z } from 'zod';
import type { JsonObject } from '../../../engine';

/** Parameters every "post order" node shares; the document-specific ones are added by each node. */

const tableName = (title: string, name: string, description: string) =>
  z.string().default(name).meta({ title, description, ui: { widget: 'text' } });
const optionalTable = (title: string, name: string, description: string) =>
  z.string().default(name).meta({ title, description: `${description} Leave empty to not send it.`, ui: { widget: 'text' } });
const expression = (title: string, value: string, description: string) => z.string().min(1).default(value).meta({ title, description, ui: { widget: 'expression' } });
const text = (title: string, description: string, value = '') => z.string().default(value).meta({ title, description, ui: { widget: 'text' } });

export const postOrderShape = {
  referencePrefix: text(
    'Reference prefix',
    "Put before the shop order number to make the reference in Visma.net, e.g. CCV- gives CCV-1001; Koppel finds documents back by this reference. Empty = the prefix of the shop connection the order came from (set under Connections: CCV- for the first shop, CCV2- for a second), so several shops can book into one administration.",
  ),
  customerNumber: expression('Customer number', 'vismaCustomer.number', 'Which Visma.net customer the order is for; "Find or create customer" before this step fills vismaCustomer.number.'),
  defaultCustomer: text('Default customer', 'A customer number for orders that have none (e.g. one "webshop" debtor for all private orders).'),
  sku: expression('Item number of a row', 'sub_sku_number ? sub_sku_number : product_number', 'Evaluated on every order row: the Visma.net item (inventory) number. Variants carry their own SKU in sub_sku_number.'),
  description: expression('Document text', "'CCV Shop order ' & $key", 'The description of the document in Visma.net.'),
  shippingMethod: expression('Shipping method', 'delivery_option ? delivery_option : deliver_method', 'The key for the shipping tables: CCV has no shipping method name, so the delivery option (PG = pick-up point) or the deliver method (shipping, pickup).'),
  homeCountry: text('Home country', "The shop's own country (ISO code); business customers elsewhere in the EU with a VAT number are intra-community.", 'NL'),
  timeZone: text('Time zone', 'The document date is the order date in this time zone.', 'Europe/Amsterdam'),
  priceDecimals: z.number().int().min(2).max(6).default(4).meta({ title: 'Decimals of unit prices', description: 'Unit prices without VAT get this many decimals, so that quantity x price gives the exact line amount. Use what Visma.net is set up for.', ui: { widget: 'number' } }),
  vatZoneTable: tableName('VAT zone per country', 'vat-zone-per-country', 'Visma.net VAT zone per customer country (key NL, BE, ...; EU-B2B for intra-community business customers).'),
  vatCodeTable: tableName('VAT code per country and rate', 'vat-code-per-country-rate', 'Visma.net VAT code (category) per country and VAT percentage (key NL-21, BE-6, ...; EU-B2B for reverse charge).'),
  revenueAccountTable: tableName('Revenue account per country', 'revenue-account-per-country', 'Revenue (sales) account per country; a row for country and rate (NL-9) wins over the country (NL).'),
  paymentMethodTable: tableName('Payment method', 'payment-method', 'Visma.net payment method per CCV pay method (paymethod, e.g. MollieIdeal).'),
  creditTermsTable: optionalTable('Credit terms per pay method', 'credit-terms-per-payment-method', 'Visma.net credit terms per CCV pay method.'),
  shippingItemTable: tableName('Shipping item', 'shipping-item-per-method', 'The Visma.net item that carries the shipping costs, per shipping method.'),
  carrierTable: optionalTable('Carrier', 'carrier-per-shipping-method', 'Visma.net carrier (ship via) per shipping method.'),
  paymentCostItem: text('Item for payment costs', 'The Visma.net item for payment costs (paymethod_costs).', 'BETAALKOSTEN'),
  extraCostItem: text('Item for extra costs', 'The Visma.net item for extra costs (extra_costs).', 'BETAALKOSTEN'),
  shippingAccount: text('Account for shipping costs', 'Revenue account of the shipping line; empty = the account of the item / the revenue table.', '8050'),
  paymentCostAccount: text('Account for payment and extra costs', 'Revenue account of payment and extra costs; empty = the account of the item / the revenue table.', '8060'),
  branch: text('Branch', 'Visma.net branch number; empty = the company default.'),
  checkItems: z.boolean().default(true).meta({ title: 'Check items', description: 'Fail an order with a clear reason when one of its items is missing or inactive in Visma.net, before anything is posted.', ui: { widget: 'toggle' } }),
  checkVatRates: z.boolean().default(true).meta({ title: 'Check VAT rates', description: "Fail an order when Visma.net's VAT for a line (zone + VAT code) is not the percentage the shop charged.", ui: { widget: 'toggle' } }),
  lookupBeforePosting: z.boolean().default(true).meta({ title: 'Look for the document in Visma.net first', description: 'Skip an order whose reference is already in Visma.net, also when this computer has never sent it.', ui: { widget: 'toggle' } }),
};

export const postOrderBaseSchema = z.strictObject(postOrderShape);
export type PostOrderParams = z.infer<typeof postOrderBaseSchema>;

/**
 * The expressions and tables of the shared params, so flow validation compiles them and checks the tables exist;
 * `uses` leaves out what a document type does not need (items for journals, a carrier for invoices).
 */
export function postOrderExpressions(p: PostOrderParams, uses: { items: boolean; carrier: boolean } = { items: true, carrier: true }): { field: string; source: string }[] {
  const table = (field: string, name: string) => (name.trim() ? [{ field, source: `$table(${JSON.stringify(name)}, '')` }] : []);
  return [
    { field: 'customerNumber', source: p.customerNumber },
    ...(uses.items ? [{ field: 'sku', source: p.sku }] : []),
    { field: 'description', source: p.description },
    { field: 'shippingMethod', source: p.shippingMethod },
    ...table('vatZoneTable', p.vatZoneTable),
    ...table('vatCodeTable', p.vatCodeTable),
    ...table('revenueAccountTable', p.revenueAccountTable),
    ...table('paymentMethodTable', p.paymentMethodTable),
    ...table('creditTermsTable', p.creditTermsTable),
    ...(uses.items ? table('shippingItemTable', p.shippingItemTable) : []),
    ...(uses.carrier ? table('carrierTable', p.carrierTable) : []),
  ];
}

/**
 * Version 1 → 2 of the "post order" steps: the reference prefix became "empty = the shop connection's prefix".
 * Version 1 saved CCV- (its default) in every flow, which would hide a second shop's prefix; a file that has
 * exactly that now follows its shop connection, whose prefix is CCV- unless set otherwise. Other prefixes stay.
 */
export function migratePostOrderParams(fromVersion: number, params: JsonObject): JsonObject {
  if (fromVersion >= 2 || params.referencePrefix !== 'CCV-') return params;
  const { referencePrefix: _old, ...rest } = params;
  return rest;
}
