import { customerClassSchema, type CustomerClass } from './customer-schemas';
import { getOne, listAll, seg, type CallOptions, type ResourceContext } from './support';

/** Customer classes: `/v1/customer/customerClass` (not paged). */
export class CustomerClassesResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(opts: CallOptions = {}): Promise<CustomerClass[]> {
    return listAll(this.ctx, '/v1/customer/customerClass', customerClassSchema, 'the customer classes', opts);
  }

  async get(customerClassId: string, opts: CallOptions = {}): Promise<CustomerClass> {
    return getOne(this.ctx, `/v1/customer/customerClass/${seg(this.ctx, customerClassId)}`, customerClassSchema, `customer class '${customerClassId}'`, opts);
  }
}
