import type { CcvClient, Page, ProductNumber } from '../../../connectors/ccv-shop/index';
import { RecordProblem } from '../../shared/batch-writer';

/** The shop's product numbers: ids per trimmed number, and the numbers by lower case for CCV's case-insensitive match. */
class Numbers {
  private readonly ids = new Map<string, number[]>();
  private readonly lower = new Map<string, string>();

  add(number: string, id: number): void {
    const key = number.trim();
    if (!key) return;
    const ids = this.ids.get(key);
    if (ids) {
      if (!ids.includes(id)) ids.push(id);
    } else this.ids.set(key, [id]);
    if (!this.lower.has(key.toLowerCase())) this.lower.set(key.toLowerCase(), key);
  }

  remove(number: string, id: number): void {
    const key = number.trim();
    const ids = (this.ids.get(key) ?? []).filter((i) => i !== id);
    if (ids.length) this.ids.set(key, ids);
    else {
      this.ids.delete(key);
      if (this.lower.get(key.toLowerCase()) === key) this.lower.delete(key.toLowerCase());
    }
  }

  /** Exact match first; else a number that differs only in case. */
  lookup(number: string): number[] | undefined {
    return this.ids.get(number) ?? this.ids.get(this.lower.get(number.toLowerCase()) ?? '');
  }
}

/**
 * Which products the shop has, for records the id map does not know (a first sync, a new machine, a product made in
 * the shop by hand), read with as few calls as the shop's size allows. The first unknown record reads the first page
 * of the shop's product list (only id and number of each): a small shop is then known completely, for one call. In a
 * larger shop the next few records are looked up one by one (`GET /products?productnumber=`), so that a run with a
 * handful of new products does not read a big catalogue; from the next one on the rest of the list is read, so a
 * first sync of many products costs a call per page of the shop, not one per product. What this run creates is added.
 */
export class ProductIndex {
  private lookups = 0;
  private pages: AsyncGenerator<Page<ProductNumber>> | undefined;
  private first: Promise<boolean> | undefined;
  private rest: Promise<void> | undefined;
  private readonly numbers = new Numbers();

  constructor(
    private readonly client: CcvClient,
    private readonly signal: AbortSignal,
    /** Lookups one by one in a shop larger than one page, before the whole list is read. */
    private readonly singleLookups = 20,
  ) {}

  /** The id of the product with this number, or undefined; two products with the same number are a problem of the record. */
  async find(productnumber: string): Promise<number | undefined> {
    const wanted = productnumber.trim();
    if (!wanted) return undefined;
    const complete = await (this.first ??= this.readFirstPage());
    if (!complete && this.rest === undefined && this.lookups < this.singleLookups) {
      this.lookups++;
      return (await this.client.products.findByNumber(wanted, { signal: this.signal }))?.id;
    }
    if (!complete) await (this.rest ??= this.readRest());
    const ids = this.numbers.lookup(wanted);
    if (ids && ids.length > 1) {
      throw new RecordProblem(`Product number "${wanted}" is used by more than one product in the shop (ids ${ids.join(', ')}). Give each product its own number in CCV Shop, then run again.`, 'productnumber');
    }
    return ids?.[0];
  }

  /** A product this run created, so a later record with the same number updates it. */
  add(productnumber: string, id: number): void {
    this.numbers.add(productnumber, id);
  }

  /** A product that turned out to be gone from the shop. */
  forget(productnumber: string, id: number): void {
    this.numbers.remove(productnumber, id);
  }

  /** Reads the first page; true when that was the whole list. */
  private async readFirstPage(): Promise<boolean> {
    this.pages = this.client.products.numbers({ signal: this.signal });
    const page = await this.pages.next();
    if (page.done) return true;
    for (const p of page.value.items) this.numbers.add(p.productnumber ?? '', p.id);
    return page.value.next === undefined || page.value.items.length === 0;
  }

  private async readRest(): Promise<void> {
    if (!this.pages) return;
    for await (const page of this.pages) for (const p of page.items) this.numbers.add(p.productnumber ?? '', p.id);
  }
}
