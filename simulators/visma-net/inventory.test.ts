import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arr, b64, obj, objs, startTestSim, type TestSim } from './test-support';

let clock = Date.UTC(2025, 5, 2, 8);
let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ now: () => clock, sizes: { inventory: 120 } });
});
afterAll(() => t.sim.close());

describe('GET /v1/inventory', () => {
  it('pages 1-based and puts metadata {totalCount, maxPageSize} on every element', async () => {
    const p1 = objs((await t.call('GET', '/v1/inventory?pageNumber=1&pageSize=50')).json);
    const p3 = objs((await t.call('GET', '/v1/inventory?pageNumber=3&pageSize=50')).json);
    expect(p1).toHaveLength(50);
    expect(p3).toHaveLength(20);
    for (const it of [...p1, ...p3]) expect(it.metadata).toEqual({ totalCount: 120, maxPageSize: 5000 });
    expect(p1[0]?.inventoryNumber).not.toBe(p3[0]?.inventoryNumber);
    expect(objs((await t.call('GET', '/v1/inventory?pageNumber=4&pageSize=50')).json)).toEqual([]);
  });

  it('clamps pageSize silently to the per-resource maximum', async () => {
    await t.admin('POST', 'config', { maxPageSize: { inventory: 30 } });
    const page = objs((await t.call('GET', '/v1/inventory?pageNumber=1&pageSize=1000')).json);
    expect(page).toHaveLength(30);
    expect(page[0]?.metadata).toEqual({ totalCount: 120, maxPageSize: 30 });
    await t.admin('POST', 'config', { maxPageSize: { inventory: 5000 } });
  });

  it('drops the expanded sections that are switched off', async () => {
    const [lean] = objs((await t.call('GET', '/v1/inventory?pageSize=1&expandCrossReference=false&expandWarehouseDetail=false&expandNote=false')).json);
    const [full] = objs((await t.call('GET', '/v1/inventory?pageSize=1')).json);
    expect(lean && 'crossReferences' in lean).toBe(false);
    expect(lean && 'warehouseDetails' in lean).toBe(false);
    expect(Array.isArray(full?.crossReferences)).toBe(true);
    expect(objs(full?.warehouseDetails)[0]).toMatchObject({ warehouse: 'MAIN', isDefault: true });
    expect(Object.keys(objs(full?.warehouseDetails)[0] ?? {})).toEqual(['isDefault', 'warehouse', 'quantityOnHand', 'available', 'availableForShipment', 'lastModifiedDateTime']);
  });

  it('filters on status, inventory types, barcode (alternateID) and attributes', async () => {
    const inactive = objs((await t.call('GET', '/v1/inventory?status=Inactive&pageSize=500')).json);
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.every((i) => i.status === 'Inactive')).toBe(true);
    const services = objs((await t.call('GET', '/v1/inventory?inventoryTypes=ServiceItem&pageSize=500')).json);
    expect(services.every((i) => i.type === 'ServiceItem' && i.stockItem === false)).toBe(true);
    const item = obj((await t.call('GET', '/v1/inventory/TSHIRT-RED-M')).json);
    const ean = objs(item.crossReferences).find((c) => c.alternateType === 'Barcode')?.alternateID;
    expect(ean).toMatch(/^\d{13}$/);
    const byEan = objs((await t.call('GET', `/v1/inventory?alternateID=${String(ean)}`)).json);
    expect(byEan.map((i) => i.inventoryNumber)).toEqual(['TSHIRT-RED-M']);
    const red = objs((await t.call('GET', `/v1/inventory?pageSize=500&attributes=${encodeURIComponent('{"COLOR":"RED","SIZE":"S,M"}')}`)).json);
    expect(red.length).toBeGreaterThan(1);
    for (const i of red) {
      const attrs = objs(i.attributes);
      expect(attrs.find((a) => a.id === 'COLOR')?.value).toBe('RED');
      expect(['S', 'M']).toContain(attrs.find((a) => a.id === 'SIZE')?.value);
    }
  });

  it('rejects unknown delta operators and a date without its condition', async () => {
    const bad = await t.call('GET', '/v1/inventory?lastModifiedDateTime=2024-06-01&lastModifiedDateTimeCondition=%3D%3D');
    expect(bad.status).toBe(400);
    expect(String(obj(bad.json).message)).toMatch(/^VismaId: [0-9a-f-]{36}\. Invalid lastModifiedDateTimeCondition/);
    expect((await t.call('GET', '/v1/inventory?lastModifiedDateTime=2024-06-01')).status).toBe(400);
    expect((await t.call('GET', '/v1/inventory?lastModifiedDateTime=01-06-2024&lastModifiedDateTimeCondition=%3E')).status).toBe(400);
  });

  it('applies lastModifiedDateTime with all four operators', async () => {
    const gte = objs((await t.call('GET', '/v1/inventory?pageSize=500&lastModifiedDateTime=2024-01-03&lastModifiedDateTimeCondition=%3E%3D')).json);
    const lt = objs((await t.call('GET', '/v1/inventory?pageSize=500&lastModifiedDateTime=2024-01-03&lastModifiedDateTimeCondition=%3C')).json);
    expect(gte.length + lt.length).toBe(120);
    expect(gte.every((i) => String(i.lastModifiedDateTime) >= '2024-01-03')).toBe(true);
    const gt = objs((await t.call('GET', '/v1/inventory?pageSize=500&lastModifiedDateTime=2024-01-03 00:00:00&lastModifiedDateTimeCondition=%3E')).json);
    const lte = objs((await t.call('GET', '/v1/inventory?pageSize=500&lastModifiedDateTime=2024-01-03T00:00:00.000&lastModifiedDateTimeCondition=%3C%3D')).json);
    expect(gt.length + lte.length).toBe(120);
  });

  it('maintains availabilityLastModifiedDateTime on stock changes only', async () => {
    const since = 'availabilityLastModifiedDateTime=2025-06-02 08:00:00&availabilityLastModifiedDateTimeCondition=%3E%3D';
    expect(objs((await t.call('GET', `/v1/inventory?${since}`)).json)).toEqual([]);
    const stock = await t.admin('POST', 'stock', { inventoryNumber: 'TSHIRT-BLUE-L', warehouse: 'MAIN', quantityOnHand: 7 });
    expect(stock.status).toBe(200);
    const changed = objs((await t.call('GET', `/v1/inventory?${since}`)).json);
    expect(changed.map((i) => i.inventoryNumber)).toEqual(['TSHIRT-BLUE-L']);
    expect(objs(changed[0]?.warehouseDetails).find((w) => w.warehouse === 'MAIN')?.quantityOnHand).toBe(7);
    const modified = objs((await t.call('GET', '/v1/inventory?lastModifiedDateTime=2025-06-02&lastModifiedDateTimeCondition=%3E%3D')).json);
    expect(modified).toEqual([]);
  });
});

