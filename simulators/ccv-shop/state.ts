// The simulated shop's data: all tables, the webshop settings and counters, built from a seed.
import type { JsonObject, Rec } from './json';
import { clone } from './json';
import {
  ATTRIBUTES, ATTRIBUTE_VALUES, BRANDS, COLORS, CONDITIONS, PACKAGES, PAYMETHODS, PROPERTIES, PROPERTY_GROUPS,
  PROPERTY_OPTIONS, SUPPLIERS, leafCategoryIds, seedCategories, seedSettings,
} from './seed/catalog';
import { IDS, SLOTS } from './seed/ids';
import { orderGenerator, orderRowGenerator } from './seed/orders';
import {
  attributeValueLinkGenerator, categoryLinkGenerator, combinationGenerator, photoGenerator, productGenerator,
} from './seed/products';
import type { ProductSeed, SeedSkus } from './seed/products';
import { userGenerator } from './seed/users';
import { ChildTable, RootTable } from './table';

export type SizeKey = 'products' | 'orders' | 'users' | 'categories';
export type Sizes = Record<SizeKey, number>;

export const DEFAULT_SIZES: Sizes = { products: 60, orders: 80, users: 24, categories: 12 };
/** Seeded dates end at this fixed moment, so a seed always produces identical data. */
export const SEED_ANCHOR = Date.UTC(2025, 0, 1);

export interface SeedSpec {
  seed: number;
  sizes: Sizes;
  /** Product numbers/SKUs to seed instead of the generated ones (see SeedSkus). */
  skus?: SeedSkus;
}

export interface SimState {
  /** Unique per built state, so caches never mix two states (after reset, or two simulators). */
  uid: number;
  spec: SeedSpec;
  settings: JsonObject;
  products: RootTable;
  orders: RootTable;
  users: RootTable;
  categories: RootTable;
  packages: RootTable;
  brands: RootTable;
  suppliers: RootTable;
  conditions: RootTable;
  colors: RootTable;
  paymethods: RootTable;
  attributes: RootTable;
  attributevalues: RootTable;
  productpropertygroups: RootTable;
  productproperties: RootTable;
  productpropertyoptions: RootTable;
  productpropertyvalues: RootTable;
  producttopropertygroups: RootTable;
  webhooks: RootTable;
  ordernotes: RootTable;
  productphotos: ChildTable;
  producttocategories: ChildTable;
  productattributevalues: ChildTable;
  attributecombinations: ChildTable;
  orderrows: ChildTable;
  credential: JsonObject;
  /** Next ordernumber for completed orders (seeded orders use 1..n, skipping abandoned checkouts). */
  counters: { nextOrderNumber: number };
}

function smallTable(name: string, records: Rec[], firstId: number): RootTable {
  const t = new RootTable(name, undefined, firstId);
  for (const r of records) t.put(clone(r));
  return t;
}

/** Product fields looked up by exact value (`?productnumber=`, `?eannumber=`), indexed over created and changed products. */
export const PRODUCT_INDEX_FIELDS = ['productnumber', 'eannumber'] as const;

let stateCount = 0;

export function buildState(spec: SeedSpec, settingsOverrides: JsonObject = {}): SimState {
  const { seed, sizes } = spec;
  const categories = seedCategories(sizes.categories);
  const settings = { ...seedSettings(), ...settingsOverrides };
  const productSeed: ProductSeed = { seed, size: sizes.products, ...(spec.skus ? { skus: spec.skus } : {}), leafCategoryIds: leafCategoryIds(categories), anchorMs: SEED_ANCHOR };
  const products = new RootTable('products', productGenerator(productSeed), IDS.products, PRODUCT_INDEX_FIELDS);
  const orderSeed = {
    seed,
    size: sizes.orders,
    usersSize: sizes.users,
    products: productSeed,
    pricesIncludeVat: settings.prices_include_vat !== false,
    anchorMs: SEED_ANCHOR,
  };
  const orders = new RootTable('orders', orderGenerator(orderSeed), IDS.orders);
  const productAlive = (id: number): boolean => products.has(id);
  const childFirst = (base: number, slots: number): number => base + sizes.products * slots;
  return {
    uid: ++stateCount,
    spec,
    settings,
    products,
    orders,
    users: new RootTable('users', userGenerator(seed, sizes.users), IDS.users),
    categories: smallTable('categories', categories, IDS.categories),
    packages: smallTable('packages', PACKAGES, IDS.packages),
    brands: smallTable('brands', BRANDS, IDS.brands),
    suppliers: smallTable('suppliers', SUPPLIERS, IDS.suppliers),
    conditions: smallTable('conditions', CONDITIONS, IDS.conditions),
    colors: smallTable('colors', COLORS, IDS.colors),
    paymethods: smallTable('paymethods', PAYMETHODS, 1),
    attributes: smallTable('attributes', ATTRIBUTES, IDS.attributes),
    attributevalues: smallTable('attributevalues', ATTRIBUTE_VALUES, IDS.attributevalues),
    productpropertygroups: smallTable('productpropertygroups', PROPERTY_GROUPS, IDS.productpropertygroups),
    productproperties: smallTable('productproperties', PROPERTIES, IDS.productproperties),
    productpropertyoptions: smallTable('productpropertyoptions', PROPERTY_OPTIONS, IDS.productpropertyoptions),
    productpropertyvalues: smallTable('productpropertyvalues', [], IDS.productpropertyvalues),
    producttopropertygroups: smallTable('producttopropertygroups', [], IDS.producttopropertygroups),
    webhooks: smallTable('webhooks', [], IDS.webhooks),
    ordernotes: smallTable('ordernotes', [], IDS.ordernotes),
    productphotos: new ChildTable('productphotos', 'product_id', productAlive, photoGenerator(productSeed), childFirst(IDS.productphotos, SLOTS.photos)),
    producttocategories: new ChildTable(
      'producttocategories', 'product_id', productAlive, categoryLinkGenerator(productSeed), childFirst(IDS.producttocategories, SLOTS.categories),
    ),
    productattributevalues: new ChildTable(
      'productattributevalues', 'product_id', productAlive, attributeValueLinkGenerator(productSeed), childFirst(IDS.productattributevalues, SLOTS.variants),
    ),
    attributecombinations: new ChildTable(
      'attributecombinations', 'product_id', productAlive, combinationGenerator(productSeed), childFirst(IDS.attributecombinations, SLOTS.variants),
    ),
    orderrows: new ChildTable(
      'orderrows', 'order_id', (id) => orders.has(id), orderRowGenerator(orderSeed), IDS.orderrows + sizes.orders * SLOTS.orderrows,
    ),
    credential: { id: IDS.credentials, label: 'Koppel', createdate: '2024-03-01T09:00:00Z' },
    counters: { nextOrderNumber: sizes.orders - Math.floor(sizes.orders / 17) + 1 },
  };
}
