import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions, requestSchemaFor, toJsonSchema } from '../../connectors/ccv-shop/reference-schemas';
import { collect } from './helpers';
import { startCcvRig, type CcvLogEntry, type CcvRig } from './ccv-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

const defs = loadDefinitions();
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>();
function errorsOf(schemaId: string, body: unknown): string[] {
  let validate = validators.get(schemaId);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(defs, schemaId));
    validators.set(schemaId, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

// End to end: the bodies the simulator received are what endpoints.json + schemas/*.json document for the call,
// and the log holds no secret.
describe('CCV Shop connector ⇄ simulator: request bodies on the wire', () => {
  let rig: CcvRig;
  let log: CcvLogEntry[];

  beforeAll(async () => {
    rig = await startCcvRig({ sizes: { products: 20, orders: 10, users: 5, categories: 5 } });
    const client = rig.client({ verifyResponses: true });
    const product = await client.products.create({ name: 'Conform', productnumber: 'CONF/1', price: 3, discount: 0, package_id: 12, taxtariff: 'zero', active: true, brand_id: 34 });
    await client.products.patch(product.id, { stock: 4, description: 'Ü/€' });
    const photo = await client.productPhotos.create(product.id, { file_type: 'png', source: PNG, alttext: 'a', is_mainphoto: true });
    await client.productPhotos.patch(photo.id, { alttext: 'b' });
    await client.productPhotos.replaceAll(product.id, [{ file_type: 'png', source: PNG }]);
    const category = await client.categories.create({ name: 'Conform', show_on_website: true });
    await client.categories.patch(category.id, { position: 3 });
    const link = await client.productToCategories.create({ product_id: product.id, category_id: category.id, position: null });
    await client.productToCategories.patch(link.id, { position: 2 });
    const attribute = await client.attributes.create({ name: 'Conformmaat', type: 'option_menu_required' });
    const value = await client.attributeValues.create(attribute.id, { name: 'One size', default_price: 0 });
    await client.attributeValues.patch(value.id, { default_price: 1 });
    await client.productAttributeValues.create(product.id, { optionvalue: value.id, price: 1, position: 1, stock: 3 });
    const combo = (await collect(client.attributeCombinations.listForProduct(product.id)))[0];
    await client.attributeCombinations.patch(combo?.id ?? 0, { stock: 9, active: true });
    await client.orders.patch(339000001, { status: 2, mail: false, note: 'In behandeling' });
    log = await rig.requests();
  });
  afterAll(async () => {
    await rig.close();
  });

  it('every write was accepted with the documented status (POST 201, PATCH/PUT 204)', () => {
    const writes = log.filter((e) => e.method !== 'GET');
    expect(writes).toHaveLength(15);
    for (const e of writes) expect(e.status, `${e.method} ${e.path}`).toBe(e.method === 'POST' ? 201 : 204);
  });

  it('every logged body is valid under the reference request schema of its endpoint', () => {
    for (const e of log.filter((x) => x.method !== 'GET')) {
      const schemaId = requestSchemaFor(e.method, e.path);
      expect(schemaId, `${e.method} ${e.path} has a documented request schema`).toBeDefined();
      if (!schemaId) continue;
      expect(errorsOf(schemaId, e.body), `${e.method} ${e.path} vs ${schemaId}`).toEqual([]);
    }
  });

  it('every request was signed: the three headers were present (the simulator drops x-hash from its log)', () => {
    for (const e of log) {
      expect(e.headers['x-public'], e.path).toBe(rig.sim.credentials.publicKey);
      expect(String(e.headers['x-date']), e.path).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(e.headers).not.toHaveProperty('x-hash');
    }
  });

  it('no secret key or HMAC is in the simulator log', () => {
    const text = JSON.stringify(log);
    expect(text).not.toContain(rig.sim.credentials.secretKey);
    expect(text).not.toMatch(/[0-9a-f]{128}/i);
  });
});
