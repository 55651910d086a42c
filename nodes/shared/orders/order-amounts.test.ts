import { describe, expect, it } from 'vitest';
import { orderRowSchema, orderSchema } from '../../../connectors/ccv-shop/index';
import { allocate, netFromGross } from './money';
import { orderAmounts } from './order-amounts';
import { RecordProblem } from './problem';

type Raw = Record<string, unknown>;
const order = (o: Raw) => orderSchema.parse({ id: 1, taxes_included: true, order_row_taxes_included: true, shipping_taxes_included: true, shipping_tax_percentage: 21, ...o });
const rows = (list: Raw[]) => list.map((r, i) => orderRowSchema.parse({ id: i + 1, ...r }));

/** [description, net, list net, VAT] per part, in cents. */
const summary = (a: ReturnType<typeof orderAmounts>) => a.parts.map((p) => [p.kind, p.netCents, p.listNetCents, p.vatCents]);

describe('money helpers', () => {
  it('finds the net amount that gives the gross back with VAT rounded on the net', () => {
    expect(netFromGross(5076, 21)).toBe(4195);
    expect(netFromGross(1034, 9)).toBe(949);
    expect(netFromGross(59000, 21)).toBe(48760);
  });

  it('splits cents by largest remainder, or all remaining cents to the largest part', () => {
    expect(allocate(5149, [5385, 695, 150])).toEqual([4451, 574, 124]);
    expect(allocate(500, [4990, 1125], 'to-largest')).toEqual([409, 91]);
    expect(allocate(500, [4990, 1125])).toEqual([408, 92]);
    expect(allocate(7, [0, 0])).toEqual([7, 0]);
  });
});

describe('orderAmounts', () => {
  it('takes an order with VAT apart: coupon over the rows by value, net per VAT rate adding up to what was paid', () => {
    const a = orderAmounts(
      '2001',
      order({ total_price: 61.1, total_discounts: 5, total_shipping: 4.95 }),
      rows([
        { product_number: 'ART-00000', count: 2, price: 24.95, discount: 0, tax: 21 },
        { product_number: 'ART-00009', count: 1, price: 12.5, discount: 1.25, tax: 9 },
      ]),
    );
    // 21%: 45.81 + 4.95 shipping = 50.76 gross = 41.95 net + 8.81; 9%: 10.34 = 9.49 + 0.85.
    expect(summary(a)).toEqual([
      ['product', 3786, 4124, 795],
      ['product', 949, 1147, 85],
      ['shipping', 409, 409, 86],
    ]);
    expect(a.parts.map((p) => p.orderDiscountCents)).toEqual([409, 91, 0]);
    expect(a.netCents + a.vatCents).toBe(6110);
    expect([...a.byRate]).toEqual([
      [21, { netCents: 4195, vatCents: 881 }],
      [9, { netCents: 949, vatCents: 85 }],
    ]);
  });

  it('keeps amounts without VAT as they are and takes the shop\'s VAT total', () => {
    const a = orderAmounts(
      '2005',
      order({ order_row_taxes_included: false, shipping_taxes_included: false, total_price: 271.75, total_tax: 37.66, total_discounts: 10, total_shipping: 4.09 }),
      rows([
        { count: 5, price: 28.88, discount: 0.88, tax: 21 },
        { count: 10, price: 10, discount: 0, tax: 9 },
      ]),
    );
    expect(summary(a)).toEqual([
      ['product', 13416, 14440, 2817],
      ['product', 9584, 10000, 863],
      ['shipping', 409, 409, 86],
    ]);
    expect(a.totalCents).toBe(27175);
  });

  it('spreads payment and extra costs with the shipping VAT rate, and takes the row total of the shop', () => {
    const a = orderAmounts(
      '2002',
      order({ total_price: 62.3, total_shipping: 6.95, paymethod_costs: 1.5 }),
      rows([{ count: 3, price: 19.95, discount: 2, tax: 21, total_price_with_attributes: 53.85 }]),
    );
    expect(summary(a)).toEqual([
      ['product', 4451, 4946, 934],
      ['shipping', 574, 574, 121],
      ['payment', 124, 124, 26],
    ]);
  });

  it('counts attribute prices in the row and treats "taxes_included: false" as no VAT', () => {
    const a = orderAmounts(
      '9',
      order({ taxes_included: false, total_price: 23, total_shipping: 0 }),
      rows([{ count: 2, price: 10, discount: 0, tax: 21, attributes: [{ option_name: 'Maat', value_name: 'L', price: 1.5 }] }]),
    );
    expect(a.parts[0]).toMatchObject({ rate: 0, netCents: 2300, vatCents: 0, description: 'Article (Maat: L)' });
  });

  it('refuses an order whose total is not its rows plus costs minus discounts, naming the amounts', () => {
    const run = () => orderAmounts('3001', order({ total_price: 590, total_shipping: 5 }), rows([{ count: 1, price: 590, tax: 21 }]));
    expect(run).toThrow(RecordProblem);
    expect(run).toThrow("Order '3001' does not add up: rows 590.00 + shipping and costs 5.00 - discounts 0.00 = 595.00, but the order total is 590.00.");
  });

  it('refuses a discount on an order without rows', () => {
    expect(() => orderAmounts('3002', order({ total_price: 0, total_discounts: 5 }), [])).toThrow('has a discount of 5.00 but no rows');
  });
});
