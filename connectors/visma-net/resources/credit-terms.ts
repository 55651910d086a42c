import { z } from 'zod';
import { paginationObjectPages, itemsOf } from '../paging';
import { deltaParams, type DeltaFilter } from '../query';
import { int, num, str, type PageOptions, type ResourceContext } from './support';

export const creditTermSchema = z.looseObject({
  termsId: str,
  description: str,
  visibleTo: str,
  dueDateType: str,
  dueDay1: int,
  discountType: str,
  discountDay: int,
  discountPercent: num,
  delayDays: int,
  instalmentType: str,
  createdDateTime: str,
  lastModifiedDateTime: str,
});
export type CreditTerm = z.infer<typeof creditTermSchema>;

/** `BasePaginationDtoOfCreditTermDto`: this list answers with an object, not an array (reference/visma-net/README.md §5.1). */
const creditTermPageSchema = z.looseObject({
  pageNumber: int,
  pageSize: int,
  totalCount: int,
  records: z.array(creditTermSchema).nullish(),
});

export interface CreditTermListOptions extends PageOptions {
  termsId?: string;
  lastModified?: DeltaFilter;
  created?: DeltaFilter;
}

/** Credit (payment) terms: `/v1/creditTerm`. */
export class CreditTermsResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: CreditTermListOptions = {}): AsyncGenerator<CreditTerm[]> {
    const overlap = this.ctx.config.deltaOverlapMs;
    const query = { termsId: o.termsId, ...deltaParams('lastModifiedDateTime', o.lastModified, overlap), ...deltaParams('createdDateTime', o.created, overlap) };
    return paginationObjectPages(async (pageNumber, pageSize) => {
      const { data } = await this.ctx.transport.json(
        { service: 'main', method: 'GET', path: '/v1/creditTerm', query: { ...query, pageNumber, pageSize }, what: 'the credit terms', signal: o.signal },
        creditTermPageSchema,
      );
      return data;
    }, o.pageSize ?? this.ctx.config.pageSize);
  }

  iterate(o: CreditTermListOptions = {}): AsyncGenerator<CreditTerm> {
    return itemsOf(this.pages(o));
  }
}
