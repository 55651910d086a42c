import { z } from 'zod';
import { journalTransactionInputSchema } from '../../../connectors/visma-net/index';
import type { Json, JsonObject } from '../../../engine';
import type { DocumentPlan } from '../../shared/orders/document-plan';
import { fromCents } from '../../shared/orders/money';
import { asInput, clean } from '../../shared/orders/post-kind';
import type { KindContext, LookupBasics, PostKind } from '../../shared/orders/post-kind';
import { postOrderShape } from '../../shared/orders/post-params';
import { tableCode } from '../../shared/orders/tables';
import type { Tables } from '../../shared/orders/tables';

export const journalParamsSchema = z.strictObject({
  ...postOrderShape,
  receivableTable: z
    .string()
    .default('receivable-account-per-payment-method')
    .meta({ title: 'Receivable account per pay method', description: 'The account the order total is debited to, per CCV pay method: the interim account of the payment provider, or debtors.', ui: { widget: 'text' } }),
  vatAccount: z.string().min(1).default('1500').meta({ title: 'VAT account', description: 'VAT payable (af te dragen BTW).', ui: { widget: 'text' } }),
  hold: z.boolean().default(false).meta({ title: 'On hold', description: 'Create the batch on hold.', ui: { widget: 'toggle' } }),
  transactionCode: z.string().default('').meta({ title: 'Transaction code', description: 'Optional Visma.net transaction code.', ui: { widget: 'text' } }),
});
export type JournalParams = z.infer<typeof journalParamsSchema>;

const period = (date: string): string => date.slice(0, 7).replace('-', '');

function line(account: string, cents: number, text: string, reference: string, extra: Record<string, string | undefined> = {}): JsonObject {
  // A negative credit (extra costs used as a discount) is a debit.
  const debit = cents < 0 ? fromCents(-cents) : 0;
  const credit = cents < 0 ? 0 : fromCents(cents);
  return clean({ operation: 'Insert', accountNumber: account, creditAmountInCurrency: credit, debitAmountInCurrency: debit, referenceNumber: reference, transactionDescription: text, ...extra });
}

interface Group {
  account: string;
  vatCode: string;
  rate: number;
  text: string;
  cents: number;
}

async function document(plan: DocumentPlan, p: JournalParams, k: KindContext, tables: Tables): Promise<JsonObject> {
  const receivable = tableCode(tables, p.receivableTable, [plan.payMethodKey], 'receivableTable', { code: 'table.noReceivableAccount', params: { payMethod: plan.payMethodKey } });
  const groups = new Map<string, Group>();
  for (const l of plan.lines) {
    const text =
      l.kind === 'product' ? `Sales ${l.rate}%${plan.reverseCharge ? ' (VAT reverse-charged)' : ''}` : l.kind === 'shipping' ? 'Shipping costs' : l.kind === 'payment' ? 'Payment costs' : l.description;
    const id = `${l.kind === 'product' ? 'product' : l.kind}\u0000${l.account ?? ''}\u0000${l.vatCode}\u0000${l.rate}`;
    const g = groups.get(id) ?? { account: l.account ?? '', vatCode: l.vatCode, rate: l.rate, text, cents: 0 };
    g.cents += l.part.netCents;
    groups.set(id, g);
  }
  const canResolve = await k.vat.canResolve();
  const vatIdOf = async (code: string): Promise<string | undefined> => (canResolve ? (await k.vat.resolve(plan.vatZone, code, plan.when))?.vatId : undefined);
  const lines: Json[] = [line(receivable, -plan.amounts.totalCents, plan.description, plan.reference)];
  for (const g of groups.values()) lines.push(line(g.account, g.cents, g.text, plan.reference, { vatCodeId: g.vatCode, vatId: await vatIdOf(g.vatCode) }));
  for (const [rate, r] of plan.amounts.byRate) {
    if (r.vatCents === 0) continue;
    const code = plan.lines.find((l) => l.rate === rate)?.vatCode;
    lines.push(line(p.vatAccount, r.vatCents, `VAT ${rate}%`, plan.reference, { vatCodeId: code, vatId: code ? await vatIdOf(code) : undefined }));
  }
  return clean({
    transactionDate: plan.date,
    description: plan.description,
    currencyId: plan.currency,
    branch: p.branch.trim() || undefined,
    hold: p.hold,
    transactionCode: p.transactionCode.trim() || undefined,
    journalTransactionLines: lines,
  });
}

/**
 * A financial mutation per order (journal transaction v2, reference/visma-net/README.md §6.5): the total on the receivable account,
 * revenue per VAT rate and country, shipping and payment costs on their accounts, VAT on the VAT account. Journals
 * have no reference filter, so look-ups scan the GL batches of the order's period for the reference on a line.
 */
export function createJournalKind(tables: Tables): PostKind<JournalParams> {
  const byPeriod = new Map<string, Map<string, string>>();
  const scan = async (periodId: string, k: KindContext): Promise<Map<string, string>> => {
    const refs = new Map<string, string>();
    for await (const batch of k.client.journalTransactions.iterate({ periodId, module: 'GL', signal: k.signal })) {
      for (const l of batch.journalTransactionLines ?? []) if (l.referenceNumber && batch.batchNumber) refs.set(l.referenceNumber, batch.batchNumber);
    }
    return refs;
  };
  const find = async (basics: LookupBasics, k: KindContext, fresh: boolean): Promise<string | undefined> => {
    const id = period(basics.date);
    let refs = fresh ? undefined : byPeriod.get(id);
    if (!refs) {
      refs = await scan(id, k);
      // Keep a few periods only: runs usually cover one or two months.
      if (byPeriod.size >= 6) byPeriod.clear();
      byPeriod.set(id, refs);
    }
    return refs.get(basics.reference);
  };
  return {
    scope: 'journal-transaction',
    target: 'journal transaction',
    needsItems: false,
  usesCarrier: false,
    build: (plan, p, k) => document(plan, p, k, tables),
    validate: (doc, key) => void asInput(journalTransactionInputSchema, doc, 'journal transaction', key),
    find: (basics, _p, k, fresh) => find(basics, k, fresh),
    async create(doc, basics, _p, k, findExisting) {
      const input = asInput(journalTransactionInputSchema, doc, 'journal transaction', basics.key);
      const id = (await k.client.journalTransactions.create(input, { signal: k.signal, findExisting })).id;
      byPeriod.get(period(basics.date))?.set(basics.reference, id);
      return id;
    },
  };
}
