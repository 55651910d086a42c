// Orders that cannot be posted fail with a reason a bookkeeper can act on; nothing is posted for them and the
// other orders go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldens, shopOrder } from './golden-orders';
import type { Golden } from './golden-orders';
import { clients, createCostItems, freshLedger, insertOrders, loadExample, run, startSims, written } from './harness';
import type { Sims } from './harness';

let s: Sims;

const base = goldens[0]?.order;
if (!base) throw new Error('no golden order');
const variant = (id: number, change: Partial<Golden['order']>) => shopOrder({ ...base, id: 600000 + id, number: id, ...change });

/** Each bad order next to a good one; the keys are the order numbers. */
const bad = [
  variant(3001, { rows: [{ sku: 'NO-SUCH-ITEM', name: 'Onbekend', count: 1, price: 56.15, tax: 21 }], discount: 0, coupon: undefined, total: 61.1 }),
  variant(3002, { person: { ...base.person, email: 'koen@example.be', country: 'BE' }, rows: [{ sku: 'ART-00000', name: 'Mok', count: 1, price: 56.15, tax: 12 }], discount: 0, coupon: undefined, total: 61.1 }),
  variant(3003, { person: { ...base.person, email: 'ute@example.de', country: 'DE' }, rows: [{ sku: 'ART-00000', name: 'Mok', count: 1, price: 56.15, tax: 19 }], discount: 0, coupon: undefined, total: 61.1 }),
  variant(3004, { total: 60.1 }),
  variant(3005, { paymethod: 'Klarna' }),
];

beforeAll(async () => {
  s = await startSims();
  await createCostItems(clients(s).visma);
  await insertOrders(s.ccv, [shopOrder(base), ...bad]);
});
afterAll(async () => {
  await s.close();
});

describe('orders that cannot be posted', () => {
  it('fail one by one with what to fix, while the good order is posted', async () => {
    const r = await run(loadExample('orders-sales-orders'), s, freshLedger());
    expect(r.summary.status).toBe('partial');
    const failed = new Map(r.records.filter((e) => e.nodeId === 'post' && e.action === 'failed').map((e) => [e.key, e.reason]));
    expect(failed.get('3001')).toBe(
      "Item 'NO-SUCH-ITEM' of order '3001', row 1 ('Onbekend'), does not exist in Visma.net. Create the item in Visma.net, or correct the SKU in CCV Shop ('Item number of a row').",
    );
    expect(failed.get('3002')).toBe("No VAT code for country 'BE' rate 12 in table 'vat-code-per-country-rate': add a row 'BE-12'.");
    expect(failed.get('3003')).toBe(
      "Visma.net would charge 21% VAT (NLH: zone 'NL', VAT code '01') on 'Mok' of order '3003', where the shop charged 19%. Check row 'DE-19' of table 'vat-code-per-country-rate' and row 'DE' of table 'vat-zone-per-country'.",
    );
    expect(failed.get('3004')).toBe(
      "Order '3004' does not add up: rows 61.15 + shipping and costs 4.95 - discounts 5.00 = 61.10, but the order total is 60.10. Koppel posts nothing for it; check the order in CCV Shop.",
    );
    expect(failed.get('3005')).toBe("No Visma.net payment method for pay method 'Klarna' in table 'payment-method': add a row 'Klarna'.");
    expect([...failed.keys()].sort()).toEqual(['3001', '3002', '3003', '3004', '3005']);

    const orders = await written(s.visma, 'salesOrders');
    expect(orders.map((o) => o.customerRefNo)).toEqual(['CCV-2001']);
    // The failed orders keep status New in the shop, so they come back once fixed.
    const shop = clients(s).shop;
    expect((await shop.orders.get(600000 + 3001)).status).toBe(1);
    expect((await shop.orders.get(base.id)).status).toBe(2);
  });
});
