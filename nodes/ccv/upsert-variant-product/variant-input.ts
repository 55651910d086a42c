import { z } from 'zod';
import { isJsonObject, numberOf, textOf } from '../../../engine';
import type { Json, JsonObject } from '../../../engine';
import { RecordProblem } from '../../shared/batch-writer';

export const attributeRowSchema = z.strictObject({
  vismaAttribute: z.string().trim().min(1).meta({ title: 'Visma.net attribute', description: 'e.g. SIZE', ui: { widget: 'text' } }),
  shopAttribute: z.string().trim().min(1).meta({ title: 'CCV Shop attribute', description: 'e.g. Maat; found by name or created.', ui: { widget: 'text' } }),
  type: z
    .enum(['option_menu', 'option_menu_required'])
    .default('option_menu')
    .meta({ title: 'Type', description: 'For new attributes.', ui: { widget: 'select', options: ['option_menu', 'option_menu_required'] } }),
});
export type AttributeRow = z.infer<typeof attributeRowSchema>;

/** One variant as this node needs it: its SKU and, per shop attribute, the option value. */
export interface VariantInput {
  sku: string;
  ean?: string;
  stock?: number;
  active?: boolean;
  /** Shop attribute name → value name, in the order of the attribute table. */
  options: Map<string, string>;
}

/** `{SIZE: 'S'}` or Visma's `[{id: 'SIZE', value: 'S'}]` → attribute id → value. */
function optionsOf(v: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  if (isJsonObject(v.options)) {
    for (const [k, value] of Object.entries(v.options)) {
      const text = textOf(value);
      if (text !== undefined) out.set(k.toLowerCase(), text);
    }
  } else if (Array.isArray(v.attributes)) {
    for (const a of v.attributes.filter(isJsonObject)) {
      const id = textOf(a.id);
      const value = textOf(a.value);
      if (id !== undefined && value !== undefined) out.set(id.toLowerCase(), value);
    }
  }
  return out;
}

/**
 * The variants of one product record. Every variant needs a SKU and a value for each attribute of the table that
 * the product uses; attributes outside the table are not options and are ignored.
 */
export function readVariants(group: string, value: Json | undefined, table: readonly AttributeRow[], field: string): VariantInput[] {
  // JSONata turns a one-element list into the element itself; accept both.
  const list = Array.isArray(value) ? value.filter(isJsonObject) : isJsonObject(value) ? [value] : [];
  if (list.length === 0) throw new RecordProblem(`Product '${group}' has no variants in '${field}'. Map the list of its items to '${field}'.`, field);
  const variants = list.map((v, i) => {
    const sku = textOf(v.sku) ?? textOf(v.inventoryNumber);
    if (sku === undefined) throw new RecordProblem(`Product '${group}': variant ${i + 1} has no SKU. Map 'sku' in each variant.`, `${field}[${i}].sku`);
    const raw = optionsOf(v);
    const options = new Map<string, string>();
    for (const row of table) {
      const val = raw.get(row.vismaAttribute.toLowerCase());
      if (val !== undefined) options.set(row.shopAttribute, val);
    }
    const stock = numberOf(v.stock);
    const active = typeof v.active === 'boolean' ? v.active : undefined;
    const ean = textOf(v.ean);
    return { sku, options, ...(ean !== undefined ? { ean } : {}), ...(stock !== undefined ? { stock } : {}), ...(active !== undefined ? { active } : {}) };
  });
  const used = table.filter((row) => variants.some((v) => v.options.has(row.shopAttribute)));
  if (used.length === 0) {
    throw new RecordProblem(`Product '${group}': none of its variants has a value for an attribute of the table (${table.map((r) => r.vismaAttribute).join(', ') || 'the table is empty'}). Add the option attributes to the table.`, 'attributes');
  }
  for (const v of variants) {
    const missing = used.find((row) => !v.options.has(row.shopAttribute));
    if (missing) throw new RecordProblem(`Variant '${v.sku}' of product '${group}' has no value for ${missing.vismaAttribute} (${missing.shopAttribute}), which its other variants have. Give it a value in Visma.net.`, `options.${missing.vismaAttribute}`);
  }
  const seen = new Map<string, string>();
  for (const v of variants) {
    const combo = [...v.options].map(([a, val]) => `${a}=${val.toLowerCase()}`).join('|');
    const other = seen.get(combo);
    if (other !== undefined) throw new RecordProblem(`Variants '${other}' and '${v.sku}' of product '${group}' have the same options (${combo.replace(/\|/g, ', ')}). Give each variant its own values.`, 'options');
    seen.set(combo, v.sku);
  }
  return variants;
}
