import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CcvApiError } from '../../connectors/ccv-shop';
import { collect, eventually, failure } from './helpers';
import { startCcvRig, type CcvRig } from './ccv-harness';

const ALL_FAULTS = ['500', '429', 'drop', 'drop_after', 'slow', 'malformed'];
const LOST_ANSWERS = ['drop', 'drop_after', '500', 'malformed'];
const SIZES = { products: 90, orders: 40, users: 5, categories: 10 };
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

const count = <T>(list: T[], value: T) => list.filter((x) => x === value).length;

// POST /__sim/faults: reads deliver every item exactly once; a create whose answer was lost is looked up, never
// sent twice ("drop_after" = processed by the shop, answer lost).
describe('CCV Shop connector ⇄ simulator: fault injection', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: SIZES });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('paged reads under every fault kind: each product and order exactly once', async () => {
    await rig.faults({ rate: 0.3, kinds: ALL_FAULTS, slowMs: 20 });
    const client = rig.client({ pageSize: 10, verifyResponses: true, timeoutMs: 5000 });
    const products = await collect(client.products.iterate());
    expect(products).toHaveLength(SIZES.products);
    expect(new Set(products.map((p) => p.id)).size).toBe(SIZES.products);
    const orders = await collect(client.orders.iterate({ orderby: 'id' }));
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    expect(orders.length).toBe((await rig.store('orders')).items.filter((o) => o['is_completed'] === true).length);
    const faults = new Set((await rig.requests()).flatMap((e) => (e.fault ? [e.fault] : [])));
    expect(faults.size).toBeGreaterThanOrEqual(4);
  });

  it('product creates whose answer is lost are found by product number, never created twice', async () => {
    await rig.faults({ rate: 0.6, kinds: LOST_ANSWERS, methods: ['POST'], paths: ['/products'] });
    const client = rig.client();
    const numbers = Array.from({ length: 8 }, (_, i) => `FAULT-${i}`);
    const ids: number[] = [];
    for (const productnumber of numbers) {
      const p = await client.products.create({ name: `Storing ${productnumber}`, productnumber, price: 5, discount: 0, package_id: 12, taxtariff: 'normal' });
      expect(p.productnumber).toBe(productnumber);
      ids.push(p.id);
    }
    const stored = (await rig.store('products')).items.map((p) => String(p['productnumber']));
    for (const n of numbers) expect(count(stored, n), n).toBe(1);
    expect(new Set(ids).size).toBe(numbers.length);
    const log = await rig.requests();
    // The run did lose answers of processed requests.
    expect(log.filter((e) => e.method === 'POST' && (e.fault === 'drop_after' || e.fault === 'malformed')).length).toBeGreaterThan(0);
  });

  it('categories, category links, attribute values and product options under lost answers: each exactly once', async () => {
    const client = rig.client();
    await rig.faults({ rate: 0.5, kinds: ['drop_after', 'malformed', 'drop'], methods: ['POST'] });
    const names = ['Storing A', 'Storing B', 'Storing C', 'Storing D'];
    const categories = [];
    for (const name of names) categories.push(await client.categories.create({ name }));
    for (const c of categories) await client.productToCategories.create({ product_id: 100010, category_id: c.id });
    const attribute = await client.attributes.create({ name: 'Storingsmaat', type: 'option_menu' });
    const values = [];
    for (const name of ['XS', 'S', 'M', 'L']) values.push(await client.attributeValues.create(attribute.id, { name, default_price: 0 }));
    for (const v of values) await client.productAttributeValues.create(100011, { optionvalue: v.id, price: 0, stock: 2 });
    await rig.faults(null);

    const storedCategories = (await rig.store('categories')).items.map((c) => String(c['name']));
    for (const n of names) expect(count(storedCategories, n), n).toBe(1);
    const links = (await rig.store('producttocategories')).items.filter((l) => l['product_id'] === 100010).map((l) => Number(l['category_id']));
    for (const c of categories) expect(count(links, c.id), `link ${c.id}`).toBe(1);
    expect((await rig.store('attributes')).items.filter((a) => a['name'] === 'Storingsmaat')).toHaveLength(1);
    const storedValues = (await rig.store('attributevalues')).items.filter((v) => v['attribute_id'] === attribute.id).map((v) => String(v['name']));
    expect(storedValues.sort()).toEqual(['L', 'M', 'S', 'XS']);
    const options = (await rig.store('productattributevalues')).items.filter((p) => p['product_id'] === 100011).map((p) => Number(p['optionvalue_id']));
    for (const v of values) expect(count(options, v.id), `option ${v.id}`).toBe(1);
    // One option-menu attribute with four values: four generated variants, not more.
    expect(await collect(client.attributeCombinations.listForProduct(100011))).toHaveLength(4);
    expect((await rig.requests()).some((e) => e.fault === 'drop_after')).toBe(true);
  });

  it('a photo upload whose answer is lost is not uploaded twice', async () => {
    const client = rig.client();
    const before = z.array(z.looseObject({ product_id: z.number() })).parse((await rig.store('productphotos')).items).filter((p) => p.product_id === 100012).length;
    await rig.faults({ rate: 1, count: 1, kinds: ['drop_after'], methods: ['POST'], paths: ['/productphotos'] });
    const photo = await client.productPhotos.create(100012, { file_type: 'png', source: PNG, alttext: 'Na storing' });
    expect(photo.alttext).toBe('Na storing');
    const after = z.array(z.looseObject({ product_id: z.number(), alttext: z.string().nullish() })).parse((await rig.store('productphotos')).items).filter((p) => p.product_id === 100012);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((p) => p.alttext === 'Na storing')).toHaveLength(1);
    expect((await rig.requests()).filter((e) => e.method === 'POST')).toHaveLength(1);
  });

  it('PATCH (idempotent) is retried through lost answers and applied', async () => {
    await rig.faults({ rate: 0.5, kinds: ['drop', 'drop_after', '500', 'malformed'], methods: ['PATCH'] });
    const client = rig.client();
    for (let i = 0; i < 6; i++) await client.products.patch(100020 + i, { stock: 700 + i });
    await client.orders.patch(339000002, { status: 6 });
    await rig.faults(null);
    const stock = new Map((await rig.store('products')).items.map((p) => [p['id'], p['stock']]));
    expect(Array.from({ length: 6 }, (_, i) => stock.get(100020 + i))).toEqual([700, 701, 702, 703, 704, 705]);
    expect((await client.orders.get(339000002)).status).toBe(6);
  });

  it('an answer slower than the timeout is a timeout, retried for a read', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['slow'], slowMs: 1200, paths: ['/products/100030'] });
    const client = rig.client({ timeoutMs: 300, verifyResponses: true });
    await expect(client.products.get(100030)).resolves.toMatchObject({ id: 100030 });
    // The slow request is logged when the server finishes it, after the connector gave up on it.
    const hits = await eventually(async () => {
      const list = (await rig.requests()).filter((e) => e.path === '/api/rest/v1/products/100030/');
      return list.some((e) => e.fault === 'slow') ? list : undefined;
    }, 'the slow request to finish');
    expect(hits.filter((e) => e.fault === 'slow')).toHaveLength(1);
    expect(hits.filter((e) => e.fault !== 'slow' && e.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(rig.logs.some((l) => /products\/100030\/ failed \(timeout\); retry 1/.test(l))).toBe(true);
  });

  it('a create that times out while the shop is still working is not sent again: "outcome unknown", one product', async () => {
    await rig.faults({ rate: 1, count: 1, kinds: ['slow'], slowMs: 1000, methods: ['POST'], paths: ['/products'] });
    const client = rig.client({ timeoutMs: 250 });
    const error = await failure(client.products.create({ name: 'Traag product', productnumber: 'TRAAG-1', price: 1, discount: 0, package_id: 12, taxtariff: 'normal' }));
    expect(error).toBeInstanceOf(CcvApiError);
    if (error instanceof CcvApiError) {
      expect(error.kind).toBe('timeout');
      expect(error.outcomeUnknown).toBe(true);
      expect(error.message).toMatch(/Check the shop before running again/i);
    }
    const numbers = await eventually(async () => {
      const list = (await rig.store('products')).items.map((p) => String(p['productnumber']));
      return list.includes('TRAAG-1') ? list : undefined;
    }, 'the slow create to land');
    expect(count(numbers, 'TRAAG-1')).toBe(1);
    expect((await rig.requests()).filter((e) => e.method === 'POST')).toHaveLength(1);
    expect((await client.products.findByNumber('TRAAG-1'))?.name).toBe('Traag product');
  });
});
