import { z } from 'zod';
import { deltaParams, type DeltaFilter } from '../query';
import { bool, getOne, listAll, seg, str, type CallOptions, type ResourceContext } from './support';

export const paymentMethodSchema = z.looseObject({
  paymentMethodID: str,
  active: bool,
  meansOfPayment: str,
  description: str,
  useInAP: bool,
  details: z.array(z.looseObject({ detailID: str, description: str, bankingDetailType: str })).nullish(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** Payment methods: `/v1/paymentmethod` (not paged). */
export class PaymentMethodsResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(o: CallOptions & { lastModified?: DeltaFilter } = {}): Promise<PaymentMethod[]> {
    return listAll(this.ctx, '/v1/paymentmethod', paymentMethodSchema, 'the payment methods', {
      signal: o.signal,
      query: deltaParams('lastModifiedDateTime', o.lastModified, this.ctx.config.deltaOverlapMs),
    });
  }

  async get(paymentMethodNumber: string, opts: CallOptions = {}): Promise<PaymentMethod> {
    return getOne(this.ctx, `/v1/paymentmethod/${seg(this.ctx, paymentMethodNumber)}`, paymentMethodSchema, `payment method '${paymentMethodNumber}'`, opts);
  }
}
