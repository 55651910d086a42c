import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collect } from './helpers';
import { startCcvRig, type CcvLogEntry, type CcvRig } from './ccv-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5a1d00000000049454e44ae426082', 'hex').toString('base64');
const GIF = Buffer.from('47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b', 'hex').toString('base64');

const writes = (log: CcvLogEntry[]) => log.filter((e) => e.method !== 'GET');

// Writes through the connector, read back through the connector (reference/ccv-shop/README.md §3 verbs/status codes, §6 resources, §8).
describe('CCV Shop connector ⇄ simulator: writes', () => {
  let rig: CcvRig;

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: { products: 40, orders: 20, users: 5, categories: 8 } });
  });
  afterAll(async () => {
    await rig.close();
  });
  beforeEach(async () => {
    await rig.reset();
  });

  it('product: create (201 with the resource), patch (204), read back field by field; GET is_active ⇄ POST active', async () => {
    const client = rig.client({ verifyResponses: true });
    const created = await client.products.create({
      name: 'Koppel theeglas',
      productnumber: 'KOP-TG-1',
      eannumber: '8712345678913',
      price: 7.95,
      discount: 0.95,
      package_id: 12,
      taxtariff: 'low a',
      active: false,
      stock: 12,
      weight: 0.3,
      brand_id: 34,
    });
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject({ name: 'Koppel theeglas', productnumber: 'KOP-TG-1', price: 7.95, discount: 0.95, taxtariff: 'low a', active: false, stock: 12 });
    const post = writes(await rig.requests())[0];
    expect(post?.body).toMatchObject({ active: false });
    expect(post?.body).not.toHaveProperty('is_active');

    await client.products.patch(created.id, { active: true, price: 8.5, stock: 20, shortdescription: 'Dubbelwandig' });
    const back = await client.products.get(created.id);
    expect(back).toMatchObject({ id: created.id, name: 'Koppel theeglas', productnumber: 'KOP-TG-1', eannumber: '8712345678913', price: 8.5, discount: 0.95, stock: 20, weight: 0.3, shortdescription: 'Dubbelwandig', active: true, taxtariff: 'low a' });
    expect(back.brand?.id).toBe(34);
    expect(back.package?.id).toBe(12);
    expect((await client.products.findByNumber('KOP-TG-1'))?.id).toBe(created.id);
    expect(writes(await rig.requests()).map((e) => `${e.method} ${e.status}`)).toEqual(['POST 201', 'PATCH 204']);
  });

  it('photos: add, list, patch main photo and alt text, delete, replace all', async () => {
    const client = rig.client({ verifyResponses: true });
    const product = await client.products.create({ name: 'Fotoproduct', productnumber: 'FOTO-1', price: 1, discount: 0, package_id: 12, taxtariff: 'normal' });
    const first = await client.productPhotos.create(product.id, { file_type: 'png', source: `data:image/png;base64,${PNG}`, alttext: 'Voorkant', is_mainphoto: true });
    const second = await client.productPhotos.create(product.id, { file_type: '.GIF', source: GIF, alttext: 'Achterkant' });
    expect(first.filename).toMatch(/\.png$/);
    expect(second.filename).toMatch(/\.gif$/);
    // The `data:` prefix is stripped and the extension normalised before sending (reference/ccv-shop/README.md §9.9).
    const posts = writes(await rig.requests()).filter((e) => e.method === 'POST' && e.path.endsWith('/productphotos/'));
    expect(posts.map((e) => e.body)).toEqual([
      { file_type: 'png', source: PNG, alttext: 'Voorkant', is_mainphoto: true },
      { file_type: 'gif', source: GIF, alttext: 'Achterkant' },
    ]);

    await client.productPhotos.patch(second.id, { is_mainphoto: true, alttext: 'Achterkant (hoofd)' });
    const listed = await collect(client.productPhotos.list(product.id));
    expect(listed.map((p) => [p.id, p.alttext, p.is_mainphoto])).toEqual([
      [first.id, 'Voorkant', false],
      [second.id, 'Achterkant (hoofd)', true],
    ]);
    await client.productPhotos.delete(first.id);
    expect((await collect(client.productPhotos.list(product.id))).map((p) => p.id)).toEqual([second.id]);

    await client.productPhotos.replaceAll(product.id, [
      { file_type: 'png', source: PNG, alttext: 'Nieuw 1', is_mainphoto: true },
      { file_type: 'png', source: PNG, alttext: 'Nieuw 2' },
    ]);
    const replaced = await collect(client.productPhotos.list(product.id));
    expect(replaced.map((p) => [p.alttext, p.is_mainphoto])).toEqual([
      ['Nieuw 1', true],
      ['Nieuw 2', false],
    ]);
    expect(replaced.map((p) => p.id)).not.toContain(second.id);
    await client.productPhotos.replaceAll(product.id, []);
    expect(await collect(client.productPhotos.list(product.id))).toEqual([]);
  });

  it('categories: create a tree, link products (producttocategories), read back both ways', async () => {
    const client = rig.client({ verifyResponses: true });
    const parent = await client.categories.create({ name: 'Servies', show_on_website: true });
    const child = await client.categories.create({ name: 'Mokken & bekers', parentcategory_id: parent.id, position: 2 });
    expect(child.parentcategory?.id).toBe(parent.id);
    await client.categories.patch(child.id, { description: 'Alle mokken', position: 1 });
    const backChild = await client.categories.get(child.id);
    expect(backChild).toMatchObject({ name: 'Mokken & bekers', description: 'Alle mokken', position: 1 });
    expect((await collect(client.categories.iterate({ parentId: parent.id }))).map((c) => c.id)).toEqual([child.id]);
    expect((await client.categories.findByName('mokken & BEKERS', parent.id))?.id).toBe(child.id);

    const link = await client.productToCategories.create({ product_id: 100003, category_id: child.id });
    expect(link).toMatchObject({ product_id: 100003, category_id: child.id });
    await client.productToCategories.create({ product_id: 100004, category_id: child.id, position: 1 });
    const inCategory = await collect(client.productToCategories.listForCategory(child.id));
    expect(inCategory.map((l) => l.product_id).sort()).toEqual([100003, 100004]);
    expect((await collect(client.productToCategories.listForProduct(100003))).map((l) => l.category_id)).toContain(child.id);
    await client.productToCategories.patch(link.id, { position: 5 });
    expect((await client.productToCategories.get(link.id)).position).toBe(5);
    await client.productToCategories.delete(link.id);
    expect((await collect(client.productToCategories.listForCategory(child.id))).map((l) => l.product_id)).toEqual([100004]);
    const tree = await client.categories.tree();
    const node = tree.root_categories.find((c) => c.id === parent.id);
    expect(node?.children.map((c) => c.id)).toEqual([child.id]);
  });

  it('variants: attributes and values → productattributevalues → generated combinations; combination stock PATCH', async () => {
    const client = rig.client({ verifyResponses: true });
    const size = await client.attributes.create({ name: 'Koppelmaat', type: 'option_menu' });
    const colour = await client.attributes.create({ name: 'Koppelkleur', type: 'option_menu' });
    const s = await client.attributeValues.create(size.id, { name: 'S', default_price: 0 });
    const m = await client.attributeValues.create(size.id, { name: 'M', default_price: 1 });
    const red = await client.attributeValues.create(colour.id, { name: 'Rood', default_price: 0 });
    const blue = await client.attributeValues.create(colour.id, { name: 'Blauw', default_price: 2.5 });
    expect((await collect(client.attributeValues.list(size.id))).map((v) => v.name)).toEqual(['S', 'M']);

    const product = await client.products.create({ name: 'Koppel shirt', productnumber: 'SHIRT-K', price: 20, discount: 0, package_id: 12, taxtariff: 'normal', stocktype: 'Attribute' });
    for (const [i, v] of [s, m].entries()) await client.productAttributeValues.create(product.id, { optionvalue: v.id, price: v.default_price ?? 0, position: i + 1, stock: 4 });
    for (const [i, v] of [red, blue].entries()) await client.productAttributeValues.create(product.id, { optionvalue: v.id, price: v.default_price ?? 0, position: i + 1, stock: 4 });
    const attached = await collect(client.productAttributeValues.list(product.id));
    expect(attached.map((a) => a.optionvalue_id).sort()).toEqual([s.id, m.id, red.id, blue.id].sort());

    // 2 sizes × 2 colours = 4 combinations, generated by the shop.
    const combos = await collect(client.attributeCombinations.listForProduct(product.id));
    expect(combos).toHaveLength(4);
    const pairs = combos.map((c) => (c.combination ?? []).map((x) => x.attribute_value?.id).sort());
    expect(pairs).toEqual(expect.arrayContaining([[s.id, red.id].sort(), [s.id, blue.id].sort(), [m.id, red.id].sort(), [m.id, blue.id].sort()]));
    const mBlue = combos.find((c) => (c.combination ?? []).some((x) => x.attribute_value?.id === m.id) && (c.combination ?? []).some((x) => x.attribute_value?.id === blue.id));
    expect(mBlue?.netto_extra_price).toBe(3.5);

    await client.attributeCombinations.patch(mBlue?.id ?? 0, { stock: 17, sku_number: 'SHIRT-K-M-BLAUW', ean_number: '8712345678920' });
    const back = await client.attributeCombinations.get(mBlue?.id ?? 0);
    expect(back).toMatchObject({ id: mBlue?.id, stock: 17, sku_number: 'SHIRT-K-M-BLAUW', ean_number: '8712345678920', product_id: product.id });
    const found = await collect(client.products.query({ skunumber: 'SHIRT-K-M-BLAUW' }));
    expect(found.map((p) => p.id)).toEqual([product.id]);
    const patch = writes(await rig.requests()).find((e) => e.method === 'PATCH');
    expect(patch?.path).toBe(`/api/rest/v1/attributecombinations/${mBlue?.id ?? 0}/`);
    expect(patch?.body).toEqual({ stock: 17, sku_number: 'SHIRT-K-M-BLAUW', ean_number: '8712345678920' });
    expect(patch?.status).toBe(204);
  });

  it('order status PATCH (status, paid, track & trace, mail + note) and read back', async () => {
    const client = rig.client({ verifyResponses: true });
    const order = (await collect(client.orders.iterate({ status: 1 })))[0] ?? (await collect(client.orders.iterate()))[0];
    expect(order).toBeDefined();
    const id = order?.id ?? 0;
    await client.orders.patch(id, { status: 5, paid: true, track_and_trace_code: '3SKOP123', track_and_trace_carrier: 'PostNL', mail: true, note: 'Vandaag verzonden' });
    const back = await client.orders.get(id);
    expect(back).toMatchObject({ id, status: 5, paid: true, track_and_trace_code: '3SKOP123', track_and_trace_carrier: 'PostNL' });
    expect(back.ordernumber).toBe(order?.ordernumber);
    expect(back.total_price).toBe(order?.total_price);
    const patch = writes(await rig.requests())[0];
    expect(patch?.body).toEqual({ status: 5, paid: true, track_and_trace_code: '3SKOP123', track_and_trace_carrier: 'PostNL', mail: true, note: 'Vandaag verzonden' });
    expect(patch?.status).toBe(204);
    expect((await collect(client.orders.iterate({ status: 5 }))).map((o) => o.id)).toContain(id);
  });
});
