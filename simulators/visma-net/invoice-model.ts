// Customer invoices: rendering (CustomerInvoiceDto) and applying CustomerInvoiceUpdateDto with the ERP's checks.
import { isoStamp } from './dates';
import { bool, num, str } from './main-api';
import type { Customer, CustomerInvoice, InvoiceLine } from './model';
import { money } from './rng';
import { accountRef, ACCOUNTS, BRANCHES, CREDIT_TERMS, CURRENCIES, findCi, PAYMENT_METHODS } from './seed-master';
import { resolveVat, VAT_CATEGORIES, VAT_ZONES } from './seed-vat';
import { lineNet, priceAt, sum, taxRows, type AmountLine } from './totals';
import { isRecord } from './types';
import type { Unwrapped } from './wrap';

export interface InvoiceDeps {
  /** Unit prices are kept with this many decimals (SimConfig.priceDecimals). */
  priceDecimals: number;
  customer(number: string): Customer | undefined;
  item(number: string): { inventoryNumber: string; description: string | null; defaultPrice: number | null; vatCode: string | null; salesAccount: string | null; status: string } | undefined;
}

const amountLine = (l: InvoiceLine): AmountLine => ({ quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, discountAmount: l.discountAmount, vatCategory: l.vatCodeId });

function lineAmount(l: InvoiceLine): number {
  return l.manualAmount ?? lineNet(amountLine(l));
}

export interface InvoiceExpands {
  taxDetails: boolean;
  invoiceAddress: boolean;
  applications: boolean;
  attachments: boolean;
}

/** The VAT amounts given on the invoice (`taxDetailLines`), by VAT id. */
function taxOverrides(inv: CustomerInvoice): Map<string, { taxableAmount: number | null; vatAmount: number | null }> {
  const out = new Map<string, { taxableAmount: number | null; vatAmount: number | null }>();
  const given = inv.extra.taxDetailLines;
  for (const t of Array.isArray(given) ? given : []) {
    if (!isRecord(t)) continue;
    const id = str(t.taxId);
    if (id) out.set(id.toUpperCase(), { taxableAmount: num(t.taxableAmount), vatAmount: num(t.vatAmount) });
  }
  return out;
}

/**
 * VAT per VAT id: computed from the line amounts, except where the invoice gives the VAT amount itself
 * (`taxDetailLines`, as an invoice's VAT can be corrected by hand in Visma.net) [I].
 */
export function invoiceTaxes(inv: CustomerInvoice): ReturnType<typeof taxRows> {
  const computed = taxRows(inv.lines.map((l) => ({ ...amountLine(l), quantity: 1, unitPrice: lineAmount(l), discountAmount: 0, discountPercent: 0 })), inv.customerVatZoneId);
  const overrides = taxOverrides(inv);
  return computed.map((t) => {
    const o = overrides.get(t.vatId.toUpperCase());
    return o?.vatAmount !== null && o?.vatAmount !== undefined ? { ...t, tax: money(o.vatAmount) } : t;
  });
}

/** A VAT amount may be given only for a VAT id the lines have, on the taxable amount the lines give [I]. */
function checkTaxOverrides(inv: CustomerInvoice, errors: string[]): void {
  const overrides = taxOverrides(inv);
  if (overrides.size === 0) return;
  const computed = taxRows(inv.lines.map((l) => ({ ...amountLine(l), quantity: 1, unitPrice: lineAmount(l), discountAmount: 0, discountPercent: 0 })), inv.customerVatZoneId);
  for (const [id, o] of overrides) {
    const row = computed.find((t) => t.vatId.toUpperCase() === id);
    if (!row) {
      errors.push(`taxDetailLines: VAT ID '${id}' is not on this invoice; its lines give ${computed.map((t) => `'${t.vatId}'`).join(', ') || 'no VAT ID'}.`);
      continue;
    }
    if (o.taxableAmount !== null && Math.abs(o.taxableAmount - row.taxable) > 0.004) {
      errors.push(`taxDetailLines: the taxable amount ${o.taxableAmount} of VAT ID '${row.vatId}' is not the ${row.taxable} of the invoice lines.`);
    }
    if (o.vatAmount === null) errors.push(`taxDetailLines: VAT ID '${row.vatId}' has no vatAmount.`);
  }
}

