import type { CcvTransport } from '../transport';
import { NamedResource } from './named';

/** Shipping packages; every product needs a `package_id` (reference/ccv-shop/README.md §6.8). There is no DELETE. */
export class PackagesResource extends NamedResource {
  constructor(t: CcvTransport) {
    super(t, 'packages', 'package');
  }
}
