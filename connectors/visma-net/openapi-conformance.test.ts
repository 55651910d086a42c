import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from './test-support/clients';
import { mainSpecFile, schemaErrors, v3SpecFile } from './test-support/reference-schemas';
import { startStub, tokenPath, type Stub } from './test-support/stub-server';
import type { VismaClient } from './client';

// Every request body the resources produce is validated against the reference OpenAPI (closed schemas).

let stub: Stub;
let client: VismaClient;
beforeAll(async () => {
  stub = await startStub();
  client = clientFor(stub);
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

function answerWrites(): void {
  stub.handle((req) => {
    if (req.path === tokenPath) return undefined;
    if (req.method === 'POST' && req.path === '/api/v3/SalesOrders') return { status: 201, headers: { location: `${stub.url}/api/v3/SalesOrders/SO/000223` } };
    if (req.method === 'POST' && req.path.endsWith('/crossReferences')) return { status: 200, body: {} };
    if (req.method === 'POST') return { status: 201, headers: { location: `${stub.url}${req.path}/123` } };
    if (req.method === 'PUT') return { status: 204 };
    if (req.method === 'PATCH') return { status: 202 };
    return undefined;
  });
}

function lastBody(): unknown {
  const req = stub.api().at(-1);
  return JSON.parse(req?.body ?? 'null');
}

const segments = [
  { segmentId: 1, segmentValue: '100' },
  { segmentId: 2, segmentValue: 'NL' },
];
const address = { addressLine1: 'Street 1', addressLine2: '', postalCode: '1234 AB', city: 'Utrecht', countryId: 'NL', county: 'UT' };
const contactInfo = { name: 'Jan Jansen', attention: 'Inkoop', email: 'jan@example.nl', web: 'https://example.nl', phone1: '030-1234567', phone2: '', fax: '' };

describe('request bodies match the reference OpenAPI', () => {
  it('the validator itself rejects wrong wrapping (so these tests can fail)', () => {
    expect(schemaErrors(mainSpecFile, 'CustomerUpdateDto', { name: 'not wrapped' })).not.toEqual([]);
    expect(schemaErrors(mainSpecFile, 'InventoryUpdateDto', { packaging: { value: { weightUOM: { value: 'KG' } } } })).not.toEqual([]);
    expect(schemaErrors(mainSpecFile, 'CustomerUpdateDto', { overrideWithClassValues: { value: true } })).not.toEqual([]);
    expect(schemaErrors(mainSpecFile, 'CustomerUpdateDto', { nmae: { value: 'typo' } })).not.toEqual([]);
  });

  it('InventoryUpdateDto (create and update)', async () => {
    answerWrites();
    await client.inventory.create({
      inventoryNumber: 'ABC-1',
      status: 'Active',
      type: 'FinishedGoodItem',
      description: 'Mok blauw',
      body: '<p>Blauwe mok</p>',
      itemClass: 'MUGS',
      postingClass: 'STD',
      vatCode: '03',
      defaultPrice: 9.95,
      baseUnit: 'STUK',
      salesUnit: 'STUK',
      purchaseUnit: 'DOOS',
      salesAccount: '8000',
      salesSubaccount: segments,
      cogsSubaccount: segments,
      expenseSubaccount: segments,
      attributeLines: [{ attributeId: 'COLOR', attributeValue: 'BLUE' }],
      packaging: { baseItemWeight: 0.4, weightUOM: 'KG', baseItemVolume: 1, volumeUOM: 'L' },
      intrastat: { cN8: '69120000', countryOfOrigin: 'CN', supplementaryMeasureUnit: 'NAR' },
      supplierDetails: [{ operation: 'Insert', supplierID: '70001', default: true, minOrderQty: 10, shipmentLeadTime: 3 }],
      crossReferences: [{ operation: 'Insert', alternateType: 'Barcode', alternateID: '8712345678906', description: 'EAN' }],
      defaultWarehouse: 'MAIN',
      kitItem: false,
      note: 'note',
    });
    const created = lastBody();
    expect(schemaErrors(mainSpecFile, 'InventoryUpdateDto', created)).toEqual([]);
    expect(created).toMatchObject({
      inventoryNumber: { value: 'ABC-1' },
      packaging: { weightUOM: { value: 'KG' } },
      salesSubaccount: segments,
      crossReferences: [{ operation: 'Insert', alternateID: { value: '8712345678906' } }],
    });
    await client.inventory.update('ABC-1', { description: 'Mok', status: 'NoSales', defaultPrice: 10 });
    expect(schemaErrors(mainSpecFile, 'InventoryUpdateDto', lastBody())).toEqual([]);
  });

  it('InventoryCrossReferenceUpdateDto (add and update a barcode)', async () => {
    answerWrites();
    await client.inventory.addCrossReference('ABC-1', { alternateType: 'Barcode', alternateID: '8712345678906', description: 'EAN', uom: 'STUK' });
    expect(schemaErrors(mainSpecFile, 'InventoryCrossReferenceUpdateDto', lastBody())).toEqual([]);
    await client.inventory.updateCrossReference('ABC-1', 'Barcode', '8712345678906', { description: 'EAN-13' });
    expect(schemaErrors(mainSpecFile, 'InventoryCrossReferenceUpdateDto', lastBody())).toEqual([]);
  });

  it('CustomerUpdateDto', async () => {
    answerWrites();
    await client.customers.create({
      number: '10001',
      name: 'Jansen BV',
      status: 'Active',
      currencyId: 'EUR',
      creditLimit: 1000,
      creditDaysPastDue: 30,
      overrideWithClassValues: false,
      customerClassId: 'WEB',
      creditTermsId: '14D',
      vatRegistrationId: 'NL001234567B01',
      vatZoneId: 'NL',
      mainAddress: address,
      mainContact: contactInfo,
      invoiceAddress: address,
      invoiceContact: contactInfo,
      deliveryAddress: address,
      deliveryContact: contactInfo,
      creditVerification: 'Disabled',
      statementType: 'OpenItem',
      sendInvoicesByEmail: true,
      eInvoiceContract: { fInvoiceContractID: 'C1', fInvoiceIntermediatorID: 'I1' },
      defaultPaymentMethod: { paymentMethodId: 'IDEAL', isDefault: true },
      glAccounts: { salesAccount: '8000', salesSubaccount: segments, customerLedgerAccount: '1300', customerLedgerSubaccount: segments },
      directDebitLines: [{ operation: 'Insert', id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', mandateId: 'M1', iban: 'NL91ABNA0417164300', dateOfSignature: new Date(2025, 0, 15) }],
      attributeLines: [{ attributeId: 'SEGMENT', attributeValue: 'B2C' }],
      overrideNumberSeries: true,
      note: 'Web customer',
    });
    const body = lastBody();
    expect(schemaErrors(mainSpecFile, 'CustomerUpdateDto', body)).toEqual([]);
    expect(body).toMatchObject({ overrideWithClassValues: false, mainAddress: { value: { city: { value: 'Utrecht' } } } });
    await client.customers.update('10001', { name: 'Jansen & Zn', mainContact: { email: 'info@jansen.nl' }, status: 'OnHold' });
    expect(schemaErrors(mainSpecFile, 'CustomerUpdateDto', lastBody())).toEqual([]);
  });

  it('ContactUpdateDto', async () => {
    answerWrites();
    await client.contacts.create({
      businessAccount: '10001',
      firstName: 'Jan',
      lastName: 'Jansen',
      title: 'Mr',
      email: 'jan@example.nl',
      active: true,
      address,
      contactMethod: 'Email',
      doNotCall: true,
    });
    expect(schemaErrors(mainSpecFile, 'ContactUpdateDto', lastBody())).toEqual([]);
    await client.contacts.update(123, { phone1: '0612345678', active: false });
    expect(schemaErrors(mainSpecFile, 'ContactUpdateDto', lastBody())).toEqual([]);
  });

  it('CustomerInvoiceUpdateDto (create on /v2 and update on /v1)', async () => {
    answerWrites();
    const input = {
      customerNumber: '10001',
      documentDate: new Date(2025, 4, 19),
      documentDueDate: '2025-06-02',
      externalReference: 'CCV-4711',
      customerRefNumber: 'CCV-4711',
      invoiceText: 'Webshop order 4711',
      currencyId: 'EUR',
      hold: false,
      branchNumber: '1',
      billingAddress: { overrideAddress: true, ...address },
      invoiceContact: { overrideContact: true, name: 'Jan', attention: 'x', email: 'jan@example.nl', phone1: '1' },
      rotRutDetails: { distributedAutomaticaly: true, type: 'Rut' as const, distribution: [{ operation: 'Insert' as const, personalId: '1', amount: 10 }] },
      taxDetailLines: [{ taxId: '21', taxableAmount: 100, vatAmount: 21 }],
      invoiceLines: [
        { operation: 'Insert' as const, inventoryNumber: 'ABC-1', description: 'Mok', quantity: 2, unitPriceInCurrency: 9.95, vatCodeId: '03', accountNumber: '8000', subaccount: segments, discountPercent: 0 },
      ],
    };
    await client.customerInvoices.create(input);
    const body = lastBody();
    expect(stub.api().at(-1)?.path).toBe('/v2/customerinvoice');
    expect(schemaErrors(mainSpecFile, 'CustomerInvoiceUpdateDto', body)).toEqual([]);
    expect(body).toMatchObject({ documentDate: { value: '2025-05-19T00:00:00' }, rotRutDetails: { type: { value: 'Rut' } } });
    await client.customerInvoices.update('000123', { invoiceText: 'changed', invoiceLines: [{ operation: 'Delete', lineNumber: 2 }] });
    expect(schemaErrors(mainSpecFile, 'CustomerInvoiceUpdateDto', lastBody())).toEqual([]);
  });

  it('JournalTransactionUpdateDto', async () => {
    answerWrites();
    await client.journalTransactions.create({
      transactionDate: new Date(2025, 4, 19, 15, 30),
      financialPeriod: '202505',
      description: 'Omzet webshop',
      hold: false,
      journalTransactionLines: [
        { operation: 'Insert', accountNumber: '1300', debitAmountInCurrency: 121, subaccount: segments, transactionDescription: 'Debiteuren' },
        { operation: 'Insert', accountNumber: '8000', creditAmountInCurrency: 100, vatCodeId: '03', vatId: '21' },
        { operation: 'Insert', accountNumber: '1500', creditAmountInCurrency: 21 },
      ],
    });
    const body = lastBody();
    expect(schemaErrors(mainSpecFile, 'JournalTransactionUpdateDto', body)).toEqual([]);
    // Sent without a time zone, as the calendar day.
    expect(body).toMatchObject({ transactionDate: { value: '2025-05-19T00:00:00' } });
    await client.journalTransactions.update('000045', { description: 'gecorrigeerd', journalTransactionLines: [{ operation: 'Update', lineNumber: 1, debitAmountInCurrency: 120 }] });
    expect(schemaErrors(mainSpecFile, 'JournalTransactionUpdateDto', lastBody())).toEqual([]);
  });

  it('NewSalesOrderCommand and PatchSalesOrderCommand (V3, plain JSON)', async () => {
    answerWrites();
    const orderAddress = { line1: 'Street 1', line2: '', line3: '', postalCode: '1234 AB', city: 'Utrecht', countryId: 'NL', stateId: '' };
    const orderContact = { name: 'Jan Jansen', attention: '', email: 'jan@example.nl', phone1: '0612345678' };
    await client.salesOrders.create({
      type: 'SO',
      customer: { id: '10001', refNo: 'CCV-4711', order: '4711' },
      date: new Date(2025, 4, 19),
      description: 'Webshop order 4711',
      status: 'Open',
      currencyId: 'EUR',
      billing: { address: orderAddress, contact: orderContact },
      shipping: { address: orderAddress, contact: orderContact, shipViaId: 'POSTNL', scheduledDate: '2025-05-20' },
      paymentSettings: { paymentMethodId: 'IDEAL', paymentReference: '4711' },
      freight: { cost: 4.95, taxCategoryId: '03' },
      financialInformation: { invoiceDate: new Date(2025, 4, 19) },
      print: { descriptionOnInvoice: true },
      orderLines: [{ inventoryId: 'ABC-1', quantity: 2, unitPrice: 9.95, hasManualPrice: true, taxCategoryId: '03', warehouseId: 'MAIN' }],
    });
    const body = lastBody();
    expect(schemaErrors(v3SpecFile, 'NewSalesOrderCommand', body)).toEqual([]);
    expect(body).toMatchObject({ type: 'SO', customer: { id: '10001', refNo: 'CCV-4711' }, date: '2025-05-19T00:00:00' });
    await client.salesOrders.patch('SO', '000223', { description: 'changed', shipping: { address: { ...orderAddress, overridesDefault: true } } }, { etag: '"AAAAAE0YIiI="' });
    expect(schemaErrors(v3SpecFile, 'PatchSalesOrderCommand', lastBody())).toEqual([]);
  });
});
