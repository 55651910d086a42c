import { segment as seg } from '../uri';
import type { CallOptions, CcvTransport } from '../transport';
import { NamedResource } from './named';

/** Brands; names are unique (reference/ccv-shop/README.md §6.8). */
export class BrandsResource extends NamedResource {
  constructor(t: CcvTransport) {
    super(t, 'brands', 'brand');
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`brands/${seg(id)}`), undefined, `brand ${id}`, opts);
  }
}
