import { z } from 'zod';
import { bool, getOne, int, listAll, seg, str, type CallOptions, type ResourceContext } from './support';

export const currencySchema = z.looseObject({
  id: str,
  description: str,
  symbol: str,
  isBaseCurrency: bool,
  decimalPrecision: int,
  isUsedForAccounting: bool,
});
export type Currency = z.infer<typeof currencySchema>;

/** Currencies: `/v1/currency` (not paged). */
export class CurrenciesResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(opts: CallOptions = {}): Promise<Currency[]> {
    return listAll(this.ctx, '/v1/currency', currencySchema, 'the currencies', opts);
  }

  async get(currencyId: string, opts: CallOptions = {}): Promise<Currency> {
    return getOne(this.ctx, `/v1/currency/${seg(this.ctx, currencyId)}`, currencySchema, `currency '${currencyId}'`, opts);
  }
}
