// Order arithmetic in cents: row amounts, coupon spread over VAT rates, ex-VAT orders.
import { describe, expect, it } from 'vitest';
import { convertPrice, orderAmounts, rowAmounts } from './order-math';

const base = {
  rowsIncludeTax: true,
  shippingIncludesTax: true,
  taxesIncluded: true,
  shippingCents: 495,
  shippingTax: 21,
  paymethodCostsCents: 0,
  extraCostsCents: 0,
  discountCents: 0,
  creditPointCents: 0,
};

describe('order math', () => {
  it('computes row amounts with discount and attribute prices', () => {
    expect(rowAmounts({ priceCents: 1995, discountCents: 200, extraCents: 150, count: 3, tax: 21 })).toEqual({
      sellingCents: 1795,
      priceWithAttributesCents: 1945,
      totalCents: 5385,
      totalExtraCents: 450,
      totalWithAttributesCents: 5835,
    });
  });

  it('adds up an incl. VAT order with two rates and a coupon', () => {
    const o = orderAmounts({
      ...base,
      rows: [
        { priceCents: 12100, discountCents: 0, extraCents: 0, count: 1, tax: 21 },
        { priceCents: 10900, discountCents: 0, extraCents: 0, count: 1, tax: 9 },
      ],
      discountCents: 2300,
    });
    expect(o.rowsTotalCents).toBe(23000);
    // 23000 + 495 - 2300; the coupon is split 1210 / 1090 over 21% and 9%.
    expect(o.totalPriceCents).toBe(21195);
    // Rows: 10890 * 21/121 + 9810 * 9/109 = 1890 + 810; shipping: round(495 * 21/121) = 86.
    expect(o.totalTaxCents).toBe(2700 + 86);
  });

  it('adds the tax on top of an ex. VAT order', () => {
    const o = orderAmounts({ ...base, rowsIncludeTax: false, shippingIncludesTax: false, rows: [{ priceCents: 10000, discountCents: 0, extraCents: 0, count: 2, tax: 21 }] });
    expect(o.totalTaxCents).toBe(4200 + 104);
    expect(o.totalPriceCents).toBe(20000 + 495 + 4304);
  });

  it('shows no tax when taxes are not included', () => {
    const o = orderAmounts({ ...base, taxesIncluded: false, rows: [{ priceCents: 1000, discountCents: 0, extraCents: 0, count: 1, tax: 21 }] });
    expect(o).toEqual({ rowsTotalCents: 1000, totalTaxCents: 0, totalPriceCents: 1495 });
  });

  it('converts prices between incl. and ex. VAT', () => {
    expect(convertPrice(12100, 21, true, false)).toBe(10000);
    expect(convertPrice(10000, 9, false, true)).toBe(10900);
    expect(convertPrice(999, 21, true, true)).toBe(999);
  });
});
