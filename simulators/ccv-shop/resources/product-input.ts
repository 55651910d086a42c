// POST/PATCH bodies of products to stored records: `active` becomes `is_active`, names of
// brands/conditions become ids, taxtariff and the deprecated vatrate are kept in step.
import type { Ctx } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { num, str } from '../json';
import { TAX_TARIFFS } from '../seed/catalog';
import type { RootTable } from '../table';
import { assignFields, needRef, nowIso } from './common';

/** Body fields stored under the same name. */
const SAME = ['productnumber', 'eannumber', 'mpnnumber', 'name', 'shortdescription', 'description', 'price', 'discount',
  'purchaseprice', 'container_deposit_price', 'safety_deposit_price', 'credit_points_custom', 'unit', 'stockenabled', 'stocktype',
  'stock', 'stocklocation', 'ordering_without_stock', 'weight', 'maincategory', 'subcategory', 'package_id', 'meta_description',
  'meta_keywords', 'page_title', 'no_index', 'no_follow', 'alias', 'specs', 'decimal_amount', 'amount_sold', 'minimal_order_amount',
  'stock_delivery_number', 'stock_delivery_type', 'stock_delivery_standard', 'show_in_template', 'show_on_beginpage',
  'show_on_facebook', 'show_order_button', 'product_layout', 'photo_size', 'hide_without_category', 'memo', 'fixed_staggered_prices',
  'marktplaats_active', 'marktplaats_status', 'marktplaats_cpc', 'marktplaats_daily_budget', 'marktplaats_total_budget',
  'marktplaats_category_id', 'marktplaats_price_type', 'google_shopping_category', 'is_included_for_export_feed'] as const;

const ENUMS: Record<string, string[]> = {
  show_order_button: ['Y', 'QUOTATION', 'N'],
  hide_without_category: ['YES', 'NO_DIRECTLINK', 'NO_SEARCHRESULTS'],
  stocktype: ['Product', 'Attribute'],
  stock_delivery_type: ['days', 'weeks', 'months', 'quarters', 'years', 'outofstock', 'temporarilysoldout', 'ordered', 'onrequest', 'unknown'],
};

function checkEnums(b: JsonObject): void {
  for (const [field, allowed] of Object.entries(ENUMS)) {
    const v = b[field];
    if (typeof v === 'string' && !allowed.includes(v)) {
      throw err.validation(`Field '${field}': '${v}' is not allowed. Use one of ${allowed.join(', ')}.`);
    }
  }
  const layout = num(b, 'product_layout');
  if (layout !== undefined && (layout < 1 || layout > 4)) throw err.validation(`Field 'product_layout' must be 1, 2, 3 or 4.`);
}

/** Find a brand/condition by name, creating it when it does not exist yet [I]. */
function idByName(table: RootTable, name: string): number {
  for (const r of table.values()) if (r.name === name) return r.id;
  return table.insert({ name }).id;
}

export function applyProductBody(ctx: Ctx, target: Rec, b: JsonObject): Rec {
  const s = ctx.state;
  checkEnums(b);
  const next: Rec = { ...target };
  assignFields(next, b, SAME);
  if (typeof b.active === 'boolean') next.is_active = b.active;
  const tariff = str(b, 'taxtariff');
  if (tariff !== undefined) {
    const rate = TAX_TARIFFS[tariff];
    if (rate === undefined) {
      throw err.validation(`Field 'taxtariff': '${tariff}' is not a tax tariff. Use one of ${Object.keys(TAX_TARIFFS).join(', ')}.`);
    }
    next.taxtariff = tariff;
    next.vatrate = num(b, 'vatrate') ?? rate;
  } else if (num(b, 'vatrate') !== undefined) {
    // Deprecated vatrate: map it to the tariff with that NL percentage [I].
    const rate = num(b, 'vatrate') ?? 0;
    next.vatrate = rate;
    next.taxtariff = Object.entries(TAX_TARIFFS).find(([, r]) => r === rate)?.[0] ?? 'normal';
  }
  needRef(ctx, s.packages, num(b, 'package_id'), 'package_id');
  for (const [field, table] of [['brand_id', s.brands], ['condition_id', s.conditions], ['color_id', s.colors], ['supplier_id', s.suppliers]] as const) {
    if (b[field] === undefined) continue;
    needRef(ctx, table, num(b, field), field);
    next[field] = num(b, field) ?? null;
  }
  const brand = str(b, 'brand');
  if (brand) next.brand_id = idByName(s.brands, brand);
  const condition = str(b, 'condition');
  if (condition) next.condition_id = idByName(s.conditions, condition);
  next.modifydate = nowIso(ctx);
  return next;
}

/** A new product record with the defaults of the shop for every field a POST may leave out. */
export function newProduct(ctx: Ctx): Omit<Rec, 'id'> {
  const stamp = nowIso(ctx);
  return {
    is_active: true, createdate: stamp, modifydate: stamp, productnumber: '', eannumber: '', mpnnumber: '',
    is_multishop_product: false, multishop_href: null, name: '', shortdescription: '', description: null,
    vatrate: num(ctx.state.settings, 'default_vat_rat') ?? 21, taxtariff: 'normal', tradecodesystem: null, price: 0, discount: 0,
    purchaseprice: 0, container_deposit_price: 0, safety_deposit_price: 0, credit_points_custom: null, credit_points_calculated: 0,
    unit: null, stockenabled: ctx.state.settings.stock !== false, stocktype: 'Product', stock: 0, stocklocation: '',
    ordering_without_stock: 'global_setting', weight: 0, maincategory: '', subcategory: '', brand_id: null, condition_id: null,
    color_id: null, supplier_id: null, package_id: null, meta_description: '', meta_keywords: '', page_title: '', no_index: false,
    no_follow: false, alias: '', specs: '', decimal_amount: 0, amount_sold: 0, minimal_order_amount: 1, stock_delivery_number: 0,
    stock_delivery_type: 'days', stock_delivery_standard: '', show_in_template: false, show_on_beginpage: false,
    show_on_facebook: false, show_order_button: 'Y', product_layout: 1, photo_size: 'BIG', hide_without_category: 'NO_DIRECTLINK',
    memo: '', marktplaats_active: false, marktplaats_status: null, marktplaats_cpc: null, marktplaats_daily_budget: null,
    marktplaats_total_budget: null, marktplaats_category_id: null, marktplaats_price_type: null, google_shopping_category: '',
    is_included_for_export_feed: true, fixed_staggered_prices: false, is_visible: true, can_be_ordered: true,
  };
}
