// Seeded products and their children (photos, category links, attribute values, combinations),
// all rebuilt on demand from (seed, index) so that 100,000 products cost no memory.
import { isoSeconds as iso } from '../hmac';
import type { Rec } from '../json';
import { rngFor } from '../prng';
import type { ChildGenerator, RootGenerator } from '../table';
import { ATTRIBUTE_VALUES, ATTR, BRANDS, COLORS, CONDITIONS, PACKAGES, SUPPLIERS, VALUE_CODES, VARIANT_VALUES } from './catalog';
import { IDS, SLOTS } from './ids';
import { ean13 } from './names';
import { PRODUCT_ADJECTIVES, PRODUCT_MATERIALS, PRODUCT_NOUNS } from './names';

/**
 * Product numbers to seed instead of the generated SKU-nnnnnn, by product index: a shop already partly synced
 * with an ERP carries the ERP's item numbers. `combinations[i]` holds the SKUs of variant product i's combinations
 * (in combination order); missing entries keep the generated form.
 */
export interface SeedSkus {
  products: readonly string[];
  combinations?: readonly (readonly string[] | null)[];
}

export interface ProductSeed {
  seed: number;
  size: number;
  skus?: SeedSkus;
  leafCategoryIds: number[];
  /** Seeded dates end here (fixed, so a seed always yields the same data). */
  anchorMs: number;
}

const DAY = 86_400_000;
const SMALL = new Set(['Sokken', 'Pen', 'Theedoek', 'Notitieboek', 'Pet', 'Muts']);
const LARGE = new Set(['Plaid', 'Rugzak', 'Kussenhoes']);

/** Every tenth product (index 3, 13, 23, ...) has variants: sizes S/M/L times colours Zwart/Wit. */
export function isVariantIndex(i: number): boolean {
  return i % 10 === 3;
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
export const productNumberOf = (i: number): string => `SKU-${pad(i + 1, 6)}`;
export const productEanOf = (i: number): string => ean13(`871234${pad(i + 1, 6)}`);

/** The product number product i is seeded with: the configured one, else the generated SKU-nnnnnn. */
export const seededProductNumber = (i: number, skus?: SeedSkus): string => skus?.products[i] ?? productNumberOf(i);

/** SKU of combination k of variant product i. */
export function seededComboSku(i: number, k: number, fallback: string, skus?: SeedSkus): string {
  return skus?.combinations?.[i]?.[k] ?? fallback;
}

const firstIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** `list.indexOf(value)` through a map built once per list (configured SKU lists can hold 100,000 numbers). */
function firstIndexOf(list: readonly string[], value: string): number {
  let map = firstIndexes.get(list);
  if (!map) {
    map = new Map();
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (v !== undefined && !map.has(v)) map.set(v, i);
    }
    firstIndexes.set(list, map);
  }
  return map.get(value) ?? -1;
}

/** Index of a seeded product from its product number (configured or generated form). */
export function indexFromProductNumber(value: string, size: number, skus?: SeedSkus): number | undefined {
  const listed = skus ? firstIndexOf(skus.products, value) : -1;
  if (listed >= 0 && listed < size) return listed;
  const m = /^SKU-(\d{6,})$/.exec(value);
  if (!m) return undefined;
  const i = Number(m[1]) - 1;
  return i >= 0 && i < size && seededProductNumber(i, skus) === value ? i : undefined;
}

export function indexFromEan(value: string, size: number): number | undefined {
  const m = /^871234(\d{6})\d$/.exec(value);
  if (!m) return undefined;
  const i = Number(m[1]) - 1;
  return i >= 0 && i < size && productEanOf(i) === value ? i : undefined;
}

/** Index of the seeded product behind a generated combination EAN (872 + (index+1)*10+k). */
export function indexFromComboEan(value: string, size: number): number | undefined {
  const m = /^872(\d{9})\d$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const i = Math.floor(n / 10) - 1;
  return i >= 0 && i < size && ean13(`872${pad(n, 9)}`) === value ? i : undefined;
}

