// Main API customer invoices: /v1/customerinvoice (list/get/put/delete/release) and POST /v2/customerinvoice.
import { randomUUID } from 'node:crypto';
import { isoStamp } from './dates';
import { CustomerInvoiceUpdateDto } from './dto-documents';
import { messageError, notFound, recordErrors } from './errors';
import { applyInvoiceUpdate, blankInvoice, renderInvoice, type InvoiceDeps, type InvoiceExpands } from './invoice-model';
import { bind, checkIfMatch, created, dateFilters, eqCi, etag, idSegment, noContent, ok, pagedList, q, str } from './main-api';
import type { CustomerInvoice } from './model';
import type { Router } from './router';
import { invoiceNumberAt } from './seed-documents';
import type { SimContext, SimRequest, SimResponse } from './types';

export function invoiceDeps(ctx: SimContext): InvoiceDeps {
  return {
    customer: (n) => ctx.store.customers.findByKey(n)?.record,
    priceDecimals: ctx.config.priceDecimals,
    item: (n) => {
      const it = ctx.store.inventory.findByKey(n)?.record;
      const account = it?.accounts.salesAccount;
      return it ? { ...it, salesAccount: typeof account === 'string' ? account : null } : undefined;
    },
  };
}

const FULL: InvoiceExpands = { taxDetails: true, invoiceAddress: true, applications: true, attachments: true };

function expands(req: SimRequest): InvoiceExpands {
  const f = (n: string): boolean => q(req, n)?.toLowerCase() === 'true';
  return { taxDetails: f('expandTaxDetails'), invoiceAddress: f('expandInvoiceAddress'), applications: f('expandApplications'), attachments: f('expandAttachments') };
}

function listInvoices(req: SimRequest, ctx: SimContext, customerNumber?: string): SimResponse {
  const d = dateFilters<CustomerInvoice>(req, ctx, ['lastModifiedDateTime', 'createdDateTime', 'documentDate', 'documentDueDate'], (r, n) =>
    n === 'createdDateTime' ? r.createdDateTime : n === 'documentDate' ? r.documentDate : n === 'documentDueDate' ? r.documentDueDate : r.lastModifiedDateTime);
  if (!d.ok) return d.res;
  const preds = d.preds;
  const eq = (name: string, get: (r: CustomerInvoice) => string | null): void => {
    const v = name === 'customer' && customerNumber !== undefined ? customerNumber : q(req, name);
    if (v !== undefined) preds.push((r) => eqCi(get(r), v));
  };
  eq('customer', (r) => r.customerNumber);
  eq('branch', (r) => r.branchNumber);
  eq('status', (r) => r.status);
  eq('documentType', (r) => r.documentType);
  eq('externalReference', (r) => r.externalReference);
  eq('customerRefNumber', (r) => r.customerRefNumber);
  eq('paymentReference', (r) => r.paymentReference);
  eq('financialPeriod', (r) => r.financialPeriod);
  const released = q(req, 'released');
  if (released !== undefined) {
    if (!/^[01]$/.test(released)) return messageError(400, `The request is invalid. released must be 0 or 1, got '${released}'.`);
    preds.push((r) => r.released === (released === '1'));
  }
  const ex = expands(req);
  const deps = invoiceDeps(ctx);
  return pagedList(req, ctx, 'customerinvoice', ctx.store.customerInvoices, preds, (r) => renderInvoice(r, deps, ex));
}

const missing = (req: SimRequest): SimResponse => notFound(`Customer invoice with referenceNumber = ${req.params.invoiceNumber ?? ''} not found.`);

function createInvoice(req: SimRequest, ctx: SimContext): SimResponse {
  const b = bind(req, ctx, CustomerInvoiceUpdateDto);
  if (!b.ok) return b.res;
  const coll = ctx.store.customerInvoices;
  const given = str(b.value.referenceNumber);
  const manual = ctx.config.numbering.customerInvoices === 'manual' || b.value.overrideNumberSeries === true;
  if (manual && !given) return recordErrors('Inserting', 'Invoice', [`'Reference number' cannot be empty.`]);
  let number = manual && given ? given : invoiceNumberAt(coll.end);
  while (!manual && coll.indexOfKey(number) !== undefined) number = String(Number(number) + 1);
  if (coll.indexOfKey(number) !== undefined) return recordErrors('Inserting', 'Invoice', [`Invoice '${number}' already exists.`]);
  const inv = blankInvoice(number, ctx.now());
  const errors = applyInvoiceUpdate(inv, b.value, invoiceDeps(ctx), true);
  if (errors.length > 0) return recordErrors('Inserting', 'Invoice', errors);
  inv.timeStamp = ctx.store.versions.next();
  coll.insert(inv);
  // GET exists only under /v1, so that is where Location points [I].
  return created(ctx, `/v1/customerinvoice/${idSegment(number)}`, inv.timeStamp);
}

