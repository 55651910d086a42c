import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, inputId, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** A product's place in a category; `maincategory`/`subcategory` on the product do not do this (reference/ccv-shop/README.md §9.10). */
export const productToCategorySchema = z.looseObject({
  id: ccvId,
  href: optStr,
  position: optNum,
  product_id: optId,
  category_id: optId,
  product_href: optStr,
  category_href: optStr,
});
export type ProductToCategory = z.output<typeof productToCategorySchema>;

/** `internal.resource.producttocategories.post.v1`; a missing position puts the product last. */
export const productToCategoryCreateSchema = z.strictObject({
  product_id: inputId,
  category_id: inputId,
  position: z.number().int().nullable().optional(),
});
export type ProductToCategoryCreate = z.input<typeof productToCategoryCreateSchema>;

export class ProductToCategoriesResource {
  constructor(private readonly t: CcvTransport) {}

  async *listForProduct(productId: number, opts: CallOptions = {}): AsyncGenerator<ProductToCategory> {
    yield* collectionItems(this.t, this.t.uri(`products/${seg(productId)}/producttocategories`), productToCategorySchema, `categories of product ${productId}`, opts);
  }

  async *listForCategory(categoryId: number, opts: CallOptions = {}): AsyncGenerator<ProductToCategory> {
    yield* collectionItems(this.t, this.t.uri(`categories/${seg(categoryId)}/producttocategories`), productToCategorySchema, `products in category ${categoryId}`, opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<ProductToCategory> {
    return this.t.getJson(this.t.uri(`producttocategories/${seg(id)}`), productToCategorySchema, `category link ${id}`, opts);
  }

  /** Links a product to a category; a POST that may have landed is looked up in the product's links. */
  async create(input: ProductToCategoryCreate, opts: CreateOptions<ProductToCategory> = {}): Promise<ProductToCategory> {
    const uri = this.t.uri('producttocategories');
    const subject = `link of product ${input.product_id} to category ${input.category_id}`;
    const body = validateInput(productToCategoryCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a category link' });
    const findExisting =
      opts.findExisting ??
      (async () => {
        for await (const l of this.listForProduct(body.product_id, opts)) if (l.category_id === body.category_id) return l;
        return undefined;
      });
    return createResource(this.t, uri, body, productToCategorySchema, subject, { ...opts, findExisting });
  }

  /** Only `position` can change. */
  async patch(id: number, input: { position: number }, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`producttocategories/${seg(id)}`);
    const body = validateInput(z.strictObject({ position: z.number().int() }), input, { method: 'PATCH', path: uri, subject: `category link ${id}`, what: 'a position change' });
    await this.t.write('PATCH', uri, body, `category link ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`producttocategories/${seg(id)}`), undefined, `category link ${id}`, opts);
  }
}
