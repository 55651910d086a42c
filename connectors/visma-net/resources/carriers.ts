import { z } from 'zod';
import { deltaParams, type DeltaFilter } from '../query';
import { getOne, itemsOf, pagesOf, seg, str, withMetadata, type CallOptions, type PageOptions, type ResourceContext } from './support';

export const carrierSchema = z.looseObject({ carrierId: str, carrierDescription: str, lastModifiedDateTime: str, ...withMetadata });
export type Carrier = z.infer<typeof carrierSchema>;

/** Carriers (ship via): `/v1/carrier` (paged). */
export class CarriersResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: PageOptions & { lastModified?: DeltaFilter } = {}): AsyncGenerator<Carrier[]> {
    const query = deltaParams('lastModifiedDateTime', o.lastModified, this.ctx.config.deltaOverlapMs);
    return pagesOf(this.ctx, '/v1/carrier', carrierSchema, 'the carriers', query, o);
  }

  iterate(o: PageOptions & { lastModified?: DeltaFilter } = {}): AsyncGenerator<Carrier> {
    return itemsOf(this.pages(o));
  }

  async get(carrierName: string, opts: CallOptions = {}): Promise<Carrier> {
    return getOne(this.ctx, `/v1/carrier/${seg(this.ctx, carrierName)}`, carrierSchema, `carrier '${carrierName}'`, opts);
  }
}
