// Golden orders through the three example order flows: the documents that arrive in the Visma.net simulator are
// checked field by field, and Visma.net's own totals must equal what the customer paid in the shop.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { goldenOrders, goldens } from './golden-orders';
import type { Golden } from './golden-orders';
import { admin, at, cents, clients, createCostItems, freshLedger, insertOrders, loadExample, requests, run, startSims, written } from './harness';
import type { Sims } from './harness';

let s: Sims;
let c: ReturnType<typeof clients>;

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await admin(s.visma, 'POST', '/__sim/reset');
  await admin(s.ccv, 'POST', '/__sim/reset');
  await createCostItems(c.visma);
  await insertOrders(s.ccv, goldenOrders());
});

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const ref = (g: Golden) => `CCV-${g.key}`;
const vatTotal = (g: Golden) => cents(g.vat.reduce((sum, [, , vat]) => sum + vat, 0));
const lineNet = ([, qty, unit, discount]: Golden['lines'][number]) => cents(Math.round(qty * unit * 100) / 100 - discount);

function address(g: Golden) {
  const p = g.order.person;
  return { line1: p.street, line2: '', line3: '', postalCode: p.zip, city: p.city, countryId: p.country, stateId: null };
}
function contact(g: Golden) {
  const p = g.order.person;
  const person = `${p.first} ${p.last}`;
  return { name: p.company ?? person, attention: p.company ? person : '', email: p.email, phone1: p.phone ?? '' };
}

async function customerNumbers(): Promise<Map<string, string>> {
  const byEmail = new Map<string, string>();
  for (const cu of await written(s.visma, 'customers')) {
    byEmail.set(str(at(cu, 'mainContact', 'email')), str(cu.number));
  }
  return byEmail;
}

