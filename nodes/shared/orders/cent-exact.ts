import { z } from 'zod';
import type { JsonObject } from '../../../engine';
import type { DocumentPlan, PlanLine } from './document-plan';
import { formatAmount, fromCents, vatOnNet } from './money';
import type { OrderPart } from './order-amounts';
import { recordProblem } from '../messages';
import type { VatBook } from './vat-book';

/**
 * Visma.net works out the VAT of a sales order or customer invoice itself: per VAT id (the document's VAT zone with
 * the line's VAT category, reference/visma-net/README.md §6.4, §6.6), the rate on the sum of the line amounts,
 * rounded to the cent [I: on the total per VAT id, as the simulator does]. The shop may have charged a cent more or
 * less (VAT taken out of prices with VAT, or rounded per line). This module finds that difference and the
 * correction that makes the document total what the customer paid:
 * - `vat-amount`: the VAT per VAT id is given on the document (customer invoices: `taxDetailLines`);
 * - `rounding-line`: one line of the difference on a rounding item with a 0% VAT code (sales orders, whose V3 API
 *   takes no VAT amounts, and invoices where the VAT id cannot be known).
 * Journal transactions book the VAT lines themselves and need neither.
 */

export const roundingShape = {
  roundingItem: z.string().default('AFRONDING').meta({
    title: 'Rounding item',
    description: "The Visma.net item of the rounding line, when Visma.net's VAT would make the document differ a few cents from what the customer paid. Empty = fail such orders instead.",
    ui: { widget: 'text' },
  }),
  roundingVatCode: z.string().default('04').meta({ title: 'VAT code of the rounding line', description: 'A Visma.net VAT code (category) with 0% in every VAT zone you sell in.', ui: { widget: 'text' } }),
  roundingAccount: z.string().default('').meta({ title: 'Account of the rounding line', description: 'Empty = the account of the rounding item.', ui: { widget: 'text' } }),
};
export type RoundingParams = { roundingItem: string; roundingVatCode: string; roundingAccount: string };

export type CentMode = 'vat-amount' | 'rounding-line';

export interface VatGroup {
  /** Undefined when Visma.net lists no zones and categories per VAT id (then grouped by VAT code). */
  vatId: string | undefined;
  vatCode: string;
  rate: number;
  netCents: number;
  /** What the shop charged. */
  shopVatCents: number;
  /** What Visma.net will compute. */
  vismaVatCents: number;
}

export type CentCorrection =
  | { kind: 'exact' }
  | { kind: 'vat-amount'; taxes: { vatId: string; taxableCents: number; vatCents: number; vismaVatCents: number; rate: number }[] }
  | { kind: 'rounding-line'; cents: number; line: PlanLine };

/** The VAT of the document per VAT id, as the shop charged it and as Visma.net will compute it. */
export async function vatGroups(plan: DocumentPlan, vat: VatBook): Promise<VatGroup[]> {
  const resolvable = await vat.canResolve();
  const groups = new Map<string, VatGroup>();
  for (const line of plan.lines) {
    const vatId = resolvable ? (await vat.resolve(plan.vatZone, line.vatCode, plan.when))?.vatId : undefined;
    const id = vatId ?? `code ${line.vatCode} ${line.rate}`;
    const g = groups.get(id) ?? { vatId, vatCode: line.vatCode, rate: line.rate, netCents: 0, shopVatCents: 0, vismaVatCents: 0 };
    g.netCents += line.part.netCents;
    g.shopVatCents += line.part.vatCents;
    groups.set(id, g);
  }
  for (const g of groups.values()) g.vismaVatCents = plan.reverseCharge ? 0 : vatOnNet(g.netCents, g.rate);
  return [...groups.values()];
}

function roundingPart(cents: number): OrderPart {
  return { kind: 'rounding', rowIndex: -1, row: undefined, description: 'Rounding difference', quantity: 1, rate: 0, inclusive: false, listCents: cents, rowDiscountCents: 0, orderDiscountCents: 0, valueCents: cents, netCents: cents, listNetCents: cents, vatCents: 0 };
}