/** Index of the seeded product behind a combination SKU: configured, or generated such as SKU-000004-M-WI. */
export function indexFromComboSku(value: string, size: number, skus?: SeedSkus): number | undefined {
  const listed = skus?.combinations?.findIndex((c) => c?.includes(value) === true) ?? -1;
  if (listed >= 0 && listed < size) return listed;
  const m = /^(.+)-[A-Z]+-[A-Z]+$/.exec(value);
  return m?.[1] === undefined ? undefined : indexFromProductNumber(m[1], size, skus);
}

function dateOf(p: ProductSeed, i: number): number {
  const span = 2 * 365 * DAY;
  const step = Math.max(60_000, Math.floor(span / Math.max(1, p.size)));
  return p.anchorMs - span + i * step;
}


function comboStock(p: ProductSeed, i: number, k: number): number {
  return rngFor(p.seed, 'combo-stock', i, k).int(0, 25);
}

export function productGenerator(p: ProductSeed): RootGenerator {
  return {
    size: p.size,
    idOf: (i) => IDS.products + i,
    indexOf: (id) => (id >= IDS.products && id < IDS.products + p.size ? id - IDS.products : undefined),
    make: (i) => makeProduct(p, i),
    peek: (i) => peekProduct(p, i),
  };
}

interface Core {
  noun: string;
  name: string;
  taxtariff: string;
  priceCents: number;
  discountCents: number;
  created: number;
  modified: number;
  stock: number;
  active: boolean;
  weight: number;
  brandId: number | null;
  conditionId: number | null;
  colorId: number | null;
  supplierId: number | null;
  amountSold: number;
}

/** The random draws of product i, in a fixed order (make and peek must agree). */
function productCore(p: ProductSeed, i: number): Core {
  const r = rngFor(p.seed, 'product', i);
  const noun = r.pick(PRODUCT_NOUNS);
  const name = `${r.pick(PRODUCT_ADJECTIVES)} ${noun} ${r.pick(PRODUCT_MATERIALS)}`;
  const taxtariff = r.chance(0.2) ? 'low a' : 'normal';
  const priceCents = r.int(3, 120) * 100 + r.pick([95, 50, 0, 99]);
  const discountCents = r.chance(0.15) ? Math.round(priceCents * 0.1) : 0;
  const created = dateOf(p, i);
  const modified = Math.min(p.anchorMs, created + r.int(0, 60) * DAY + r.int(0, 86_399) * 1000);
  const stock = isVariantIndex(i) ? [0, 1, 2, 3, 4, 5].reduce((sum, k) => sum + comboStock(p, i, k), 0) : r.int(0, 120);
  const active = i < 3 || r.chance(0.9);
  const weight = r.int(1, 20) / 10;
  const brandId = r.chance(0.7) ? r.pick(BRANDS).id : null;
  const conditionId = r.chance(0.8) ? (CONDITIONS[0]?.id ?? null) : null;
  const colorId = r.chance(0.3) ? r.pick(COLORS).id : null;
  const supplierId = r.chance(0.5) ? r.pick(SUPPLIERS).id : null;
  const amountSold = r.int(0, 500);
  return { noun, name, taxtariff, priceCents, discountCents, created, modified, stock, active, weight, brandId, conditionId, colorId, supplierId, amountSold };
}

/** The fields list filters and orderby read, without building the whole product. */
export function peekProduct(p: ProductSeed, i: number): Rec {
  const c = productCore(p, i);
  return {
    id: IDS.products + i,
    is_active: c.active,
    createdate: iso(c.created),
    modifydate: iso(c.modified),
    productnumber: seededProductNumber(i, p.skus),
    eannumber: productEanOf(i),
    mpnnumber: mpnOf(i),
    name: c.name,
    price: c.priceCents / 100,
    discount: c.discountCents / 100,
    stock: c.stock,
    brand_id: c.brandId,
    condition_id: c.conditionId,
    color_id: c.colorId,
    supplier_id: c.supplierId,
  };
}

