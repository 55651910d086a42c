import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { itemError, memoryNodeLedger, runNodeOnce, withMeta } from '../../engine';
import type { Item, JsonObject } from '../../engine';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { ccvUpsertProductNode } from '../../nodes/ccv/upsert-product/definition';
import { startCcvSimulator } from '../../simulators/ccv-shop/index';
import { admin, shopRequests, shopStore, startSims, writesOf } from './harness';
import type { Sims } from './harness';

let sims: Sims;
let n = 0;

beforeAll(async () => {
  sims = await startSims({ inventory: 0 });
});
afterAll(async () => {
  await sims.close();
});
beforeEach(async () => {
  await admin(sims.ccv.url, 'faults', { method: 'DELETE' });
  await shopRequests(sims);
});

/** A fresh SKU per test, so tests do not see each other's products. */
const sku = () => `UT-${++n}`;
const item = (key: string, json: JsonObject, createOnly?: string[]): Item => {
  const base = { key, json: { productnumber: key, name: `Product ${key}`, price: 10, ...json } };
  return createOnly ? withMeta(base, { createOnly }) : base;
};
const upsert = (items: Item[], opts: { params?: JsonObject; ledger?: ReturnType<typeof memoryNodeLedger>; dryRun?: boolean } = {}) =>
  runNodeOnce(ccvUpsertProductNode, { params: opts.params ?? {}, client: sims.shopClient, inputs: { in: [items] }, ledger: opts.ledger, dryRun: opts.dryRun, nodeId: 'write' });
const shopProduct = async (number: string) => (await shopStore(sims, 'products')).filter((p) => p.productnumber === number);
/** The id map is kept per shop: scope names carry the shop's API address. */
const productScope = () => `product@${sims.shopClient.config.origin}${sims.shopClient.config.apiPrefix}`;
const setShopVat = (incl: boolean) => admin(sims.ccv.url, 'config', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ settings: { prices_include_vat: incl } }) });

