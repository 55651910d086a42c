import { createRecord, type CreateResult } from '../create';
import { idFromLocation } from '../ids';
import type { VismaRequest } from '../transport';
import { deltaParams, type DeltaFilter, type QueryParams } from '../query';
import {
  customerInvoiceInputSchema,
  customerInvoiceSchema,
  customerInvoiceWrapSpec,
  invoiceDateFields,
  releaseResultSchema,
  type CustomerInvoice,
  type CustomerInvoiceInput,
  type ReleaseResult,
} from './customer-invoice-schemas';
import { documentDates, getOne, itemsOf, pagesOf, put, seg, wrappedBody, type CallOptions, type PageOptions, type ResourceContext } from './support';

export interface CustomerInvoiceListOptions extends PageOptions {
  customer?: string;
  branch?: string;
  status?: string;
  documentType?: string;
  released?: number;
  externalReference?: string;
  customerRefNumber?: string;
  paymentReference?: string;
  financialPeriod?: string;
  documentDate?: DeltaFilter;
  documentDueDate?: DeltaFilter;
  lastModified?: DeltaFilter;
  created?: DeltaFilter;
  expandApplications?: boolean;
  expandAttachments?: boolean;
  expandTaxDetails?: boolean;
  expandInvoiceAddress?: boolean;
}

const lineDateFields: readonly string[] = ['termStartDate', 'termEndDate', 'startDate', 'endDate'];

/** Sales invoices are customer invoices (reference/visma-net/README.md §6.4): create on `/v2/customerinvoice`, the rest on `/v1`. */
export class CustomerInvoicesResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: CustomerInvoiceListOptions = {}): AsyncGenerator<CustomerInvoice[]> {
    const overlap = this.ctx.config.deltaOverlapMs;
    const query: QueryParams = {
      customer: o.customer,
      branch: o.branch,
      status: o.status,
      documentType: o.documentType,
      released: o.released,
      externalReference: o.externalReference,
      customerRefNumber: o.customerRefNumber,
      paymentReference: o.paymentReference,
      financialPeriod: o.financialPeriod,
      ...deltaParams('documentDate', o.documentDate, 0),
      ...deltaParams('documentDueDate', o.documentDueDate, 0),
      ...deltaParams('lastModifiedDateTime', o.lastModified, overlap),
      ...deltaParams('createdDateTime', o.created, overlap),
      expandApplications: o.expandApplications,
      expandAttachments: o.expandAttachments,
      expandTaxDetails: o.expandTaxDetails,
      expandInvoiceAddress: o.expandInvoiceAddress,
    };
    return pagesOf(this.ctx, '/v1/customerinvoice', customerInvoiceSchema, 'the customer invoices', query, o);
  }

  iterate(o: CustomerInvoiceListOptions = {}): AsyncGenerator<CustomerInvoice> {
    return itemsOf(this.pages(o));
  }

  async get(invoiceNumber: string, opts: CallOptions = {}): Promise<CustomerInvoice> {
    return getOne(this.ctx, `/v1/customerinvoice/${seg(this.ctx, invoiceNumber)}`, customerInvoiceSchema, `invoice '${invoiceNumber}'`, opts);
  }

  /** Invoices with this external reference (the `externalReference` list filter); checked again on our side. */
  async findByExternalReference(externalReference: string, opts: CallOptions = {}): Promise<CustomerInvoice[]> {
    const found: CustomerInvoice[] = [];
    for await (const invoice of this.iterate({ externalReference, pageSize: 100, signal: opts.signal })) {
      if (invoice.externalReference === externalReference) found.push(invoice);
    }
    return found;
  }

  /**
   * Creates an invoice; returns its reference number from `Location`. With an `externalReference`, a POST that
   * failed in transit is followed by a lookup by that reference instead of a blind retry.
   */
  async create(input: CustomerInvoiceInput, opts: CallOptions & { findExisting?: () => Promise<string | undefined> } = {}): Promise<CreateResult<string>> {
    const path = '/v2/customerinvoice';
    const ext = input.externalReference ?? undefined;
    const what = `the invoice${ext ? ` '${ext}'` : ''}${input.customerNumber ? ` for customer '${input.customerNumber}'` : ''}`;
    const body = this.body(input, 'POST', path, what);
    const findExisting = opts.findExisting ?? (ext ? async () => (await this.findByExternalReference(ext, opts))[0]?.referenceNumber ?? undefined : undefined);
    return createRecord(this.ctx.transport, { service: 'main', path, body, what, signal: opts.signal }, idFromLocation, { findExisting });
  }

  async update(invoiceNumber: string, input: CustomerInvoiceInput, opts: CallOptions & { etag?: string } = {}): Promise<void> {
    const path = `/v1/customerinvoice/${seg(this.ctx, invoiceNumber)}`;
    const what = `invoice '${invoiceNumber}'`;
    await put(this.ctx, path, this.body(input, 'PUT', path, what), what, { signal: opts.signal, headers: opts.etag ? { 'If-Match': opts.etag } : undefined });
  }

  /** Releases (posts) an invoice. A release is not repeated after a failure in transit. */
  async release(invoiceNumber: string, opts: CallOptions = {}): Promise<ReleaseResult> {
    const path = `/v1/customerinvoice/${seg(this.ctx, invoiceNumber)}/action/release`;
    const req: VismaRequest = { service: 'main', method: 'POST', path, what: `the release of invoice '${invoiceNumber}'`, signal: opts.signal };
    const res = await this.ctx.transport.request({ ...req, responseType: 'json' });
    return this.ctx.transport.parse(req, releaseResultSchema, res.json ?? {});
  }

  private body(input: CustomerInvoiceInput, method: 'POST' | 'PUT', path: string, what: string): Record<string, unknown> {
    const tz = this.ctx.config.filterTimeZone;
    const dated = documentDates(input, [...invoiceDateFields, 'startDate', 'endDate'], tz);
    if (input.invoiceLines) dated['invoiceLines'] = input.invoiceLines.map((line) => documentDates(line, lineDateFields, tz));
    return wrappedBody(customerInvoiceInputSchema, customerInvoiceWrapSpec, dated, { method, path }, what, { timeZone: tz });
  }
}
