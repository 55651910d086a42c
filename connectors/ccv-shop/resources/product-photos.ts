import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, link, optBool, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

export const productPhotoSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  filename: optStr,
  alttext: optStr,
  is_mainphoto: optBool,
  /** Image URL. */
  deeplink: optStr,
  parent: link.nullish(),
});
export type ProductPhoto = z.output<typeof productPhotoSchema>;

/** Raw base64: CCV rejects the `data:image/png;base64,` prefix (reference/ccv-shop/README.md §9.9), so it is removed here. */
const base64Source = z
  .string()
  .transform((s) => s.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, ''))
  .pipe(z.string().min(1, 'the image is empty').regex(/^[A-Za-z0-9+/]+={0,2}$/, 'is not base64 image data'));

/** `internal.resource.productphotos.post.v1`. */
export const productPhotoCreateSchema = z.strictObject({
  /** File extension: jpg, png, gif, ... */
  file_type: z.string().trim().min(1).transform((s) => s.replace(/^\./, '').toLowerCase()),
  source: base64Source,
  alttext: z.string().optional(),
  is_mainphoto: z.boolean().optional(),
});
export type ProductPhotoCreate = z.input<typeof productPhotoCreateSchema>;

/** `internal.resource.productphotos.patch.v1`: only alt text and main-photo flag can change. */
export const productPhotoPatchSchema = z.strictObject({
  alttext: z.string().optional(),
  is_mainphoto: z.boolean().optional(),
});
export type ProductPhotoPatch = z.input<typeof productPhotoPatchSchema>;

export class ProductPhotosResource {
  constructor(private readonly t: CcvTransport) {}

  /** All photos of a product. */
  async *list(productId: number, opts: CallOptions & { orderby?: 'id' | 'id_desc' | 'ismainphoto' | 'ismainphoto_desc' } = {}): AsyncGenerator<ProductPhoto> {
    const uri = this.t.uri(`products/${seg(productId)}/productphotos`, { orderby: opts.orderby });
    yield* collectionItems(this.t, uri, productPhotoSchema, `photos of product ${productId}`, opts);
  }

  async get(photoId: number, opts: CallOptions = {}): Promise<ProductPhoto> {
    return this.t.getJson(this.t.uri(`productphotos/${seg(photoId)}`), productPhotoSchema, `photo ${photoId}`, opts);
  }

  /**
   * Adds one photo. A POST that may have landed is checked against the photo list taken just before
   * (a new photo with the same alt text counts as the one we sent), unless `findExisting` is given.
   */
  async create(productId: number, input: ProductPhotoCreate, opts: CreateOptions<ProductPhoto> = {}): Promise<ProductPhoto> {
    const uri = this.t.uri(`products/${seg(productId)}/productphotos`);
    const subject = `a photo of product ${productId}`;
    const body = validateInput(productPhotoCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a product photo' });
    let findExisting = opts.findExisting;
    if (!findExisting) {
      const before = new Set<number>();
      for await (const p of this.list(productId, opts)) before.add(p.id);
      findExisting = async () => {
        for await (const p of this.list(productId, opts)) {
          if (!before.has(p.id) && (p.alttext ?? '') === (body.alttext ?? '')) return p;
        }
        return undefined;
      };
    }
    return createResource(this.t, uri, body, productPhotoSchema, subject, { ...opts, findExisting });
  }

  /** Replaces all photos of the product (PUT; an empty list deletes them all). */
  async replaceAll(productId: number, photos: readonly ProductPhotoCreate[], opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`products/${seg(productId)}/productphotos`);
    const body = validateInput(z.strictObject({ productphotos: z.array(productPhotoCreateSchema) }), { productphotos: photos }, { method: 'PUT', path: uri, subject: `photos of product ${productId}`, what: 'the photo list' });
    await this.t.write('PUT', uri, body, `photos of product ${productId}`, opts);
  }

  async patch(photoId: number, input: ProductPhotoPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`productphotos/${seg(photoId)}`);
    const body = validateInput(productPhotoPatchSchema, input, { method: 'PATCH', path: uri, subject: `photo ${photoId}`, what: 'a photo change' });
    await this.t.write('PATCH', uri, body, `photo ${photoId}`, opts);
  }

  async delete(photoId: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`productphotos/${seg(photoId)}`), undefined, `photo ${photoId}`, opts);
  }
}
