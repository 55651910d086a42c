import { itemsOf, v3Pages } from '../paging';
import { availabilitySchema, v3PageSchema, type InventoryAvailability } from './sales-order-schemas';
import type { PageOptions, ResourceContext } from './support';

export interface AvailabilityOptions extends PageOptions {
  inventoryIds?: string[];
  warehouseIds?: string[];
  locationIds?: string[];
  /** `Location` and/or `Attribute`. */
  expand?: string[];
  /** When warehouse/location availability last changed; UTC unless the string has an offset. */
  modifiedSince?: Date | string;
  /** `attribute-id:value`, e.g. `WEBSHOP:1`; the same id twice means OR. */
  attributeFilter?: string[];
}

const page = v3PageSchema(availabilitySchema);

/** Stock per item and warehouse from the V3 service: `GET /api/v3/Inventory` (reference/visma-net/README.md §6.1). */
export class InventoryAvailabilityResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: AvailabilityOptions = {}): AsyncGenerator<InventoryAvailability[]> {
    const query = {
      inventoryId: o.inventoryIds,
      warehouseId: o.warehouseIds,
      locationId: o.locationIds,
      expand: o.expand?.length ? o.expand.join(',') : undefined,
      modifiedSince: o.modifiedSince,
      attributeFilter: o.attributeFilter,
    };
    return v3Pages(async (pageIndex, pageSize) => {
      const { data } = await this.ctx.transport.json(
        { service: 'v3', method: 'GET', path: '/api/v3/Inventory', query: { ...query, pageSize, pageIndex }, what: 'the stock availability', signal: o.signal },
        page,
      );
      return data;
    }, o.pageSize ?? this.ctx.config.pageSize);
  }

  iterate(o: AvailabilityOptions = {}): AsyncGenerator<InventoryAvailability> {
    return itemsOf(this.pages(o));
  }
}