/**
 * The correction that makes the document total what the customer paid, or `exact` when Visma.net's VAT is the
 * shop's. A rounding line is checked here (item set, 0% in the document's VAT zone); the item itself is checked
 * with the other items.
 */
export async function centCorrection(plan: DocumentPlan, vat: VatBook, mode: CentMode, p: RoundingParams): Promise<CentCorrection> {
  const groups = await vatGroups(plan, vat);
  const off = groups.filter((g) => g.shopVatCents !== g.vismaVatCents);
  if (off.length === 0) return { kind: 'exact' };
  if (mode === 'vat-amount' && off.every((g) => g.vatId !== undefined)) {
    return { kind: 'vat-amount', taxes: off.map((g) => ({ vatId: g.vatId ?? '', taxableCents: g.netCents, vatCents: g.shopVatCents, vismaVatCents: g.vismaVatCents, rate: g.rate })) };
  }
  const cents = off.reduce((s, g) => s + g.shopVatCents - g.vismaVatCents, 0);
  const paid = plan.amounts.totalCents;
  const item = p.roundingItem.trim();
  const vatCode = p.roundingVatCode.trim();
  const params = { key: plan.key, visma: formatAmount(paid - cents), paid: formatAmount(paid), difference: formatAmount(cents) };
  if (!item) throw recordProblem('order.centDifferenceNoRoundingItem', params, 'roundingItem');
  if (!vatCode) throw recordProblem('order.centDifferenceNoRoundingVatCode', params, 'roundingVatCode');
  if (await vat.canResolve()) {
    const hit = await vat.resolve(plan.vatZone, vatCode, plan.when);
    if (!hit || (hit.rate ?? 0) !== 0) throw recordProblem('order.roundingVatCodeNotZero', { ...params, vatCode, zone: plan.vatZone, rate: hit?.rate ?? '?' }, 'roundingVatCode');
  }
  const part = roundingPart(cents);
  const line: PlanLine = {
    kind: 'rounding',
    part,
    inventoryId: item,
    description: part.description,
    quantity: 1,
    unitPrice: fromCents(cents),
    discountAmount: 0,
    netAmount: fromCents(cents),
    rate: 0,
    vatCode,
    vatKey: vatCode,
    account: p.roundingAccount.trim() || undefined,
  };
  return { kind: 'rounding-line', cents, line };
}

/** What the log says about a correction, in the words of the document. */
export function correctionNote(plan: DocumentPlan, c: CentCorrection, document: string): string | undefined {
  if (c.kind === 'exact') return undefined;
  if (c.kind === 'vat-amount') {
    const what = c.taxes.map((t) => `${t.vatId} ${t.rate}%: ${formatAmount(t.vatCents)} instead of ${formatAmount(t.vismaVatCents)} on ${formatAmount(t.taxableCents)}`).join('; ');
    return `Order '${plan.key}': Visma.net's own VAT would not total what the customer paid (${formatAmount(plan.amounts.totalCents)}), so the ${document} gives the VAT amount the shop charged (${what}).`;
  }
  return `Order '${plan.key}': Visma.net's own VAT would make the ${document} total ${formatAmount(plan.amounts.totalCents - c.cents)} where the customer paid ${formatAmount(plan.amounts.totalCents)}, so a rounding line of ${formatAmount(c.cents)} (item ${c.line.inventoryId ?? ''}, VAT code ${c.line.vatCode}) was added.`;
}

/** The correction as data on the record passed on: which one, and by how much. */
export function correctionSummary(c: CentCorrection): JsonObject {
  if (c.kind === 'exact') return { kind: 'exact' };
  if (c.kind === 'rounding-line') return { kind: 'rounding-line', amount: fromCents(c.cents), item: c.line.inventoryId ?? null };
  return { kind: 'vat-amount', taxes: c.taxes.map((t) => ({ vatId: t.vatId, taxable: fromCents(t.taxableCents), vat: fromCents(t.vatCents), vismaVat: fromCents(t.vismaVatCents) })) };
}
