import { z } from 'zod';
import { deltaParams, type DeltaFilter } from '../query';
import { bool, getOne, int, itemsOf, pagesOf, seg, str, withMetadata, type CallOptions, type PageOptions, type ResourceContext } from './support';

export const attributeSchema = z.looseObject({
  attributeID: str,
  description: str,
  controlType: str,
  internal: bool,
  entryMask: str,
  regExp: str,
  details: z.array(z.looseObject({ valueId: str, description: str, sortOrder: int, disabled: bool })).nullish(),
  createdDateTime: str,
  lastModifiedDateTime: str,
  ...withMetadata,
});
export type Attribute = z.infer<typeof attributeSchema>;

export interface AttributeListOptions extends PageOptions {
  attributeID?: string;
  controlType?: string;
  internal?: boolean;
  lastModified?: DeltaFilter;
  created?: DeltaFilter;
}

/** Attribute definitions (e.g. COLOR with its values): `/v1/attribute`. */
export class AttributesResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: AttributeListOptions = {}): AsyncGenerator<Attribute[]> {
    const overlap = this.ctx.config.deltaOverlapMs;
    const query = {
      attributeID: o.attributeID,
      controlType: o.controlType,
      internal: o.internal,
      ...deltaParams('lastModifiedDateTime', o.lastModified, overlap),
      ...deltaParams('createdDateTime', o.created, overlap),
    };
    return pagesOf(this.ctx, '/v1/attribute', attributeSchema, 'the attributes', query, o);
  }

  iterate(o: AttributeListOptions = {}): AsyncGenerator<Attribute> {
    return itemsOf(this.pages(o));
  }

  async get(attributeId: string, opts: CallOptions = {}): Promise<Attribute> {
    return getOne(this.ctx, `/v1/attribute/${seg(this.ctx, attributeId)}`, attributeSchema, `attribute '${attributeId}'`, opts);
  }
}
