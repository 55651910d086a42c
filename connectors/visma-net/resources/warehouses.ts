import { z } from 'zod';
import { bool, getOne, itemsOf, numberName, pagesOf, seg, str, withMetadata, type CallOptions, type PageOptions, type ResourceContext } from './support';

export const warehouseSchema = z.looseObject({
  warehouseID: str,
  description: str,
  active: bool,
  branch: numberName.nullish(),
  locations: z.array(z.looseObject({ locationId: str, description: str, active: bool, inclQtyAvail: bool, salesValid: bool })).nullish(),
  timestamp: str,
  ...withMetadata,
});
export type Warehouse = z.infer<typeof warehouseSchema>;

/** Warehouses: `/v1/warehouse` (paged). */
export class WarehousesResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: PageOptions & { active?: boolean; branch?: string } = {}): AsyncGenerator<Warehouse[]> {
    return pagesOf(this.ctx, '/v1/warehouse', warehouseSchema, 'the warehouses', { active: o.active, branch: o.branch }, o);
  }

  iterate(o: PageOptions & { active?: boolean; branch?: string } = {}): AsyncGenerator<Warehouse> {
    return itemsOf(this.pages(o));
  }

  async get(warehouseId: string, opts: CallOptions = {}): Promise<Warehouse> {
    return getOne(this.ctx, `/v1/warehouse/${seg(this.ctx, warehouseId)}`, warehouseSchema, `warehouse '${warehouseId}'`, opts);
  }
}