describe('single items and ids with reserved characters', () => {
  it('fetches a SKU with a slash through b64() and not through %2F', async () => {
    const ok = await t.call('GET', `/v1/inventory/${b64('AB/12')}`);
    expect(ok.status).toBe(200);
    expect(obj(ok.json).inventoryNumber).toBe('AB/12');
    expect(ok.headers.get('etag')).toBe(`"${String(obj(ok.json).timestamp)}"`);
    expect((await t.call('GET', '/v1/inventory/AB%2F12')).status).toBe(404);
    expect((await t.call('GET', `/v1/inventory/${b64('R&D+4;X')}`)).status).toBe(200);
    expect((await t.call('GET', '/v1/inventory/internal/1001')).status).toBe(200);
  });

  it('answers 404 with a {message} for an unknown item', async () => {
    const r = await t.call('GET', '/v1/inventory/NOPE-123');
    expect(r.status).toBe(404);
    expect(String(obj(r.json).message)).toContain('NOPE-123');
  });

  it('serves the seeded image as real PNG bytes', async () => {
    const item = obj((await t.call('GET', '/v1/inventory/internal/1000')).json);
    const [att] = objs(item.attachments);
    const r = await fetch(`${t.sim.url}/v1/attachment/${String(att?.id)}`, { headers: { authorization: `Bearer ${await t.token()}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = obj((await t.call('GET', `/v1/blob/metadata/${String(att?.id)}`)).json);
    expect(meta).toMatchObject({ blobId: att?.id, contentType: 'image/png' });
  });

  it('lists stock per warehouse in inventorysummary', async () => {
    const rows = objs((await t.call('GET', '/v1/inventorysummary/TSHIRT-RED-M')).json);
    expect(rows.map((r) => obj(r.warehouse).id)).toEqual(['MAIN', 'EXTERN']);
    for (const r of rows) expect(r.available).toBe(Number(r.onHand) - Number(r.soBooked));
    expect(objs((await t.call('GET', '/v1/inventorysummary/TSHIRT-RED-M?warehouse=EXTERN')).json)).toHaveLength(1);
  });
});

describe('writing items', () => {
  it('creates with 201, an empty body and a Location (b64 for reserved characters), then updates with 204', async () => {
    const body = {
      inventoryNumber: { value: 'NEW/1' }, description: { value: 'Nieuw artikel' }, defaultPrice: { value: 12.5 }, vatCode: { value: '02' },
      attributeLines: [{ attributeId: { value: 'WEBSHOP' }, attributeValue: { value: '1' } }],
      crossReferences: [{ operation: 'Insert', alternateType: { value: 'Barcode' }, alternateID: { value: '8712345678906' } }],
    };
    const created = await t.call('POST', '/v1/inventory', { body });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    const location = created.headers.get('location') ?? '';
    expect(location).toBe(`${t.sim.url}/v1/inventory/${b64('NEW/1')}`);
    const item = obj((await t.call('GET', new URL(location).pathname)).json);
    expect(item).toMatchObject({ inventoryNumber: 'NEW/1', description: 'Nieuw artikel', defaultPrice: 12.5, vatCode: { id: '02', description: 'Laag tarief' } });
    expect(objs(item.crossReferences).map((c) => c.alternateID)).toEqual(['8712345678906']);
    clock += 60_000;
    const put = await t.call('PUT', `/v1/inventory/${b64('NEW/1')}`, { body: { defaultPrice: { value: 13 }, crossReferences: [{ operation: 'Delete', alternateType: { value: 'Barcode' }, alternateID: { value: '8712345678906' } }] } });
    expect(put.status).toBe(204);
    const after = obj((await t.call('GET', `/v1/inventory/${b64('NEW/1')}`)).json);
    expect(after.defaultPrice).toBe(13);
    expect(after.description).toBe('Nieuw artikel'); // absent key = keep
    expect(arr(after.crossReferences)).toEqual([]);
    expect(String(after.lastModifiedDateTime)).toBe('2025-06-02T08:01:00.000');
  });

  it('rejects a duplicate, an unknown VAT category and a missing description with the record-error message', async () => {
    const dup = await t.call('POST', '/v1/inventory', { body: { inventoryNumber: { value: 'TSHIRT-RED-M' }, description: { value: 'x' } } });
    expect(dup.status).toBe(400);
    expect(String(obj(dup.json).message)).toContain("Inserting 'Inventory item' record raised at least one error");
    const bad = await t.call('POST', '/v1/inventory', { body: { inventoryNumber: { value: 'X1' }, vatCode: { value: '99' } } });
    expect(String(obj(bad.json).message)).toMatch(/VAT category '99' cannot be found[\s\S]*'Description' cannot be empty/);
  });

  it('honours If-Match on PUT with 412', async () => {
    const r = await t.call('GET', '/v1/inventory/TSHIRT-RED-L');
    const etag = r.headers.get('etag') ?? '';
    const ok = await t.call('PUT', '/v1/inventory/TSHIRT-RED-L', { body: { note: { value: 'eerste' } }, headers: { 'if-match': etag } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await t.call('PUT', '/v1/inventory/TSHIRT-RED-L', { body: { note: { value: 'tweede' } }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(obj((await t.call('GET', '/v1/inventory/TSHIRT-RED-L')).json).note).toBe('eerste');
  });

  it('renames an item through action/changeInventoryNbr (plain JSON body)', async () => {
    const item = obj((await t.call('GET', '/v1/inventory/TSHIRT-BLUE-S')).json);
    const r = await t.call('POST', `/v1/inventory/action/changeInventoryNbr/${String(item.inventoryId)}`, { body: { inventoryNbr: 'TSHIRT-BLUE-S2' } });
    expect(obj(r.json)).toMatchObject({ actionResult: 'Done', errorInfo: null });
    expect((await t.call('GET', '/v1/inventory/TSHIRT-BLUE-S')).status).toBe(404);
    expect(obj((await t.call('GET', '/v1/inventory/TSHIRT-BLUE-S2')).json).inventoryId).toBe(item.inventoryId);
    const clash = await t.call('POST', `/v1/inventory/action/changeInventoryNbr/${String(item.inventoryId)}`, { body: { inventoryNbr: 'TSHIRT-RED-M' } });
    expect(obj(clash.json).actionResult).toBe('Failed');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const r = await t.call('PUT', '/v1/inventory/TSHIRT-RED-M', { body: 'description=x', headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
  });

  it('uploads an attachment as multipart and downloads the same bytes', async () => {
    const form = new FormData();
    form.append('v', new Blob([Buffer.from('hello image')], { type: 'image/jpeg' }), 'front.jpg');
    const r = await fetch(`${t.sim.url}/v1/inventory/TSHIRT-RED-S/attachment`, { method: 'POST', body: form, headers: { authorization: `Bearer ${await t.token()}` } });
    expect(r.status).toBe(201);
    const loc = r.headers.get('location') ?? '';
    expect(loc).toMatch(/\/v1\/attachment\/[0-9a-f-]{36}$/);
    const dl = await fetch(loc, { headers: { authorization: `Bearer ${await t.token()}` } });
    expect(Buffer.from(await dl.arrayBuffer()).toString()).toBe('hello image');
    const item = obj((await t.call('GET', '/v1/inventory/TSHIRT-RED-S')).json);
    expect(objs(item.attachments).map((a) => a.name)).toContain('front.jpg');
  });
});
