import { z } from 'zod';
import { collectionItems } from '../paging';
import { ccvId, expandable, optBool, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

const named = z.looseObject({ id: optId, name: optStr, href: optStr });

export const attributeCombinationPhotoSchema = z.looseObject({ id: ccvId, href: optStr, alt: optStr, is_mainphoto: optBool, deeplink: optStr });

/** A variant; CCV generates these from productattributevalues (reference/ccv-shop/README.md §6.4). Stock, SKU and EAN live here. */
export const attributeCombinationSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  product_id: optId,
  note: optStr,
  stock: optNum,
  /** Sum of the option prices; variant price = product price + this. */
  netto_extra_price: optNum,
  ordering_without_stock: optStr,
  product_number: optStr,
  ean_number: optStr,
  sku_number: optStr,
  delivery_time: optNum,
  delivery_time_type: optStr,
  delivery_default_text: optStr,
  active: optBool,
  combination: z
    .array(z.looseObject({ attribute: named.nullish(), attribute_value: named.nullish(), extra_price: optNum }))
    .nullish(),
  attributecombinationphotos: expandable(attributeCombinationPhotoSchema).nullish(),
});
export type AttributeCombination = z.output<typeof attributeCombinationSchema>;

/** `internal.resource.attributecombinations.patch.v1`. */
export const attributeCombinationPatchSchema = z.strictObject({
  note: z.string().optional(),
  stock: z.number().optional(),
  product_number: z.string().optional(),
  ean_number: z.string().optional(),
  sku_number: z.string().optional(),
  delivery_time: z.number().int().optional(),
  delivery_time_type: z.string().optional(),
  delivery_default_text: z.string().optional(),
  active: z.boolean().optional(),
});
export type AttributeCombinationPatch = z.input<typeof attributeCombinationPatchSchema>;

export class AttributeCombinationsResource {
  constructor(private readonly t: CcvTransport) {}

  /** Variants of a product (there is no POST: they are generated). */
  async *listForProduct(productId: number, opts: CallOptions & { expand?: readonly 'attributecombinationphotos'[] } = {}): AsyncGenerator<AttributeCombination> {
    const uri = this.t.uri(`products/${seg(productId)}/attributecombinations`, { expand: opts.expand });
    yield* collectionItems(this.t, uri, attributeCombinationSchema, `variants of product ${productId}`, opts);
  }

  async get(id: number, opts: CallOptions & { expand?: readonly 'attributecombinationphotos'[] } = {}): Promise<AttributeCombination> {
    return this.t.getJson(this.t.uri(`attributecombinations/${seg(id)}`, { expand: opts.expand }), attributeCombinationSchema, `variant ${id}`, opts);
  }

  /** Stock, SKU, EAN, ... of one variant: `PATCH /attributecombinations/:id/` → 204 (reference/ccv-shop/README.md §8). */
  async patch(id: number, input: AttributeCombinationPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`attributecombinations/${seg(id)}`);
    const body = validateInput(attributeCombinationPatchSchema, input, { method: 'PATCH', path: uri, subject: `variant ${id}`, what: 'a variant change' });
    await this.t.write('PATCH', uri, body, `variant ${id}`, opts);
  }
}