export function renderInvoice(inv: CustomerInvoice, deps: InvoiceDeps, ex: InvoiceExpands): Record<string, unknown> {
  const cust = deps.customer(inv.customerNumber);
  const taxes = invoiceTaxes(inv);
  const detailTotal = sum(inv.lines.map(lineAmount));
  const vatTotal = sum(taxes.map((t) => t.tax));
  const exempt = sum(taxes.filter((t) => t.rate === 0).map((t) => t.taxable));
  const amount = money(detailTotal + vatTotal);
  const balance = inv.status === 'Closed' ? 0 : amount;
  const terms = findCi(CREDIT_TERMS, (t) => t.termsId, inv.creditTermsId);
  const pm = findCi(PAYMENT_METHODS, (p) => p.paymentMethodID, inv.paymentMethodId);
  const zone = findCi(VAT_ZONES, (z) => z.id, inv.customerVatZoneId);
  const branch = findCi(BRANCHES, (b) => b.number, inv.branchNumber);
  const out: Record<string, unknown> = {
    creditTerms: terms ? { id: terms.termsId, description: terms.description } : null,
    documentDueDate: inv.documentDueDate, cashDiscountDate: inv.documentDueDate, externalReference: inv.externalReference, isRotRutDeductible: false,
    exchangeRate: inv.exchangeRate, dunningLetterDate: null, dunningLetterLevel: 0, contact: null,
    invoiceLines: inv.lines.map((l) => renderInvoiceLine(l)),
    sendToAutoInvoice: inv.extra.sendToAutoInvoice ?? false, roundingDiff: 0,
    customerVatZone: zone ? { id: zone.id, description: zone.description } : null,
    timeStamp: inv.timeStamp, hold: inv.hold,
    discountTotal: sum(inv.lines.map((l) => l.discountAmount)), discountTotalInCurrency: sum(inv.lines.map((l) => l.discountAmount)),
    detailTotal, detailTotalInCurrency: detailTotal, vatTaxableTotal: money(detailTotal - exempt), vatTaxableTotalInCurrency: money(detailTotal - exempt),
    vatExemptTotal: exempt, vatExemptTotalInCurrency: exempt, salesPerson: null, paymentReference: inv.paymentReference,
    invoiceContact: inv.invoiceContact, dontPrint: false, dontEmail: false, revoked: false,
    customer: { number: inv.customerNumber, name: cust?.name ?? null },
    documentType: inv.documentType, referenceNumber: inv.referenceNumber, postPeriod: inv.postPeriod, financialPeriod: inv.financialPeriod,
    closedFinancialPeriod: inv.status === 'Closed' ? inv.financialPeriod : null, documentDate: inv.documentDate, origInvoiceDate: inv.origInvoiceDate,
    status: inv.status, currencyId: inv.currencyId, amount, amountInCurrency: amount, balance, balanceInCurrency: balance, cashDiscount: 0, cashDiscountInCurrency: 0,
    paymentMethod: pm ? { id: pm.paymentMethodID, description: pm.description } : null, customerRefNumber: inv.customerRefNumber, invoiceText: inv.invoiceText,
    lastModifiedDateTime: inv.lastModifiedDateTime, createdDateTime: inv.createdDateTime, note: inv.note, vatTotal, vatTotalInCurrency: vatTotal,
    location: { countryId: cust?.mainAddress.countryId ?? null, id: 'MAIN', name: 'Primaire locatie' },
    branchNumber: branch ? { number: branch.number, name: branch.name } : null, cashAccount: inv.cashAccount, project: null,
    account: accountRef('1300'), subaccount: null, customerProject: null, errorInfo: null,
  };
  if (ex.taxDetails) {
    out.taxDetails = taxes.map((t, i) => ({ taxId: t.vatId, recordId: i + 1, vatId: { number: t.vatId, description: null }, vatRate: t.rate, taxableAmount: t.taxable, vatAmount: t.tax }));
  }
  if (ex.invoiceAddress) {
    const a = cust?.invoiceAddress;
    out.invoiceAddress = inv.billingAddress ?? (a ? { ...a, country: a.countryId ? { id: a.countryId, name: null } : null, county: null, overrideAddress: false } : null);
  }
  if (ex.applications) out.applications = [];
  if (ex.attachments) out.attachments = [];
  return out;
}

