import { z } from 'zod';
import { ccvId, expandable, inputId, link, optBool, optNum, optStr, ref } from '../schema-helpers';
import { attributeCombinationSchema } from './attribute-combinations';
import { productPhotoSchema } from './product-photos';
import { productToCategorySchema } from './product-to-categories';

/**
 * Product payloads. CCV reads `is_active` but writes `active` (reference/ccv-shop/README.md §9.1); the parsed product exposes
 * `active` so callers use the one name both ways.
 */
const productBase = z.looseObject({
  id: ccvId,
  href: optStr,
  is_active: optBool,
  createdate: optStr,
  modifydate: optStr,
  productnumber: optStr,
  eannumber: optStr,
  mpnnumber: optStr,
  name: optStr,
  shortdescription: optStr,
  description: optStr,
  taxtariff: optStr,
  vatrate: optNum,
  price: optNum,
  discount: optNum,
  purchaseprice: optNum,
  unit: optStr,
  stockenabled: optBool,
  /** Where stock lives: on the product or on the variants. */
  stocktype: optStr,
  stock: optNum,
  stocklocation: optStr,
  ordering_without_stock: optStr,
  weight: optNum,
  brand: ref.nullish(),
  condition: ref.nullish(),
  supplier: ref.nullish(),
  color: ref.nullish(),
  package: ref.nullish(),
  maincategory: optStr,
  subcategory: optStr,
  productmainphoto: optStr,
  deeplink: optStr,
  is_visible: optBool,
  can_be_ordered: optBool,
  productphotos: expandable(productPhotoSchema).nullish(),
  attributecombinations: expandable(attributeCombinationSchema).nullish(),
  producttocategories: expandable(productToCategorySchema).nullish(),
  productattributesets: link.nullish(),
  producttopropertygroups: link.nullish(),
});
type ProductBase = z.output<typeof productBase>;
/** A product as read, with `active` in place of CCV's read-only name `is_active`. Unknown fields survive. */
export type Product = { [K in keyof ProductBase as K extends 'is_active' ? never : K]: ProductBase[K] } & { active: boolean | undefined };
export const productSchema = productBase.transform((p): Product => {
  const { is_active, ...rest } = p;
  return { ...rest, active: is_active ?? undefined };
});

/** Just what tells products apart: for reading a whole shop's product numbers without parsing every field. */
export const productNumberSchema = z.looseObject({ id: ccvId, productnumber: optStr });
export type ProductNumber = z.output<typeof productNumberSchema>;

/** CCV's tax tariffs (official SDK constants); `vatrate` is the deprecated alternative. */
export const taxTariffs = ['normal', 'low a', 'low b', 'extra low', 'zero'] as const;

const str = z.string().optional();
const int = z.number().int().optional();
const num = z.number().optional();
const bool = z.boolean().optional();

/** Fields of `internal.resource.products.post.v1` / `.patch.v1` (same set; POST requires some). */
const productWritable = {
  productnumber: str,
  active: bool,
  eannumber: str,
  mpnnumber: str,
  name: z.string().min(1),
  shortdescription: str,
  description: str,
  vatrate: num,
  taxtariff: z.enum(taxTariffs).optional(),
  price: z.number(),
  discount: z.number(),
  purchaseprice: num,
  container_deposit_price: num,
  safety_deposit_price: num,
  credit_points_custom: int,
  unit: str,
  stockenabled: bool,
  stocktype: str,
  stock: num,
  stocklocation: str,
  ordering_without_stock: str,
  weight: num,
  /** Deprecated on PATCH: prefer brand_id. */
  brand: str,
  brand_id: inputId.optional(),
  /** Deprecated on PATCH: prefer condition_id. */
  condition: str,
  condition_id: inputId.optional(),
  color_id: inputId.optional(),
  /** Export labels only; use producttocategories to place a product in a category. */
  maincategory: str,
  subcategory: str,
  package_id: inputId,
  meta_description: str,
  meta_keywords: str,
  page_title: str,
  no_index: bool,
  no_follow: bool,
  alias: str,
  specs: str,
  decimal_amount: int,
  amount_sold: num,
  minimal_order_amount: num,
  stock_delivery_number: int,
  stock_delivery_type: str,
  stock_delivery_standard: str,
  show_in_template: bool,
  show_on_beginpage: bool,
  show_on_facebook: bool,
  show_order_button: str,
  product_layout: int,
  photo_size: str,
  hide_without_category: str,
  memo: str,
  supplier_id: inputId.optional(),
  fixed_staggered_prices: bool,
  marktplaats_active: bool,
  marktplaats_status: str,
  marktplaats_cpc: num,
  marktplaats_daily_budget: num,
  marktplaats_total_budget: num,
  marktplaats_category_id: int,
  marktplaats_price_type: str,
  google_shopping_category: str,
  is_included_for_export_feed: bool,
};

/** POST: name, price, discount, package_id and a taxtariff (or the deprecated vatrate) are required. */
export const productCreateSchema = z
  .strictObject(productWritable)
  .refine((p) => p.taxtariff !== undefined || p.vatrate !== undefined, { message: 'set taxtariff (normal, low a, low b, extra low or zero)', path: ['taxtariff'] });
export type ProductCreate = z.input<typeof productCreateSchema>;

export const productPatchSchema = z.strictObject(productWritable).partial();
export type ProductPatch = z.input<typeof productPatchSchema>;

export const productExpands = [
  'attributecombinations',
  'productattachments',
  'productattributesets',
  'productkeywords',
  'productphotos',
  'productrelevant',
  'productreviews',
  'productshippingcosts',
  'productstaggeredprices',
  'producttopropertygroups',
  'producttocategories',
  'productvariants',
  'productvideos',
  'producttaxtariffexceptions',
] as const;
export type ProductExpand = (typeof productExpands)[number];

export type ProductOrderBy = 'id' | 'name' | 'createdate' | 'modifydate' | 'id_desc' | 'name_desc' | 'createdate_desc' | 'modifydate_desc';

/** List filters of `GET /products/` (reference/ccv-shop/README.md §6.1). */
export interface ProductFilters {
  productnumber?: string;
  eannumber?: string;
  mpnnumber?: string;
  /** Part of the name, at least 3 characters. */
  productname?: string;
  minprice?: number;
  maxprice?: number;
  mindiscount?: number;
  maxdiscount?: number;
  minsellprice?: number;
  maxsellprice?: number;
  stock?: number;
  minstock?: number;
  maxstock?: number;
  quantity?: number;
  /** Hex, `multicolor`, `transparent` or `null`. */
  color?: string;
  /** true = only active, false = only inactive, unset = both. */
  active?: boolean;
  orderby?: ProductOrderBy;
  expand?: readonly ProductExpand[];
}
