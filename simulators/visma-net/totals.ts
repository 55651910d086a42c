// Amount and VAT arithmetic shared by sales orders and customer invoices (prices exclude VAT [I]).
import { money } from './rng';
import { resolveVat } from './seed-vat';

export interface AmountLine {
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  discountAmount: number;
  vatCategory: string | null;
}

export function lineGross(l: AmountLine): number {
  return money(l.quantity * l.unitPrice);
}

export function lineDiscount(l: AmountLine): number {
  return l.discountAmount > 0 ? money(l.discountAmount) : money((lineGross(l) * l.discountPercent) / 100);
}

export function lineNet(l: AmountLine): number {
  return money(lineGross(l) - lineDiscount(l));
}

export interface TaxRow {
  vatId: string;
  rate: number;
  taxable: number;
  tax: number;
}

/** Groups lines by VAT id; lines whose zone/category has no VAT id are skipped (they were rejected on write). */
export function taxRows(lines: AmountLine[], zoneId: string | null, extra: { amount: number; vatCategory: string | null }[] = []): TaxRow[] {
  const rows = new Map<string, TaxRow>();
  const add = (amount: number, category: string | null): void => {
    const vat = resolveVat(zoneId, category);
    if (!vat) return;
    const row = rows.get(vat.vatId) ?? { vatId: vat.vatId, rate: vat.rate, taxable: 0, tax: 0 };
    row.taxable = money(row.taxable + amount);
    row.tax = money((row.taxable * vat.rate) / 100);
    rows.set(vat.vatId, row);
  };
  for (const l of lines) add(lineNet(l), l.vatCategory);
  for (const e of extra) if (e.amount) add(e.amount, e.vatCategory);
  return [...rows.values()];
}

/** A unit price kept with the company's price decimals, half away from zero [I]. */
export function priceAt(price: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(price) * Math.round(Math.abs(price) * f + 1e-7)) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function sum(ns: number[]): number {
  return money(ns.reduce((a, b) => a + b, 0));
}
