import { describe, expect, it } from 'vitest';
import { Store } from './store';
import { b64, obj, objs, startTestSim } from './test-support';

describe('seed data', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = Store.create(42, { inventory: 60, customers: 20 });
    const b = Store.create(42, { inventory: 60, customers: 20 });
    const c = Store.create(43, { inventory: 60, customers: 20 });
    const dump = (s: Store): string => JSON.stringify([[...s.inventory.entries()], [...s.customers.entries()], [...s.salesOrders.entries()], [...s.customerInvoices.entries()]]);
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
  });

  it('has variant families, reserved-character SKUs, statuses, barcodes and an image', () => {
    const s = Store.create(1, { inventory: 200 });
    const items = [...s.inventory.entries()].map(([, i]) => i);
    const numbers = items.map((i) => i.inventoryNumber);
    expect(numbers).toEqual(expect.arrayContaining(['TSHIRT-RED-M', 'TSHIRT-BLUE-S', 'HOODIE-BLACK-L', 'AB/12']));
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['Active', 'Inactive', 'NoSales']));
    const tshirt = items.find((i) => i.inventoryNumber === 'TSHIRT-RED-M');
    expect(tshirt?.attributes).toEqual(expect.arrayContaining([{ id: 'SIZE', value: 'M' }, { id: 'COLOR', value: 'RED' }]));
    expect(tshirt?.crossReferences[0]).toMatchObject({ alternateType: 'Barcode', description: 'EAN' });
    expect(tshirt?.stock.map((w) => w.warehouse)).toEqual(['MAIN', 'EXTERN']);
    expect(items.filter((i) => i.attachments.length > 0).length).toBeGreaterThan(0);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('serves 100,000 items without generating them up front', async () => {
    const t = await startTestSim({ sizes: { inventory: 100_000 } });
    try {
      const last = objs((await t.call('GET', '/v1/inventory?pageNumber=1000&pageSize=100&expandAttribute=false')).json);
      expect(last).toHaveLength(100);
      expect(last[0]?.metadata).toEqual({ totalCount: 100_000, maxPageSize: 5000 });
      const deep = await t.call('GET', `/v1/inventory/internal/${1000 + 99_999}`);
      expect(obj(deep.json).inventoryNumber).toBe(last[99]?.inventoryNumber);
      const special = await t.call('GET', `/v1/inventory/${b64('PK/97')}`);
      expect(obj(special.json).inventoryNumber).toBe('PK/97');
    } finally {
      await t.sim.close();
    }
  });
});