describe('golden orders as sales orders (SalesOrders API V3)', () => {
  it('posts every order once with the exact header, addresses and lines, and Visma.net totals what was paid', async () => {
    const r = await run(loadExample('orders-sales-orders'), s, freshLedger());
    expect(r.records.filter((e) => e.action === 'failed')).toEqual([]);
    expect(r.summary.status).toBe('succeeded');
    const numbers = await customerNumbers();
    const orders = await written(s.visma, 'salesOrders');
    expect(orders).toHaveLength(goldens.length);
    for (const g of goldens) {
      const so = orders.find((o) => o.customerRefNo === ref(g));
      expect(so, g.key).toBeDefined();
      if (!so) continue;
      expect(so, g.key).toMatchObject({
        type: 'SO',
        status: 'Open',
        date: `${g.date}T00:00:00.000Z`,
        description: `CCV Shop order ${g.key}`,
        currencyId: 'EUR',
        customerId: numbers.get(g.order.person.email),
        customerOrder: ref(g),
        customerRefNo: ref(g),
        termsId: g.terms,
        taxZoneId: g.zone,
        billing: { address: address(g), contact: contact(g) },
        shipping: { address: address(g), contact: contact(g), settings: { shipViaId: 'POSTNL' } },
        paymentSettings: { paymentMethodId: g.paymentMethod },
      });
      const lines = Array.isArray(so.lines) ? so.lines : [];
      expect(
        lines.map((l: Record<string, unknown>) => [l.inventoryId, l.quantity, l.unitPrice, l.discountAmount, l.taxCategoryId, at(l, 'extra', 'salesAccountId'), l.description]),
        g.key,
      ).toEqual(g.lines);
      expect(lines.every((l: Record<string, unknown>) => l.hasManualPrice === true), g.key).toBe(true);
      const { order } = await c.visma.salesOrders.get('SO', str(so.orderId));
      expect(order.totals?.orderTotal, g.key).toBe(g.order.total);
      expect(order.totals?.taxTotal, g.key).toBe(vatTotal(g));
    }
    // The shop's orders are set to "In process" afterwards.
    const shopOrder = await c.shop.orders.get(512001);
    expect(shopOrder.status).toBe(2);
  });

  it('sends plain V3 JSON: the body of one order, byte for byte as parsed', async () => {
    await run(loadExample('orders-sales-orders'), s, freshLedger());
    const posts = (await requests(s.visma)).filter((q) => q.method === 'POST' && q.path === '/api/v3/SalesOrders');
    const numbers = await customerNumbers();
    const body = posts.map((q) => q.body).find((b) => typeof b === 'object' && b !== null && JSON.stringify(b).includes('"CCV-2001"'));
    const g = goldens[0];
    if (!g) throw new Error('no golden');
    expect(body).toEqual({
      type: 'SO',
      customer: { id: numbers.get(g.order.person.email), refNo: 'CCV-2001', order: 'CCV-2001', termsId: 'DIRECT' },
      date: '2025-03-15T00:00:00',
      description: 'CCV Shop order 2001',
      currencyId: 'EUR',
      taxZoneId: 'NL',
      billing: { address: { line1: 'Kerkstraat 12', line2: '', line3: '', postalCode: '1012 AB', city: 'Amsterdam', countryId: 'NL' }, contact: { name: 'Jan de Vries', attention: '', email: 'jan.devries@example.nl', phone1: '0612345678' } },
      shipping: { address: { line1: 'Kerkstraat 12', line2: '', line3: '', postalCode: '1012 AB', city: 'Amsterdam', countryId: 'NL' }, contact: { name: 'Jan de Vries', attention: '', email: 'jan.devries@example.nl', phone1: '0612345678' }, shipViaId: 'POSTNL' },
      paymentSettings: { paymentMethodId: 'IDEAL' },
      orderLines: [
        { inventoryId: 'ART-00000', quantity: 2, unitPrice: 20.62, hasManualPrice: true, discountAmount: 3.38, hasManualDiscount: true, taxCategoryId: '01', description: 'Mok Classic', salesAccountId: '8000' },
        { inventoryId: 'ART-00009', quantity: 1, unitPrice: 11.47, hasManualPrice: true, discountAmount: 1.98, hasManualDiscount: true, taxCategoryId: '02', description: 'Kookboek', salesAccountId: '8010' },
        { inventoryId: 'VERZENDKOSTEN', quantity: 1, unitPrice: 4.09, hasManualPrice: true, taxCategoryId: '01', description: 'Shipping costs', salesAccountId: '8050' },
      ],
    });
  });

  it('creates each customer once: private debtors, and companies with the person as contact', async () => {
    await run(loadExample('orders-sales-orders'), s, freshLedger());
    const customers = await written(s.visma, 'customers');
    expect(customers).toHaveLength(goldens.length);
    const contacts = await written(s.visma, 'contacts');
    for (const g of goldens) {
      const cu = customers.find((x) => at(x, 'mainContact', 'email') === g.order.person.email);
      expect(cu, g.key).toMatchObject({
        name: g.customer.name,
        customerClassId: g.customer.classId,
        vatRegistrationId: g.customer.vatRegistrationId,
        corporateId: g.order.person.kvk ?? null,
        vatZoneId: g.zone,
        mainAddress: { addressLine1: g.order.person.street, postalCode: g.order.person.zip, city: g.order.person.city, countryId: g.order.person.country },
        mainContact: { name: g.customer.name, attention: g.customer.contact ? `${g.order.person.first} ${g.order.person.last}` : null, email: g.order.person.email },
      });
      const own = contacts.filter((x) => x.businessAccount === cu?.number);
      expect(own.map((x) => [x.firstName, x.lastName, x.email]), g.key).toEqual(g.customer.contact ? [[g.order.person.first, g.order.person.last, g.order.person.email]] : []);
    }
  });
});

describe('golden orders as sales invoices (customer invoices)', () => {
  it('posts every order once as an invoice with the exact lines; the invoice total is what was paid', async () => {
    const r = await run(loadExample('orders-sales-invoices'), s, freshLedger());
    expect(r.records.filter((e) => e.action === 'failed')).toEqual([]);
    const numbers = await customerNumbers();
    const invoices = await written(s.visma, 'customerInvoices');
    expect(invoices).toHaveLength(goldens.length);
    for (const g of goldens) {
      const inv = invoices.find((i) => i.externalReference === ref(g));
      expect(inv, g.key).toMatchObject({
        documentType: 'Invoice',
        status: 'Balanced',
        customerNumber: numbers.get(g.order.person.email),
        documentDate: `${g.date}T00:00:00`,
        externalReference: ref(g),
        customerRefNumber: ref(g),
        invoiceText: `CCV Shop order ${g.key}`,
        currencyId: 'EUR',
        creditTermsId: g.terms,
        paymentMethodId: g.paymentMethod,
        customerVatZoneId: g.zone,
        hold: false,
      });
      const lines = Array.isArray(inv?.lines) ? inv.lines : [];
      expect(lines.map((l: Record<string, unknown>) => [l.inventoryNumber, l.quantity, l.unitPrice, l.discountAmount, l.vatCodeId, l.accountNumber, l.description]), g.key).toEqual(g.lines);
      const got = await c.visma.customerInvoices.get(str(inv?.referenceNumber));
      expect(got.amount, g.key).toBe(g.order.total);
      expect(got.vatTotal, g.key).toBe(vatTotal(g));
    }
  });
});

