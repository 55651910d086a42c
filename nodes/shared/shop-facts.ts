import type { CcvClient } from '../../connectors/ccv-shop/index';
import { recordProblem } from './messages';

/**
 * Shop settings a writing node needs, read once per run and only when first needed: whether product prices
 * include VAT (`prices_include_vat`) and the first shipping package (every product needs a `package_id`).
 */
export class ShopFacts {
  private vat: Promise<boolean> | undefined;
  private pkg: Promise<number | undefined> | undefined;

  constructor(
    private readonly client: CcvClient,
    private readonly signal: AbortSignal,
    private readonly log: (message: string) => void,
  ) {}

  pricesIncludeVat(): Promise<boolean> {
    this.vat ??= (async () => {
      const shop = await this.client.webshops.current({ signal: this.signal });
      const settings = await this.client.webshops.settings(shop.id, { signal: this.signal });
      // Dutch shops show consumer prices; when the setting is missing, assume prices include VAT [I].
      const incl = settings.prices_include_vat ?? true;
      this.log(`The shop's prices ${incl ? 'include' : 'exclude'} VAT (setting prices_include_vat).`);
      return incl;
    })();
    return this.vat;
  }

  async firstPackageId(): Promise<number> {
    this.pkg ??= (async () => {
      for await (const p of this.client.packages.iterate({ signal: this.signal })) return p.id;
      return undefined;
    })();
    const id = await this.pkg;
    if (id === undefined) {
      throw recordProblem('product.noPackage', {}, 'package_id');
    }
    return id;
  }
}