function renderInvoiceLine(l: InvoiceLine): Record<string, unknown> {
  const cat = findCi(VAT_CATEGORIES, (c) => c.id, l.vatCodeId);
  const amount = lineAmount(l);
  return {
    termStartDate: null, termEndDate: null, isRotRutDeductible: false, itemType: null, typeOfWork: null, deductableAmount: 0, attachments: [], projectTask: null,
    lineType: l.inventoryNumber ? 'GI' : 'GN', startDate: null, endDate: null, soShipmentNbr: null, soOrderType: null, soOrderNbr: null,
    lineNumber: l.lineNumber, inventoryNumber: l.inventoryNumber, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, unitPriceInCurrency: l.unitPrice,
    manualAmount: l.manualAmount ?? 0, manualAmountInCurrency: l.manualAmount ?? 0, amount, cost: 0, amountInCurrency: amount,
    account: accountRef(l.accountNumber), vatCode: cat ? { id: cat.id, description: cat.description } : null, uom: l.uom,
    discountPercent: l.discountPercent, discountAmount: l.discountAmount, discountAmountInCurrency: l.discountAmount, manualDiscount: l.manualDiscount,
    subaccount: null, salesperson: null, seller: null, deferralSchedule: 0, deferralCode: null, discountCode: null, note: l.note,
    branchNumber: l.branchNumber ? { number: l.branchNumber, name: null } : null, externalLink: null,
  };
}

export function blankInvoice(number: string, now: number): CustomerInvoice {
  const stamp = isoStamp(now);
  const today = stamp.slice(0, 10) + 'T00:00:00';
  return {
    referenceNumber: number, documentType: 'Invoice', status: 'Balanced', hold: false, released: false, customerNumber: '', documentDate: today,
    documentDueDate: null, origInvoiceDate: today, postPeriod: '', financialPeriod: '', currencyId: 'EUR', exchangeRate: 1, externalReference: null,
    customerRefNumber: null, paymentReference: null, invoiceText: null, creditTermsId: null, paymentMethodId: null, branchNumber: '1',
    customerVatZoneId: null, note: null, cashAccount: null, lines: [], billingAddress: null, invoiceContact: null,
    createdDateTime: stamp, lastModifiedDateTime: stamp, timeStamp: '', extra: {},
  };
}

const addDays = (date: string, days: number): string => isoStamp(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86400_000).slice(0, 10) + 'T00:00:00';

