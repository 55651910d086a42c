import { createResource, type CreateOptions } from '../create';
import { CcvApiError } from '../errors';
import { collectionItems, collectionPages, type Page } from '../paging';
import { validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg, type QueryInput } from '../uri';
import {
  productCreateSchema,
  productPatchSchema,
  productSchema,
  type Product,
  type ProductCreate,
  type ProductExpand,
  type ProductFilters,
  type ProductPatch,
} from './product-schemas';

/** Search keys of `GET /productqueries/` (products and variants; 30 calls a minute). */
export interface ProductQuery {
  productnumber?: string;
  eannumber?: string;
  mpnnumber?: string;
  skunumber?: string;
}

export class ProductsResource {
  constructor(private readonly t: CcvTransport) {}

  private listUri(filters: ProductFilters): string {
    const { expand, orderby, ...rest } = filters;
    if (rest.productname !== undefined && rest.productname.trim().length < 3) {
      throw new CcvApiError({ kind: 'validation', code: 'invalid-input', method: 'GET', path: '/products/', message: `Product search: the name filter "${rest.productname}" must have at least 3 characters (CCV Shop rule).` });
    }
    const query: QueryInput = { ...rest, start: 0, size: this.t.config.pageSize, expand, orderby };
    return this.t.uri('products', query);
  }

  /** All products matching the filters, one page in memory at a time (trashed products are not listed). */
  async *iterate(filters: ProductFilters = {}, opts: CallOptions = {}): AsyncGenerator<Product> {
    yield* collectionItems(this.t, this.listUri(filters), productSchema, 'product list', opts);
  }

  /** The same as `iterate`, as batches (one page each). */
  async *pages(filters: ProductFilters = {}, opts: CallOptions = {}): AsyncGenerator<Page<Product>> {
    yield* collectionPages(this.t, this.listUri(filters), productSchema, 'product list', opts);
  }

  async get(id: number, opts: CallOptions & { expand?: readonly ProductExpand[] } = {}): Promise<Product> {
    return this.t.getJson(this.t.uri(`products/${seg(id)}`, { expand: opts.expand }), productSchema, `product ${id}`, opts);
  }

  /**
   * The product with this product number (SKU), or undefined. An exact match wins over a case-insensitive
   * one; two products with the same number are reported, because a sync cannot tell which one is meant.
   */
  async findByNumber(productnumber: string, opts: CallOptions & { expand?: readonly ProductExpand[] } = {}): Promise<Product | undefined> {
    const wanted = productnumber.trim();
    if (!wanted) return undefined;
    const exact: Product[] = [];
    let loose: Product | undefined;
    for await (const p of this.iterate({ productnumber: wanted, expand: opts.expand }, opts)) {
      const number = (p.productnumber ?? '').trim();
      if (number === wanted) exact.push(p);
      else if (!loose && number.toLowerCase() === wanted.toLowerCase()) loose = p;
      if (exact.length > 1) {
        throw new CcvApiError({
          kind: 'validation',
          code: 'duplicate-productnumber',
          method: 'GET',
          path: this.listUri({ productnumber: wanted }),
          message: `Product number "${wanted}" is used by more than one product in the shop (ids ${exact.map((e) => e.id).join(', ')}). Give each product its own number in CCV Shop, then run again.`,
        });
      }
    }
    return exact[0] ?? loose;
  }

  /** Searches products and variants by SKU/EAN/MPN/number (`GET /productqueries/`). */
  async *query(query: ProductQuery, opts: CallOptions = {}): AsyncGenerator<Product> {
    if (!Object.values(query).some((v) => v !== undefined && v !== '')) {
      throw new CcvApiError({ kind: 'validation', code: 'invalid-input', method: 'GET', path: '/productqueries/', message: 'Product query: give at least one of productnumber, eannumber, mpnnumber or skunumber.' });
    }
    const uri = this.t.uri('productqueries', { ...query, start: 0, size: this.t.config.pageSize });
    yield* collectionItems(this.t, uri, productSchema, 'product query', opts);
  }

  /** Creates a product. With a productnumber, a POST that may have landed is found again by that number. */
  async create(input: ProductCreate, opts: CreateOptions<Product> = {}): Promise<Product> {
    const uri = this.t.uri('products');
    const subject = input.productnumber ? `product "${input.productnumber}"` : `product "${input.name}"`;
    const body = validateInput(productCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a new product' });
    const number = body.productnumber;
    const findExisting = opts.findExisting ?? (number ? () => this.findByNumber(number, opts) : undefined);
    return createResource(this.t, uri, body, productSchema, subject, { ...opts, findExisting });
  }

  /** Changes fields; send only what changed. `{stock}` updates the stock of a simple product (reference/ccv-shop/README.md §8). */
  async patch(id: number, input: ProductPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`products/${seg(id)}`);
    const body = validateInput(productPatchSchema, input, { method: 'PATCH', path: uri, subject: `product ${id}`, what: 'a product change' });
    await this.t.write('PATCH', uri, body, `product ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`products/${seg(id)}`), undefined, `product ${id}`, opts);
  }
}
