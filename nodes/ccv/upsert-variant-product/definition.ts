import { z } from 'zod';
import { requireShop, shopLedger } from '../../shared/require-shop';
import { defineNode, itemMeta, withMeta } from '../../../engine';
import type { Item, JsonObject, NodeContext } from '../../../engine';
import type { CcvClient } from '../../../connectors/ccv-shop/index';
import { steps, writeBatches } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';
import { ShopFacts } from '../../shared/shop-facts';
import { upsertProductParams } from '../upsert-product/definition';
import { upsertProductWith } from '../upsert-product/upsert-product-record';
import { ProductIndex } from '../upsert-product/product-index';
import { AttributeCatalog } from './variant-attributes';
import { syncVariants, variantsUnchanged } from './variant-combos';
import { attributeRowSchema, readVariants } from './variant-input';

const paramsSchema = upsertProductParams.extend({
  attributes: z
    .array(attributeRowSchema)
    .default([])
    .meta({ title: 'Option attributes', description: 'Which Visma.net attributes are the options (size, colour, ...) and which CCV Shop attribute each becomes.', ui: { widget: 'table' } }),
  variantsField: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'use a top-level field name like variants')
    .default('variants')
    .meta({ title: 'Variants field', description: 'The list of variants: {sku, ean, stock, active, options: {SIZE: "S"}} (or Visma attributes[]).', ui: { widget: 'text' } }),
  deactivateOthers: z
    .boolean()
    .default(true)
    .meta({ title: 'Switch off other combinations', description: 'CCV makes every combination of the options; those no item stands for are switched off once.', ui: { widget: 'toggle' } }),
});
type Params = z.infer<typeof paramsSchema>;

interface Env {
  ctx: NodeContext<Params, CcvClient>;
  client: CcvClient;
  facts: ShopFacts;
  index: ProductIndex;
  catalog: AttributeCatalog;
}

/** The product part of the record: everything but the variants; stock lives on the variants (stocktype Attribute). */
function productItem(item: Item, field: string): Item {
  const json: JsonObject = {};
  for (const [k, v] of Object.entries(item.json)) if (k !== field) json[k] = v;
  if (json.stocktype !== undefined) return { key: item.key, json };
  json.stocktype = 'Attribute';
  return withMeta({ key: item.key, json }, { createOnly: [...(itemMeta(item).createOnly ?? []), 'stocktype'] });
}

async function upsertVariantProduct(env: Env, item: Item, journal: Journal): Promise<WriteResult> {
  const { ctx } = env;
  const p = ctx.params;
  const variants = readVariants(item.key, item.json[p.variantsField], p.attributes, p.variantsField);
  const product = await upsertProductWith(env, productItem(item, p.variantsField), journal);
  if (product.action === 'skipped' && variantsUnchanged(ctx, variants)) return { ...product, reason: 'product and variants unchanged since the last run' };
  const productId = product.targetId !== undefined ? Number(product.targetId) : undefined;
  const variantChanges = await syncVariants(env, productId, variants, p.attributes, journal);
  const changes = [...(product.changes ?? []), ...variantChanges];
  const action = product.action === 'created' ? 'created' : product.action === 'updated' || variantChanges.length > 0 ? 'updated' : 'skipped';
  return { action, targetId: product.targetId, changes, ...(product.sent !== undefined ? { sent: product.sent } : {}) };
}

export const ccvUpsertVariantProductNode = defineNode({
  type: 'ccv.upsertVariantProduct',
  version: 1,
  title: 'Create or update variant products',
  category: 'ccv',
  description:
    'Creates or updates one CCV Shop product per group of Visma.net items (see "Group variants"): the option attributes (size, colour, ...) become CCV attributes and values (found by name or created, per the attribute table), and each item becomes a variant (attribute combination) with its own SKU, EAN and stock. Product fields work as in "Create or update products". Dry run: planned product and variant changes.',
  icon: 'layers',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [{ name: 'in', title: 'Variant products', description: 'Product fields plus variants[], keyed by the product number.' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'Products written or already right.' },
    { name: 'error', title: 'Error', description: 'Products that could not be written, with the reason.' },
  ],
  params: paramsSchema,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    const env: Env = { ctx, client, facts: new ShopFacts(client, ctx.signal, (m) => ctx.log('info', m)), index: new ProductIndex(client, ctx.signal), catalog: new AttributeCatalog(ctx, client) };
    yield* writeBatches(ctx, inputs.in, steps((item, journal) => upsertVariantProduct(env, item, journal)), { target: 'variant product', service: 'CCV Shop' });
  },
});
