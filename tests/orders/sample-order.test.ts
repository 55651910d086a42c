// The real captured CCV order (reference samples/order_get_response_sample.json; the simulator's fixture is a
// verbatim copy) goes through the sales-order flow and becomes the right sales order.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { admin, clients, createCostItems, freshLedger, loadExample, run, startSims, written } from './harness';
import type { Sims } from './harness';

const samplePath = new URL('../../simulators/ccv-shop/fixtures/order-get-response-sample.json', import.meta.url);
const sample = z.looseObject({ order: z.looseObject({ id: z.number() }) }).parse(JSON.parse(readFileSync(samplePath, 'utf8'))).order;

let s: Sims;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
  await createCostItems(c.visma);
  // The capture has no rows (only their href). Its totals are rows + shipping 5.00 = 590.00 (tax 102.40 is 21% of
  // 590 inclusive), so the rows are worth 585.00: two articles of 292.50 that exist in Visma.net.
  const rows = [{ product_type: 'product', product_name: 'Voorbeeldartikel', product_number: 'ART-00008', sub_sku_number: '', count: 2, price: 292.5, discount: 0, tax: 21, attributes: [] }];
  await admin(s.ccv, 'POST', '/__sim/orders', { order: { ...sample, orderrows: rows } });
});
afterAll(async () => {
  await s.close();
});

describe('the real captured order', () => {
  it('becomes one sales order for a new private customer, field by field', async () => {
    const r = await run(loadExample('orders-sales-orders'), s, freshLedger());
    expect(r.records.filter((e) => e.action === 'failed')).toEqual([]);
    expect(r.records.filter((e) => e.nodeId === 'post').map((e) => [e.key, e.action, e.target])).toEqual([['1', 'created', 'sales order']]);

    const [customer] = await written(s.visma, 'customers');
    expect(customer).toMatchObject({
      name: 'Jan Jansen',
      customerClassId: 'PRIV',
      creditTermsId: 'DIRECT',
      vatZoneId: 'NL',
      vatRegistrationId: null,
      mainAddress: { addressLine1: 'Voorbeeldstraat 3', postalCode: '1234ab', city: 'Amsterdam', countryId: 'NL' },
      mainContact: { name: 'Jan Jansen', email: 'customer@example.com', phone1: '0612345678' },
    });

    const orders = await written(s.visma, 'salesOrders');
    expect(orders).toHaveLength(1);
    const address = { line1: 'Voorbeeldstraat 3', line2: '', line3: '', postalCode: '1234ab', city: 'Amsterdam', countryId: 'NL', stateId: null };
    const contact = { name: 'Jan Jansen', attention: '', email: 'customer@example.com', phone1: '0612345678' };
    const so = orders[0];
    expect(so).toMatchObject({
      type: 'SO',
      status: 'Open',
      // 21:51 UTC on 7 November is 22:51 in Amsterdam: still the 7th.
      date: '2022-11-07T00:00:00.000Z',
      description: 'CCV Shop order 1',
      currencyId: 'EUR',
      customerId: customer?.number,
      customerOrder: 'CCV-1',
      customerRefNo: 'CCV-1',
      termsId: '14D',
      taxZoneId: 'NL',
      // The delivery address is all empty strings in the capture: same as billing.
      billing: { address, contact },
      shipping: { address, contact, settings: { shipViaId: 'POSTNL' } },
      paymentSettings: { paymentMethodId: 'BANK' },
    });
    const lines = z.array(z.looseObject({})).parse(so?.lines);
    expect(lines.map((l) => [l.inventoryId, l.quantity, l.unitPrice, l.discountAmount, l.hasManualPrice, l.taxCategoryId, l.description])).toEqual([
      ['ART-00008', 2, 241.735, 0, true, '01', 'Voorbeeldartikel'],
      ['VERZENDKOSTEN', 1, 4.13, 0, true, '01', 'Shipping costs'],
    ]);
    const { order } = await c.visma.salesOrders.get('SO', String(so?.orderId));
    expect(order.totals).toMatchObject({ orderTotal: 590, taxTotal: 102.4 });
    // Written back to the shop: "In process".
    expect((await c.shop.orders.get(sample.id)).status).toBe(2);
  });
});
