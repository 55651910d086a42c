import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainSpecFile, schemaErrors, v3SpecFile } from '../../connectors/visma-net/test-support/reference-schemas';
import { apiCalls, startVismaRig, type VismaLogEntry, type VismaRig } from './visma-harness';

/** Which reference schema the body of a logged write must match (OpenAPI requestBody refs). */
function schemaFor(e: VismaLogEntry): [file: string, name: string] | undefined {
  const p = e.path;
  if (e.method === 'POST' && p === '/v1/customer') return [mainSpecFile, 'CustomerUpdateDto'];
  if (e.method === 'PUT' && /^\/v1\/customer\/[^/]+$/.test(p)) return [mainSpecFile, 'CustomerUpdateDto'];
  if ((e.method === 'POST' && p === '/v1/contact') || (e.method === 'PUT' && /^\/v1\/contact\/\d+$/.test(p))) return [mainSpecFile, 'ContactUpdateDto'];
  if ((e.method === 'POST' && p === '/v1/inventory') || (e.method === 'PUT' && /^\/v1\/inventory\/[^/]+$/.test(p))) return [mainSpecFile, 'InventoryUpdateDto'];
  if ((e.method === 'POST' && p === '/v2/customerinvoice') || (e.method === 'PUT' && /^\/v1\/customerinvoice\/[^/]+$/.test(p))) return [mainSpecFile, 'CustomerInvoiceUpdateDto'];
  if ((e.method === 'POST' && p === '/v2/journaltransaction') || (e.method === 'PUT' && /^\/v2\/journaltransaction\/[^/]+$/.test(p))) return [mainSpecFile, 'JournalTransactionUpdateDto'];
  if (e.method === 'POST' && p === '/api/v3/SalesOrders') return [v3SpecFile, 'NewSalesOrderCommand'];
  if (e.method === 'PATCH' && /^\/api\/v3\/SalesOrders\/[^/]+\/[^/]+$/.test(p)) return [v3SpecFile, 'PatchSalesOrderCommand'];
  return undefined;
}

// End to end: what the simulator logged as received is what the reference schemas allow, and no secret is in it.
describe('Visma.net connector ⇄ simulator: request bodies on the wire', () => {
  let rig: VismaRig;
  let log: VismaLogEntry[];

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: { inventory: 40, customers: 10, salesOrders: 5, customerInvoices: 5 } });
    const client = rig.client();
    const customer = await client.customers.create({
      name: 'Conformiteit BV',
      customerClassId: 'ZAK',
      vatZoneId: 'NL',
      overrideWithClassValues: false,
      mainAddress: { addressLine1: 'Kade 1', postalCode: '1011 AA', city: 'Amsterdam', countryId: 'NL' },
      mainContact: { email: 'conform@example.nl' },
      attributeLines: [{ attributeId: 'SEGMENT', attributeValue: 'B2B' }],
    });
    await client.customers.update(customer.id, { note: 'bijgewerkt', mainContact: { phone1: '020 1234567' } });
    const contact = await client.contacts.create({ businessAccount: customer.id, firstName: 'Ada', lastName: 'Conform', email: 'ada@example.nl' });
    await client.contacts.update(contact.id, { position: 'Inkoop' });
    await client.inventory.create({
      inventoryNumber: 'CONF-1',
      description: 'Conform artikel',
      itemClass: 'ALG',
      vatCode: '01',
      defaultPrice: 9.95,
      packaging: { baseItemWeight: 0.5, weightUOM: 'KG' },
      crossReferences: [{ operation: 'Insert', alternateType: 'Barcode', alternateID: '8712345000019' }],
    });
    await client.inventory.update('CONF-1', { defaultPrice: 10.95 });
    const invoice = await client.customerInvoices.create({
      customerNumber: customer.id,
      documentDate: new Date(Date.UTC(2026, 2, 2)),
      externalReference: 'CONF-INV',
      invoiceLines: [{ operation: 'Insert', inventoryNumber: 'CONF-1', quantity: 1, unitPriceInCurrency: 10.95, vatCodeId: '01' }],
    });
    await client.customerInvoices.update(invoice.id, { invoiceText: 'Conform' });
    const batch = await client.journalTransactions.create({
      transactionDate: '2026-03-02',
      description: 'Conform',
      journalTransactionLines: [
        { operation: 'Insert', accountNumber: '1110', debitAmountInCurrency: 1, subaccount: [{ segmentId: 1, segmentValue: '0000' }] },
        { operation: 'Insert', accountNumber: '8000', creditAmountInCurrency: 1 },
      ],
    });
    await client.journalTransactions.update(batch.id, { description: 'Conform (2)' });
    const order = await client.salesOrders.create({
      type: 'SO',
      customer: { id: customer.id, refNo: 'CONF-SO' },
      date: new Date(Date.UTC(2026, 2, 2)),
      shipping: { address: { line1: 'Kade 1', line2: '', line3: '', postalCode: '1011 AA', city: 'Amsterdam', countryId: 'NL' } },
      orderLines: [{ inventoryId: 'CONF-1', quantity: 2, unitPrice: 10.95, taxCategoryId: '01' }],
    });
    await client.salesOrders.patch(order.id.type, order.id.number, { description: 'Conform', paymentSettings: { paymentReference: 'CONF-SO' } });
    log = await rig.requests();
  });
  afterAll(async () => {
    await rig.close();
  });

  it('every write was accepted by the simulator', () => {
    const writes = apiCalls(log).filter((e) => e.method !== 'GET');
    expect(writes).toHaveLength(12);
    expect(writes.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 201', 'PUT 204', 'POST 201', 'PUT 204', 'POST 201', 'PUT 204', 'POST 201', 'PUT 204', 'POST 201', 'PUT 204', 'POST 201', 'PATCH 202',
    ]);
    // The simulator warns about body fields it had to ignore: there must be none.
    expect(writes.flatMap((e) => (Array.isArray(e['warnings']) ? e['warnings'] : []))).toEqual([]);
  });

  it('every logged body matches its reference schema (closed: no unknown or misspelt field, wrappers where the spec has them)', () => {
    const writes = apiCalls(log).filter((e) => e.method !== 'GET');
    for (const e of writes) {
      const schema = schemaFor(e);
      expect(schema, `${e.method} ${e.path}`).toBeDefined();
      if (!schema) continue;
      expect(schemaErrors(schema[0], schema[1], e.body), `${e.method} ${e.path} vs ${schema[1]}`).toEqual([]);
    }
  });

  it('the plain parts stay plain: line operation, overrideWithClassValues and subaccount segments are not wrapped', () => {
    const post = (path: string) => apiCalls(log).find((e) => e.method === 'POST' && e.path === path)?.body;
    expect(post('/v1/customer')).toMatchObject({ overrideWithClassValues: false });
    expect(post('/v2/journaltransaction')).toHaveProperty(['journalTransactionLines', 0, 'subaccount'], [{ segmentId: 1, segmentValue: '0000' }]);
    expect(post('/v2/journaltransaction')).toHaveProperty(['journalTransactionLines', 0, 'operation'], 'Insert');
    // `packaging` is inline: the object itself is not wrapped, its fields are.
    expect(post('/v1/inventory')).toHaveProperty('packaging', { baseItemWeight: { value: 0.5 }, weightUOM: { value: 'KG' } });
  });

  it('no secret, token or Authorization header is in the simulator log', () => {
    const text = JSON.stringify(log);
    expect(text).not.toContain(rig.sim.credentials.clientSecret);
    expect(text).not.toMatch(/Bearer/i);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    for (const e of log) expect(Object.keys(e.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
  });
});
