import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './helpers';
import { startVismaRig, type VismaRig } from './visma-harness';

// Every typed read of the connector parses what the simulator serves (a field typed differently on the two sides
// fails here as "malformed"), and the values make sense together.
describe('Visma.net connector ⇄ simulator: typed reads of master data and details', () => {
  let rig: VismaRig;

  beforeAll(async () => {
    rig = await startVismaRig({ sizes: { inventory: 40, customers: 10, salesOrders: 5, customerInvoices: 5 } });
  });
  afterAll(async () => {
    await rig.close();
  });

  it('inventory summary per warehouse and location (InventorySummaryDto, location id an int32)', async () => {
    const rows = await rig.client().inventorySummary.get('ART-00000');
    expect(rows.length).toBeGreaterThan(0);
    const main = rows.find((r) => r.warehouse?.id === 'MAIN');
    expect(main?.inventory?.number).toBe('ART-00000');
    expect(typeof main?.location?.id).toBe('number');
    expect(main?.onHand).toBeGreaterThanOrEqual(0);
    const item = await rig.client().inventory.get('ART-00000');
    expect(main?.onHand).toBe(item.warehouseDetails?.find((w) => w.warehouse === 'MAIN')?.quantityOnHand);
  });

  it('V3 availability with Location and Attribute expanded agrees with the main API', async () => {
    const client = rig.client();
    const [row] = await collect(client.inventoryAvailability.iterate({ inventoryIds: ['ART-00000'], expand: ['Location', 'Attribute'] }));
    expect(row?.inventoryId).toBe('ART-00000');
    const item = await client.inventory.get('ART-00000');
    for (const w of row?.availability ?? []) {
      expect(w.quantityOnHand, w.warehouseId ?? '').toBe(item.warehouseDetails?.find((d) => d.warehouse === w.warehouseId)?.quantityOnHand);
      expect(w.locations?.length).toBeGreaterThan(0);
    }
    expect(row?.attributes).toMatchObject({ WEBSHOP: '1' });
  });

  it('master data lists and their single-record reads', async () => {
    const client = rig.client({ pageSize: 2 });
    const zones = await collect(client.vatZones.iterate());
    expect(zones.map((z) => z.id)).toEqual(expect.arrayContaining(['NL', 'BE', 'DE']));
    expect((await client.vatZones.get('NL')).id).toBe('NL');
    const categories = await client.vatCategories.list();
    expect(categories.map((c) => c.vatCategoryId)).toEqual(expect.arrayContaining(['01', '02', '03']));
    expect((await client.vatCodes.list()).length).toBeGreaterThan(2);
    const terms = await collect(client.creditTerms.iterate());
    expect(terms.map((t) => t.termsId).sort()).toEqual(['14D', '30D', 'DIRECT']);
    expect((await client.paymentMethods.list()).map((p) => p.paymentMethodID)).toContain('IDEAL');
    expect((await client.currencies.get('EUR')).isBaseCurrency).toBe(true);
    expect((await client.branches.list()).length).toBeGreaterThan(0);
    expect((await collect(client.warehouses.iterate())).map((w) => w.warehouseID)).toContain('MAIN');
    expect((await collect(client.carriers.iterate())).length).toBeGreaterThan(1);
    expect((await client.customerClasses.get('ZAK')).id).toBe('ZAK');
    const classes = await collect(client.itemClasses.iterate());
    expect(classes.map((c) => c.id)).toContain('ALG');
    expect((await collect(client.attributes.iterate())).map((a) => a.attributeID)).toContain('SIZE');
    const tree = await client.salesCategories.tree();
    expect(tree.length).toBeGreaterThan(0);
  });

  it('attachments: upload a file (multipart) and download it again byte for byte; blob metadata', async () => {
    await rig.clearRequests();
    const client = rig.client();
    const bytes = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const uploaded = await client.inventory.uploadAttachment('AB/12', { fileName: 'mok voorkant.png', bytes, contentType: 'image/png' });
    expect(uploaded.id).toMatch(/^[0-9a-f-]{36}$/);
    const item = await client.inventory.get('AB/12');
    expect(item.attachments?.map((a) => a.name)).toContain('mok voorkant.png');
    const file = await client.attachments.download(uploaded.id);
    expect(Buffer.from(file.bytes).equals(bytes)).toBe(true);
    expect(file.fileName).toBe('mok voorkant.png');
    const meta = await client.attachments.blobMetadata(uploaded.id);
    expect(meta.size).toBe(bytes.length);
    const log = (await rig.requests()).find((e) => e.method === 'POST' && e.path.endsWith('/attachment'));
    expect(log?.body).toEqual({ files: [expect.objectContaining({ fileName: 'mok voorkant.png', size: bytes.length })] });
  });

  it('customer look-ups: by e-mail (case-insensitive check) and by internal id', async () => {
    const client = rig.client();
    const first = await client.customers.get('10001');
    const email = first.mainContact?.email ?? '';
    expect(email).toContain('@');
    const found = await client.customers.findByEmail(email.toUpperCase());
    expect(found.map((c) => c.number)).toEqual(['10001']);
    expect((await client.customers.getByInternalId(first.internalId ?? 0)).number).toBe('10001');
    expect((await client.contacts.forCustomer('10001')).length).toBeGreaterThan(0);
  });

  it('items with reserved characters in their number (/ ? # & + ;) are read back through b64() ids', async () => {
    await rig.clearRequests();
    const client = rig.client();
    const items = await collect(client.inventory.iterate());
    const special = items.filter((i) => /[/?#&+;]/.test(i.inventoryNumber ?? ''));
    expect(special.map((i) => i.inventoryNumber)).toEqual(expect.arrayContaining(['AB/12', 'R&D+4;X', 'Q?#7']));
    for (const item of special) {
      const number = item.inventoryNumber ?? '';
      const back = await client.inventory.get(number);
      expect(back.inventoryId, number).toBe(item.inventoryId);
      await client.inventory.update(number, { note: `b64 ${number}` });
    }
    const puts = (await rig.requests()).filter((e) => e.method === 'PUT');
    expect(puts.map((e) => e.path)).toEqual(special.map((i) => `/v1/inventory/b64(${Buffer.from(i.inventoryNumber ?? '').toString('base64url')})`));
    expect(puts.every((e) => e.status === 204)).toBe(true);
  });
});
