import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CcvClient } from './client';
import { definition, loadDefinitions, requestSchemaFor, toJsonSchema } from './reference-schemas';
import { attributeCombinationPatchSchema } from './resources/attribute-combinations';
import { attributeInputSchema, attributeValueCreateSchema, attributeValuePatchSchema } from './resources/attributes';
import { categoryCreateSchema, categoryPatchSchema } from './resources/categories';
import { nameInputSchema } from './resources/named';
import { orderRowInputSchema, orderRowPatchSchema } from './resources/order-rows';
import { orderPatchSchema } from './resources/orders';
import { personalInfoInputSchema } from './resources/personal-info';
import { productAttributeValueCreateSchema, productAttributeValuePatchSchema } from './resources/product-attribute-values';
import { productPhotoCreateSchema, productPhotoPatchSchema } from './resources/product-photos';
import { productToCategoryCreateSchema } from './resources/product-to-categories';
import { productToPropertyGroupCreateSchema, propertyCreateSchema, propertyOptionInputSchema, propertyPatchSchema, propertyValueCreateSchema } from './resources/product-properties';
import { productCreateSchema, productPatchSchema } from './resources/product-schemas';
import { webhookCreateSchema, webhookPatchSchema } from './resources/webhooks';
import { InstantClock, PUBLIC, SECRET, startShop, type TestShop } from './test-server';

const defs = loadDefinitions();
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = new Map<string, ValidateFunction>();
function validatorFor(schemaId: string): ValidateFunction {
  let validate = compiled.get(schemaId);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(defs, schemaId));
    compiled.set(schemaId, validate);
  }
  return validate;
}

/** A value for every field of a write schema (optional ones included), so every field name is exercised. */
function sample(schema: z.core.$ZodType): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return sample(schema.unwrap());
  if (schema instanceof z.ZodPipe) return sample(schema.in);
  if (schema instanceof z.ZodObject) return Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, sample(v)]));
  if (schema instanceof z.ZodArray) return [sample(schema.element)];
  if (schema instanceof z.ZodEnum) return schema.options[0];
  for (const candidate of ['QUJD', 'https://example.com/hook', 3, true]) if (z.safeParse(schema, candidate).success) return candidate;
  throw new Error('no sample value for a field');
}
const full = <S extends z.ZodType>(schema: S): z.output<S> => schema.parse(sample(schema));

