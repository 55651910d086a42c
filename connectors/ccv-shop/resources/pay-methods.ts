import { z } from 'zod';
import { collectionItems } from '../paging';
import { ccvId, optBool, optNum, optStr } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';

/** `combined_name` is what appears in `order.paymethod` (reference/ccv-shop/README.md §6.6). */
export const payMethodSchema = z.looseObject({
  id: ccvId,
  psp: optStr,
  method: optStr,
  combined_name: optStr,
  label: optStr,
  extra_costs: optBool,
  extra_costs_fixed: optNum,
  extra_costs_percentage: optNum,
});
export type PayMethod = z.output<typeof payMethodSchema>;

export class PayMethodsResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(opts: CallOptions = {}): AsyncGenerator<PayMethod> {
    yield* collectionItems(this.t, this.t.uri('paymethods'), payMethodSchema, 'payment methods', opts);
  }
}
