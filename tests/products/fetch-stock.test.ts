import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemError, memoryNodeLedger, runNodeOnce } from '../../engine';
import type { Item } from '../../engine';
import { vismaFetchStockNode } from '../../nodes/visma/fetch-stock/definition';
import { startSims, vismaItems, vismaRequests } from './harness';
import type { Sims, VismaItem } from './harness';

let sims: Sims;
let stockItems: VismaItem[];
const start: Item[][] = [[{ key: 'manual', json: {} }]];
const read = (params: unknown, ledger = memoryNodeLedger()) => runNodeOnce(vismaFetchStockNode, { params, client: sims.vismaClient, inputs: { in: start }, ledger });
const sum = (item: VismaItem, f: (s: VismaItem['stock'][number]) => number, only?: string) => item.stock.filter((s) => !only || s.warehouse === only).reduce((n, s) => n + f(s), 0);
const stockOf = (r: Awaited<ReturnType<typeof read>>) => new Map((r.outputs.out ?? []).map((i) => [i.key, i.json.stock]));

beforeAll(async () => {
  sims = await startSims({ inventory: 40 });
  stockItems = (await vismaItems(sims)).filter((i) => i.stockItem);
});
afterAll(async () => {
  await sims.close();
});

describe('visma.fetchStock', () => {
  it('by default: Available (on hand minus sales order bookings and unavailable stock) over all warehouses, never below 0', async () => {
    const r = await read({ delta: false, notForSaleAsZero: false });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(stockItems.map((i) => i.inventoryNumber));
    const stock = stockOf(r);
    for (const item of stockItems) expect(stock.get(item.inventoryNumber), item.inventoryNumber).toBe(Math.max(0, sum(item, (s) => s.onHand - s.soBooked - s.notAvailable)));
    const first = r.outputs.out?.[0]?.json;
    expect(first?.warehouses).toEqual(stockItems[0]?.stock.map((s) => ({ warehouse: s.warehouse, onHand: s.onHand, available: s.onHand - s.soBooked - s.notAvailable, availableForShipment: s.onHand - s.soAllocated - s.notAvailable })));
    const query = (await vismaRequests(sims)).find((q) => q.path === '/v1/inventory')?.query;
    expect(query).toMatchObject({ expandWarehouseDetail: 'true', expandAttachment: 'false', expandCrossReference: 'false' });
  });

  it('gives items that are not for sale (Inactive, No sales, Marked for deletion) stock 0 by default', async () => {
    const stock = stockOf(await read({ delta: false }));
    const notForSale = stockItems.filter((i) => ['Inactive', 'NoSales', 'MarkedForDeletion'].includes(String(i.status)));
    expect(notForSale.length).toBeGreaterThan(0);
    for (const item of stockItems) {
      const figure = Math.max(0, sum(item, (s) => s.onHand - s.soBooked - s.notAvailable));
      expect(stock.get(item.inventoryNumber), item.inventoryNumber).toBe(notForSale.includes(item) ? 0 : figure);
    }
    expect(notForSale.some((i) => Math.max(0, sum(i, (s) => s.onHand - s.soBooked - s.notAvailable)) > 0)).toBe(true);
  });

  it('one warehouse, and the other figures', async () => {
    const main = stockOf(await read({ delta: false, notForSaleAsZero: false, warehouses: ['main'] }));
    const ship = stockOf(await read({ delta: false, notForSaleAsZero: false, figure: 'availableForShipment' }));
    const hand = stockOf(await read({ delta: false, notForSaleAsZero: false, figure: 'onHand' }));
    const expr = await read({ delta: false, notForSaleAsZero: false, figure: 'expression', expression: '$sum(warehouses.onHand) - 1', negativeAsZero: false });
    for (const item of stockItems) {
      const n = item.inventoryNumber;
      expect([main.get(n), ship.get(n), hand.get(n), stockOf(expr).get(n)], n).toEqual([
        Math.max(0, sum(item, (s) => s.onHand - s.soBooked - s.notAvailable, 'MAIN')),
        Math.max(0, sum(item, (s) => s.onHand - s.soAllocated - s.notAvailable)),
        sum(item, (s) => s.onHand),
        sum(item, (s) => s.onHand) - 1,
      ]);
    }
  });

  it('available minus SO booked reads the inventory summary of each item', async () => {
    await vismaRequests(sims);
    const r = stockOf(await read({ delta: false, notForSaleAsZero: false, figure: 'availableMinusBooked' }));
    for (const item of stockItems) expect(r.get(item.inventoryNumber)).toBe(Math.max(0, sum(item, (s) => s.onHand - 2 * s.soBooked - s.notAvailable)));
    expect((await vismaRequests(sims)).filter((q) => q.path.startsWith('/v1/inventorysummary/'))).toHaveLength(stockItems.length);
  });

  it('reads the same figures from the V3 availability list', async () => {
    const items = stockOf(await read({ delta: false, notForSaleAsZero: false }));
    const v3 = await read({ delta: false, notForSaleAsZero: false, source: 'availability' });
    expect((await vismaRequests(sims)).some((q) => q.path === '/api/v3/Inventory')).toBe(true);
    expect(v3.outputs.out?.map((i) => i.key)).toEqual(stockItems.map((i) => i.inventoryNumber));
    for (const item of stockItems) expect(stockOf(v3).get(item.inventoryNumber)).toBe(items.get(item.inventoryNumber));
  });

  it('sends an item whose expression gives no number to error, naming it', async () => {
    const r = await read({ delta: false, figure: 'expression', expression: '"lots"' });
    const failed = r.outputs.error?.[0];
    expect(failed && itemError(failed)).toMatchObject({ field: 'expression', message: `The stock expression gave "lots" for item '${stockItems[0]?.inventoryNumber}', not a number. Make it return a number for every item.` });
    expect(vismaFetchStockNode.params.safeParse({ figure: 'expression' }).error?.issues[0]?.message).toBe('write the expression that gives the stock, e.g. $sum(warehouses.available)');
  });

  it('reads only stock that changed since the last run', async () => {
    const ledger = memoryNodeLedger();
    await read({ overlapMinutes: 0 }, ledger);
    const [name, value] = [...ledger.proposed][0] ?? [];
    ledger.cursors.set(name ?? '', value ?? '');
    await vismaRequests(sims);
    const moved = stockItems[3];
    const none = await read({ overlapMinutes: 0 }, ledger);
    // Only the items at the latest change time itself are read again (>=).
    expect(none.outputs.out?.length).toBeLessThan(3);
    await fetch(`${sims.visma.url}/__sim/stock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inventoryNumber: moved?.inventoryNumber, warehouse: 'EXTERN', quantityOnHand: 7 }) });
    const r = await read({ overlapMinutes: 0 }, ledger);
    expect(r.outputs.out?.map((i) => i.key)).toContain(moved?.inventoryNumber);
    const queries = (await vismaRequests(sims)).filter((q) => q.path === '/v1/inventory').map((q) => q.query);
    expect(queries.every((q) => q.availabilityLastModifiedDateTimeCondition === '>=' && typeof q.availabilityLastModifiedDateTime === 'string')).toBe(true);
  });
});
