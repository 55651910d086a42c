// Rendering of product attribute values, attribute sets and attribute combinations (variants).
import type { Ctx } from '../context';
import { href } from '../context';
import type { Json, JsonObject, Rec } from '../json';
import { cents, eur, num, str } from '../json';

/** Attribute types that generate combinations (additional menus and texts do not). */
export const COMBINING_TYPES = new Set(['option_menu', 'option_menu_required']);
/** Deprecated numeric attribute_type 1-6; the mapping is our guess [I]. */
export const ATTRIBUTE_TYPE_NUMBERS: Record<string, number> = {
  option_menu: 1, option_menu_required: 2, text: 3, text_required: 4, additional_menu: 5, additional_menu_required: 6,
};

/** Attribute values attached to a product whose attribute value still exists. */
export function livePavs(ctx: Ctx, productId: number): Rec[] {
  return ctx.state.productattributevalues
    .list(productId)
    .filter((p) => typeof p.optionvalue_id === 'number' && ctx.state.attributevalues.has(p.optionvalue_id));
}

export function valueAndAttribute(ctx: Ctx, valueId: number): { value: Rec; attribute: Rec } | undefined {
  const value = ctx.state.attributevalues.get(valueId);
  const attrId = value ? num(value, 'attribute_id') : undefined;
  const attribute = attrId === undefined ? undefined : ctx.state.attributes.get(attrId);
  return value && attribute ? { value, attribute } : undefined;
}

export function renderPav(ctx: Ctx, p: Rec): JsonObject {
  const va = valueAndAttribute(ctx, num(p, 'optionvalue_id') ?? 0);
  return {
    href: href(ctx, 'productattributevalues', p.id),
    id: p.id,
    optionid: va?.attribute.id ?? 0,
    optionname: va?.attribute.name ?? '',
    optionposition: p.optionposition ?? 0,
    optionvalue_id: p.optionvalue_id ?? 0,
    optionvalue_name: va?.value.name ?? '',
    position: p.position ?? 0,
    price: p.price ?? 0,
    enable: p.enable ?? true,
  };
}

export function renderAttributeSets(ctx: Ctx, productId: number): Json[] {
  const groups = new Map<number, Rec[]>();
  for (const p of livePavs(ctx, productId)) {
    const va = valueAndAttribute(ctx, num(p, 'optionvalue_id') ?? 0);
    if (!va) continue;
    groups.set(va.attribute.id, [...(groups.get(va.attribute.id) ?? []), p]);
  }
  return [...groups.entries()].map(([attrId, pavs]) => {
    const attribute = ctx.state.attributes.get(attrId);
    return {
      id: attrId,
      attributename: attribute?.name ?? '',
      attributeposition: pavs[0]?.optionposition ?? 0,
      type: attribute?.type ?? '',
      items: pavs.map((p) => ({
        href: href(ctx, 'productattributevalues', p.id),
        id: p.id,
        optionsname: valueAndAttribute(ctx, num(p, 'optionvalue_id') ?? 0)?.value.name ?? '',
        price: p.price ?? 0,
        enable: p.enable ?? true,
        position: p.position ?? 0,
      })),
      parent: { href: href(ctx, 'products', productId) },
    };
  });
}

export function comboValueIds(c: Rec): number[] {
  const ids = c.value_ids;
  return Array.isArray(ids) ? ids.flatMap((v) => (typeof v === 'number' ? [v] : [])) : [];
}

/** A combination is live while all of its attribute values still exist. */
export function comboIsLive(ctx: Ctx, c: Rec): boolean {
  return comboValueIds(c).every((v) => ctx.state.attributevalues.has(v));
}

export function renderCombination(ctx: Ctx, c: Rec, expand: Set<string>): JsonObject {
  const productId = num(c, 'product_id') ?? 0;
  const pavs = livePavs(ctx, productId);
  let extraCents = 0;
  const combination = comboValueIds(c).flatMap((valueId) => {
    const va = valueAndAttribute(ctx, valueId);
    if (!va) return [];
    const pav = pavs.find((p) => p.optionvalue_id === valueId);
    const extra = num(pav ?? va.value, pav ? 'price' : 'default_price') ?? 0;
    extraCents += cents(extra);
    return [
      {
        attribute: { id: va.attribute.id, name: va.attribute.name ?? '', href: href(ctx, 'attributes', va.attribute.id) },
        attribute_value: { id: valueId, name: va.value.name ?? '', href: href(ctx, 'attributevalues', valueId) },
        extra_price: extra,
      },
    ];
  });
  const photosHref = href(ctx, 'attributecombinations', c.id, 'attributecombinationphotos');
  return {
    href: href(ctx, 'attributecombinations', c.id),
    id: c.id,
    note: c.note ?? '',
    product_id: productId,
    stock: c.stock ?? 0,
    netto_extra_price: eur(extraCents),
    ordering_without_stock: c.ordering_without_stock ?? 'global_setting',
    product_number: str(c, 'product_number') ?? '',
    ean_number: str(c, 'ean_number') ?? '',
    sku_number: str(c, 'sku_number') ?? '',
    delivery_time: c.delivery_time ?? 0,
    delivery_time_type: c.delivery_time_type ?? 'days',
    delivery_default_text: c.delivery_default_text ?? '',
    active: c.active ?? true,
    combination,
    attributecombinationphotos:
      expand.has('attributecombinationphotos') || ctx.config.unexpandedCollection === 'empty'
        ? { href: photosHref, collection: [] }
        : { href: photosHref },
    attributes: { href: href(ctx, 'attributecombinations', c.id, 'attributes') },
    attributevalues: { href: href(ctx, 'attributecombinations', c.id, 'attributevalues') },
    parent: { href: href(ctx, 'products', productId) },
  };
}
