// Seeded sales orders (V3), customer invoices and journal transactions, deterministic per (seed, index).
import { isoStamp } from './dates';
import { seededVersion } from './etag';
import type { CustomerInvoice, InvoiceLine, JournalTransaction, OrderLine, SalesOrder } from './model';
import { money, rngFor } from './rng';
import { generateCustomer } from './seed-customers';
import { generateItem, SEED_BASE_MS } from './seed-inventory';

export const JOURNAL_COUNT = 8;
const pad6 = (n: number): string => String(n).padStart(6, '0');
const day = (ms: number): string => isoStamp(ms).slice(0, 10) + 'T00:00:00';
const period = (ms: number): string => isoStamp(ms).slice(0, 7).replace('-', '');

export function orderIdAt(i: number): string {
  return pad6(i + 1);
}

export function invoiceNumberAt(i: number): string {
  return String(100001 + i);
}

export function batchNumberAt(i: number): string {
  return pad6(i + 1);
}

function pickItem(seed: number, inventoryCount: number, r: ReturnType<typeof rngFor>): ReturnType<typeof generateItem> {
  // Stay among the first few hundred items so seeded documents refer to realistic, mostly active articles.
  for (let attempt = 0; attempt < 10; attempt++) {
    const item = generateItem(seed, r.int(0, Math.max(0, Math.min(inventoryCount, 400) - 1)));
    if (item.status === 'Active' || attempt === 9) return item;
  }
  return generateItem(seed, 0);
}

export function generateSalesOrder(seed: number, i: number, customers: number, inventory: number): SalesOrder {
  const r = rngFor(seed, 'order', i);
  const cust = generateCustomer(seed, r.int(0, Math.max(0, customers - 1)));
  const date = SEED_BASE_MS + i * 7 * 3600_000;
  const roll = r.next();
  const status = roll < 0.4 ? 'Open' : roll < 0.7 ? 'Completed' : roll < 0.8 ? 'Hold' : roll < 0.9 ? 'Shipping' : roll < 0.95 ? 'Cancelled' : 'BackOrder';
  const lines: OrderLine[] = Array.from({ length: r.int(1, 4) }, (_, k) => {
    const item = pickItem(seed, inventory, r);
    const quantity = r.int(1, 3);
    return {
      lineId: k + 1, sortOrder: k + 1, inventoryId: item.inventoryNumber, description: item.description, quantity,
      shippedQuantity: status === 'Completed' ? quantity : 0, unitPrice: item.defaultPrice ?? 0, discountPercent: 0, discountAmount: 0,
      hasManualPrice: false, hasManualDiscount: false, taxCategoryId: item.vatCode, unitOfMeasure: 'PCS', warehouseId: 'MAIN',
      completed: status === 'Completed', note: null, extra: {},
    };
  });
  const webshop = r.chance(0.6);
  return {
    type: 'SO', orderId: orderIdAt(i), status, date: isoStamp(date), requestOn: isoStamp(date + 2 * 86400_000), cancelBy: null,
    description: webshop ? `Webshop bestelling ${5000 + i}` : 'Telefonische bestelling', note: null, currencyId: 'EUR', branchId: '1',
    customerId: cust.number, customerOrder: webshop ? `CCV-${5000 + i}` : null, customerRefNo: webshop ? `CCV-${5000 + i}` : null,
    contactId: null, termsId: cust.creditTermsId, taxZoneId: cust.vatZoneId,
    billing: { address: null, contact: null },
    shipping: { address: null, contact: null, settings: { shipViaId: r.pick(['POSTNL', 'DHL', 'DPD']) } },
    financialInformation: {}, paymentSettings: { paymentMethodId: cust.defaultPaymentMethodId, cashAccountId: null, paymentReference: null },
    freight: { cost: webshop ? 4.95 : 0, premiumAmount: 0, taxCategoryId: '01' }, print: {}, salesPersonId: null, ownerId: null, projectId: null,
    lines, nextLineId: lines.length + 1, created: isoStamp(date), lastModified: isoStamp(date + r.int(0, 72) * 3600_000), version: seededVersion(4, i),
  };
}

