import { z } from 'zod';
import { createRecord, type CreateResult } from '../create';
import { VismaApiError } from '../errors';
import { idFromLocation } from '../ids';
import type { QueryParams } from '../query';
import type { WrapSpec } from '../wrap';
import {
  attachmentSchema,
  bool,
  documentDates,
  getOne,
  idDescription,
  int,
  lineOperation,
  num,
  pagesOf,
  put,
  seg,
  segmentsInput,
  str,
  text,
  withMetadata,
  wrappedBody,
  type CallOptions,
  type PageOptions,
  type ResourceContext,
} from './support';

export const journalTransactionLineSchema = z.looseObject({
  lineNumber: int,
  accountNumber: str,
  description: str,
  subaccount: z.looseObject({ subaccountNumber: str, description: str }).nullish(),
  referenceNumber: str,
  debitAmount: num,
  debitAmountInCurrency: num,
  creditAmount: num,
  creditAmountInCurrency: num,
  transactionDescription: str,
  vatCode: idDescription.nullish(),
  vat: idDescription.nullish(),
  branch: str,
  customerSupplier: str,
  quantity: num,
  uom: str,
  note: str,
});

export const journalTransactionSchema = z.looseObject({
  module: str,
  batchNumber: str,
  status: str,
  hold: bool,
  transactionDate: str,
  postPeriod: str,
  financialPeriod: str,
  ledger: str,
  currencyId: str,
  exchangeRate: num,
  description: str,
  debitTotal: num,
  creditTotal: num,
  controlTotal: num,
  branch: str,
  transactionCode: str,
  lastModifiedDateTime: str,
  timeStamp: str,
  journalTransactionLines: z.array(journalTransactionLineSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  ...withMetadata,
});
export type JournalTransaction = z.infer<typeof journalTransactionSchema>;

export const journalTransactionInputSchema = z.strictObject({
  batchNumber: text,
  hold: z.boolean().nullish(),
  /** Sent without a time zone (reference/visma-net/README.md §6.5). */
  transactionDate: z.union([z.date(), z.string()]).nullish(),
  postPeriod: text,
  financialPeriod: text,
  ledger: text,
  currencyId: text,
  exchangeRate: z.number().nullish(),
  autoReversing: z.boolean().nullish(),
  description: text,
  controlTotalInCurrency: z.number().nullish(),
  createVatTransaction: z.boolean().nullish(),
  skipVatAmountValidation: z.boolean().nullish(),
  transactionCode: text,
  branch: text,
  overrideNumberSeries: z.boolean().nullish(),
  journalTransactionLines: z
    .array(
      z.strictObject({
        operation: lineOperation,
        lineNumber: z.number().int().nullish(),
        accountNumber: text,
        subaccount: segmentsInput,
        project: text,
        projectTask: text,
        referenceNumber: text,
        transactionDescription: text,
        debitAmountInCurrency: z.number().nullish(),
        creditAmountInCurrency: z.number().nullish(),
        vatCodeId: text,
        vatId: text,
        branch: text,
        uom: text,
        quantity: z.number().nullish(),
        note: text,
      }),
    )
    .nullish(),
});
export type JournalTransactionInput = z.input<typeof journalTransactionInputSchema>;

export const journalTransactionWrapSpec: WrapSpec = { journalTransactionLines: { fields: { subaccount: 'raw' } } };

export interface JournalTransactionListOptions extends PageOptions {
  /** `YYYYPP`; this or `lastModifiedSince` is required by Visma.net. */
  periodId?: string;
  /** This endpoint has no `…Condition` parameter: it means "modified since". */
  lastModifiedSince?: Date | string;
  module?: string;
  status?: string;
  branch?: string;
  expandAttachments?: boolean;
}

const lineCount = (t: JournalTransaction) => Math.max(1, t.journalTransactionLines?.length ?? 0);

/** Journal transactions v2 (reference/visma-net/README.md §6.5). Paging counts lines and a batch may straddle two pages. */
export class JournalTransactionsResource {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * Batches, merged when Visma.net split one across pages (same `batchNumber` at the end of one page and the start
   * of the next). At most one page plus one held-back batch is in memory.
   */
  async *iterate(o: JournalTransactionListOptions = {}): AsyncGenerator<JournalTransaction> {
    if (!o.periodId && !o.lastModifiedSince) {
      throw new VismaApiError({
        kind: 'validation',
        method: 'GET',
        path: '/v2/journaltransaction',
        message: 'Visma.net lists journal transactions only for a period or since a date: set a period (YYYYPP) or a "modified since" date.',
      });
    }
    const since = o.lastModifiedSince instanceof Date ? new Date(o.lastModifiedSince.getTime() - this.ctx.config.deltaOverlapMs) : o.lastModifiedSince;
    const query: QueryParams = { periodId: o.periodId, lastModifiedDateTime: since, module: o.module, status: o.status, branch: o.branch, expandAttachments: o.expandAttachments };
    let held: JournalTransaction | undefined;
    for await (const page of pagesOf(this.ctx, '/v2/journaltransaction', journalTransactionSchema, 'the journal transactions', query, { ...o, weight: lineCount })) {
      for (const batch of page) {
        if (held && batch.batchNumber && held.batchNumber === batch.batchNumber && held.module === batch.module) {
          held = { ...held, journalTransactionLines: [...(held.journalTransactionLines ?? []), ...(batch.journalTransactionLines ?? [])] };
          continue;
        }
        if (held) yield held;
        held = batch;
      }
    }
    if (held) yield held;
  }

  async get(journalTransactionNumber: string, opts: CallOptions = {}): Promise<JournalTransaction> {
    return getOne(this.ctx, `/v2/journaltransaction/${seg(this.ctx, journalTransactionNumber)}`, journalTransactionSchema, `journal transaction '${journalTransactionNumber}'`, opts);
  }

  /** Creates a batch; returns its number from `Location`. Not repeated after a failure in transit without a lookup. */
  async create(input: JournalTransactionInput, opts: CallOptions & { findExisting?: () => Promise<string | undefined> } = {}): Promise<CreateResult<string>> {
    const path = '/v2/journaltransaction';
    const what = `the journal transaction${input.description ? ` '${input.description}'` : ''}`;
    const tz = this.ctx.config.filterTimeZone;
    const body = wrappedBody(journalTransactionInputSchema, journalTransactionWrapSpec, documentDates(input, ['transactionDate'], tz), { method: 'POST', path }, what, { timeZone: tz });
    return createRecord(this.ctx.transport, { service: 'main', path, body, what, signal: opts.signal }, idFromLocation, { findExisting: opts.findExisting });
  }

  async update(journalTransactionNumber: string, input: JournalTransactionInput, opts: CallOptions = {}): Promise<void> {
    const path = `/v2/journaltransaction/${seg(this.ctx, journalTransactionNumber)}`;
    const what = `journal transaction '${journalTransactionNumber}'`;
    const tz = this.ctx.config.filterTimeZone;
    const body = wrappedBody(journalTransactionInputSchema, journalTransactionWrapSpec, documentDates(input, ['transactionDate'], tz), { method: 'PUT', path }, what, { timeZone: tz });
    await put(this.ctx, path, body, what, opts);
  }
}