describe('request bodies match the documented POST/PATCH/PUT schemas', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startShop((req) => {
      if (req.method === 'GET') return { body: { href: 'x', items: [] } };
      if (req.method === 'POST') return { status: 201, body: { id: 1, event: 'orders.created', address: 'https://example.com/hook' } };
      return { status: 204 };
    });
  });
  afterAll(() => shop.close());

  it('every write method of every resource sends a body valid under its reference schema', async () => {
    const c = new CcvClient({ baseUrl: shop.baseUrl, publicKey: PUBLIC, secretKey: SECRET, clock: new InstantClock() });
    const start = shop.requests.length;
    await c.products.create(full(productCreateSchema));
    await c.products.create({ name: 'Minimal', price: 1, discount: 0, package_id: 2, taxtariff: 'normal' });
    await c.products.patch(1, full(productPatchSchema));
    await c.products.patch(1, { stock: 42 });
    await c.productPhotos.create(1, full(productPhotoCreateSchema));
    await c.productPhotos.replaceAll(1, [full(productPhotoCreateSchema), { file_type: 'png', source: 'QUJD' }]);
    await c.productPhotos.replaceAll(1, []);
    await c.productPhotos.patch(1, full(productPhotoPatchSchema));
    await c.categories.create(full(categoryCreateSchema));
    await c.categories.patch(1, full(categoryPatchSchema));
    await c.productToCategories.create(full(productToCategoryCreateSchema));
    await c.productToCategories.create({ product_id: 1, category_id: 2, position: null });
    await c.productToCategories.patch(1, { position: 3 });
    await c.attributes.create(full(attributeInputSchema));
    await c.attributes.patch(1, { name: 'Maat', type: 'option_menu_required' });
    await c.attributeValues.create(1, full(attributeValueCreateSchema));
    await c.attributeValues.patch(1, full(attributeValuePatchSchema));
    await c.productAttributeValues.create(1, full(productAttributeValueCreateSchema));
    await c.productAttributeValues.patch(1, full(productAttributeValuePatchSchema));
    await c.attributeCombinations.patch(1, full(attributeCombinationPatchSchema));
    await c.productProperties.createGroup({ name: 'Specs' });
    await c.productProperties.patchGroup(1, { name: 'Specs' });
    await c.productProperties.createProperty(1, full(propertyCreateSchema));
    await c.productProperties.patchProperty(1, full(propertyPatchSchema));
    await c.productProperties.createOption(1, full(propertyOptionInputSchema));
    await c.productProperties.patchOption(1, { name: 'Rood' });
    await c.productProperties.createValue(full(propertyValueCreateSchema));
    await c.productProperties.patchValue(1, { value: 'true' });
    await c.productProperties.createGroupLink(full(productToPropertyGroupCreateSchema));
    await c.orders.patch(1, full(orderPatchSchema));
    await c.orders.patch(1, { status: 5, mail: true, note: 'Verzonden', track_and_trace_code: '3SABC123', track_and_trace_carrier: 'PostNL', paid: true });
    await c.orderRows.patch(1, full(orderRowPatchSchema));
    await c.orderRows.replaceAll(1, [full(orderRowInputSchema), { product_id: 5, count: 2 }]);
    await c.packages.create({ name: 'Brievenbus' });
    await c.packages.patch(1, { name: 'Pakket' });
    await c.brands.create({ name: 'Merk' });
    await c.brands.patch(1, { name: 'Merk 2' });
    await c.webhooks.create(full(webhookCreateSchema));
    await c.webhooks.patch(1, full(webhookPatchSchema));

    const writes = shop.requests.slice(start).filter((r) => r.method !== 'GET' && r.method !== 'DELETE');
    expect(writes.length).toBe(39);
    const problems: string[] = [];
    for (const req of writes) {
      const schemaId = requestSchemaFor(req.method, req.url);
      if (!schemaId) {
        problems.push(`${req.method} ${req.url}: no documented request schema`);
        continue;
      }
      const validate = validatorFor(schemaId);
      if (!validate(JSON.parse(req.body))) problems.push(`${req.method} ${req.url} (${schemaId}): ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
  });

  it('the built schemas reject a misspelt field and a missing required one', () => {
    const validate = ajv.compile(toJsonSchema(defs, 'internal.resource.products.post.v1.json'));
    expect(validate({ name: 'X', price: 1, discount: 0, package_id: 1, taxtariff: 'normal' })).toBe(true);
    expect(validate({ name: 'X', prise: 1, price: 1, discount: 0, package_id: 1 })).toBe(false);
    expect(validate({ name: 'X', discount: 0, package_id: 1 })).toBe(false);
    const photos = ajv.compile(toJsonSchema(defs, 'internal.resource.productphotos.put.v1.json'));
    expect(photos({ productphotos: [{ file_type: 'png', source: 'QUJD', filename: 'x.png' }] })).toBe(false);
  });
});

describe('write schemas have exactly the documented fields and required flags', () => {
  const pairs: [string, z.ZodObject][] = [
    ['internal.resource.products.post.v1.json', productCreateSchema],
    ['internal.resource.products.patch.v1.json', productPatchSchema],
    ['internal.resource.productphotos.post.v1.json', productPhotoCreateSchema],
    ['internal.resource.productphotos.patch.v1.json', productPhotoPatchSchema],
    ['internal.resource.categories.post.v1.json', categoryCreateSchema],
    ['internal.resource.categories.patch.v1.json', categoryPatchSchema],
    ['internal.resource.producttocategories.post.v1.json', productToCategoryCreateSchema],
    ['internal.resource.attributes.input.v1.json', attributeInputSchema],
    ['internal.resource.attributevalues.post.v1.json', attributeValueCreateSchema],
    ['internal.resource.attributevalues.patch.v1.json', attributeValuePatchSchema],
    ['internal.resource.productattributevalues.post.v1.json', productAttributeValueCreateSchema],
    ['internal.resource.productattributevalues.patch.v1.json', productAttributeValuePatchSchema],
    ['internal.resource.attributecombinations.patch.v1.json', attributeCombinationPatchSchema],
    ['internal.resource.productproperties.post.v1.json', propertyCreateSchema],
    ['internal.resource.productproperties.patch.v1.json', propertyPatchSchema],
    ['internal.resource.productpropertyoptions.post.v1.json', propertyOptionInputSchema],
    ['internal.resource.productpropertyvalues.post.v1.json', propertyValueCreateSchema],
    ['internal.resource.producttopropertygroups.post.v1.json', productToPropertyGroupCreateSchema],
    ['internal.resource.orders.patch.v1.json', orderPatchSchema],
    ['internal.entity.orderrow.input.v1.json', orderRowInputSchema],
    ['internal.resource.orderrows.patch.v1.json', orderRowPatchSchema],
    ['internal.entity.personalinfo.input.v1.json', personalInfoInputSchema],
    ['internal.resource.packages.input.v1.json', nameInputSchema],
    ['internal.resource.brands.input.v1.json', nameInputSchema],
    ['internal.resource.webhooks.post.v1.json', webhookCreateSchema],
    ['internal.resource.webhooks.patch.v1.json', webhookPatchSchema],
  ];
  for (const [id, schema] of pairs) {
    it(id, () => {
      const ref = definition(defs, id).properties;
      expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(ref).sort());
      const requiredHere = Object.entries(schema.shape).filter(([, v]) => !z.safeParse(v, undefined).success).map(([k]) => k).sort();
      const requiredThere = Object.entries(ref).filter(([, p]) => p.required_non_null).map(([k]) => k).sort();
      expect(requiredHere).toEqual(requiredThere);
    });
  }
});
