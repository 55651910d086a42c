import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, expandable, inputId, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** Product specifications: group → property → options → value per product, plus product↔group links (reference/ccv-shop/README.md §6.5). */
export const propertyGroupSchema = z.looseObject({ id: ccvId, href: optStr, name: optStr });
export type PropertyGroup = z.output<typeof propertyGroupSchema>;

export const propertyOptionSchema = z.looseObject({ id: ccvId, href: optStr, name: optStr, position: optNum });
export type PropertyOption = z.output<typeof propertyOptionSchema>;

export const propertySchema = z.looseObject({
  id: ccvId,
  href: optStr,
  parent: optId,
  name: optStr,
  description: optStr,
  position: optNum,
  /** Includes checkbox and option types; the full list is unknown [?]. */
  type: optStr,
  options: expandable(propertyOptionSchema).nullish(),
});
export type Property = z.output<typeof propertySchema>;

export const propertyValueSchema = z.looseObject({ id: ccvId, href: optStr, product_id: optId, product_property_id: optId, value: optStr });
export type PropertyValue = z.output<typeof propertyValueSchema>;

export const productToPropertyGroupSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  product_id: optId,
  product_property_group_id: optId,
  values: z.looseObject({ collection: z.array(propertyValueSchema).nullish() }).nullish(),
});
export type ProductToPropertyGroup = z.output<typeof productToPropertyGroupSchema>;

const nameOnly = z.strictObject({ name: z.string().min(1) });
export const propertyCreateSchema = z.strictObject({
  name: z.string().min(1),
  parent: z.number().int().optional(),
  description: z.string().optional(),
  position: z.number().int().optional(),
  /** Base64 icon. */
  icon: z.string().optional(),
  type: z.string().optional(),
});
export type PropertyCreate = z.input<typeof propertyCreateSchema>;
export const propertyPatchSchema = propertyCreateSchema.partial();
export type PropertyPatch = z.input<typeof propertyPatchSchema>;
export const propertyOptionInputSchema = z.strictObject({ name: z.string().min(1), position: z.number().int().optional() });
export type PropertyOptionInput = z.input<typeof propertyOptionInputSchema>;
/** `value` is text, `"true"`/`"false"` for checkboxes, or an option id for option properties. */
export const propertyValueCreateSchema = z.strictObject({ product_id: inputId, product_property_id: inputId, value: z.string() });
export type PropertyValueCreate = z.input<typeof propertyValueCreateSchema>;
export const productToPropertyGroupCreateSchema = z.strictObject({ product_id: inputId, product_property_group_id: inputId });
export type ProductToPropertyGroupCreate = z.input<typeof productToPropertyGroupCreateSchema>;

export class ProductPropertiesResource {
  constructor(private readonly t: CcvTransport) {}

  private async post<S extends z.ZodType, R extends z.ZodType>(path: string, input: unknown, inputSchema: S, schema: R, subject: string, what: string, opts: CreateOptions<z.output<R>>): Promise<z.output<R>> {
    const uri = this.t.uri(path);
    const body = validateInput(inputSchema, input, { method: 'POST', path: uri, subject, what });
    return createResource(this.t, uri, body, schema, subject, opts);
  }

  private async change(method: 'PATCH' | 'DELETE', path: string, input: unknown, inputSchema: z.ZodType | undefined, subject: string, opts: CallOptions): Promise<void> {
    const uri = this.t.uri(path);
    const body = inputSchema ? validateInput(inputSchema, input, { method, path: uri, subject, what: `a change of ${subject}` }) : undefined;
    await this.t.write(method, uri, body, subject, opts);
  }

  // Groups
  async *groups(opts: CallOptions = {}): AsyncGenerator<PropertyGroup> {
    yield* collectionItems(this.t, this.t.uri('productpropertygroups'), propertyGroupSchema, 'property groups', opts);
  }
  async getGroup(id: number, opts: CallOptions = {}): Promise<PropertyGroup> {
    return this.t.getJson(this.t.uri(`productpropertygroups/${seg(id)}`), propertyGroupSchema, `property group ${id}`, opts);
  }
  /** A POST that may have landed is looked up by group name. */
  async createGroup(input: { name: string }, opts: CreateOptions<PropertyGroup> = {}): Promise<PropertyGroup> {
    const findExisting = opts.findExisting ?? (async () => {
      for await (const g of this.groups(opts)) if ((g.name ?? '').trim() === input.name.trim()) return g;
      return undefined;
    });
    return this.post('productpropertygroups', input, nameOnly, propertyGroupSchema, `property group "${input.name}"`, 'a property group', { ...opts, findExisting });
  }
  async patchGroup(id: number, input: { name: string }, opts: CallOptions = {}): Promise<void> {
    return this.change('PATCH', `productpropertygroups/${seg(id)}`, input, nameOnly, `property group ${id}`, opts);
  }
  async deleteGroup(id: number, opts: CallOptions = {}): Promise<void> {
    return this.change('DELETE', `productpropertygroups/${seg(id)}`, undefined, undefined, `property group ${id}`, opts);
  }

