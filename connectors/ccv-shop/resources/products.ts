import { createFromJson, type CreateOptions } from '../create';
import { CcvApiError } from '../errors';
import { collectionItems, collectionPages, type Page } from '../paging';
import { bodyOf, CheckedBody } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg, type QueryInput } from '../uri';
import {
  productCreateSchema,
  productPatchSchema,
  productNumberSchema,
  productSchema,
  type Product,
  type ProductNumber,
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

  /**
   * Every product's id and number, a page at a time, for knowing what the shop has without one call per product.
   * Only `id` and `productnumber` of each item are read.
   */
  numbers(opts: CallOptions = {}): AsyncGenerator<Page<ProductNumber>> {
    const uri = this.t.uri('products', { start: 0, size: this.t.config.pageSize });
    return collectionPages(this.t, uri, productNumberSchema, 'product list', opts);
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

  /** Checks a new product against CCV's POST schema once; `create` then sends it without checking it again. */
  checkCreate(input: unknown) {
    return CheckedBody.check(productCreateSchema, input);
  }

  /** Checks a product change against CCV's PATCH schema once; `patch` then sends it without checking it again. */
  checkPatch(input: unknown) {
    return CheckedBody.check(productPatchSchema, input);
  }

  /** Creates a product. With a productnumber, a POST that may have landed is found again by that number. */
  async create(input: ProductCreate | CheckedBody<ProductCreate>, opts: CreateOptions<Product> = {}): Promise<Product> {
    const { uri, subject, json, findExisting } = this.createSpec(input, opts);
    return createFromJson(this.t, uri, json, productSchema, subject, { ...opts, findExisting });
  }

  /**
   * `create`, answering only the new product's id and number: the rest of CCV's answer (the whole product) is not
   * parsed, which a sync of many products does not need.
   */
  async createReturningId(input: ProductCreate | CheckedBody<ProductCreate>, opts: CreateOptions<ProductNumber> = {}): Promise<ProductNumber> {
    const { uri, subject, json, findExisting } = this.createSpec(input, opts);
    return createFromJson(this.t, uri, json, productNumberSchema, subject, { ...opts, findExisting });
  }

  private createSpec<T>(input: ProductCreate | CheckedBody<ProductCreate>, opts: CreateOptions<T>) {
    const uri = this.t.uri('products');
    const plain = input instanceof CheckedBody ? input.value : input;
    const subject = plain.productnumber ? `product "${plain.productnumber}"` : `product "${plain.name}"`;
    const { value, json } = bodyOf(productCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a new product' });
    const number = value.productnumber;
    const findExisting = opts.findExisting ?? (number ? () => this.findByNumber(number, opts) : undefined);
    return { uri, subject, json, findExisting };
  }

  /** Changes fields; send only what changed. `{stock}` updates the stock of a simple product (reference/ccv-shop/README.md §8). */
  async patch(id: number, input: ProductPatch | CheckedBody<ProductPatch>, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`products/${seg(id)}`);
    const { json } = bodyOf(productPatchSchema, input, { method: 'PATCH', path: uri, subject: `product ${id}`, what: 'a product change' });
    await this.t.writeJson('PATCH', uri, json, `product ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`products/${seg(id)}`), undefined, `product ${id}`, opts);
  }
}
