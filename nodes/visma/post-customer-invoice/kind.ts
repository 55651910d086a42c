import { z } from 'zod';
import { VismaApiError, customerInvoiceInputSchema } from '../../../connectors/visma-net/index';
import type { DocumentPlan } from '../../shared/orders/document-plan';
import { asInput, clean } from '../../shared/orders/post-kind';
import type { KindContext, PostKind } from '../../shared/orders/post-kind';
import { ReferenceIndex } from '../../shared/orders/reference-index';
import { postOrderShape } from '../../shared/orders/post-params';
import { roundingShape } from '../../shared/orders/cent-exact';
import { fromCents } from '../../shared/orders/money';

export const invoiceParamsSchema = z.strictObject({
  ...postOrderShape,
  hold: z.boolean().default(false).meta({ title: 'On hold', description: 'Create the invoice on hold, for a person to check before it is released.', ui: { widget: 'toggle' } }),
  release: z.boolean().default(false).meta({ title: 'Release', description: 'Release (post) the invoice right after creating it.', ui: { widget: 'toggle' } }),
  centCorrection: z
    .enum(['vat-amount', 'rounding-line'])
    .default('vat-amount')
    .meta({
      title: 'When Visma.net\'s VAT is a cent off',
      description: 'Visma.net works out the VAT itself; where that differs from what the shop charged, the invoice would not total what the customer paid.',
      ui: {
        widget: 'select',
        options: [
          { value: 'vat-amount', label: 'give the VAT amount the shop charged' },
          { value: 'rounding-line', label: 'add a rounding line' },
        ],
      },
    }),
  ...roundingShape,
});
export type InvoiceParams = z.infer<typeof invoiceParamsSchema>;

function document(plan: DocumentPlan, p: InvoiceParams) {
  return clean({
    customerNumber: plan.customerNumber ?? '(new customer)',
    documentDate: plan.date,
    externalReference: plan.reference,
    customerRefNumber: plan.reference,
    invoiceText: plan.description,
    currencyId: plan.currency,
    paymentMethodId: plan.paymentMethod,
    creditTermsId: plan.creditTerms,
    branchNumber: p.branch.trim() || undefined,
    customerVatZoneId: plan.vatZone,
    hold: p.hold,
    // The VAT the shop charged, where Visma.net's own would differ (cent-exact.ts).
    taxDetailLines:
      plan.correction.kind === 'vat-amount'
        ? plan.correction.taxes.map((t) => ({ taxId: t.vatId, taxableAmount: fromCents(t.taxableCents), vatAmount: fromCents(t.vatCents) }))
        : undefined,
    invoiceLines: plan.lines.map((l) =>
      clean({
        operation: 'Insert',
        inventoryNumber: l.inventoryId,
        description: l.description,
        quantity: l.quantity,
        unitPriceInCurrency: l.unitPrice,
        discountAmountInCurrency: l.discountAmount > 0 ? l.discountAmount : undefined,
        manualDiscount: l.discountAmount > 0 ? true : undefined,
        vatCodeId: l.vatCode,
        accountNumber: l.account,
      }),
    ),
  });
}

/** The financial period of a document date `YYYY-MM-DD`: `YYYYMM`. */
const periodOf = (date: string) => date.slice(0, 7).replace('-', '');

/**
 * Sales invoices are customer invoices (reference/visma-net/README.md §6.4): created on /v2, found by the
 * `externalReference` filter, or, once a run has more than a few orders of a period, from all invoices of that
 * period read at once (`financialPeriod` filter) — one call per page of invoices instead of one per order.
 */
export function createInvoiceKind(): PostKind<InvoiceParams> {
  let index: ReferenceIndex | undefined;
  const indexFor = (k: KindContext) =>
    (index ??= new ReferenceIndex(
      async (period) => {
        const refs = new Map<string, string>();
        for await (const invoice of k.client.customerInvoices.iterate({ financialPeriod: period, signal: k.signal })) {
          if (invoice.externalReference && invoice.referenceNumber) refs.set(invoice.externalReference, invoice.referenceNumber);
        }
        return refs;
      },
      async (reference) => {
        const hits = await k.client.customerInvoices.findByExternalReference(reference, { signal: k.signal });
        return hits.find((h) => h.referenceNumber)?.referenceNumber ?? undefined;
      },
    ));
  return {
    ...invoiceKind,
    find: (basics, _p, k, fresh) => indexFor(k).find(basics.reference, periodOf(basics.date), fresh),
  };
}

const invoiceKind: PostKind<InvoiceParams> = {
  scope: 'customer-invoice',
  target: 'customer invoice',
  needsItems: true,
  usesCarrier: false,
  centCorrection: (p) => ({ mode: p.centCorrection, rounding: p }),
  build: (plan, p) => Promise.resolve(document(plan, p)),
  validate: (doc, key) => void asInput(customerInvoiceInputSchema, doc, 'customer invoice', key),
  async find(basics, _p, k) {
    const hits = await k.client.customerInvoices.findByExternalReference(basics.reference, { signal: k.signal });
    return hits.find((h) => h.referenceNumber)?.referenceNumber ?? undefined;
  },
  async create(doc, basics, _p, k, findExisting) {
    const input = asInput(customerInvoiceInputSchema, doc, 'customer invoice', basics.key);
    return (await k.client.customerInvoices.create(input, { signal: k.signal, findExisting })).id;
  },
  async after(id, p, k, key) {
    if (!p.release || p.hold) return;
    try {
      const r = await k.client.customerInvoices.release(id, { signal: k.signal });
      if (r.actionResult && r.actionResult !== 'Done') k.log('warn', `Invoice ${id} was created but not released: ${r.errorInfo ?? r.actionResult}. Release it in Visma.net.`, key);
    } catch (error) {
      if (!(error instanceof VismaApiError)) throw error;
      k.log('warn', `Invoice ${id} was created but not released: ${error.message} Release it in Visma.net.`, key);
    }
  },
};