const mpnOf = (i: number): string => `MPN-${pad((i * 7919) % 1_000_000, 6)}`;

export function makeProduct(p: ProductSeed, i: number): Rec {
  const c = productCore(p, i);
  const { noun, name, taxtariff, priceCents, discountCents } = c;
  const variant = isVariantIndex(i);
  const vat = taxtariff === 'normal' ? 21 : 9;
  const purchaseCents = Math.round(((priceCents * 100) / (100 + vat)) * 0.4);
  const packageId = (SMALL.has(noun) ? PACKAGES[0] : LARGE.has(noun) ? PACKAGES[2] : PACKAGES[1])?.id ?? IDS.packages;
  const alias = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i + 1}`;
  return {
    id: IDS.products + i,
    is_active: c.active,
    createdate: iso(c.created),
    modifydate: iso(c.modified),
    productnumber: seededProductNumber(i, p.skus),
    eannumber: productEanOf(i),
    mpnnumber: mpnOf(i),
    is_multishop_product: false,
    multishop_href: null,
    name,
    shortdescription: `${name}, ${noun.toLowerCase()} van ${PRODUCT_MATERIALS[i % PRODUCT_MATERIALS.length]}.`,
    description: `<p>${name}. Duurzaam gemaakt en lang mee te gaan.</p>`,
    vatrate: vat,
    taxtariff,
    tradecodesystem: null,
    price: priceCents / 100,
    discount: discountCents / 100,
    purchaseprice: purchaseCents / 100,
    container_deposit_price: 0,
    safety_deposit_price: 0,
    credit_points_custom: null,
    credit_points_calculated: 0,
    unit: 'per stuk',
    stockenabled: true,
    stocktype: variant ? 'Attribute' : 'Product',
    stock: c.stock,
    stocklocation: `Magazijn ${String.fromCharCode(65 + (i % 6))}${(i % 40) + 1}`,
    ordering_without_stock: 'global_setting',
    weight: c.weight,
    maincategory: '',
    subcategory: '',
    brand_id: c.brandId,
    condition_id: c.conditionId,
    color_id: c.colorId,
    supplier_id: c.supplierId,
    package_id: packageId,
    meta_description: '',
    meta_keywords: '',
    page_title: name,
    no_index: false,
    no_follow: false,
    alias,
    specs: '',
    decimal_amount: 0,
    amount_sold: c.amountSold,
    minimal_order_amount: 1,
    stock_delivery_number: 1,
    stock_delivery_type: 'days',
    stock_delivery_standard: '',
    show_in_template: false,
    show_on_beginpage: false,
    show_on_facebook: false,
    show_order_button: 'Y',
    product_layout: 1,
    photo_size: 'BIG',
    hide_without_category: 'NO_DIRECTLINK',
    memo: '',
    marktplaats_active: false,
    marktplaats_status: null,
    marktplaats_cpc: null,
    marktplaats_daily_budget: null,
    marktplaats_total_budget: null,
    marktplaats_category_id: null,
    marktplaats_price_type: null,
    google_shopping_category: '',
    is_included_for_export_feed: true,
    fixed_staggered_prices: false,
    is_visible: true,
    can_be_ordered: true,
  };
}

/** Maps a child id back to (product index, slot) for seeded children. */
function slotOf(id: number, base: number, slots: number, size: number): { index: number; k: number } | undefined {
  const rel = id - base;
  if (rel < 0 || rel >= size * slots) return undefined;
  return { index: Math.floor(rel / slots), k: rel % slots };
}

function childGen(
  p: ProductSeed,
  base: number,
  slots: number,
  make: (index: number, productId: number) => Rec[],
): ChildGenerator {
  return {
    forParent: (pid) => {
      const i = pid - IDS.products;
      return i >= 0 && i < p.size ? make(i, pid) : [];
    },
    parentOf: (id) => {
      const s = slotOf(id, base, slots, p.size);
      return s ? IDS.products + s.index : undefined;
    },
  };
}

export function photoGenerator(p: ProductSeed): ChildGenerator {
  return childGen(p, IDS.productphotos, SLOTS.photos, (i, pid) => {
    const count = isVariantIndex(i) ? 2 : i % 3;
    return Array.from({ length: count }, (_, k) => {
      const filename = `${productNumberOf(i).toLowerCase()}-${k + 1}.jpg`;
      return {
        id: IDS.productphotos + i * SLOTS.photos + k,
        product_id: pid,
        filename,
        alttext: k === 0 ? 'Productfoto' : `Productfoto ${k + 1}`,
        is_mainphoto: k === 0,
        file_type: 'jpg',
        deeplink_path: `/Files/2/117000/117035/ProductPhotos/Source/${filename}`,
      };
    });
  });
}

export function categoryLinkGenerator(p: ProductSeed): ChildGenerator {
  const leaves = p.leafCategoryIds;
  return childGen(p, IDS.producttocategories, SLOTS.categories, (i, pid) => {
    if (leaves.length === 0) return [];
    const first = leaves[i % leaves.length] ?? 0;
    const second = leaves[(i * 7 + 3) % leaves.length] ?? 0;
    const cats = i % 4 === 0 && second !== first ? [first, second] : [first];
    return cats.map((category_id, k) => ({
      id: IDS.producttocategories + i * SLOTS.categories + k,
      product_id: pid,
      category_id,
      position: Math.floor(i / leaves.length) + 1,
    }));
  });
}

const VARIANT_VALUE_IDS = [...VARIANT_VALUES.sizes, ...VARIANT_VALUES.colors];

export function attributeValueLinkGenerator(p: ProductSeed): ChildGenerator {
  return childGen(p, IDS.productattributevalues, SLOTS.variants, (i, pid) => {
    if (!isVariantIndex(i)) return [];
    return VARIANT_VALUE_IDS.map((valueId, k) => {
      const value = ATTRIBUTE_VALUES.find((v) => v.id === valueId);
      const isSize = value?.attribute_id === ATTR.size;
      return {
        id: IDS.productattributevalues + i * SLOTS.variants + k,
        product_id: pid,
        optionvalue_id: valueId,
        optionposition: isSize ? 1 : 2,
        position: isSize ? k + 1 : k - VARIANT_VALUES.sizes.length + 1,
        price: typeof value?.default_price === 'number' ? value.default_price : 0,
        enable: true,
      };
    });
  });
}

export function combinationGenerator(p: ProductSeed): ChildGenerator {
  return childGen(p, IDS.attributecombinations, SLOTS.variants, (i, pid) => {
    if (!isVariantIndex(i)) return [];
    const out: Rec[] = [];
    VARIANT_VALUES.sizes.forEach((sizeId, s) => {
      VARIANT_VALUES.colors.forEach((colorId, c) => {
        const k = s * VARIANT_VALUES.colors.length + c;
        out.push({
          id: IDS.attributecombinations + i * SLOTS.variants + k,
          product_id: pid,
          value_ids: [sizeId, colorId],
          note: '',
          stock: comboStock(p, i, k),
          ordering_without_stock: 'global_setting',
          product_number: '',
          ean_number: ean13(`872${pad((i + 1) * 10 + k, 9)}`),
          sku_number: seededComboSku(i, k, `${seededProductNumber(i, p.skus)}-${VALUE_CODES[sizeId] ?? ''}-${VALUE_CODES[colorId] ?? ''}`, p.skus),
          delivery_time: 1,
          delivery_time_type: 'days',
          delivery_default_text: '',
          active: true,
        });
      });
    });
    return out;
  });
}
