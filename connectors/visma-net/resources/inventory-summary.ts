import { z } from 'zod';
import { inventorySummarySchema, type InventorySummary } from './inventory-schemas';
import { getOne, seg, type CallOptions, type ResourceContext } from './support';

/** Detailed stock of one item per warehouse/location: `/v1/inventorysummary/{inventoryNumber}`. */
export class InventorySummaryResource {
  constructor(private readonly ctx: ResourceContext) {}

  async get(inventoryNumber: string, o: CallOptions & { warehouse?: string; location?: string } = {}): Promise<InventorySummary[]> {
    return getOne(this.ctx, `/v1/inventorysummary/${seg(this.ctx, inventoryNumber)}`, z.array(inventorySummarySchema), `the stock of item '${inventoryNumber}'`, {
      signal: o.signal,
      query: { warehouse: o.warehouse, location: o.location },
    });
  }
}