function updateInvoice(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = ctx.store.customerInvoices.findByKey(req.params.invoiceNumber ?? '');
  if (!hit) return missing(req);
  const stale = checkIfMatch(req, hit.record.timeStamp, `Invoice ${hit.record.referenceNumber}`);
  if (stale) return stale;
  const b = bind(req, ctx, CustomerInvoiceUpdateDto);
  if (!b.ok) return b.res;
  if (hit.record.released) return recordErrors('Updating', 'Invoice', [`Invoice ${hit.record.referenceNumber} is released (status ${hit.record.status}) and cannot be changed; create a credit note instead.`]);
  const inv = structuredClone(hit.record);
  const errors = applyInvoiceUpdate(inv, b.value, invoiceDeps(ctx), false);
  if (errors.length > 0) return recordErrors('Updating', 'Invoice', errors);
  inv.lastModifiedDateTime = isoStamp(ctx.now());
  inv.timeStamp = ctx.store.versions.next();
  ctx.store.customerInvoices.put(hit.index, inv);
  return noContent(ctx, inv.timeStamp);
}

function release(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = ctx.store.customerInvoices.findByKey(req.params.invoiceNumber ?? '');
  if (!hit) return missing(req);
  const stale = checkIfMatch(req, hit.record.timeStamp, `Invoice ${hit.record.referenceNumber}`);
  if (stale) return stale;
  const actionId = randomUUID();
  if (hit.record.released) return ok({ actionId, actionResult: 'Failed', errorInfo: `Invoice ${hit.record.referenceNumber} is already released.` });
  if (hit.record.hold) return ok({ actionId, actionResult: 'Failed', errorInfo: `Invoice ${hit.record.referenceNumber} is on hold; set hold to false before releasing.` });
  const inv = structuredClone(hit.record);
  inv.released = true;
  inv.status = 'Open';
  inv.lastModifiedDateTime = isoStamp(ctx.now());
  inv.timeStamp = ctx.store.versions.next();
  ctx.store.customerInvoices.put(hit.index, inv);
  return ok({ actionId, actionResult: 'Done', errorInfo: null }, etag(ctx, inv.timeStamp));
}

export function registerInvoices(r: Router): void {
  r.get('/v1/customerinvoice', (req, ctx) => listInvoices(req, ctx));
  r.post('/v1/customerinvoice', createInvoice); // deprecated in favour of v2 but still there [C S1]
  r.post('/v2/customerinvoice', createInvoice);
  r.get('/v1/customerinvoice/:invoiceNumber', (req, ctx) => {
    const hit = ctx.store.customerInvoices.findByKey(req.params.invoiceNumber ?? '');
    return hit ? ok(renderInvoice(hit.record, invoiceDeps(ctx), FULL), etag(ctx, hit.record.timeStamp)) : missing(req);
  });
  r.put('/v1/customerinvoice/:invoiceNumber', updateInvoice);
  r.delete('/v1/customerinvoice/:invoiceNumber', (req, ctx) => {
    const hit = ctx.store.customerInvoices.findByKey(req.params.invoiceNumber ?? '');
    if (!hit) return missing(req);
    if (hit.record.released) return recordErrors('Deleting', 'Invoice', [`Invoice ${hit.record.referenceNumber} is released and cannot be deleted.`]);
    ctx.store.customerInvoices.remove(hit.index);
    return noContent(ctx);
  });
  r.post('/v1/customerinvoice/:invoiceNumber/action/release', release);
  r.get('/v1/customer/:customerNumber/invoice', (req, ctx) => {
    const c = ctx.store.customers.findByKey(req.params.customerNumber ?? '');
    return c ? listInvoices(req, ctx, c.record.number) : notFound(`Customer with number = ${req.params.customerNumber ?? ''} not found.`);
  });
}
