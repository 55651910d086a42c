// Products as GET returns them (vnd.verto.webshop.resource.products.v1), in schema field order.
import type { Ctx } from '../context';
import { href } from '../context';
import type { Json, JsonObject, Rec } from '../json';
import { eur, num, str } from '../json';
import { PACKAGE_SHIPPING_CENTS } from '../seed/catalog';
import { COUNTRIES } from '../seed/names';
import { childLink } from './common';
import { renderCategoryLink } from './category-links';
import { renderPhoto } from './product-photos';
import { renderPropertyGroupLink } from './properties';
import { comboIsLive, renderAttributeSets, renderCombination } from './variant-render';

/** Plain fields copied from the record, in the order of the schema around the computed ones. */
const HEAD = ['id', 'is_active', 'createdate', 'modifydate', 'productnumber', 'eannumber', 'mpnnumber', 'is_multishop_product',
  'multishop_href', 'name', 'shortdescription', 'description', 'vatrate', 'taxtariff', 'tradecodesystem', 'price', 'discount',
  'purchaseprice', 'container_deposit_price', 'safety_deposit_price'] as const;
const MID = ['credit_points_custom', 'credit_points_calculated', 'unit', 'stockenabled', 'stocktype', 'stock', 'stocklocation',
  'ordering_without_stock', 'weight', 'maincategory', 'subcategory'] as const;
const SEO = ['meta_description', 'meta_keywords', 'page_title', 'no_index', 'no_follow', 'alias'] as const;
const TAIL = ['specs', 'decimal_amount', 'amount_sold', 'minimal_order_amount', 'stock_delivery_number', 'stock_delivery_type',
  'stock_delivery_standard', 'show_in_template', 'show_on_beginpage', 'show_on_facebook', 'show_order_button', 'product_layout',
  'photo_size', 'hide_without_category', 'memo', 'marktplaats_active', 'marktplaats_status', 'marktplaats_cpc',
  'marktplaats_daily_budget', 'marktplaats_total_budget', 'marktplaats_category_id', 'marktplaats_price_type',
  'google_shopping_category'] as const;

/** Expand names accepted on products (endpoints.json); `productvariants` shows productvariations [I]. */
export const PRODUCT_EXPANDS = ['attributecombinations', 'productattachments', 'productattributesets', 'productkeywords',
  'productphotos', 'productrelevant', 'productreviews', 'productshippingcosts', 'productstaggeredprices',
  'producttopropertygroups', 'producttocategories', 'productvariants', 'productvideos', 'producttaxtariffexceptions'];

function copy(out: JsonObject, rec: Rec, keys: readonly string[]): void {
  for (const k of keys) out[k] = rec[k] ?? null;
}

function named(ctx: Ctx, resource: string, id: Json | undefined, name: (id: number) => Json): JsonObject | null {
  if (typeof id !== 'number') return null;
  return { href: href(ctx, resource, id), id, name: name(id) };
}

function shippingCosts(ctx: Ctx, rec: Rec, expanded: boolean): JsonObject {
  const baseCents = PACKAGE_SHIPPING_CENTS[num(rec, 'package_id') ?? 0] ?? 695;
  const quantity = Number(ctx.query.get('quantity') ?? '1') || 1;
  const url = href(ctx, 'products', rec.id, 'productshippingcosts');
  const link = childLink(ctx, url, expanded, () =>
    COUNTRIES.map((c) => ({ costs: eur(baseCents + c.shippingCents - 495), quantity, country: c.code })),
  );
  return { costs: eur(baseCents), default_country: 'NL', quantity, ...link };
}

export function renderProduct(ctx: Ctx, rec: Rec, expand: Set<string>): JsonObject {
  const s = ctx.state;
  const id = rec.id;
  const link = (name: string): string => href(ctx, 'products', id, name);
  const photos = (): Rec[] => s.productphotos.list(id);
  const main = photos().find((p) => p.is_mainphoto === true);
  const out: JsonObject = { href: href(ctx, 'products', id) };
  copy(out, rec, HEAD);
  out.productshippingcosts = shippingCosts(ctx, rec, expand.has('productshippingcosts'));
  copy(out, rec, MID);
  out.brand = named(ctx, 'brands', rec.brand_id, (b) => str(s.brands.get(b) ?? { id: b }, 'name') ?? '');
  out.condition = named(ctx, 'conditions', rec.condition_id, (c) => str(s.conditions.get(c) ?? { id: c }, 'name') ?? '');
  const color = typeof rec.color_id === 'number' ? s.colors.get(rec.color_id) : undefined;
  out.color = color ? { href: href(ctx, 'colors', color.id), id: color.id, name: color.name ?? '', type: color.type ?? 'color', hex: color.hex ?? null } : null;
  out.productmainphoto = main ? `${ctx.base}${str(main, 'deeplink_path') ?? ''}` : null;
  copy(out, rec, SEO);
  out.deeplink = `${ctx.base}/${str(rec, 'alias') ?? id}.html`;
  copy(out, rec, TAIL);
  out.package = { href: href(ctx, 'packages', num(rec, 'package_id') ?? 0), id: num(rec, 'package_id') ?? 0 };
  out.supplier = named(ctx, 'suppliers', rec.supplier_id, (x) => str(s.suppliers.get(x) ?? { id: x }, 'name') ?? '');
  out.is_included_for_export_feed = rec.is_included_for_export_feed ?? true;
  out.fixed_staggered_prices = rec.fixed_staggered_prices ?? false;
  out.is_visible = rec.is_visible ?? true;
  out.can_be_ordered = rec.can_be_ordered ?? true;
  out.productlabels = { href: link('productlabels') };
  out.productphotos = childLink(ctx, link('productphotos'), expand.has('productphotos'), () => photos().map((p) => renderPhoto(ctx, p)));
  out.productvariations = childLink(ctx, link('productvariations'), expand.has('productvariants'), () => []);
  for (const name of ['productvideos', 'producttaxtariffexceptions', 'productattachments', 'productkeywords', 'productrelevant']) {
    out[name] = childLink(ctx, link(name), expand.has(name), () => []);
  }
  out.productattributesets = childLink(ctx, link('productattributesets'), expand.has('productattributesets'), () =>
    renderAttributeSets(ctx, id),
  );
  out.productstaggeredprices = childLink(ctx, link('productstaggeredprices'), expand.has('productstaggeredprices'), () => []);
  out.producttocategories = childLink(ctx, link('producttocategories'), expand.has('producttocategories'), () =>
    s.producttocategories
      .list(id)
      .filter((l) => typeof l.category_id === 'number' && s.categories.has(l.category_id))
      .map((l) => renderCategoryLink(ctx, l)),
  );
  out.productreviews = childLink(ctx, link('productreviews'), expand.has('productreviews'), () => []);
  out.webshops = { href: link('webshops') };
  out.attributecombinations = childLink(ctx, link('attributecombinations'), expand.has('attributecombinations'), () =>
    s.attributecombinations
      .list(id)
      .filter((c) => comboIsLive(ctx, c))
      .map((c) => renderCombination(ctx, c, new Set())),
  );
  out.producttopropertygroups = childLink(ctx, link('producttopropertygroups'), expand.has('producttopropertygroups'), () =>
    [...s.producttopropertygroups.values()].filter((g) => g.product_id === id).map((g) => renderPropertyGroupLink(ctx, g)),
  );
  return out;
}
