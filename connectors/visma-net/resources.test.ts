import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flattenSalesCategories } from './resources/sales-categories';
import { vatRateOn } from './resources/vat';
import { clientFor } from './test-support/clients';
import { startStub, tokenPath, type Reply, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

/** Answers `METHOD /path` (query ignored) from a table; anything else is a 404. */
function routes(table: Record<string, Reply>): void {
  stub.handle((req) => (req.path === tokenPath ? undefined : (table[`${req.method} ${req.path}`] ?? { status: 404 })));
}
const calls = () => stub.api().map((r) => `${r.method} ${r.url}`);

describe('inventory', () => {
  it('gets, finds, creates and updates items on the documented paths', async () => {
    routes({
      'GET /v1/inventory/ABC-1': { status: 200, body: { inventoryNumber: 'ABC-1', warehouseDetails: [{ warehouse: 'MAIN', availableForShipment: 7 }], extra: 'kept' } },
      'POST /v1/inventory': { status: 201, headers: { location: 'https://api.finance.visma.net/v1/inventory/NEW-9', etag: '"e1"' } },
      'PUT /v1/inventory/ABC-1': { status: 204 },
    });
    const client = clientFor(stub);
    const item = await client.inventory.get('ABC-1');
    expect(item.warehouseDetails?.[0]?.availableForShipment).toBe(7);
    expect(item['extra']).toBe('kept');
    expect(await client.inventory.find('NOPE')).toBeUndefined();
    await expect(client.inventory.get('NOPE')).rejects.toMatchObject({ kind: 'not-found', path: '/v1/inventory/NOPE' });
    expect(await client.inventory.create({ inventoryNumber: 'NEW-9', description: 'x' })).toEqual({
      id: 'NEW-9',
      location: 'https://api.finance.visma.net/v1/inventory/NEW-9',
      etag: '"e1"',
      recovered: false,
    });
    await client.inventory.update('ABC-1', { description: 'Mok' }, { etag: '"t1"' });
    const put = stub.api().at(-1);
    expect(put?.headers['if-match']).toBe('"t1"');
    expect(JSON.parse(put?.body ?? '')).toEqual({ description: { value: 'Mok' } });
  });

  it('reads barcodes, adds one without duplicating, and finds items by barcode', async () => {
    routes({
      'GET /v1/inventory/ABC-1/crossReferences': { status: 200, body: [{ alternateType: 'Barcode', alternateID: '8712345678906' }] },
      'POST /v1/inventory/ABC-1/crossReferences': { destroy: true },
      'GET /v1/inventory': { status: 200, body: [{ inventoryNumber: 'ABC-1', crossReferences: [{ alternateID: '8712345678906' }], metadata: { totalCount: 1, maxPageSize: 1000 } }] },
    });
    const client = clientFor(stub);
    expect(await client.inventory.crossReferences('ABC-1')).toHaveLength(1);
    // The POST fails in transit; the lookup shows it landed, so it is not sent again.
    await client.inventory.addCrossReference('ABC-1', { alternateType: 'Barcode', alternateID: '8712345678906' });
    expect(stub.api().filter((r) => r.method === 'POST')).toHaveLength(1);
    const found = await client.inventory.findByAlternateId('8712345678906');
    expect(found.map((i) => i.inventoryNumber)).toEqual(['ABC-1']);
    expect(stub.api().at(-1)?.query.get('alternateID')).toBe('8712345678906');
  });

  it('uploads an attachment as multipart and returns its id', async () => {
    routes({ 'POST /v1/inventory/ABC-1/attachment': { status: 201, headers: { location: '/v1/attachment/3fa85f64-5717-4562-b3fc-2c963f66afa6' } } });
    const result = await clientFor(stub).inventory.uploadAttachment('ABC-1', { fileName: 'mok.jpg', bytes: Buffer.from('JPEGDATA'), contentType: 'image/jpeg' });
    expect(result.id).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
    const req = stub.api()[0];
    expect(req?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req?.body).toContain('filename="mok.jpg"');
    expect(req?.body).toContain('JPEGDATA');
  });

  it('summary, item classes, attributes and sales categories', async () => {
    routes({
      'GET /v1/inventorysummary/ABC-1': { status: 200, body: [{ warehouse: { id: 'MAIN' }, available: 5, soBooked: 2 }] },
      'GET /v1/inventory/itemClass': { status: 200, body: [{ id: 'MUGS', attributes: [{ attributeId: 'COLOR', required: true }] }] },
      'GET /v1/inventory/itemclass/MUGS': { status: 200, body: { id: 'MUGS' } },
      'GET /v1/attribute': { status: 200, body: [{ attributeID: 'COLOR', details: [{ valueId: 'RED' }] }] },
      'GET /v1/salescategory': {
        status: 200,
        body: [{ categoryID: 1, description: 'Servies', sortOrder: 1, subCategories: [{ categoryID: 2, description: 'Mokken', parentID: 1, subCategories: [] }] }],
      },
      'GET /v1/salescategory/2/item': { status: 200, body: [{ inventoryNumber: 'ABC-1' }] },
    });
    const client = clientFor(stub);
    expect((await client.inventorySummary.get('ABC-1', { warehouse: 'MAIN' }))[0]?.soBooked).toBe(2);
    expect(stub.api()[0]?.query.get('warehouse')).toBe('MAIN');
    const classes = [];
    for await (const c of client.itemClasses.iterate()) classes.push(c);
    expect(classes[0]?.attributes?.[0]?.attributeId).toBe('COLOR');
    expect((await client.itemClasses.get('MUGS')).id).toBe('MUGS');
    for await (const a of client.attributes.iterate({ attributeID: 'COLOR' })) expect(a.details?.[0]?.valueId).toBe('RED');
    const flat = flattenSalesCategories(await client.salesCategories.tree());
    expect(flat.map((c) => [c.categoryID, c.path.join(' > '), c.depth])).toEqual([
      [1, 'Servies', 0],
      [2, 'Servies > Mokken', 1],
    ]);
    expect((await client.salesCategories.items(2))[0]?.inventoryNumber).toBe('ABC-1');
  });
});

describe('attachments', () => {
  it('downloads the bytes with their type and file name, and reads blob metadata', async () => {
    routes({
      'GET /v1/attachment/3fa85f64': { status: 200, headers: { 'content-type': 'image/png', 'content-disposition': "attachment; filename=\"x.png\"; filename*=UTF-8''mok%20blauw.png" }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      'GET /v1/blob/metadata/3fa85f64': { status: 200, body: { blobId: '3fa85f64', contentType: 'image/png', mD5Hash: 'abc', size: 4 } },
    });
    const client = clientFor(stub);
    const file = await client.attachments.download('3fa85f64');
    expect([...file.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(file).toMatchObject({ contentType: 'image/png', fileName: 'mok blauw.png', size: 4 });
    expect(stub.api()[0]?.headers['accept']).toBe('*/*');
    expect(await client.attachments.blobMetadata('3fa85f64')).toMatchObject({ mD5Hash: 'abc', size: 4 });
  });
});

describe('customers and contacts', () => {
  it('finds customers by e-mail, checking the answer case-insensitively', async () => {
    routes({
      'GET /v1/customer': {
        status: 200,
        body: [
          { number: '1', mainContact: { email: 'Jan@Example.nl' }, metadata: { totalCount: 2 } },
          { number: '2', mainContact: { email: 'other@example.nl' }, metadata: { totalCount: 2 } },
        ],
      },
    });
    const found = await clientFor(stub).customers.findByEmail('jan@example.nl');
    expect(found.map((c) => c.number)).toEqual(['1']);
    expect(stub.api()[0]?.rawQuery).toContain('email=jan%40example.nl');
    expect(stub.api()[0]?.query.get('pageSize')).toBe('100');
  });

  it('falls back to contacts and their business account', async () => {
    routes({
      'GET /v1/customer': { status: 200, body: [] },
      'GET /v1/contact': { status: 200, body: [{ contactId: 7, email: 'jan@example.nl', businessAccount: '10001' }] },
      'GET /v1/customer/10001': { status: 200, body: { number: '10001', name: 'Jansen BV' } },
    });
    const found = await clientFor(stub).customers.findByEmail('jan@example.nl');
    expect(found.map((c) => c.name)).toEqual(['Jansen BV']);
    expect(calls()).toContain('GET /v1/contact?email=jan%40example.nl');
  });

  it('creates a contact linked to a customer and returns its numeric id', async () => {
    routes({
      'POST /v1/contact': { status: 201, headers: { location: 'https://api.finance.visma.net/v1/contact/4711' } },
      'GET /v1/customer/10001/contact': { status: 200, body: [{ contactId: 4711 }] },
      'PUT /v1/contact/4711': { status: 204 },
    });
    const client = clientFor(stub);
    expect((await client.contacts.create({ businessAccount: '10001', lastName: 'Jansen', email: 'jan@example.nl' })).id).toBe(4711);
    expect(JSON.parse(stub.api()[0]?.body ?? '')).toMatchObject({ businessAccount: { value: '10001' } });
    expect(await client.contacts.forCustomer('10001')).toHaveLength(1);
    await client.contacts.update(4711, { phone1: '0612345678' });
    expect(calls().at(-1)).toBe('PUT /v1/contact/4711');
  });
});

describe('master data', () => {
  it('reads classes, VAT, payment methods, carriers, branches, currencies and warehouses', async () => {
    routes({
      'GET /v1/customer/customerClass': { status: 200, body: [{ id: 'WEB', taxZoneId: 'NL' }] },
      'GET /v1/vatCategory': { status: 200, body: [{ vatCategoryId: '03', vatCategoryLines: [{ vatId: '21' }] }] },
      'GET /v1/vatZone': { status: 200, body: [{ id: 'NL', defaultVatCategory: '03', metadata: { totalCount: 1 } }] },
      'GET /v1/vat/21': { status: 200, body: { vatId: '21', schedules: [{ startDate: '2012-10-01T00:00:00', vatRate: 21 }, { startDate: '2001-01-01T00:00:00', vatRate: 19 }] } },
      'GET /v1/paymentmethod': { status: 200, body: [{ paymentMethodID: 'IDEAL', active: true }] },
      'GET /v1/carrier': { status: 200, body: [{ carrierId: 'POSTNL' }] },
      'GET /v1/branch': { status: 200, body: [{ number: '1', isMainBranch: true }] },
      'GET /v1/currency/EUR': { status: 200, body: { id: 'EUR', isBaseCurrency: true } },
      'GET /v1/warehouse': { status: 200, body: [{ warehouseID: 'MAIN', active: true }] },
    });
    const client = clientFor(stub);
    expect((await client.customerClasses.list())[0]?.taxZoneId).toBe('NL');
    expect((await client.vatCategories.list())[0]?.vatCategoryLines?.[0]?.vatId).toBe('21');
    for await (const z of client.vatZones.iterate()) expect(z.defaultVatCategory).toBe('03');
    const code = await client.vatCodes.get('21');
    expect(vatRateOn(code, new Date('2025-01-01'))).toBe(21);
    expect(vatRateOn(code, new Date('2005-01-01'))).toBe(19);
    expect((await client.paymentMethods.list())[0]?.paymentMethodID).toBe('IDEAL');
    for await (const c of client.carriers.iterate()) expect(c.carrierId).toBe('POSTNL');
    expect((await client.branches.list({ expand: { address: true } }))[0]?.isMainBranch).toBe(true);
    expect(calls()).toContain('GET /v1/branch?expandAddress=true');
    expect((await client.currencies.get('EUR')).isBaseCurrency).toBe(true);
    for await (const w of client.warehouses.iterate({ active: true })) expect(w.warehouseID).toBe('MAIN');
    expect(stub.api().at(-1)?.query.get('active')).toBe('true');
  });
});

describe('documents', () => {
  it('creates invoices on /v2, finds them by external reference and releases them', async () => {
    routes({
      'POST /v2/customerinvoice': { status: 201, headers: { location: 'https://api.finance.visma.net/v1/customerinvoice/000123', etag: '"AAA="' } },
      'GET /v1/customerinvoice': { status: 200, body: [{ referenceNumber: '000123', externalReference: 'CCV-4711', metadata: { totalCount: 1 } }] },
      'POST /v1/customerinvoice/000123/action/release': { status: 200, body: { actionId: 'a1', actionResult: 'Done' } },
    });
    const client = clientFor(stub);
    expect(await client.customerInvoices.create({ customerNumber: '10001', externalReference: 'CCV-4711' })).toMatchObject({ id: '000123', etag: '"AAA="' });
    expect((await client.customerInvoices.findByExternalReference('CCV-4711'))[0]?.referenceNumber).toBe('000123');
    expect(stub.api()[1]?.query.get('externalReference')).toBe('CCV-4711');
    expect((await client.customerInvoices.release('000123')).actionResult).toBe('Done');
  });

  it('requires a period or a date to list journal transactions', async () => {
    const iterator = clientFor(stub).journalTransactions.iterate();
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'validation' });
    expect(stub.seen).toHaveLength(0);
  });

  it('V3 orders: get with ETag, patch and delete with If-Match (fetched when not given)', async () => {
    routes({
      'GET /api/v3/SalesOrders/SO/000223': { status: 200, headers: { etag: '"v7"' }, body: { type: 'SO', orderId: '000223', version: 'v7', status: { hold: false } } },
      'PATCH /api/v3/SalesOrders/SO/000223': { status: 202, headers: { etag: '"v8"' } },
      'DELETE /api/v3/SalesOrders/SO/000223': { status: 202 },
    });
    const client = clientFor(stub);
    const got = await client.salesOrders.get('SO', '000223', { expand: ['Billing', 'Shipping'] });
    expect(got.etag).toBe('"v7"');
    expect(stub.api()[0]?.query.get('expand')).toBe('Billing,Shipping');
    expect(await client.salesOrders.patch('SO', '000223', { note: 'paid' })).toEqual({ etag: '"v8"' });
    expect(calls().slice(1)).toEqual(['GET /api/v3/SalesOrders/SO/000223', 'PATCH /api/v3/SalesOrders/SO/000223']);
    expect(stub.api()[2]?.headers['if-match']).toBe('"v7"');
    expect(JSON.parse(stub.api()[2]?.body ?? '')).toEqual({ note: 'paid' });
    await client.salesOrders.delete('SO', '000223', { etag: '"v8"' });
    expect(stub.api().at(-1)?.headers['if-match']).toBe('"v8"');
  });
});

describe('test connection', () => {
  it('says all is well, or which part failed and what to check', async () => {
    routes({ 'GET /v1/vatZone': { status: 200, body: [] }, 'GET /api/v3/SalesOrders': { status: 200, body: { value: [], totalCount: 0, nextPage: null } } });
    const good = await clientFor(stub).test();
    expect(good).toMatchObject({ ok: true, message: 'Connected to Visma.net: sign-in and API calls work.' });
    expect(good.checks.map((c) => c.name)).toEqual(['token', 'erp', 'salesOrders']);
    stub.reset();
    routes({ 'GET /v1/vatZone': { status: 200, body: [] }, 'GET /api/v3/SalesOrders': { status: 403 } });
    const bad = await clientFor(stub).ping();
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/visma\.net\.erp\.salesorder:read/);
    expect(bad.checks.find((c) => c.name === 'erp')?.ok).toBe(true);
  });
});
