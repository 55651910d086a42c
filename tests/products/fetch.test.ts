import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryNodeLedger, runNodeOnce } from '../../engine';
import type { Item } from '../../engine';
import { VismaClient } from '../../connectors/visma-net/index';
import { vismaFetchNode } from '../../nodes/visma/fetch/definition';
import { admin, startSims, vismaItems, vismaRequests } from './harness';
import type { Sims, VismaItem } from './harness';

let sims: Sims;
let items: VismaItem[];
const start: Item[][] = [[{ key: 'manual', json: {} }]];

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  items = await vismaItems(sims);
});
afterAll(async () => {
  await sims.close();
});

const fetchWith = (params: unknown, opts: { ledger?: ReturnType<typeof memoryNodeLedger>; batchSize?: number } = {}) =>
  runNodeOnce(vismaFetchNode, { params, client: sims.vismaClient, inputs: { in: start }, ledger: opts.ledger, settings: { batchSize: opts.batchSize ?? 100 } });

const issues = (params: unknown) => {
  const r = vismaFetchNode.params.safeParse(params);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('visma.fetch parameters', () => {
  it('refuses filters that do not apply and query parameters Visma.net does not document, naming them', () => {
    expect(issues({ resource: 'inventory', query: { staus: 'Active' } })).toEqual([
      "query.staus: 'staus' is not a filter Visma.net documents for items (inventory) (Visma would ignore it and return everything); use one of inventoryNumber, alternateID, description, inventoryTypes, addCostPriceStatistics",
    ]);
    expect(issues({ resource: 'salesCategories', status: 'Active' })).toEqual(['status: sales categories cannot be filtered on status; clear this field']);
    expect(issues({ resource: 'customers', delta: 'availability' })[0]).toContain("customers cannot be read by the stock changed");
    expect(issues({ resource: 'inventory', itemClass: 'KLEDING', salesCategory: '2', attributes: { WEBSHOP: '1' } })).toEqual([]);
  });

  it('needs a Visma.net client in its slot', async () => {
    await expect(runNodeOnce(vismaFetchNode, { params: {}, client: { any: 'thing' }, inputs: { in: start }, nodeId: 'items' })).rejects.toThrow(
      "'items' works with Visma.net, but it holds a plain object in its connection slot. Choose a Visma.net connection for the slot of this step.",
    );
  });
});

describe('visma.fetch reading items', () => {
  it('streams every item keyed by its number, in batches as pages arrive, without paging metadata', async () => {
    const r = await fetchWith({ resource: 'inventory', delta: 'off', pageSize: 25 }, { batchSize: 10 });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(items.map((i) => i.inventoryNumber));
    expect(r.batches.every((b) => b.items.length <= 10)).toBe(true);
    expect(r.batches.length).toBe(7);
    expect(r.outputs.out?.[0]?.json.metadata).toBeUndefined();
    expect(r.outputs.out?.[0]?.json.warehouseDetails).toBeDefined();
    const pages = (await vismaRequests(sims)).filter((q) => q.path === '/v1/inventory');
    expect(pages.map((q) => q.query.pageNumber)).toEqual(['1', '2', '3']);
    // Every expand flag is sent explicitly (Visma will change its defaults).
    expect(pages[0]?.query).toMatchObject({ expandCrossReference: 'true', expandAttachment: 'true', expandAccountInformation: 'false', expandNote: 'false' });
  });

  it('filters on status, attribute and sales category in Visma.net, and on item class after reading', async () => {
    const r = await fetchWith({ resource: 'inventory', delta: 'off', status: 'Active', attributes: { WEBSHOP: '1' }, salesCategory: '8' });
    const want = items.filter((i) => i.status === 'Active' && i.attributes.some((a) => a.id === 'WEBSHOP' && a.value === '1') && i.salesCategories.includes(8));
    expect(r.outputs.out?.map((i) => i.key)).toEqual(want.map((i) => i.inventoryNumber));
    expect((await vismaRequests(sims)).find((q) => q.path === '/v1/inventory')?.query).toMatchObject({ status: 'Active', attributes: '{"WEBSHOP":"1"}', salesCategory: '8' });

    const books = await fetchWith({ resource: 'inventory', delta: 'off', itemClass: 'boek' });
    expect(books.outputs.out?.map((i) => i.key)).toEqual(items.filter((i) => /Kookboek|Roman/.test(i.description ?? '')).map((i) => i.inventoryNumber));
    expect(books.logs.map((l) => l.message)).toContain(`Read ${items.length} items (inventory) from Visma.net; ${books.outputs.out?.length} passed the filters.`);
  });

  it('reads sales categories as a flat list, parent first, keyed by category id', async () => {
    const r = await fetchWith({ resource: 'salesCategories' });
    expect(r.outputs.out?.map((i) => [i.key, i.json.parentID, i.json.path])).toEqual([
      ['1', null, ['Kleding']],
      ['2', 1, ['Kleding', 'T-shirts']],
      ['3', 1, ['Kleding', 'Hoodies en truien']],
      ['4', null, ['Accessoires']],
      ['5', 4, ['Accessoires', 'Petten']],
      ['6', 4, ['Accessoires', 'Sokken']],
      ['7', null, ['Boeken']],
      ['8', null, ['Overig']],
    ]);
    expect(r.logs.map((l) => l.message)).toContain('Visma.net gives no change dates for sales categories: reading all of them.');
  });

  it('keys customers by their number', async () => {
    const r = await fetchWith({ resource: 'customers', delta: 'off' });
    expect(r.outputs.out?.map((i) => i.key)).toEqual(r.outputs.out?.map((i) => String(i.json.number)));
    expect(r.outputs.out?.length).toBeGreaterThan(0);
  });
});

describe('visma.fetch delta reading', () => {
  it('proposes the latest change Visma reported, and next time reads from it minus the overlap', async () => {
    const ledger = memoryNodeLedger();
    const first = await fetchWith({ resource: 'inventory', delta: 'lastModified', overlapMinutes: 60 }, { ledger });
    expect(first.outputs.out).toHaveLength(items.length);
    const [name, value] = [...ledger.proposed][0] ?? [];
    expect(name).toBe(`since:inventory:lastModified:${name?.slice(29, 41)}@visma:${sims.visma.credentials.tenantId}`);
    expect(name).toMatch(/^since:inventory:lastModified:[0-9a-f]{12}@/);
    const latest = (first.outputs.out ?? []).map((i) => String(i.json.lastModifiedDateTime)).sort().at(-1);
    expect(value).toBe(new Date(`${latest}Z`).toISOString());
    await vismaRequests(sims);

    // The engine commits the proposal after a successful run; do that by hand here.
    ledger.cursors.set(name ?? '', value ?? '');
    const second = await fetchWith({ resource: 'inventory', delta: 'lastModified', overlapMinutes: 60 }, { ledger });
    const since = new Date(new Date(value ?? '').getTime() - 60 * 60_000);
    const query = (await vismaRequests(sims)).find((q) => q.path === '/v1/inventory')?.query;
    expect(query).toMatchObject({ lastModifiedDateTimeCondition: '>=' });
    expect(new Date(`${String(query?.lastModifiedDateTime)}Z`).getTime()).toBe(since.getTime());
    const expected = (first.outputs.out ?? []).filter((i) => new Date(`${String(i.json.lastModifiedDateTime)}Z`) >= since).map((i) => i.key);
    expect(second.outputs.out?.map((i) => i.key)).toEqual(expected);
    expect(expected.length).toBeLessThan(items.length);

    // Another filter is another question: it starts with a full read.
    const other = await fetchWith({ resource: 'inventory', delta: 'lastModified', status: 'Active' }, { ledger });
    expect(other.outputs.out?.length).toBe(items.filter((i) => i.status === 'Active').length);
  });
});

describe('visma.fetch errors', () => {
  it('names the list it was reading and passes on what to do', async () => {
    const v = sims.visma;
    const client = new VismaClient({ ...v.credentials, tokenUrl: v.tokenUrl, apiUrl: v.apiUrl, salesOrderUrl: v.salesOrderUrl, retry: { maxRetries: 0 } });
    await client.inventory.find('ART-00000');
    await admin(v.url, 'faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate: 1, kinds: ['500'], paths: 'inventory' }) });
    try {
      await expect(runNodeOnce(vismaFetchNode, { params: { delta: 'off' }, client, inputs: { in: start } })).rejects.toThrow(/^Reading items \(inventory\) from Visma\.net failed: .*(try again|Try again)/);
    } finally {
      await admin(v.url, 'faults', { method: 'DELETE' });
    }
  });
});
