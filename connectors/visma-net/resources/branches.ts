import { z } from 'zod';
import { deltaParams, type DeltaFilter } from '../query';
import { addressSchema, bool, contactInfoSchema, getOne, idDescription, idName, int, listAll, seg, str, type CallOptions, type ResourceContext } from './support';

export const branchSchema = z.looseObject({
  branchId: int,
  number: str,
  name: str,
  isMainBranch: bool,
  isActive: bool,
  corporateId: str,
  vatRegistrationId: str,
  mainAddress: addressSchema.nullish(),
  mainContact: contactInfoSchema.nullish(),
  defaultCountry: idName.nullish(),
  currency: z.looseObject({ id: str, description: str, symbol: str }).nullish(),
  vatZone: idDescription.nullish(),
  ledger: idDescription.nullish(),
  lastModifiedDateTime: str,
});
export type Branch = z.infer<typeof branchSchema>;

export interface BranchExpand {
  address?: boolean;
  contact?: boolean;
  currency?: boolean;
  vatZone?: boolean;
  ledger?: boolean;
  defaultCountry?: boolean;
}

const expandQuery = (e: BranchExpand = {}) => ({
  expandAddress: e.address,
  expandContact: e.contact,
  expandCurrency: e.currency,
  expandVatZone: e.vatZone,
  expandLedger: e.ledger,
  expandDefaultCountry: e.defaultCountry,
});

/** Branches: `/v1/branch` (not paged). */
export class BranchesResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(o: CallOptions & { expand?: BranchExpand; lastModified?: DeltaFilter } = {}): Promise<Branch[]> {
    return listAll(this.ctx, '/v1/branch', branchSchema, 'the branches', {
      signal: o.signal,
      query: { ...deltaParams('lastModifiedDateTime', o.lastModified, this.ctx.config.deltaOverlapMs), ...expandQuery(o.expand) },
    });
  }

  async get(branchNumber: string, o: CallOptions & { expand?: BranchExpand } = {}): Promise<Branch> {
    return getOne(this.ctx, `/v1/branch/${seg(this.ctx, branchNumber)}`, branchSchema, `branch '${branchNumber}'`, { signal: o.signal, query: expandQuery(o.expand) });
  }
}
