import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateFlow } from '../../engine';
import type { Ledger } from '../../engine';
import { catalog } from '../../nodes/catalog';
import { expectedProduct } from './expected';
import { loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { ShopRecord, Sims, VismaItem } from './harness';

const flow = loadFlow('products');
let sims: Sims;
let ledger: Ledger;
let items: VismaItem[];
let active: VismaItem[];

/** The mapper's targets marked "update on re-sync: off" in the example flow. */
function flowCreateOnlyFields(): string[] {
  const map = flow.nodes.find((n) => n.type === 'core.map');
  const rows = z.object({ rows: z.array(z.object({ target: z.string(), updateOnResync: z.boolean().optional() })) }).parse(map?.params).rows;
  return rows.filter((r) => r.updateOnResync === false).map((r) => (r.target === 'is_active' ? 'active' : r.target));
}

const byNumber = (records: ShopRecord[]) => new Map(records.map((r) => [String(r.productnumber), r]));
const pick = <T extends object>(record: Record<string, unknown>, like: T): Record<string, unknown> => Object.fromEntries(Object.keys(like).map((k) => [k, record[k]]));

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  ledger = memoryLedger();
  items = await vismaItems(sims);
  // For sale (the example's mapping): Active, No purchases, No request; cost items are left out by the filter.
  active = items.filter((i) => ['Active', 'NoPurchases', 'NoRequest'].includes(String(i.status)) && i.type !== 'NonStockItem');
});
afterAll(async () => {
  ledger.close();
  await sims.close();
});

describe('flows-examples/products.flow.json', () => {
  it('is a valid flow with slots visma and shop and a canvas layout', () => {
    expect(validateFlow(flow, catalog)).toEqual([]);
    expect(flow.connections).toEqual({ visma: { type: 'visma-net', title: 'Visma.net company' }, shop: { type: 'ccv-shop', title: 'CCV Shop' } });
    expect(flow.nodes.map((n) => n.type)).toEqual(['trigger.manual', 'visma.fetch', 'core.filter', 'core.map', 'ccv.upsertProduct']);
    expect(Object.keys(flow.layout.nodes).sort()).toEqual(flow.nodes.map((n) => n.id).sort());
  });

  it('dry run: writes nothing and lists a planned create per active item', async () => {
    const { summary, records } = await runWith(flow, sims, ledger, { dryRun: true });
    expect(summary.status).toBe('succeeded');
    const planned = records.filter((r) => r.nodeId === 'write' && r.action === 'created');
    expect(planned.every((r) => r.planned)).toBe(true);
    // Items no longer for sale are not created.
    const notForSale = records.filter((r) => r.nodeId === 'write' && r.action === 'skipped');
    expect(notForSale.every((r) => r.reason === 'not for sale in Visma.net, so not created in the shop')).toBe(true);
    expect(notForSale.length).toBeGreaterThan(0);
    expect(planned.map((r) => r.key).sort()).toEqual(active.map((i) => i.inventoryNumber).sort());
    const first = planned.find((r) => r.key === active[0]?.inventoryNumber);
    expect(first?.changes).toEqual(expect.arrayContaining([{ field: 'name', after: active[0]?.description }]));
    expect(writesOf(await shopRequests(sims))).toEqual([]);
    expect(await shopStore(sims, 'products')).toEqual([]);
  });

  it('first run: every active item arrives in the shop with the default mapping, field by field', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.created).toBe(active.length);
    const packages = await shopStore(sims, 'packages');
    const firstPackage = z.number().parse(packages[0]?.id);
    const products = byNumber(await shopStore(sims, 'products'));
    expect([...products.keys()].sort()).toEqual(active.map((i) => i.inventoryNumber).sort());
    for (const item of active) {
      const want = expectedProduct(item, firstPackage);
      const got = products.get(item.inventoryNumber);
      expect(got ? pick(got, want) : undefined, item.inventoryNumber).toEqual(want);
    }
    const writes = writesOf(await shopRequests(sims));
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(active.map(() => 'POST /api/rest/v1/products/'));
  });

  it('second run: writes nothing', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    expect(summary.counts.created + summary.counts.updated).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('after three items change in Visma.net, updates exactly those three and keeps create-only fields', async () => {
    const changed = [active[1], active[3], active.at(-1)].flatMap((i) => (i ? [i] : []));
    expect(changed).toHaveLength(3);
    const products = byNumber(await shopStore(sims, 'products'));
    // A person switches the first product off in the shop; `active` is create-only in the flow, so it must stay off.
    const edited = products.get(changed[0]?.inventoryNumber ?? '');
    await sims.shopClient.products.patch(z.number().parse(edited?.id), { active: false });
    for (const item of changed) {
      await sims.vismaClient.inventory.update(item.inventoryNumber, { description: `${item.description} (nieuw)`, defaultPrice: (item.defaultPrice ?? 0) + 10 });
    }
    await shopRequests(sims);

    const dry = await runWith(flow, sims, ledger, { dryRun: true });
    const plannedUpdates = dry.records.filter((r) => r.nodeId === 'write' && r.action === 'updated');
    expect(plannedUpdates.map((r) => r.key).sort()).toEqual(changed.map((i) => i.inventoryNumber).sort());
    expect(plannedUpdates[0]?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', before: expect.any(String), after: expect.stringContaining('(nieuw)') })]));
    expect(writesOf(await shopRequests(sims))).toEqual([]);

    const { summary, records } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    const updated = records.filter((r) => r.action === 'updated');
    expect(updated.map((r) => r.key).sort()).toEqual(changed.map((i) => i.inventoryNumber).sort());
    // The log names what changed in Visma.net since the last write.
    for (const r of updated) expect((r.changes ?? []).map((c) => c.field).sort()).toEqual(['name', 'price', 'shortdescription']);
    // One PATCH per changed product, no read before it: every field updated on re-sync, none of the create-only ones.
    const requests = (await shopRequests(sims)).filter((q) => q.path.includes('/products'));
    expect(requests).toHaveLength(3);
    const createOnly = flowCreateOnlyFields();
    for (const w of requests) {
      expect(w.method).toBe('PATCH');
      const sent = Object.keys(z.record(z.string(), z.unknown()).parse(w.body));
      expect(sent).toEqual(expect.arrayContaining(['name', 'price', 'shortdescription', 'productnumber']));
      expect(sent.filter((f) => createOnly.includes(f))).toEqual([]);
    }

    const after = byNumber(await shopStore(sims, 'products'));
    const fresh = new Map((await vismaItems(sims)).map((i) => [i.inventoryNumber, i]));
    for (const item of changed) {
      const now = fresh.get(item.inventoryNumber);
      const got = after.get(item.inventoryNumber);
      expect(got?.name).toBe(`${item.description} (nieuw)`);
      expect(now && got ? pick(got, { price: 0 }) : undefined).toEqual(now ? { price: expectedProduct(now, 0).price } : undefined);
    }
    expect(after.get(changed[0]?.inventoryNumber ?? '')?.is_active).toBe(false);
    expect(after.get(changed[1]?.inventoryNumber ?? '')?.is_active).toBe(true);

    const again = await runWith(flow, sims, ledger);
    expect(again.summary.counts.updated + again.summary.counts.created).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });
});