export function generateInvoice(seed: number, i: number, customers: number, inventory: number): CustomerInvoice {
  const r = rngFor(seed, 'invoice', i);
  const cust = generateCustomer(seed, r.int(0, Math.max(0, customers - 1)));
  const date = SEED_BASE_MS + i * 11 * 3600_000;
  const roll = r.next();
  const status = roll < 0.5 ? 'Open' : roll < 0.8 ? 'Closed' : roll < 0.9 ? 'Balanced' : 'Hold';
  const lines: InvoiceLine[] = Array.from({ length: r.int(1, 3) }, (_, k) => {
    const item = pickItem(seed, inventory, r);
    return {
      lineNumber: k + 1, inventoryNumber: item.inventoryNumber, description: item.description, quantity: r.int(1, 4), unitPrice: item.defaultPrice ?? 0,
      manualAmount: null, discountPercent: 0, discountAmount: 0, manualDiscount: false, accountNumber: String(item.accounts.salesAccount ?? '8000'),
      vatCodeId: item.vatCode, uom: 'PCS', branchNumber: '1', note: null, extra: {},
    };
  });
  return {
    referenceNumber: invoiceNumberAt(i), documentType: 'Invoice', status, hold: status === 'Hold', released: status === 'Open' || status === 'Closed',
    customerNumber: cust.number, documentDate: day(date), documentDueDate: day(date + 14 * 86400_000), origInvoiceDate: day(date),
    postPeriod: period(date), financialPeriod: period(date), currencyId: 'EUR', exchangeRate: 1,
    externalReference: r.chance(0.5) ? `CCV-${5000 + i}` : null, customerRefNumber: null, paymentReference: `RF${String(1000 + i)}`,
    invoiceText: `Factuur ${invoiceNumberAt(i)}`, creditTermsId: cust.creditTermsId, paymentMethodId: cust.defaultPaymentMethodId, branchNumber: '1',
    customerVatZoneId: cust.vatZoneId, note: null, cashAccount: null, lines, billingAddress: null, invoiceContact: null,
    createdDateTime: isoStamp(date), lastModifiedDateTime: isoStamp(date + r.int(0, 48) * 3600_000), timeStamp: seededVersion(5, i), extra: {},
  };
}

export function generateJournal(seed: number, i: number): JournalTransaction {
  const r = rngFor(seed, 'journal', i);
  const date = SEED_BASE_MS + i * 19 * 86400_000;
  const amount = money(r.int(50, 2500) + r.int(0, 99) / 100);
  const vat = money((amount * 21) / 121);
  const lines = [
    { account: '1110', debit: amount, credit: 0, desc: 'Ontvangst iDEAL' },
    { account: '8000', debit: 0, credit: money(amount - vat), desc: 'Omzet webshop' },
    { account: '1500', debit: 0, credit: vat, desc: 'BTW hoog' },
  ].map((l, k) => ({
    lineNumber: k + 1, accountNumber: l.account, subaccount: null, referenceNumber: `DAG-${i + 1}`, transactionDescription: l.desc,
    debit: l.debit, credit: l.credit, vatCodeId: null, vatId: null, branch: '1', project: null, projectTask: null, uom: null, quantity: 0, note: null,
  }));
  const status = r.chance(0.6) ? 'Posted' : 'Balanced';
  return {
    batchNumber: batchNumberAt(i), module: 'ModuleGL', status, hold: false, transactionDate: day(date), postPeriod: period(date), financialPeriod: period(date),
    ledger: 'L', currencyId: 'EUR', exchangeRate: 1, autoReversing: false, description: `Dagontvangsten ${day(date).slice(0, 10)}`,
    controlTotalInCurrency: amount, createVatTransaction: false, skipVatAmountValidation: false, transactionCode: null, branch: '1', lines,
    createdDateTime: isoStamp(date), lastModifiedDateTime: isoStamp(date + 3600_000), timeStamp: seededVersion(6, i),
  };
}
