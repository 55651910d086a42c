import { z } from 'zod';
import { resolveConfig, type CcvConfig, type ResolvedConfig } from './config';
import { CcvApiError } from './errors';
import { optStr } from './schema-helpers';
import { CcvTransport, type CallOptions } from './transport';
import { AttributeCombinationsResource } from './resources/attribute-combinations';
import { AttributeValuesResource, AttributesResource } from './resources/attributes';
import { BrandsResource } from './resources/brands';
import { CategoriesResource } from './resources/categories';
import { OrderRowsResource } from './resources/order-rows';
import { OrdersResource } from './resources/orders';
import { PackagesResource } from './resources/packages';
import { PayMethodsResource } from './resources/pay-methods';
import { ProductAttributeValuesResource } from './resources/product-attribute-values';
import { ProductPhotosResource } from './resources/product-photos';
import { ProductPropertiesResource } from './resources/product-properties';
import { ProductToCategoriesResource } from './resources/product-to-categories';
import { ProductsResource } from './resources/products';
import { UsersResource } from './resources/users';
import { WebhooksResource } from './resources/webhooks';
import { WebshopsResource } from './resources/webshops';

/** `GET /api/rest/v1/`: the resources this key may use. */
const rootSchema = z.looseObject({ items: z.array(z.looseObject({ href: optStr, title: optStr, description: optStr, uri: optStr })) });

export type ConnectionTestResult =
  | { ok: true; resources: string[]; message: string }
  | { ok: false; kind: CcvApiError['kind'] | 'unknown'; message: string };

/** The CCV Shop REST API v1 client: signed, paced, retried, typed. */
export class CcvClient {
  readonly config: ResolvedConfig;
  /** Low-level signed requests, for resources without a typed wrapper. */
  readonly transport: CcvTransport;
  readonly products: ProductsResource;
  readonly productPhotos: ProductPhotosResource;
  readonly categories: CategoriesResource;
  readonly productToCategories: ProductToCategoriesResource;
  readonly attributes: AttributesResource;
  readonly attributeValues: AttributeValuesResource;
  readonly productAttributeValues: ProductAttributeValuesResource;
  readonly attributeCombinations: AttributeCombinationsResource;
  readonly productProperties: ProductPropertiesResource;
  readonly orders: OrdersResource;
  readonly orderRows: OrderRowsResource;
  readonly users: UsersResource;
  readonly payMethods: PayMethodsResource;
  readonly webshops: WebshopsResource;
  readonly packages: PackagesResource;
  readonly brands: BrandsResource;
  readonly webhooks: WebhooksResource;

  /** Closes the connections; the client sends nothing after this. */
  async close(): Promise<void> {
    await this.transport.http.close();
  }

  constructor(config: CcvConfig) {
    this.config = resolveConfig(config);
    const t = new CcvTransport(this.config);
    this.transport = t;
    this.products = new ProductsResource(t);
    this.productPhotos = new ProductPhotosResource(t);
    this.categories = new CategoriesResource(t);
    this.productToCategories = new ProductToCategoriesResource(t);
    this.attributes = new AttributesResource(t);
    this.attributeValues = new AttributeValuesResource(t);
    this.productAttributeValues = new ProductAttributeValuesResource(t);
    this.attributeCombinations = new AttributeCombinationsResource(t);
    this.productProperties = new ProductPropertiesResource(t);
    this.orders = new OrdersResource(t);
    this.orderRows = new OrderRowsResource(t);
    this.users = new UsersResource(t);
    this.payMethods = new PayMethodsResource(t);
    this.webshops = new WebshopsResource(t);
    this.packages = new PackagesResource(t);
    this.brands = new BrandsResource(t);
    this.webhooks = new WebhooksResource(t);
  }

  /** The API root: which resources this key may use. */
  async root(opts: CallOptions = {}): Promise<z.output<typeof rootSchema>> {
    return this.transport.getJson(this.transport.uri(''), rootSchema, 'the API root', opts);
  }

  /** "Test connection": one cheap signed GET of the API root, answered with a sentence for a person. */
  async test(opts: CallOptions = {}): Promise<ConnectionTestResult> {
    try {
      const root = await this.root(opts);
      const resources = root.items.map((i) => i.title ?? i.uri ?? i.href ?? '').filter((s) => s.length > 0);
      return { ok: true, resources, message: `Connected to CCV Shop at ${this.config.origin}; this key may use ${resources.length} resource${resources.length === 1 ? '' : 's'}.` };
    } catch (error) {
      if (error instanceof CcvApiError) return { ok: false, kind: error.kind, message: testSentence(error, this.config.origin) };
      return { ok: false, kind: 'unknown', message: `Could not test the connection to ${this.config.origin}: ${error instanceof Error ? error.name : 'unexpected error'}.` };
    }
  }
}

function testSentence(error: CcvApiError, origin: string): string {
  switch (error.kind) {
    case 'auth':
      return error.code?.startsWith('response-')
        ? error.message
        : `CCV Shop at ${origin} did not accept the API keys. Check the public and secret key, and that this PC's clock is right (CCV allows 5 minutes).`;
    case 'forbidden':
      return `The API key works, but may not read the API root. Give it permissions in the CCV Shop backend (My web shop / Settings / API settings).`;
    case 'not-found':
      return `${origin} does not answer like a CCV Shop (no API found at /api/rest/v1/). Check the shop address.`;
    default:
      return error.message;
  }
}
