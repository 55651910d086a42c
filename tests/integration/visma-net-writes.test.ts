import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VismaApiError } from '../../connectors/visma-net';
import { failure } from './helpers';
import { apiCalls, startVismaRig, type VismaLogEntry, type VismaRig } from './visma-harness';

const SIZES = { inventory: 60, customers: 20, salesOrders: 10, customerInvoices: 10 };

const lastWrite = (log: VismaLogEntry[], method: string, path: string) =>
  apiCalls(log).filter((e) => e.method === method && e.path === path).at(-1);

// Creates and updates through the connector, read back through the connector, compared field by field; the
// request log shows the wire bodies (reference/visma-net/README.md §4.1 value wrapping, §4.3 201/204, §6.x resources).
describe('Visma.net connector ⇄ simulator: writes', () => {
  let rig: VismaRig;

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: SIZES });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('customer: create (201 + Location) and update (204), read back field by field', async () => {
    const client = rig.client();
    const created = await client.customers.create({
      name: 'Fietsenmaker Ünal & Zn.',
      customerClassId: 'ZAK',
      vatZoneId: 'NL',
      creditTermsId: '14D',
      vatRegistrationId: 'NL123456789B01',
      mainAddress: { addressLine1: 'Stationsstraat 1/A', postalCode: '1234 AB', city: 'Utrecht', countryId: 'NL' },
      mainContact: { name: 'Ünal', email: 'info@unal.example.nl', phone1: '+31 30 1234567' },
    });
    expect(created.recovered).toBe(false);
    expect(created.location).toMatch(new RegExp(`/v1/customer/${created.id}$`));

    const body = lastWrite(await rig.requests(), 'POST', '/v1/customer')?.body;
    // Every scalar wrapped, nested objects wrapped once with their fields wrapped again (reference/visma-net/README.md §4.1).
    expect(body).toMatchObject({
      name: { value: 'Fietsenmaker Ünal & Zn.' },
      customerClassId: { value: 'ZAK' },
      mainAddress: { value: { addressLine1: { value: 'Stationsstraat 1/A' }, countryId: { value: 'NL' } } },
      mainContact: { value: { email: { value: 'info@unal.example.nl' } } },
    });

    const back = await client.customers.get(created.id);
    expect(back.number).toBe(created.id);
    expect(back.name).toBe('Fietsenmaker Ünal & Zn.');
    expect(back.customerClass?.id).toBe('ZAK');
    expect(back.vatZone?.id).toBe('NL');
    expect(back.creditTerms?.id).toBe('14D');
    expect(back.vatRegistrationId).toBe('NL123456789B01');
    expect(back.mainAddress).toMatchObject({ addressLine1: 'Stationsstraat 1/A', postalCode: '1234 AB', city: 'Utrecht' });
    expect(back.mainAddress?.country?.id).toBe('NL');
    expect(back.mainContact).toMatchObject({ name: 'Ünal', email: 'info@unal.example.nl', phone1: '+31 30 1234567' });

    await client.customers.update(created.id, { mainAddress: { city: 'Amersfoort' }, mainContact: { phone1: '+31 33 7654321' } });
    const updated = await client.customers.get(created.id);
    expect(updated.mainAddress?.city).toBe('Amersfoort');
    // Omitted fields are kept (reference/visma-net/README.md §4.1).
    expect(updated.mainAddress?.addressLine1).toBe('Stationsstraat 1/A');
    expect(updated.mainContact?.email).toBe('info@unal.example.nl');
    expect(updated.mainContact?.phone1).toBe('+31 33 7654321');
    expect(updated.name).toBe('Fietsenmaker Ünal & Zn.');
    const put = lastWrite(await rig.requests(), 'PUT', `/v1/customer/${created.id}`);
    expect(put?.status).toBe(204);
    expect(put?.body).toEqual({ mainAddress: { value: { city: { value: 'Amersfoort' } } }, mainContact: { value: { phone1: { value: '+31 33 7654321' } } } });
  });

  it('customer: a stale ETag on PUT is a precondition error (412)', async () => {
    const client = rig.client();
    const etag = (await client.request({ service: 'main', method: 'GET', path: '/v1/customer/10002' })).headers['etag'];
    expect(etag).toBeTruthy();
    await client.customers.update('10002', { note: 'first' }, { etag });
    const error = await failure(client.customers.update('10002', { note: 'second' }, { etag }));
    expect(error).toBeInstanceOf(VismaApiError);
    if (error instanceof VismaApiError) {
      expect(error.kind).toBe('precondition');
      expect(error.status).toBe(412);
      expect(error.message).toMatch(/customer '10002'/i);
      expect(error.message).toMatch(/Run again/);
    }
    expect((await client.customers.get('10002')).timeStamp).not.toBe(etag);
  });

  it('contact: create linked to a customer and update, read back', async () => {
    const client = rig.client();
    const created = await client.contacts.create({ businessAccount: '10004', firstName: 'Sanne', lastName: 'de Wit', email: 'sanne@example.nl', phone1: '0612345678' });
    expect(typeof created.id).toBe('number');
    const back = await client.contacts.get(created.id);
    expect(back).toMatchObject({ contactId: created.id, firstName: 'Sanne', lastName: 'de Wit', email: 'sanne@example.nl', phone1: '0612345678', businessAccount: '10004' });
    await client.contacts.update(created.id, { lastName: 'de Wit-Jansen', active: false });
    const updated = await client.contacts.get(created.id);
    expect(updated.lastName).toBe('de Wit-Jansen');
    expect(updated.active).toBe(false);
    expect(updated.firstName).toBe('Sanne');
    const mine = await client.contacts.forCustomer('10004');
    expect(mine.map((c) => c.contactId)).toContain(created.id);
  });

  it('inventory: create with cross-reference and attributes, update by b64 number, read back', async () => {
    const client = rig.client();
    const number = 'KOP/25+X';
    const created = await client.inventory.create({
      inventoryNumber: number,
      description: 'Koppel mok 25 cl',
      type: 'FinishedGoodItem',
      status: 'Active',
      itemClass: 'ALG',
      postingClass: 'STD',
      vatCode: '01',
      defaultPrice: 12.5,
      baseUnit: 'PCS',
      salesUnit: 'PCS',
      purchaseUnit: 'PCS',
      crossReferences: [{ operation: 'Insert', alternateType: 'Barcode', alternateID: '8712345678906', description: 'EAN' }],
      attributeLines: [{ attributeId: 'WEBSHOP', attributeValue: '1' }],
    });
    expect(created.id).toBe(number);
    const post = lastWrite(await rig.requests(), 'POST', '/v1/inventory');
    expect(post?.body).toMatchObject({
      inventoryNumber: { value: number },
      defaultPrice: { value: 12.5 },
      crossReferences: [{ operation: 'Insert', alternateType: { value: 'Barcode' }, alternateID: { value: '8712345678906' } }],
      attributeLines: [{ attributeId: { value: 'WEBSHOP' }, attributeValue: { value: '1' } }],
    });

    const back = await client.inventory.get(number);
    expect(back).toMatchObject({ inventoryNumber: number, description: 'Koppel mok 25 cl', type: 'FinishedGoodItem', status: 'Active', defaultPrice: 12.5, baseUnit: 'PCS' });
    expect(back.vatCode?.id).toBe('01');
    expect(back.itemClass?.id).toBe('ALG');
    expect(back.crossReferences?.map((c) => [c.alternateType, c.alternateID])).toContainEqual(['Barcode', '8712345678906']);
    expect(back.attributes?.map((a) => [a.id, a.value])).toContainEqual(['WEBSHOP', '1']);
    expect(await client.inventory.findByAlternateId('8712345678906')).toHaveLength(1);

    await client.inventory.update(number, { defaultPrice: 13.95, description: 'Koppel mok 25 cl (wit)' });
    // The reserved characters went out as b64() (reference/visma-net/README.md §4.4).
    const put = apiCalls(await rig.requests()).filter((e) => e.method === 'PUT').at(-1);
    expect(put?.path).toBe(`/v1/inventory/b64(${Buffer.from(number).toString('base64url')})`);
    expect(put?.status).toBe(204);
    const updated = await client.inventory.get(number);
    expect(updated.defaultPrice).toBe(13.95);
    expect(updated.description).toBe('Koppel mok 25 cl (wit)');
    expect(updated.vatCode?.id).toBe('01');
  });

  it('customer invoice: create on /v2 (dates without offset, unwrapped line operation), update, read back', async () => {
    const client = rig.client();
    const created = await client.customerInvoices.create({
      customerNumber: '10003',
      documentDate: '2026-03-02',
      externalReference: 'CCV-4711',
      invoiceText: 'Webshop order 4711',
      currencyId: 'EUR',
      invoiceLines: [
        { operation: 'Insert', inventoryNumber: 'ART-00000', description: 'Pennenset', quantity: 2, unitPriceInCurrency: 10, vatCodeId: '01' },
        { operation: 'Insert', description: 'Verzendkosten', quantity: 1, unitPriceInCurrency: 4.95, accountNumber: '8050', vatCodeId: '01' },
      ],
    });
    const post = lastWrite(await rig.requests(), 'POST', '/v2/customerinvoice');
    expect(post?.status).toBe(201);
    expect(post?.body).toMatchObject({
      customerNumber: { value: '10003' },
      documentDate: { value: '2026-03-02T00:00:00' },
      invoiceLines: [{ operation: 'Insert', quantity: { value: 2 }, vatCodeId: { value: '01' } }, { operation: 'Insert', accountNumber: { value: '8050' } }],
    });

    const back = await client.customerInvoices.get(created.id);
    expect(back.referenceNumber).toBe(created.id);
    expect(back.customer?.number).toBe('10003');
    expect(back.externalReference).toBe('CCV-4711');
    expect(back.invoiceText).toBe('Webshop order 4711');
    expect(back.documentDate?.slice(0, 10)).toBe('2026-03-02');
    expect(back.invoiceLines).toHaveLength(2);
    expect(back.invoiceLines?.[0]).toMatchObject({ inventoryNumber: 'ART-00000', quantity: 2 });
    expect(back.invoiceLines?.[0]?.vatCode?.id).toBe('01');
    expect(back.amount).toBeGreaterThan(24.95);
    expect(await client.customerInvoices.findByExternalReference('CCV-4711')).toHaveLength(1);

    await client.customerInvoices.update(created.id, { invoiceText: 'Webshop order 4711 (gecorrigeerd)' });
    const updated = await client.customerInvoices.get(created.id);
    expect(updated.invoiceText).toBe('Webshop order 4711 (gecorrigeerd)');
    expect(updated.invoiceLines).toHaveLength(2);
  });

  it('journal transaction: create with lines (transactionDate without offset) and update, read back', async () => {
    const client = rig.client();
    const created = await client.journalTransactions.create({
      transactionDate: new Date(Date.UTC(2026, 2, 2, 15, 30)),
      description: 'Dagontvangsten webshop',
      journalTransactionLines: [
        { operation: 'Insert', accountNumber: '1110', debitAmountInCurrency: 121, transactionDescription: 'iDEAL' },
        { operation: 'Insert', accountNumber: '8000', creditAmountInCurrency: 100, transactionDescription: 'Omzet' },
        { operation: 'Insert', accountNumber: '1500', creditAmountInCurrency: 21, transactionDescription: 'BTW' },
      ],
    });
    const post = lastWrite(await rig.requests(), 'POST', '/v2/journaltransaction');
    expect(post?.body).toMatchObject({ transactionDate: { value: '2026-03-02T00:00:00' }, description: { value: 'Dagontvangsten webshop' } });
    expect(post?.body).toHaveProperty(['journalTransactionLines', 0], { operation: 'Insert', accountNumber: { value: '1110' }, debitAmountInCurrency: { value: 121 }, transactionDescription: { value: 'iDEAL' } });
    const back = await client.journalTransactions.get(created.id);
    expect(back.batchNumber).toBe(created.id);
    expect(back.description).toBe('Dagontvangsten webshop');
    expect(back.transactionDate?.slice(0, 10)).toBe('2026-03-02');
    expect(back.financialPeriod).toBe('202603');
    expect(back.debitTotal).toBe(121);
    expect(back.creditTotal).toBe(121);
    expect(back.journalTransactionLines?.map((l) => [l.accountNumber, l.debitAmountInCurrency, l.creditAmountInCurrency])).toEqual([
      ['1110', 121, 0],
      ['8000', 0, 100],
      ['1500', 0, 21],
    ]);
    await client.journalTransactions.update(created.id, {
      description: 'Dagontvangsten webshop (aangevuld)',
      journalTransactionLines: [{ operation: 'Update', lineNumber: 1, transactionDescription: 'iDEAL batch 1' }],
    });
    const updated = await client.journalTransactions.get(created.id);
    expect(updated.description).toBe('Dagontvangsten webshop (aangevuld)');
    expect(updated.journalTransactionLines?.[0]?.transactionDescription).toBe('iDEAL batch 1');
    expect(updated.journalTransactionLines).toHaveLength(3);
  });

  it('V3 sales order: create (plain JSON, Location type/number), PATCH and DELETE with If-Match', async () => {
    const client = rig.client();
    const created = await client.salesOrders.create({
      type: 'SO',
      customer: { id: '10005', refNo: 'CCV-9001', order: '9001' },
      description: 'Webshop order 9001',
      status: 'Open',
      date: '2026-03-02',
      orderLines: [
        { inventoryId: 'ART-00000', quantity: 3, unitPrice: 34.95, hasManualPrice: true },
        { inventoryId: 'ART-00002', quantity: 1 },
      ],
    });
    expect(created.id.type).toBe('SO');
    expect(created.location).toMatch(new RegExp(`/api/v3/SalesOrders/SO/${created.id.number}$`));
    const post = lastWrite(await rig.requests(), 'POST', '/api/v3/SalesOrders');
    // V3 bodies are plain JSON (reference/visma-net/README.md §0.4), dates as the day without offset.
    expect(post?.body).toMatchObject({ type: 'SO', customer: { id: '10005', refNo: 'CCV-9001' }, date: '2026-03-02T00:00:00' });
    expect(post?.body).toHaveProperty('orderLines', [{ inventoryId: 'ART-00000', quantity: 3, unitPrice: 34.95, hasManualPrice: true }, { inventoryId: 'ART-00002', quantity: 1 }]);

    const { order, etag } = await client.salesOrders.get('SO', created.id.number, { expand: ['Customer'] });
    expect(etag).toBeTruthy();
    expect(order).toMatchObject({ type: 'SO', orderId: created.id.number, description: 'Webshop order 9001' });
    expect(order.customer).toMatchObject({ id: '10005', refNo: 'CCV-9001', order: '9001' });
    expect(order.date?.slice(0, 10)).toBe('2026-03-02');
    expect(order.orderQty).toBe(4);
    expect((await client.salesOrders.findByCustomerRefNo('CCV-9001')).map((o) => o.orderId)).toEqual([created.id.number]);

    const patched = await client.salesOrders.patch('SO', created.id.number, { description: 'Webshop order 9001 (betaald)' }, { etag });
    expect(patched.etag).toBeTruthy();
    expect(patched.etag).not.toBe(etag);
    const patch = lastWrite(await rig.requests(), 'PATCH', `/api/v3/SalesOrders/SO/${created.id.number}`);
    expect(patch?.status).toBe(202);
    expect(patch?.headers['if-match']).toBe(etag);
    expect((await client.salesOrders.get('SO', created.id.number)).order.description).toBe('Webshop order 9001 (betaald)');

    // The old version is stale now: 412; without a version the connector fetches the current one first.
    const stale = await failure(client.salesOrders.patch('SO', created.id.number, { description: 'x' }, { etag }));
    expect(stale).toBeInstanceOf(VismaApiError);
    if (stale instanceof VismaApiError) expect([stale.kind, stale.status]).toEqual(['precondition', 412]);
    await client.salesOrders.delete('SO', created.id.number);
    const del = lastWrite(await rig.requests(), 'DELETE', `/api/v3/SalesOrders/SO/${created.id.number}`);
    expect(del?.status).toBe(202);
    expect(del?.headers['if-match']).toBe(patched.etag);
    const gone = await failure(client.salesOrders.get('SO', created.id.number));
    expect(gone).toBeInstanceOf(VismaApiError);
    if (gone instanceof VismaApiError) expect(gone.kind).toBe('not-found');
  });
});
