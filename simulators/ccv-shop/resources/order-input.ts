// Order input: rows (internal.entity.orderrow.input) and customer (personalinfo.input) to the
// stored shapes. A row names a product_id, or product_name + product_number + price + tax +
// package_id (reference/ccv-shop/README.md §6.6).
import type { Ctx } from '../context';
import { err } from '../errors';
import type { Json, JsonObject } from '../json';
import { cents, isObj, num, obj, str } from '../json';
import { convertPrice } from '../order-math';
import type { RowSpec } from '../order-rows';
import { TAX_TARIFFS } from '../seed/catalog';
import { COUNTRIES } from '../seed/names';
import { emptyPersonalInfo } from '../seed/people';
import { comboValueIds, livePavs, valueAndAttribute } from './variant-render';

export interface OrderFlags {
  rowsIncludeTax: boolean;
  intraCommunity: boolean;
}

export function rowSpecFrom(ctx: Ctx, input: JsonObject, flags: OrderFlags, where: string): RowSpec {
  const s = ctx.state;
  const pricesIncl = s.settings.prices_include_vat !== false;
  const productId = num(input, 'product_id');
  const product = productId === undefined ? undefined : s.products.get(productId);
  if (productId !== undefined && !product) {
    throw err.validation(`${where}.product_id: product ${productId} does not exist. Use an id from GET /api/rest/v1/products/.`);
  }
  if (!product) {
    const missing = ['product_name', 'product_number', 'price', 'tax', 'package_id'].filter((k) => input[k] === undefined || input[k] === null);
    if (missing.length > 0) {
      throw err.validation(`${where}: without product_id a row needs ${missing.join(', ')}.`);
    }
  }
  const shopRate = product ? (TAX_TARIFFS[str(product, 'taxtariff') ?? 'normal'] ?? 21) : (num(input, 'tax') ?? 21);
  const rate = flags.intraCommunity ? 0 : (num(input, 'tax') ?? shopRate);
  // Product prices follow the shop convention; a row takes the order's convention.
  const fromProduct = (field: string): number => {
    const c = cents(num(product ?? { id: 0 }, field) ?? 0);
    return flags.intraCommunity ? convertPrice(c, shopRate, pricesIncl, false) : convertPrice(c, shopRate, pricesIncl, flags.rowsIncludeTax);
  };
  const packageId = num(input, 'package_id') ?? num(product ?? { id: 0 }, 'package_id') ?? null;
  const pkg = packageId === null ? undefined : s.packages.get(packageId);
  if (packageId !== null && !pkg) throw err.validation(`${where}.package_id: package ${packageId} does not exist.`);
  const spec: RowSpec = {
    product_id: product?.id ?? null,
    product_type: str(input, 'product_type') ?? 'product',
    product_name: str(input, 'product_name') ?? str(product ?? { id: 0 }, 'name') ?? '',
    product_number: str(input, 'product_number') ?? str(product ?? { id: 0 }, 'productnumber') ?? '',
    sub_product_number: '',
    sub_sku_number: '',
    sub_ean_number: '',
    count: num(input, 'count') ?? 1,
    priceCents: input.price !== undefined && input.price !== null ? cents(num(input, 'price') ?? 0) : fromProduct('price'),
    purchaseCents: cents(num(input, 'product_purchase_price') ?? num(product ?? { id: 0 }, 'purchaseprice') ?? 0),
    discountCents: input.discount !== undefined && input.discount !== null ? cents(num(input, 'discount') ?? 0) : fromProduct('discount'),
    custom_price: input.price !== undefined && input.price !== null,
    tax: str(input, 'product_type') === 'deposit' ? 0 : rate,
    unit: str(input, 'unit') ?? str(product ?? { id: 0 }, 'unit') ?? '',
    weight: num(input, 'weight') ?? num(product ?? { id: 0 }, 'weight') ?? 0,
    memo: str(input, 'memo') ?? '',
    package_id: packageId,
    package_name: str(pkg ?? { id: 0 }, 'name') ?? '',
    stock_location: str(product ?? { id: 0 }, 'stocklocation') ?? '',
    supplier: '',
    attributes: [],
  };
  const comboId = num(input, 'attribute_combination_id');
  if (comboId !== undefined) {
    const combo = s.attributecombinations.get(comboId);
    if (!combo || combo.product_id !== spec.product_id) {
      throw err.validation(`${where}.attribute_combination_id: combination ${comboId} does not belong to product ${String(spec.product_id)}.`);
    }
    spec.sub_product_number = str(combo, 'product_number') ?? '';
    spec.sub_sku_number = str(combo, 'sku_number') ?? '';
    spec.sub_ean_number = str(combo, 'ean_number') ?? '';
    const pavs = livePavs(ctx, num(combo, 'product_id') ?? 0);
    spec.attributes = comboValueIds(combo).flatMap((vid) => {
      const va = valueAndAttribute(ctx, vid);
      const pav = pavs.find((p) => p.optionvalue_id === vid);
      if (!va) return [];
      const extra = cents(num(pav ?? va.value, pav ? 'price' : 'default_price') ?? 0);
      const inOrder = flags.intraCommunity ? convertPrice(extra, shopRate, pricesIncl, false) : convertPrice(extra, shopRate, pricesIncl, flags.rowsIncludeTax);
      return [{ option_name: str(va.attribute, 'name') ?? '', value_name: str(va.value, 'name') ?? '', priceCents: inOrder }];
    });
  }
  return spec;
}

export function rowSpecs(ctx: Ctx, rows: Json[], flags: OrderFlags): RowSpec[] {
  return rows.map((r, n) => rowSpecFrom(ctx, isObj(r) ? r : {}, flags, `orderrows[${n}]`));
}

/** Merge personalinfo input over an existing (or empty) customer, keeping the GET field order. */
export function customerFrom(input: JsonObject, existing?: JsonObject): JsonObject {
  const base: JsonObject = existing ?? emptyPersonalInfo();
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(input)) {
    if ((k === 'billingaddress' || k === 'deliveryaddress') && isObj(v)) {
      const merged: JsonObject = { ...(obj(base, k) ?? {}), ...v };
      const code = str(merged, 'country_code');
      const known = COUNTRIES.find((c) => c.code === code);
      if (known && !str(merged, 'country')) merged.country = known.name;
      if (!str(v, 'full_name') && (str(merged, 'first_name') || str(merged, 'last_name'))) {
        merged.full_name = `${str(merged, 'first_name') ?? ''} ${str(merged, 'last_name') ?? ''}`.trim();
      }
      out[k] = merged;
    } else {
      out[k] = v;
    }
  }
  if (str(out, 'btw') && !input.customertype) out.customertype = 'b2b';
  return out;
}

/** Shipping costs for the billing country when a POST leaves total_shipping out [I]. */
export function defaultShippingCents(customer: JsonObject, rowsIncludeTax: boolean): number {
  const billing = obj(customer, 'billingaddress') ?? {};
  const code = str(billing, 'country_code');
  const c = COUNTRIES.find((x) => x.code === code) ?? COUNTRIES[0];
  return convertPrice(c?.shippingCents ?? 495, 21, true, rowsIncludeTax);
}

export function userRef(ctx: Ctx, userId: number | undefined): JsonObject {
  if (userId === undefined) return { id: null, discount_percentage: 0 };
  if (!ctx.state.users.has(userId)) throw err.validation(`Field 'user_id': user ${userId} does not exist. Use an id from GET /api/rest/v1/users/.`);
  return { id: userId, discount_percentage: 0 };
}