function applyLines(inv: CustomerInvoice, lines: unknown[], deps: InvoiceDeps, errors: string[]): void {
  for (const [i, raw] of lines.entries()) {
    if (!isRecord(raw)) continue;
    const where = `invoiceLines[${i}]`;
    const op = str(raw.operation) ?? 'Insert';
    const lineNo = num(raw.lineNumber);
    const existingIdx = lineNo === null ? -1 : inv.lines.findIndex((l) => l.lineNumber === lineNo);
    if (op === 'Delete' || op === 'Update') {
      if (existingIdx === -1) {
        errors.push(`${where}: line number ${lineNo ?? '(missing)'} does not exist on invoice ${inv.referenceNumber}; give the lineNumber of an existing line.`);
        continue;
      }
      if (op === 'Delete') {
        inv.lines.splice(existingIdx, 1);
        continue;
      }
    }
    const base: InvoiceLine = inv.lines[existingIdx] && op === 'Update' ? { ...inv.lines[existingIdx] } : {
      lineNumber: Math.max(0, ...inv.lines.map((l) => l.lineNumber)) + 1, inventoryNumber: null, description: null, quantity: 1, unitPrice: 0, manualAmount: null,
      discountPercent: 0, discountAmount: 0, manualDiscount: false, accountNumber: null, vatCodeId: null, uom: null, branchNumber: inv.branchNumber, note: null, extra: {},
    };
    if ('inventoryNumber' in raw) {
      const nr = str(raw.inventoryNumber);
      const item = nr === null ? undefined : deps.item(nr);
      if (nr !== null && !item) errors.push(`${where}: item '${nr}' cannot be found in the system.`);
      base.inventoryNumber = item?.inventoryNumber ?? null;
      if (item && op === 'Insert') {
        base.description = item.description;
        base.unitPrice = item.defaultPrice ?? 0;
        base.vatCodeId = item.vatCode;
        base.accountNumber = item.salesAccount;
        base.uom = 'PCS';
      }
    }
    if ('description' in raw) base.description = str(raw.description);
    if ('quantity' in raw) base.quantity = num(raw.quantity) ?? 0;
    if ('unitPriceInCurrency' in raw) base.unitPrice = priceAt(num(raw.unitPriceInCurrency) ?? 0, deps.priceDecimals);
    if ('manualAmountInCurrency' in raw) base.manualAmount = num(raw.manualAmountInCurrency);
    if ('discountPercent' in raw) base.discountPercent = num(raw.discountPercent) ?? 0;
    if ('discountAmountInCurrency' in raw) base.discountAmount = num(raw.discountAmountInCurrency) ?? 0;
    if ('manualDiscount' in raw) base.manualDiscount = bool(raw.manualDiscount) ?? false;
    if ('uom' in raw) base.uom = str(raw.uom);
    if ('note' in raw) base.note = str(raw.note);
    if ('branchNumber' in raw) base.branchNumber = str(raw.branchNumber);
    if ('accountNumber' in raw) base.accountNumber = str(raw.accountNumber);
    if ('vatCodeId' in raw) base.vatCodeId = str(raw.vatCodeId);
    base.accountNumber ??= '8000';
    base.vatCodeId ??= '01';
    if (!ACCOUNTS.some((a) => a.accountCD === base.accountNumber)) errors.push(`${where}: account '${base.accountNumber}' cannot be found in the chart of accounts.`);
    if (!findCi(VAT_CATEGORIES, (c) => c.id, base.vatCodeId)) errors.push(`${where}: VAT category '${base.vatCodeId}' cannot be found (known: ${VAT_CATEGORIES.map((c) => c.id).join(', ')}).`);
    else if (inv.customerVatZoneId && !resolveVat(inv.customerVatZoneId, base.vatCodeId)) {
      errors.push(`${where}: TaxID cannot be found in the system for VAT category '${base.vatCodeId}' in VAT zone '${inv.customerVatZoneId}'. Use a VAT category that the customer's VAT zone has a VAT ID for.`);
    }
    if (op === 'Update' && existingIdx !== -1) inv.lines[existingIdx] = base;
    else inv.lines.push(base);
  }
}

