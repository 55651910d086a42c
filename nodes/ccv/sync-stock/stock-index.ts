import type { CcvClient, Page, Product } from '../../../connectors/ccv-shop/index';
import { findStockTarget } from './stock-target';
import type { StockTarget, TargetChoice } from './stock-target';

const norm = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

/**
 * Where each SKU's stock lives in the shop, for SKUs the id map does not know (a first stock sync, a new machine).
 * The first unknown SKU reads the first page of the product list with its variants (`expand=attributecombinations`):
 * a small shop is then known completely, stock figures included, for one call. In a larger shop the next few SKUs
 * are looked up one by one; from the next one on the rest of the list is read, so a first sync of many SKUs costs a
 * call per page of products instead of one or more per SKU (variants are otherwise found through productqueries,
 * which allows 30 calls a minute).
 */
export class StockIndex {
  private lookups = 0;
  private pages: AsyncGenerator<Page<Product>> | undefined;
  private first: Promise<boolean> | undefined;
  private rest: Promise<void> | undefined;
  private readonly products = new Map<string, StockTarget & { kind: 'product' }>();
  private readonly variants = new Map<string, StockTarget & { kind: 'variant' }>();

  constructor(
    private readonly client: CcvClient,
    private readonly signal: AbortSignal,
    private readonly singleLookups = 20,
  ) {}

  async find(sku: string, choice: TargetChoice): Promise<StockTarget | undefined> {
    const complete = await (this.first ??= this.readFirstPage());
    if (!complete && this.rest === undefined && this.lookups < this.singleLookups) {
      this.lookups++;
      return findStockTarget(this.client, sku, choice, this.signal);
    }
    if (!complete) await (this.rest ??= this.readRest());
    const key = norm(sku);
    if (choice !== 'variant') {
      const product = this.products.get(key);
      if (product) return product;
      if (choice === 'product') return undefined;
    }
    return this.variants.get(key);
  }

  private add(page: Page<Product>): void {
    for (const p of page.items) {
      const number = norm(p.productnumber);
      // An exact product number wins over one that differs in case: the first product of a number is kept.
      if (number && !this.products.has(number)) this.products.set(number, { kind: 'product', productId: p.id, stock: p.stock ?? undefined, stockenabled: p.stockenabled ?? undefined });
      for (const c of p.attributecombinations?.collection ?? []) {
        const target = { kind: 'variant' as const, combinationId: c.id, productId: p.id, stock: c.stock ?? undefined };
        for (const sku of [c.sku_number, c.product_number]) {
          const k = norm(sku);
          if (k && !this.variants.has(k)) this.variants.set(k, target);
        }
      }
    }
  }

  private async readFirstPage(): Promise<boolean> {
    this.pages = this.client.products.pages({ expand: ['attributecombinations'] }, { signal: this.signal });
    const page = await this.pages.next();
    if (page.done) return true;
    this.add(page.value);
    return page.value.next === undefined || page.value.items.length === 0;
  }

  private async readRest(): Promise<void> {
    if (!this.pages) return;
    for await (const page of this.pages) this.add(page);
  }
}