  // Properties within a group
  async *properties(groupId: number, opts: CallOptions = {}): AsyncGenerator<Property> {
    yield* collectionItems(this.t, this.t.uri(`productpropertygroups/${seg(groupId)}/productproperties`), propertySchema, `properties of group ${groupId}`, opts);
  }
  async getProperty(id: number, opts: CallOptions = {}): Promise<Property> {
    return this.t.getJson(this.t.uri(`productproperties/${seg(id)}`), propertySchema, `property ${id}`, opts);
  }
  async createProperty(groupId: number, input: PropertyCreate, opts: CreateOptions<Property> = {}): Promise<Property> {
    const findExisting = opts.findExisting ?? (async () => {
      for await (const p of this.properties(groupId, opts)) if ((p.name ?? '').trim() === input.name.trim()) return p;
      return undefined;
    });
    return this.post(`productpropertygroups/${seg(groupId)}/productproperties`, input, propertyCreateSchema, propertySchema, `property "${input.name}"`, 'a property', { ...opts, findExisting });
  }
  async patchProperty(id: number, input: PropertyPatch, opts: CallOptions = {}): Promise<void> {
    return this.change('PATCH', `productproperties/${seg(id)}`, input, propertyPatchSchema, `property ${id}`, opts);
  }
  async deleteProperty(id: number, opts: CallOptions = {}): Promise<void> {
    return this.change('DELETE', `productproperties/${seg(id)}`, undefined, undefined, `property ${id}`, opts);
  }

  // Options of an option-type property
  async *options(propertyId: number, opts: CallOptions = {}): AsyncGenerator<PropertyOption> {
    yield* collectionItems(this.t, this.t.uri(`productproperties/${seg(propertyId)}/productpropertyoptions`), propertyOptionSchema, `options of property ${propertyId}`, opts);
  }
  async createOption(propertyId: number, input: PropertyOptionInput, opts: CreateOptions<PropertyOption> = {}): Promise<PropertyOption> {
    const findExisting = opts.findExisting ?? (async () => {
      for await (const o of this.options(propertyId, opts)) if ((o.name ?? '').trim() === input.name.trim()) return o;
      return undefined;
    });
    return this.post(`productproperties/${seg(propertyId)}/productpropertyoptions`, input, propertyOptionInputSchema, propertyOptionSchema, `option "${input.name}"`, 'a property option', { ...opts, findExisting });
  }
  async patchOption(id: number, input: PropertyOptionInput, opts: CallOptions = {}): Promise<void> {
    return this.change('PATCH', `productpropertyoptions/${seg(id)}`, input, propertyOptionInputSchema, `property option ${id}`, opts);
  }
  async deleteOption(id: number, opts: CallOptions = {}): Promise<void> {
    return this.change('DELETE', `productpropertyoptions/${seg(id)}`, undefined, undefined, `property option ${id}`, opts);
  }

  // A product's value for a property
  async getValue(id: number, opts: CallOptions = {}): Promise<PropertyValue> {
    return this.t.getJson(this.t.uri(`productpropertyvalues/${seg(id)}`), propertyValueSchema, `property value ${id}`, opts);
  }
  /** A POST that may have landed is looked up in the product's group links (their `values`). */
  async createValue(input: PropertyValueCreate, opts: CreateOptions<PropertyValue> = {}): Promise<PropertyValue> {
    const findExisting = opts.findExisting ?? (async () => {
      for await (const link of this.groupLinks(input.product_id, opts)) {
        const hit = link.values?.collection?.find((v) => v.product_property_id === input.product_property_id);
        if (hit) return hit;
      }
      return undefined;
    });
    return this.post('productpropertyvalues', input, propertyValueCreateSchema, propertyValueSchema, `value of property ${input.product_property_id} for product ${input.product_id}`, 'a property value', { ...opts, findExisting });
  }
  async patchValue(id: number, input: { value: string }, opts: CallOptions = {}): Promise<void> {
    return this.change('PATCH', `productpropertyvalues/${seg(id)}`, input, z.strictObject({ value: z.string() }), `property value ${id}`, opts);
  }
  async deleteValue(id: number, opts: CallOptions = {}): Promise<void> {
    return this.change('DELETE', `productpropertyvalues/${seg(id)}`, undefined, undefined, `property value ${id}`, opts);
  }

  // Product ↔ group links
  async *groupLinks(productId: number, opts: CallOptions = {}): AsyncGenerator<ProductToPropertyGroup> {
    yield* collectionItems(this.t, this.t.uri(`products/${seg(productId)}/producttopropertygroups`), productToPropertyGroupSchema, `property groups of product ${productId}`, opts);
  }
  async createGroupLink(input: ProductToPropertyGroupCreate, opts: CreateOptions<ProductToPropertyGroup> = {}): Promise<ProductToPropertyGroup> {
    const findExisting = opts.findExisting ?? (async () => {
      for await (const l of this.groupLinks(input.product_id, opts)) if (l.product_property_group_id === input.product_property_group_id) return l;
      return undefined;
    });
    return this.post('producttopropertygroups', input, productToPropertyGroupCreateSchema, productToPropertyGroupSchema, `link of product ${input.product_id} to property group ${input.product_property_group_id}`, 'a property group link', { ...opts, findExisting });
  }
  async deleteGroupLink(id: number, opts: CallOptions = {}): Promise<void> {
    return this.change('DELETE', `producttopropertygroups/${seg(id)}`, undefined, undefined, `property group link ${id}`, opts);
  }
}
