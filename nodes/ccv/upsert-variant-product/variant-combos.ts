import { RecordProblem } from '../../shared/batch-writer';
import type { Journal } from '../../shared/batch-writer';
import { contentHash } from '../../../engine';
import type { FieldChange, Json, JsonObject, NodeContext } from '../../../engine';
import type { AttributeCombination, AttributeCombinationPatch, CcvClient } from '../../../connectors/ccv-shop/index';
import type { AttributeCatalog } from './variant-attributes';
import type { AttributeRow, VariantInput } from './variant-input';

export const VARIANT_SCOPE = 'variant';

export interface VariantEnv {
  ctx: NodeContext<{ deactivateOthers: boolean }>;
  client: CcvClient;
  catalog: AttributeCatalog;
}

/** What a variant's combination should hold. */
function wantedFields(v: VariantInput): JsonObject {
  return {
    sku_number: v.sku,
    ...(v.ean !== undefined ? { ean_number: v.ean } : {}),
    ...(v.stock !== undefined ? { stock: v.stock } : {}),
    active: v.active ?? true,
  };
}

export function variantHash(v: VariantInput): string {
  return contentHash({ fields: wantedFields(v), options: Object.fromEntries(v.options) });
}

/** True when no variant changed since the last run (so nothing needs to be read or written). */
export function variantsUnchanged(ctx: NodeContext<unknown>, variants: readonly VariantInput[]): boolean {
  return variants.every((v) => {
    const m = ctx.ledger.getMapping(VARIANT_SCOPE, v.sku);
    return m !== undefined && m.hash === variantHash(v) && !ctx.ledger.pendingWrite(VARIANT_SCOPE, v.sku);
  });
}

function comboValue(c: AttributeCombination, field: string): Json | undefined {
  if (field === 'sku_number') return c.sku_number ?? '';
  if (field === 'ean_number') return c.ean_number ?? '';
  if (field === 'stock') return c.stock ?? 0;
  if (field === 'active') return c.active ?? true;
  return undefined;
}

function patchOf(fields: JsonObject): AttributeCombinationPatch {
  const patch: AttributeCombinationPatch = {};
  if (typeof fields.sku_number === 'string') patch.sku_number = fields.sku_number;
  if (typeof fields.ean_number === 'string') patch.ean_number = fields.ean_number;
  if (typeof fields.stock === 'number') patch.stock = fields.stock;
  if (typeof fields.active === 'boolean') patch.active = fields.active;
  return patch;
}

/**
 * Makes the product's options and variants match the Visma.net items: attributes and values found or created,
 * values attached to the product (CCV then generates the combinations), and each combination given its item's
 * SKU, EAN, stock and active flag. Combinations no item stands for are switched off once (`deactivateOthers`).
 */
export async function syncVariants(env: VariantEnv, productId: number | undefined, variants: readonly VariantInput[], table: readonly AttributeRow[], journal: Journal): Promise<FieldChange[]> {
  const { ctx, client, catalog } = env;
  const changes: FieldChange[] = [];
  const valueIds = new Map<string, number | undefined>();
  for (const row of table) {
    const names = [...new Set(variants.flatMap((v) => (v.options.has(row.shopAttribute) ? [v.options.get(row.shopAttribute) ?? ''] : [])))];
    if (names.length === 0) continue;
    const attributeId = await catalog.attributeId(row);
    for (const name of names) valueIds.set(`${row.shopAttribute}\u0000${name}`, attributeId === undefined ? undefined : await catalog.valueId(attributeId, name));
  }
  const idsOf = (v: VariantInput) => [...v.options].map(([a, name]) => valueIds.get(`${a}\u0000${name}`));

  if (productId === undefined) {
    // Dry run of a new product: everything would be created.
    for (const v of variants) changes.push({ field: `variant ${v.sku}`, after: { ...wantedFields(v), options: Object.fromEntries(v.options) } });
    return changes;
  }
  const attached = new Set<number>();
  for await (const pav of client.productAttributeValues.list(productId, { signal: ctx.signal })) if (pav.optionvalue_id != null) attached.add(pav.optionvalue_id);
  for (const [key, id] of valueIds) {
    if (id !== undefined && attached.has(id)) continue;
    changes.push({ field: 'option', after: key.replace('\u0000', ' = ') });
    if (ctx.dryRun || id === undefined) continue;
    await client.productAttributeValues.create(productId, { optionvalue: id, price: 0, stock: 0 }, { signal: ctx.signal });
    attached.add(id);
  }

  const combos: AttributeCombination[] = [];
  for await (const c of client.attributeCombinations.listForProduct(productId, { signal: ctx.signal })) combos.push(c);
  const used = new Set<number>();
  for (const v of variants) {
    const wanted = idsOf(v);
    const combo = wanted.every((id) => id !== undefined)
      ? combos.find((c) => !used.has(c.id) && wanted.every((id) => (c.combination ?? []).some((part) => part.attribute_value?.id === id)))
      : undefined;
    const fields = wantedFields(v);
    if (!combo) {
      changes.push({ field: `variant ${v.sku}`, after: { ...fields, options: Object.fromEntries(v.options) } });
      if (!ctx.dryRun) throw new RecordProblem(`CCV Shop made no variant for the options of '${v.sku}' (${[...v.options].map(([a, n]) => `${a} ${n}`).join(', ')}). Check that the attributes are option menus.`, 'attributes');
      continue;
    }
    used.add(combo.id);
    const diff: JsonObject = {};
    for (const [field, after] of Object.entries(fields)) {
      const before = comboValue(combo, field);
      if (JSON.stringify(before ?? null) === JSON.stringify(after)) continue;
      diff[field] = after;
      changes.push(before === undefined ? { field: `variant ${v.sku}: ${field}`, after } : { field: `variant ${v.sku}: ${field}`, before, after });
    }
    if (ctx.dryRun) continue;
    const hash = variantHash(v);
    if (Object.keys(diff).length === 0) {
      journal.settle(VARIANT_SCOPE, v.sku, String(combo.id), hash);
      continue;
    }
    const id = combo.id;
    await journal.write(VARIANT_SCOPE, v.sku, hash, () => client.attributeCombinations.patch(id, patchOf(diff), { signal: ctx.signal }), () => String(id));
  }
  if (ctx.params.deactivateOthers) {
    for (const c of combos) {
      if (used.has(c.id) || (c.sku_number ?? '') !== '' || c.active === false) continue;
      changes.push({ field: `variant ${c.id} (no item)`, before: { active: true }, after: { active: false } });
      if (!ctx.dryRun) await client.attributeCombinations.patch(c.id, { active: false, stock: 0 }, { signal: ctx.signal });
    }
  }
  return changes;
}
