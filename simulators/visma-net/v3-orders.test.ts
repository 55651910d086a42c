import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arr, obj, objs, startTestSim, type TestSim } from './test-support';

let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ now: () => Date.UTC(2025, 6, 1, 12), sizes: { salesOrders: 30 } });
});
afterAll(() => t.sim.close());

async function createOrder(body: Record<string, unknown>): Promise<{ path: string; etag: string }> {
  const r = await t.call('POST', '/api/v3/SalesOrders', { body });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return { path: new URL(r.headers.get('location') ?? '').pathname, etag: r.headers.get('etag') ?? '' };
}

/** Active stock items of seed 1, looked up instead of hard-coded so the tests do not depend on the status draw. */
async function activeItems(n: number): Promise<string[]> {
  const items = objs((await t.call('GET', `/v1/inventory?status=Active&pageSize=200&attributes=${encodeURIComponent('{"COLOR":"BLACK"}')}`)).json);
  return items.slice(0, n).map((i) => String(i.inventoryNumber));
}

const simpleOrder = (refNo: string): Record<string, unknown> => ({ type: 'SO', customer: { id: '10001', refNo, order: refNo }, orderLines: [{ inventoryId: 'TSHIRT-BLUE-M', quantity: 2 }] });

describe('POST /api/v3/SalesOrders', () => {
  it('creates with 201, an empty body and Location .../api/v3/SalesOrders/SO/<nbr>', async () => {
    const r = await t.call('POST', '/api/v3/SalesOrders', { body: { ...simpleOrder('CCV-1001'), orderLines: [{ inventoryId: 'TSHIRT-BLUE-M', quantity: 2, unitPrice: 10, hasManualPrice: true }] } });
    expect(r.status).toBe(201);
    expect(r.text).toBe('');
    expect(r.headers.get('location')).toBe(`${t.sim.url}/api/v3/SalesOrders/SO/000031`);
    const o = await t.call('GET', '/api/v3/SalesOrders/SO/000031?expand=Customer,Shipping');
    expect(o.headers.get('etag')).toBe(`"${String(obj(o.json).version)}"`);
    const body = obj(o.json);
    expect(body).toMatchObject({ type: 'SO', orderId: '000031', status: { description: 'Open', hold: false }, customer: { id: '10001', refNo: 'CCV-1001' } });
    expect(obj(body.totals)).toMatchObject({ orderTotal: 24.2, taxTotal: 4.2 });
    expect(obj(body.shipping).address).not.toBeNull();
    expect(body.billing).toBeNull(); // not expanded
  });

  it('answers ProblemDetails with x-visma-erp-error-codes for domain errors', async () => {
    const r = await t.call('POST', '/api/v3/SalesOrders', { body: { type: 'SO', customer: { id: '10001' }, orderLines: [{ inventoryId: 'TSHIRT-BLUE-M', quantity: 1 }, { inventoryId: 'DOES-NOT-EXIST', quantity: 1 }] } });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    const p = obj(r.json);
    expect(p).toMatchObject({ status: 400, title: 'One or more validation errors occurred.' });
    expect(objs(p.details)).toEqual([{ code: '1804-InventoryIdNotFound', message: 'InventoryId cannot be found or is invalid', parameters: { property: 'orderLines[1].inventoryId' } }]);
    expect(obj(p.errors)['orderLines[1].inventoryId']).toEqual(['InventoryId cannot be found or is invalid']);
  });

  it.each([
    ['missing customer id', { type: 'SO', customer: {} }, '0001-NullNotAllowed', 'customer.id'],
    ['unknown customer', { type: 'SO', customer: { id: 'NOPE' } }, '1400-CustomerLookupException', 'customer.id'],
    ['too long refNo', { type: 'SO', customer: { id: '10001', refNo: 'x'.repeat(41) } }, '0002-InvalidLength', 'customer.refNo'],
    ['inactive order type', { type: 'XX', customer: { id: '10001' } }, '0003-InvalidValue', 'type'],
    ['unknown payment method', { type: 'SO', customer: { id: '10001' }, paymentSettings: { paymentMethodId: 'BITCOIN' } }, '1402-PaymentMethodIdNotFound', 'paymentSettings.paymentMethodId'],
    ['bad unit of measure', { type: 'SO', customer: { id: '10001' }, orderLines: [{ inventoryId: 'TSHIRT-RED-M', quantity: 1, unitOfMeasure: 'KG' }] }, '1808-InvalidUnitOfMeasure', 'orderLines[0].unitOfMeasure'],
    ['address without country', { type: 'SO', customer: { id: '10001' }, shipping: { address: { line1: 'Straat 1' } } }, '0001-NullNotAllowed', 'shipping.address.countryId'],
  ])('rejects %s', async (_name, body, code, property) => {
    const r = await t.call('POST', '/api/v3/SalesOrders', { body });
    expect(r.status).toBe(400);
    expect(objs(obj(r.json).details)).toContainEqual(expect.objectContaining({ code, parameters: { property } }));
  });

  it('answers 415 for a non-JSON body and 400 for an empty one', async () => {
    expect((await t.call('POST', '/api/v3/SalesOrders', { body: 'type=SO', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    const empty = await t.call('POST', '/api/v3/SalesOrders');
    expect(empty.status).toBe(400);
    expect(objs(obj(empty.json).details)[0]?.message).toBe('A non-empty request body is required.');
  });

  it('refuses a line whose VAT category has no VAT id in the customer zone', async () => {
    const customers = objs((await t.call('GET', '/v1/customer?pageSize=1000&status=Active')).json);
    const be = customers.find((c) => obj(c.vatZone).id === 'BE');
    const r = await t.call('POST', '/api/v3/SalesOrders', { body: { type: 'SO', customer: { id: be?.number }, orderLines: [{ inventoryId: 'TSHIRT-RED-M', quantity: 1, taxCategoryId: '03' }] } });
    expect(objs(obj(r.json).details)[0]).toMatchObject({ code: '1805-InvalidTaxCategoryId', parameters: { property: 'orderLines[0].taxCategoryId' } });
  });

  it('books stock for the ordered quantity (availability changes)', async () => {
    const [sku = ''] = await activeItems(1);
    const before = objs(obj((await t.call('GET', `/api/v3/Inventory?inventoryId=${sku}&warehouseId=MAIN`)).json).value)[0];
    const avail = (v: unknown): unknown => objs(obj(v).availability)[0]?.quantityAvailable;
    await createOrder({ type: 'SO', customer: { id: '10001' }, orderLines: [{ inventoryId: sku, quantity: 3 }] });
    const after = objs(obj((await t.call('GET', `/api/v3/Inventory?inventoryId=${sku}&warehouseId=MAIN`)).json).value)[0];
    expect(Number(avail(after))).toBe(Number(avail(before)) - 3);
  });
});

describe('PATCH and DELETE need If-Match', () => {
  it('answers 428 without If-Match, 412 when stale and 202 with a new ETag otherwise', async () => {
    const { path, etag } = await createOrder(simpleOrder('CCV-2002'));
    expect((await t.call('PATCH', path, { body: { description: 'x' } })).status).toBe(428);
    const ok = await t.call('PATCH', path, { body: { description: 'Spoed', customer: { refNo: null } }, headers: { 'if-match': etag } });
    expect(ok.status).toBe(202);
    const newTag = ok.headers.get('etag') ?? '';
    expect(newTag).not.toBe(etag);
    const stale = await t.call('PATCH', path, { body: { description: 'y' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(obj(stale.json).status).toBe(412);
    const o = obj((await t.call('GET', path)).json);
    expect(o.description).toBe('Spoed');
    expect(obj(o.customer).refNo).toBe('CCV-2002'); // null refNo = unchanged
    expect((await t.call('DELETE', path)).status).toBe(428);
    expect((await t.call('DELETE', path, { headers: { 'if-match': etag } })).status).toBe(412);
    expect((await t.call('DELETE', path, { headers: { 'if-match': newTag } })).status).toBe(202);
    expect((await t.call('GET', path)).status).toBe(404);
  });

  it('adds, changes and deletes lines', async () => {
    const { path, etag } = await createOrder(simpleOrder('CCV-3003'));
    const [, second = ''] = await activeItems(2);
    const add = await t.call('POST', `${path}/lines`, { body: { lines: [{ inventoryId: second, quantity: 1 }] }, headers: { 'if-match': etag } });
    expect(add.status).toBe(202);
    let lines = objs(obj((await t.call('GET', `${path}/lines`)).json).value);
    expect(lines.map((l) => obj(l.inventory).id)).toEqual(['TSHIRT-BLUE-M', second]);
    const patch = await t.call('PATCH', `${path}/lines`, { body: { lines: [{ lineId: 2, quantity: 5 }] }, headers: { 'if-match': add.headers.get('etag') ?? '' } });
    expect(patch.status).toBe(202);
    expect(obj((await t.call('GET', `${path}/lines/2`)).json).quantity).toBe(5);
    const missing = await t.call('PATCH', `${path}/lines`, { body: { lines: [{ lineId: 9, quantity: 1 }] }, headers: { 'if-match': patch.headers.get('etag') ?? '' } });
    expect(objs(obj(missing.json).details)[0]).toMatchObject({ code: '0200-LineIdDoesNotExist', message: 'Line Id 9. Line with provided Id does not exists in the order' });
    const del = await t.call('DELETE', `${path}/lines?ids=1`, { headers: { 'if-match': patch.headers.get('etag') ?? '' } });
    expect(del.status).toBe(202);
    lines = objs(obj((await t.call('GET', `${path}/lines`)).json).value);
    expect(lines.map((l) => l.lineId)).toEqual([2]);
  });

  it('refuses to delete an order with shipped lines (1825)', async () => {
    const completed = objs(obj((await t.call('GET', '/api/v3/SalesOrders?status=Completed&pageSize=1')).json).value)[0];
    const path = `/api/v3/SalesOrders/SO/${String(completed?.orderId)}`;
    const etag = (await t.call('GET', path)).headers.get('etag') ?? '';
    const r = await t.call('DELETE', path, { headers: { 'if-match': etag } });
    expect(r.status).toBe(400);
    expect(objs(obj(r.json).details)[0]?.code).toBe('1825-DeleteSalesOrderWithShippedLines');
  });
});

describe('lists and lookups', () => {
  it('pages with 0-based pageIndex and a nextPage link', async () => {
    const p0 = obj((await t.call('GET', '/api/v3/SalesOrders?pageSize=10&pageIndex=0')).json);
    expect(arr(p0.value)).toHaveLength(10);
    const total = Number(p0.totalCount);
    expect(total).toBeGreaterThanOrEqual(30);
    const next = new URL(String(p0.nextPage));
    expect(next.searchParams.get('pageIndex')).toBe('1');
    const p1 = obj((await t.call('GET', `${next.pathname}${next.search}`)).json);
    expect(objs(p1.value)[0]?.orderId).not.toBe(objs(p0.value)[0]?.orderId);
    const last = obj((await t.call('GET', `/api/v3/SalesOrders?pageSize=10&pageIndex=${Math.floor((total - 1) / 10)}`)).json);
    expect(last.nextPage).toBeNull();
    expect((await t.call('GET', '/api/v3/SalesOrders?pageIndex=-1')).status).toBe(400);
  });

  it('filters by customer and type; customerRefNo is in the list items (there is no filter for it)', async () => {
    await createOrder(simpleOrder('CCV-4004'));
    const mine = objs(obj((await t.call('GET', '/api/v3/SalesOrders/SO?customerId=10001&pageSize=1000&orderBy=created desc')).json).value);
    expect(mine.every((o) => o.customerId === '10001' && o.type === 'SO')).toBe(true);
    expect(mine.find((o) => o.customerRefNo === 'CCV-4004')).toBeTruthy();
    expect((await t.call('GET', '/api/v3/SalesOrders?orderBy=price')).status).toBe(400);
  });

  it('serves order types, V3 customers and inventory availability with attribute filters', async () => {
    const types = objs(obj((await t.call('GET', '/api/v3/SalesOrders/types')).json).value);
    expect(types.map((x) => x.id)).toContain('SO');
    const customers = obj((await t.call('GET', '/api/v3/Customers?filter=10001')).json);
    expect(objs(customers.value)[0]).toMatchObject({ id: '10001', defaultLocation: { id: 'MAIN' } });
    const inv = obj((await t.call('GET', '/api/v3/Inventory?attributeFilter=COLOR:RED&attributeFilter=SIZE:M&expand=Attribute&pageSize=50')).json);
    const items = objs(inv.value);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(obj(i.attributes)).toMatchObject({ COLOR: 'RED', SIZE: 'M' });
    const badFilter = await t.call('GET', '/api/v3/Inventory?attributeFilter=COLOR');
    expect(objs(obj(badFilter.json).details)[0]?.code).toBe('5000-InvalidAttributeFilter');
  });
});
