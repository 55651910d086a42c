import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obj, objs, startTestSim, wrap, type TestSim } from './test-support';

let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ now: () => Date.UTC(2025, 2, 3, 10), sizes: { customers: 30 } });
});
afterAll(() => t.sim.close());

describe('customers', () => {
  it('seeds private and company customers in NL/BE/DE/FR with a main contact e-mail', async () => {
    const all = objs((await t.call('GET', '/v1/customer?pageSize=100')).json);
    expect(all).toHaveLength(30);
    const countries = new Set(all.map((c) => obj(obj(c.mainAddress).country).id));
    expect([...countries].sort()).toEqual(['BE', 'DE', 'FR', 'NL']);
    expect(new Set(all.map((c) => obj(c.customerClass).id))).toEqual(new Set(['PRIV', 'ZAK', 'EU']));
    expect(all.every((c) => /@example\.com$/.test(String(obj(c.mainContact).email)))).toBe(true);
  });

  it('finds a customer by e-mail (equality, case-insensitive by default)', async () => {
    const first = obj((await t.call('GET', '/v1/customer/10001')).json);
    const email = String(obj(first.mainContact).email);
    const hit = objs((await t.call('GET', `/v1/customer?email=${encodeURIComponent(email.toUpperCase())}&pageNumber=1&pageSize=100`)).json);
    expect(hit.map((c) => c.number)).toEqual(['10001']);
    expect(objs((await t.call('GET', `/v1/customer?email=${encodeURIComponent(email.slice(1))}`)).json)).toEqual([]);
  });

  it('creates a customer from a value-wrapped body: 201, empty body, Location with the auto number, class defaults', async () => {
    const body = wrap({ name: 'Fietsenmaker Visser B.V.', customerClassId: 'ZAK', mainAddress: { addressLine1: 'Stationsweg 4', city: 'Zwolle', countryId: 'NL' }, mainContact: { email: 'visser@example.com' } });
    const r = await t.call('POST', '/v1/customer', { body });
    expect(r.status).toBe(201);
    expect(r.text).toBe('');
    expect(r.headers.get('location')).toBe(`${t.sim.url}/v1/customer/10031`);
    expect(r.headers.get('etag')).toMatch(/^"[A-Za-z0-9+/]+=*"$/);
    const c = obj((await t.call('GET', '/v1/customer/10031')).json);
    expect(c).toMatchObject({ number: '10031', name: 'Fietsenmaker Visser B.V.', customerClass: { id: 'ZAK' }, creditTerms: { id: '30D' }, vatZone: { id: 'NL' } });
    expect(obj(c.mainAddress)).toMatchObject({ addressLine1: 'Stationsweg 4', country: { id: 'NL', name: 'Nederland' } });
  });

  it('requires a number when numbering is manual, and clears with {value:null} or "" while absent keys are kept', async () => {
    await t.admin('POST', 'config', { numbering: { customers: 'manual' } });
    const noNumber = await t.call('POST', '/v1/customer', { body: wrap({ name: 'Zonder nummer' }) });
    expect(noNumber.status).toBe(400);
    expect(String(obj(noNumber.json).message)).toContain("'Customer ID' cannot be empty.");
    const r = await t.call('POST', '/v1/customer', { body: wrap({ number: 'WEB-1', name: 'Met nummer', corporateId: '123', gln: '871' }) });
    expect(r.headers.get('location')).toBe(`${t.sim.url}/v1/customer/WEB-1`);
    await t.admin('POST', 'config', { numbering: { customers: 'auto' } });
    const put = await t.call('PUT', '/v1/customer/WEB-1', { body: { corporateId: { value: null }, gln: { value: '' } } });
    expect(put.status).toBe(204);
    const c = obj((await t.call('GET', '/v1/customer/WEB-1')).json);
    expect(c).toMatchObject({ name: 'Met nummer', corporateId: null, gln: null });
  });

  it('rejects unwrapped and unknown-reference bodies with {message:"VismaId: ..."}', async () => {
    const unwrapped = await t.call('POST', '/v1/customer', { body: { name: 'Plain' } });
    expect(unwrapped.status).toBe(400);
    expect(String(obj(unwrapped.json).message)).toMatch(/^VismaId: [0-9a-f-]{36}\. Data received not recognized as CustomerUpdateDto/);
    const garbage = await t.call('POST', '/v1/customer', { body: '{not json' });
    expect(garbage.status).toBe(400);
    const zone = await t.call('POST', '/v1/customer', { body: wrap({ name: 'X', vatZoneId: 'MARS' }) });
    expect(String(obj(zone.json).message)).toContain("VAT zone 'MARS' cannot be found");
  });

  it('answers 412 on a stale If-Match and 404 for an unknown customer', async () => {
    const r = await t.call('GET', '/v1/customer/10002');
    const etag = r.headers.get('etag') ?? '';
    expect((await t.call('PUT', '/v1/customer/10002', { body: wrap({ note: 'a' }), headers: { 'if-match': etag } })).status).toBe(204);
    expect((await t.call('PUT', '/v1/customer/10002', { body: wrap({ note: 'b' }), headers: { 'if-match': etag } })).status).toBe(412);
    expect((await t.call('GET', '/v1/customer/99999')).status).toBe(404);
    expect((await t.call('PUT', '/v1/customer/99999', { body: wrap({ note: 'b' }) })).status).toBe(404);
  });

  it('filters on lastModifiedDateTime after a write', async () => {
    const since = '/v1/customer?lastModifiedDateTime=2025-03-03&lastModifiedDateTimeCondition=%3E%3D';
    const changed = objs((await t.call('GET', since)).json).map((c) => c.number);
    expect(changed).toContain('10002');
    expect(changed).not.toContain('10003');
  });

  it('lists customer classes', async () => {
    const classes = objs((await t.call('GET', '/v1/customer/customerClass')).json);
    expect(classes.map((c) => c.id)).toEqual(['PRIV', 'ZAK', 'EU']);
    expect(obj((await t.call('GET', '/v1/customer/customerClass/EU')).json).taxZoneId).toBe('EU');
  });
});