export function applyInvoiceUpdate(inv: CustomerInvoice, u: Unwrapped, deps: InvoiceDeps, creating: boolean): string[] {
  const errors: string[] = [];
  if ('customerNumber' in u) {
    const nr = str(u.customerNumber);
    const c = nr === null ? undefined : deps.customer(nr);
    if (!c) errors.push(nr === null ? `'Customer' cannot be empty.` : `Customer '${nr}' cannot be found in the system.`);
    else if (!creating && c.number !== inv.customerNumber) errors.push(`The customer of invoice ${inv.referenceNumber} cannot be changed.`);
    else if (c.status === 'Inactive') errors.push(`Customer '${c.number}' has status Inactive; activate the customer first.`);
    else if (creating) {
      inv.customerNumber = c.number;
      inv.currencyId = c.currencyId ?? 'EUR';
      inv.creditTermsId = c.creditTermsId;
      inv.paymentMethodId = c.defaultPaymentMethodId;
      inv.customerVatZoneId = c.vatZoneId;
    }
  } else if (creating) errors.push(`'Customer' cannot be empty.`);
  for (const k of ['externalReference', 'customerRefNumber', 'paymentReference', 'invoiceText', 'note', 'cashAccount'] as const) if (k in u) inv[k] = str(u[k]);
  if ('documentDate' in u && str(u.documentDate)) inv.documentDate = str(u.documentDate) ?? inv.documentDate;
  if ('origInvoiceDate' in u) inv.origInvoiceDate = str(u.origInvoiceDate);
  if ('documentDueDate' in u) inv.documentDueDate = str(u.documentDueDate);
  if ('hold' in u) inv.hold = bool(u.hold) ?? false;
  if ('exchangeRate' in u) inv.exchangeRate = num(u.exchangeRate) ?? 1;
  const check = <T>(field: string, items: readonly T[], key: (t: T) => string, label: string, apply: (v: string | null) => void): void => {
    if (!(field in u)) return;
    const v = str(u[field]);
    const hit = v === null ? undefined : findCi(items, key, v);
    if (v !== null && !hit) errors.push(`${label} '${v}' cannot be found in the system.`);
    else apply(hit ? key(hit) : null);
  };
  check('currencyId', CURRENCIES, (c) => c.id, 'Currency', (v) => (inv.currencyId = v ?? 'EUR'));
  check('creditTermsId', CREDIT_TERMS, (t) => t.termsId, 'Credit terms', (v) => (inv.creditTermsId = v));
  check('paymentMethodId', PAYMENT_METHODS, (p) => p.paymentMethodID, 'Payment method', (v) => (inv.paymentMethodId = v));
  check('customerVatZoneId', VAT_ZONES, (z) => z.id, 'VAT zone', (v) => (inv.customerVatZoneId = v));
  check('branchNumber', BRANCHES, (b) => b.number, 'Branch', (v) => (inv.branchNumber = v));
  for (const k of ['financialPeriod', 'postPeriod'] as const) {
    if (!(k in u)) continue;
    const p = str(u[k]);
    if (p !== null && !/^\d{4}(0[1-9]|1[0-2])$/.test(p)) errors.push(`${k} '${p}' is not a valid financial period; use the format YYYYMM.`);
    else if (p !== null) inv[k] = p;
  }
  const period = inv.documentDate.slice(0, 7).replace('-', '');
  inv.financialPeriod ||= period;
  inv.postPeriod ||= inv.financialPeriod;
  if (!inv.documentDueDate) inv.documentDueDate = addDays(inv.documentDate, findCi(CREDIT_TERMS, (t) => t.termsId, inv.creditTermsId)?.dueDay1 ?? 14);
  if (isRecord(u.billingAddress)) inv.billingAddress = { ...(inv.billingAddress ?? {}), ...u.billingAddress };
  if (isRecord(u.invoiceContact)) inv.invoiceContact = { ...(inv.invoiceContact ?? {}), ...u.invoiceContact };
  for (const k of ['sendToAutoInvoice', 'taxDetailLines', 'rotRutDetails', 'project', 'locationId']) if (k in u) inv.extra[k] = u[k];
  if (Array.isArray(u.invoiceLines)) applyLines(inv, u.invoiceLines, deps, errors);
  if (creating && inv.lines.length === 0) errors.push(`The invoice has no lines; add at least one invoiceLines entry with operation Insert.`);
  checkTaxOverrides(inv, errors);
  inv.status = inv.released ? inv.status : inv.hold ? 'Hold' : 'Balanced';
  return errors;
}