describe('ccv.upsertProduct', () => {
  it('creates with the shop defaults: first package, discount 0, tax tariff normal; the price converted to incl. VAT', async () => {
    const s = sku();
    const r = await upsert([item(s, { price: 10 })]);
    expect(r.outcomes.map((o) => [o.key, o.action])).toEqual([[s, 'created']]);
    expect((await shopProduct(s))[0]).toMatchObject({ package_id: 12, discount: 0, taxtariff: 'normal', price: 12.1 });
    const low = sku();
    await upsert([item(low, { price: 10, taxtariff: 'low a' })], { params: { defaultPackageId: '13' } });
    expect((await shopProduct(low))[0]).toMatchObject({ package_id: 13, taxtariff: 'low a', price: 10.9 });
  });

  it('converts between incl. and excl. VAT per the shop setting, read once per run', async () => {
    const a = sku();
    await upsert([item(a, { price: 12.1 })], { params: { mappedPricesIncludeVat: true } });
    expect((await shopProduct(a))[0]?.price).toBe(12.1);
    await setShopVat(false);
    try {
      const b = sku();
      const c = sku();
      await shopRequests(sims);
      await upsert([item(b, { price: 12.1, discount: 1.21 }), item(c, { price: 10 })], { params: { mappedPricesIncludeVat: true } });
      expect((await shopProduct(b))[0]).toMatchObject({ price: 10, discount: 1 });
      expect((await shopProduct(c))[0]?.price).toBe(8.26);
      expect((await shopRequests(sims)).filter((q) => q.path.endsWith('/settings/'))).toHaveLength(1);
    } finally {
      await setShopVat(true);
    }
  });

  it('sends a record it cannot write to error, naming the SKU and the field, and goes on with the rest', async () => {
    const good = sku();
    const r = await upsert([
      item('BAD-1', { colour: 'red' }),
      item('BAD-2', { price: 'cheap' }),
      item('BAD-3', { taxtariff: 'low a' }),
      item(good, {}),
    ], { params: { vatRates: { normal: 21 } } });
    const reasons = (r.outputs.error ?? []).map((i) => [i.key, itemError(i)?.field, itemError(i)?.message]);
    expect(reasons).toEqual([
      ['BAD-1', 'colour', "Product 'BAD-1': 'colour' is not a CCV Shop product field. Remove it from the mapping or check its spelling (e.g. eannumber, shortdescription, package_id)."],
      ['BAD-2', 'price', expect.stringContaining("Product 'BAD-2': field 'price' has \"cheap\", which CCV Shop does not accept")],
      ['BAD-3', 'taxtariff', expect.stringContaining("there is no VAT percentage for tax tariff 'low a'")],
    ]);
    expect(r.outcomes.map((o) => o.action)).toEqual(['failed', 'failed', 'failed', 'created']);
    expect(r.outputs.out?.map((i) => i.key)).toEqual([good]);
    const noName = await upsert([{ key: 'NONAME', json: { productnumber: 'NONAME', price: 1 } }]);
    expect(noName.outputs.error?.[0] && itemError(noName.outputs.error[0])).toMatchObject({ field: 'name', message: expect.stringContaining("Product 'NONAME' cannot be created without a valid 'name'") });
  });

  it('needs a CCV Shop client in its slot', async () => {
    await expect(runNodeOnce(ccvUpsertProductNode, { params: {}, client: sims.vismaClient, nodeId: 'write', inputs: { in: [[item('X', {})]] } })).rejects.toThrow(
      "'write' works with CCV Shop, but it holds a VismaClient in its connection slot. Choose a CCV Shop connection for the slot of this step.",
    );
  });

  it('skips unchanged records without any request; a changed one is one PATCH of the fields updated on re-sync, never the create-only ones', async () => {
    const s = sku();
    const ledger = memoryNodeLedger();
    await upsert([item(s, { active: true, shortdescription: 'one' }, ['active'])], { ledger });
    const id = (await shopProduct(s))[0]?.id;
    await sims.shopClient.products.patch(Number(id), { active: false, name: 'Renamed in the shop' });
    await shopRequests(sims);

    const same = await upsert([item(s, { active: true, shortdescription: 'one' }, ['active'])], { ledger });
    expect(same.outcomes.map((o) => o.action)).toEqual(['skipped']);
    // Only the shop's VAT setting is read (once per run); the product itself is not.
    expect((await shopRequests(sims)).filter((q) => q.path.includes('/products'))).toEqual([]);

    const changed = await upsert([item(s, { active: true, shortdescription: 'two' }, ['active'])], { ledger });
    // The changes name what changed since the last write; the PATCH re-syncs every field that is not create-only.
    expect(changed.outcomes[0]).toMatchObject({ action: 'updated', changes: [{ field: 'shortdescription', after: 'two' }] });
    const requests = (await shopRequests(sims)).filter((q) => q.path.includes('/products'));
    expect(requests.map((w) => [w.method, w.body])).toEqual([['PATCH', { name: `Product ${s}`, price: 12.1, productnumber: s, shortdescription: 'two' }]]);
    const after = (await shopProduct(s))[0];
    expect(after?.name).toBe(`Product ${s}`);
    expect(after?.is_active).toBe(false);
  });

  it('dry run: before/after from the shop, nothing written, nothing remembered', async () => {
    const s = sku();
    const ledger = memoryNodeLedger();
    await upsert([item(s, {})], { ledger });
    await shopRequests(sims);
    const r = await upsert([item(s, { price: 20 }), item('DRY-NEW', {})], { ledger, dryRun: true });
    expect(r.outcomes.map((o) => [o.key, o.action])).toEqual([[s, 'updated'], ['DRY-NEW', 'created']]);
    expect(r.outcomes[0]?.changes).toEqual([{ field: 'price', before: 12.1, after: 24.2 }]);
    expect(r.outcomes[1]?.changes).toEqual(expect.arrayContaining([{ field: 'package_id', after: 12 }, { field: 'discount', after: 0 }, { field: 'taxtariff', after: 'normal' }]));
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('after a crash mid-create (intent left behind) finds the product by number instead of creating it twice', async () => {
    const s = sku();
    await sims.shopClient.products.create({ name: `Product ${s}`, productnumber: s, price: 12.1, discount: 0, package_id: 12, taxtariff: 'normal' });
    const ledger = memoryNodeLedger();
    ledger.beginWrite(productScope(), s, 'hash-of-a-run-that-died');
    await shopRequests(sims);
    const r = await upsert([item(s, {})], { ledger });
    expect(r.outcomes.map((o) => o.action)).toEqual(['skipped']);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
    expect(await shopProduct(s)).toHaveLength(1);
    expect(ledger.pendingWrite(productScope(), s)).toBeUndefined();
  });

  it('creates once when the shop processes the POST but the answer is lost', async () => {
    const s = sku();
    await admin(sims.ccv.url, 'faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate: 1, kinds: ['drop_after'], methods: ['POST'], count: 1 }) });
    const ledger = memoryNodeLedger();
    const r = await upsert([item(s, {})], { ledger });
    expect(r.outcomes.map((o) => o.action)).toEqual(['created']);
    expect(await shopProduct(s)).toHaveLength(1);
    expect(ledger.getMapping(productScope(), s)?.targetId).toBe(String((await shopProduct(s))[0]?.id));
  });

  it('creates the product again when it was deleted in the shop since the last run', async () => {
    const s = sku();
    const ledger = memoryNodeLedger();
    await upsert([item(s, { shortdescription: 'a' })], { ledger });
    const first = ledger.getMapping(productScope(), s)?.targetId;
    await sims.shopClient.products.delete(Number(first));
    const r = await upsert([item(s, { shortdescription: 'b' })], { ledger });
    expect(r.outcomes.map((o) => o.action)).toEqual(['created']);
    expect(ledger.getMapping(productScope(), s)?.targetId).not.toBe(first);
    expect(await shopProduct(s)).toHaveLength(1);
  });

  it('keeps its id map per shop: the same flow pointed at another shop creates the products there', async () => {
    const s = sku();
    const ledger = memoryNodeLedger();
    await upsert([item(s, {})], { ledger });
    const other = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 0, orders: 0, users: 0 } });
    try {
      const client = new CcvClient({ baseUrl: other.url, ...other.credentials, budgets: { get: Infinity, write: Infinity } });
      const r = await runNodeOnce(ccvUpsertProductNode, { params: {}, client, inputs: { in: [[item(s, {})]] }, ledger });
      expect(r.outcomes.map((o) => o.action)).toEqual(['created']);
      const again = await upsert([item(s, {})], { ledger });
      expect(again.outcomes.map((o) => o.action)).toEqual(['skipped']);
    } finally {
      await other.close();
    }
  });
});