describe('contacts', () => {
  it('lists the contacts of a customer and creates a linked contact', async () => {
    const own = objs((await t.call('GET', '/v1/customer/10002/contact')).json);
    expect(own.map((c) => c.businessAccount)).toEqual(['10002']);
    const r = await t.call('POST', '/v1/contact', { body: wrap({ firstName: 'Eva', lastName: 'Bos', email: 'eva@example.com', businessAccount: '10002' }) });
    expect(r.status).toBe(201);
    const id = (r.headers.get('location') ?? '').split('/').pop();
    const c = obj((await t.call('GET', `/v1/contact/${id ?? ''}`)).json);
    expect(c).toMatchObject({ displayName: 'Eva Bos', businessAccount: '10002', email: 'eva@example.com' });
    expect(objs((await t.call('GET', '/v1/contact?email=eva@example.com')).json)).toHaveLength(1);
    expect(objs((await t.call('GET', '/v1/customer/10002/contact')).json)).toHaveLength(2);
    const put = await t.call('PUT', `/v1/contact/${id ?? ''}`, { body: wrap({ phone1: '0612345678' }) });
    expect(put.status).toBe(204);
  });

  it('refuses a contact for an unknown business account', async () => {
    const r = await t.call('POST', '/v1/contact', { body: wrap({ lastName: 'Wees', businessAccount: 'NOPE' }) });
    expect(r.status).toBe(400);
    expect(String(obj(r.json).message)).toContain("Business account 'NOPE' cannot be found");
  });
});

describe('VAT and master data', () => {
  it('serves VAT ids with rates, categories and zones at the spec paths', async () => {
    const vats = objs((await t.call('GET', '/v1/vat')).json);
    const rate = (id: string): unknown => objs(vats.find((v) => v.vatId === id)?.schedules)[0]?.vatRate;
    expect([rate('NLH'), rate('NLL'), rate('NL0'), rate('DEH'), rate('DEL'), rate('FRH'), rate('BEH')]).toEqual([21, 9, 0, 19, 7, 20, 21]);
    expect(vats.find((v) => v.vatId === 'ICP')).toMatchObject({ reverseVat: true, type: 'ReverseVat' });
    expect(objs((await t.call('GET', '/v1/vatCategory')).json).map((c) => c.vatCategoryId)).toEqual(['01', '02', '03', '04']);
    expect(obj((await t.call('GET', '/v1/vatZone/EU')).json)).toMatchObject({ id: 'EU', defaultVatCategory: '01' });
  });

  it('serves payment methods, credit terms (object-paged), carriers, branches, currencies and accounts', async () => {
    expect(objs((await t.call('GET', '/v1/paymentmethod')).json).map((p) => p.paymentMethodID)).toContain('IDEAL');
    const terms = obj((await t.call('GET', '/v1/creditTerm?pageNumber=1&pageSize=2')).json);
    expect(terms).toMatchObject({ pageNumber: 1, pageSize: 2, totalCount: 3 });
    expect(objs(terms.records)).toHaveLength(2);
    expect(objs((await t.call('GET', '/v1/carrier')).json)[0]?.metadata).toEqual({ totalCount: 4, maxPageSize: 1000 });
    expect(obj((await t.call('GET', '/v1/branch/1')).json).name).toBe('Koppel Demo B.V.');
    expect(obj((await t.call('GET', '/v1/currency/EUR')).json).isBaseCurrency).toBe(true);
    expect(obj((await t.call('GET', '/v1/account/8050')).json)).toMatchObject({ type: 'Income', description: 'Verzendkosten' });
    expect(objs((await t.call('GET', '/v1/warehouse')).json).map((w) => w.warehouseID)).toEqual(['MAIN', 'EXTERN']);
    expect(objs((await t.call('GET', '/v1/salesordertype')).json).map((s) => s.orderType)).toContain('SO');
  });

  it('answers the legacy /API/controller/api/v1 prefix like /v1', async () => {
    const r = await t.call('GET', '/API/controller/api/v1/customer/10001');
    expect(r.status).toBe(200);
    expect(obj(r.json).number).toBe('10001');
  });
});
