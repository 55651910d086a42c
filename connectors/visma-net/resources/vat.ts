import { z } from 'zod';
import { deltaParams, type DeltaFilter } from '../query';
import { bool, getOne, itemsOf, listAll, num, pagesOf, seg, str, withMetadata, type CallOptions, type PageOptions, type ResourceContext } from './support';

/** VatCategoryDto: the VAT category an item or line carries (e.g. "03"); zone + category give the VAT id. */
export const vatCategorySchema = z.looseObject({
  vatCategoryId: str,
  description: str,
  active: bool,
  excludeListedTaxes: bool,
  lastModifiedDateTime: str,
  vatCategoryLines: z.array(z.looseObject({ vatId: str, vendorCd: str, description: str, type: str })).nullish(),
});
export type VatCategory = z.infer<typeof vatCategorySchema>;

export const vatZoneSchema = z.looseObject({
  id: str,
  description: str,
  defaultVatCategory: str,
  defaultTaxCategory: z.looseObject({ number: str, description: str }).nullish(),
  ...withMetadata,
});
export type VatZone = z.infer<typeof vatZoneSchema>;

/** VatInformationDto (`/v1/vat`): a VAT code with its rate schedule. */
export const vatCodeSchema = z.looseObject({
  vatId: str,
  description: str,
  type: str,
  reverseVat: bool,
  includeinVatTotal: bool,
  includeinVatExemptTotal: bool,
  vismaXmlVatType: str,
  notValidAfter: str,
  lastModifiedDateTime: str,
  schedules: z
    .array(z.looseObject({ startDate: str, vatRate: num, minTaxableAmt: num, maxTaxableAmt: num, reportingGroup: str, deductibleVatRate: num, groupType: str }))
    .nullish(),
  categories: z.array(vatCategorySchema).nullish(),
  zones: z.array(vatZoneSchema).nullish(),
});
export type VatCode = z.infer<typeof vatCodeSchema>;

/** VAT categories: `/v1/vatCategory` (not paged). */
export class VatCategoriesResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(o: CallOptions & { vendorCd?: string; lastModified?: DeltaFilter; created?: DeltaFilter } = {}): Promise<VatCategory[]> {
    const overlap = this.ctx.config.deltaOverlapMs;
    return listAll(this.ctx, '/v1/vatCategory', vatCategorySchema, 'the VAT categories', {
      signal: o.signal,
      query: { vendorCd: o.vendorCd, ...deltaParams('lastModifiedDateTime', o.lastModified, overlap), ...deltaParams('createdDateTime', o.created, overlap) },
    });
  }

  async get(taxCategoryId: string, opts: CallOptions = {}): Promise<VatCategory> {
    return getOne(this.ctx, `/v1/vatCategory/${seg(this.ctx, taxCategoryId)}`, vatCategorySchema, `VAT category '${taxCategoryId}'`, opts);
  }
}

/** VAT zones: `/v1/vatZone` (paged). */
export class VatZonesResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(opts: PageOptions = {}): AsyncGenerator<VatZone[]> {
    return pagesOf(this.ctx, '/v1/vatZone', vatZoneSchema, 'the VAT zones', {}, opts);
  }

  iterate(opts: PageOptions = {}): AsyncGenerator<VatZone> {
    return itemsOf(this.pages(opts));
  }

  async get(vatZoneId: string, opts: CallOptions = {}): Promise<VatZone> {
    return getOne(this.ctx, `/v1/vatZone/${seg(this.ctx, vatZoneId)}`, vatZoneSchema, `VAT zone '${vatZoneId}'`, opts);
  }
}

/** VAT codes (ids) with rates: `/v1/vat` (not paged). */
export class VatCodesResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(o: CallOptions & { lastModified?: DeltaFilter } = {}): Promise<VatCode[]> {
    return listAll(this.ctx, '/v1/vat', vatCodeSchema, 'the VAT codes', {
      signal: o.signal,
      query: deltaParams('lastModifiedDateTime', o.lastModified, this.ctx.config.deltaOverlapMs),
    });
  }

  async get(vatId: string, opts: CallOptions = {}): Promise<VatCode> {
    return getOne(this.ctx, `/v1/vat/${seg(this.ctx, vatId)}`, vatCodeSchema, `VAT code '${vatId}'`, opts);
  }
}

/** The rate (percent) of a VAT code on a date: the latest schedule that started on or before it. */
export function vatRateOn(code: VatCode, date: Date): number | undefined {
  let best: { start: number; rate: number } | undefined;
  for (const s of code.schedules ?? []) {
    if (s.vatRate == null) continue;
    const start = s.startDate ? Date.parse(s.startDate) : 0;
    if (Number.isNaN(start) || start > date.getTime()) continue;
    if (!best || start >= best.start) best = { start, rate: s.vatRate };
  }
  return best?.rate;
}