describe('golden orders as financial mutations (journal transactions)', () => {
  it('books the total on the receivable account, revenue per VAT rate and country, costs and VAT, balanced', async () => {
    const r = await run(loadExample('orders-financial'), s, freshLedger());
    expect(r.records.filter((e) => e.action === 'failed')).toEqual([]);
    const batches = await written(s.visma, 'journalTransactions');
    expect(batches).toHaveLength(goldens.length);
    for (const g of goldens) {
      const batch = batches.find((b) => Array.isArray(b.lines) && b.lines.some((l: Record<string, unknown>) => l.referenceNumber === ref(g)));
      expect(batch, g.key).toMatchObject({ status: 'Balanced', transactionDate: `${g.date}T00:00:00`, financialPeriod: g.date.slice(0, 7).replace('-', ''), description: `CCV Shop order ${g.key}` });
      const lines: Record<string, unknown>[] = Array.isArray(batch?.lines) ? batch.lines : [];
      expect(lines.every((l) => l.referenceNumber === ref(g)), g.key).toBe(true);
      expect(lines[0], g.key).toMatchObject({ accountNumber: g.receivable, debit: g.order.total, credit: 0 });
      expect(cents(lines.reduce((sum, l) => sum + Number(l.credit) - Number(l.debit), 0)), g.key).toBe(0);
      // Revenue per account: the nets of the expected lines.
      const revenue = new Map<string, number>();
      for (const line of g.lines) revenue.set(line[5], cents((revenue.get(line[5]) ?? 0) + lineNet(line)));
      const booked = new Map<string, number>();
      for (const l of lines.slice(1).filter((x) => x.accountNumber !== '1500')) booked.set(str(l.accountNumber), cents((booked.get(str(l.accountNumber)) ?? 0) + Number(l.credit) - Number(l.debit)));
      expect(booked, g.key).toEqual(revenue);
      const vatLines = lines.filter((l) => l.accountNumber === '1500').map((l) => [l.transactionDescription, l.credit]);
      expect(vatLines, g.key).toEqual(g.vat.filter(([, , vat]) => vat !== 0).map(([rate, , vat]) => [`VAT ${rate}%`, vat]));
    }
  });

  it('books order 2001 and the intra-community order 2006 line by line, with VAT codes and VAT ids', async () => {
    await run(loadExample('orders-financial'), s, freshLedger());
    const batches = await written(s.visma, 'journalTransactions');
    const linesOf = (reference: string) => {
      const b = batches.find((x) => Array.isArray(x.lines) && x.lines.some((l: Record<string, unknown>) => l.referenceNumber === reference));
      const lines: Record<string, unknown>[] = Array.isArray(b?.lines) ? b.lines : [];
      return lines.map((l) => [l.accountNumber, l.debit, l.credit, l.vatCodeId, l.vatId, l.transactionDescription]);
    };
    expect(linesOf('CCV-2001')).toEqual([
      ['1110', 61.1, 0, null, null, 'CCV Shop order 2001'],
      ['8000', 0, 37.86, '01', 'NLH', 'Sales 21%'],
      ['8010', 0, 9.49, '02', 'NLL', 'Sales 9%'],
      ['8050', 0, 4.09, '01', 'NLH', 'Shipping costs'],
      ['1500', 0, 8.81, '01', 'NLH', 'VAT 21%'],
      ['1500', 0, 0.85, '02', 'NLL', 'VAT 9%'],
    ]);
    expect(linesOf('CCV-2006')).toEqual([
      ['1100', 242, 0, null, null, 'CCV Shop order 2006'],
      ['8030', 0, 236.26, '01', 'ICP', 'Sales 0% (VAT reverse-charged)'],
      ['8050', 0, 5.74, '01', 'ICP', 'Shipping costs'],
    ]);
  });
});
