import { z } from 'zod';
import { classAttributeSchema } from './customer-schemas';
import { getOne, itemsOf, pagesOf, seg, str, withMetadata, type CallOptions, type PageOptions, type ResourceContext } from './support';

/** ItemClassDto: the class of an item, with the attribute definitions its items carry. */
export const itemClassSchema = z.looseObject({
  id: str,
  description: str,
  type: str,
  attributes: z.array(classAttributeSchema).nullish(),
  ...withMetadata,
});
export type ItemClass = z.infer<typeof itemClassSchema>;

/** Item classes: `/v1/inventory/itemClass` (paged); one class at `/v1/inventory/itemclass/{id}` (lower-case c). */
export class ItemClassesResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(opts: PageOptions = {}): AsyncGenerator<ItemClass[]> {
    return pagesOf(this.ctx, '/v1/inventory/itemClass', itemClassSchema, 'the item classes', {}, opts);
  }

  iterate(opts: PageOptions = {}): AsyncGenerator<ItemClass> {
    return itemsOf(this.pages(opts));
  }

  async get(itemClassNumber: string, opts: CallOptions = {}): Promise<ItemClass> {
    return getOne(this.ctx, `/v1/inventory/itemclass/${seg(this.ctx, itemClassNumber)}`, itemClassSchema, `item class '${itemClassNumber}'`, opts);
  }
}
