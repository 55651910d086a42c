import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, inputId, optBool, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** An attribute value attached to a product; attaching them makes CCV generate the variants (reference/ccv-shop/README.md §6.4). */
export const productAttributeValueSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  optionid: optId,
  optionname: optStr,
  optionposition: optNum,
  optionvalue_id: optId,
  optionvalue_name: optStr,
  position: optNum,
  price: optNum,
  enable: optBool,
});
export type ProductAttributeValue = z.output<typeof productAttributeValueSchema>;

/** `internal.resource.productattributevalues.post.v1`; `stock` is the initial stock of the generated variants. */
export const productAttributeValueCreateSchema = z.strictObject({
  /** The attribute value id. */
  optionvalue: inputId,
  /** Extra price of this option. */
  price: z.number(),
  position: z.number().int().optional(),
  stock: z.number().optional(),
  enable: z.boolean().optional(),
});
export type ProductAttributeValueCreate = z.input<typeof productAttributeValueCreateSchema>;

/** `internal.resource.productattributevalues.patch.v1`. */
export const productAttributeValuePatchSchema = z.strictObject({
  optionposition: z.number().int().optional(),
  position: z.number().int().optional(),
  price: z.number().optional(),
  enable: z.boolean().optional(),
});
export type ProductAttributeValuePatch = z.input<typeof productAttributeValuePatchSchema>;

export type ProductAttributeValueOrder = 'optionposition' | 'optionposition_desc' | 'position' | 'position_desc';

export class ProductAttributeValuesResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(productId: number, opts: CallOptions & { orderby?: ProductAttributeValueOrder } = {}): AsyncGenerator<ProductAttributeValue> {
    const uri = this.t.uri(`products/${seg(productId)}/productattributevalues`, { start: 0, size: this.t.config.pageSize, orderby: opts.orderby });
    yield* collectionItems(this.t, uri, productAttributeValueSchema, `options of product ${productId}`, opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<ProductAttributeValue> {
    return this.t.getJson(this.t.uri(`productattributevalues/${seg(id)}`), productAttributeValueSchema, `product option ${id}`, opts);
  }

  /**
   * Attaches an attribute value to a product; CCV then generates the variants (list them with
   * `attributeCombinations.listForProduct`). A POST that may have landed is looked up by option value.
   */
  async create(productId: number, input: ProductAttributeValueCreate, opts: CreateOptions<ProductAttributeValue> = {}): Promise<ProductAttributeValue> {
    const uri = this.t.uri(`products/${seg(productId)}/productattributevalues`);
    const subject = `option value ${input.optionvalue} of product ${productId}`;
    const body = validateInput(productAttributeValueCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a product option' });
    const findExisting =
      opts.findExisting ??
      (async () => {
        for await (const v of this.list(productId, opts)) if (v.optionvalue_id === body.optionvalue) return v;
        return undefined;
      });
    return createResource(this.t, uri, body, productAttributeValueSchema, subject, { ...opts, findExisting });
  }

  async patch(id: number, input: ProductAttributeValuePatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`productattributevalues/${seg(id)}`);
    const body = validateInput(productAttributeValuePatchSchema, input, { method: 'PATCH', path: uri, subject: `product option ${id}`, what: 'a product option change' });
    await this.t.write('PATCH', uri, body, `product option ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`productattributevalues/${seg(id)}`), undefined, `product option ${id}`, opts);
  }
}
