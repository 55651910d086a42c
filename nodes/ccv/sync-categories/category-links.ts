import { contentHash, getAtPath, isJsonObject, parseFieldPath, textOf } from '../../../engine';
import type { Item, Json } from '../../../engine';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { CcvClient, ProductToCategory } from '../../../connectors/ccv-shop/index';
import { shopCategoryId } from './category-tree';
import type { CategoryEnv } from './category-tree';
import { isCreateOnly } from '../../shared/record-fields';
import { RecordProblem } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';

/** Id map of a product's category links: SKU → CCV product id, hash of the linked categories. */
export const LINKS_SCOPE = 'links';

/** `[2, 5]`, `[{categoryId: 2}]` (Visma items) or `"2,5"` → the Visma category ids as text. */
function categoryIds(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const v of list) {
    const id = isJsonObject(v) ? textOf(v.categoryId ?? v.categoryID ?? v.id) : textOf(v);
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

async function linksOf(client: CcvClient, productId: number, signal: AbortSignal): Promise<ProductToCategory[] | undefined> {
  const out: ProductToCategory[] = [];
  try {
    for await (const l of client.productToCategories.listForProduct(productId, { signal })) out.push(l);
  } catch (err) {
    if (err instanceof CcvApiError && err.kind === 'not-found') return undefined;
    throw err;
  }
  return out;
}

/**
 * Links one shop product to the shop categories of its Visma.net sales categories (producttocategories). Links are
 * added, never duplicated; other links are removed only when asked. Unchanged since the last run → no request.
 */
export async function syncProductLinks(env: CategoryEnv, item: Item, journal: Journal): Promise<WriteResult> {
  const { ctx, client } = env;
  const p = ctx.params;
  const sku = textOf(getAtPath(item.json, parseFieldPath(p.skuField))) ?? item.key;
  const vismaIds = categoryIds(getAtPath(item.json, parseFieldPath(p.categoriesField)));
  const wanted: number[] = [];
  for (const v of vismaIds) {
    const id = shopCategoryId(env, v);
    if (id === undefined) throw new RecordProblem(`Product '${sku}': sales category ${v} is not in the shop yet. Send the sales categories into this step too (input 'Categories'), or check that category ${v} did not fail.`, p.categoriesField);
    if (!wanted.includes(id)) wanted.push(id);
  }
  wanted.sort((a, b) => a - b);
  const hash = contentHash({ categories: wanted, removeOthers: p.removeOtherLinks });
  const mapping = ctx.ledger.getMapping(LINKS_SCOPE, sku);
  if (mapping && mapping.hash === hash && !ctx.ledger.pendingWrite(LINKS_SCOPE, sku)) return { action: 'skipped', targetId: mapping.targetId, reason: 'categories unchanged since the last run' };

  let productId = mapping ? Number(mapping.targetId) : undefined;
  let existing = productId !== undefined ? await linksOf(client, productId, ctx.signal) : undefined;
  if (existing === undefined) {
    const product = await client.products.findByNumber(sku, { signal: ctx.signal });
    if (!product) throw new RecordProblem(`Product '${sku}' is not in the shop, so it cannot be put in categories. Create the products first.`, p.skuField);
    productId = product.id;
    existing = (await linksOf(client, product.id, ctx.signal)) ?? [];
  }
  const pid = productId ?? 0;
  const have = new Map<number, number>();
  for (const l of existing) if (l.category_id != null) have.set(l.category_id, l.id);
  // Categories marked "only when created": a product that is in any category already is left alone.
  const add = isCreateOnly(item, p.categoriesField) && have.size > 0 ? [] : wanted.filter((c) => !have.has(c));
  const remove = p.removeOtherLinks ? [...have].filter(([c]) => !wanted.includes(c)) : [];
  const before = [...have.keys()].sort((a, b) => a - b);
  const after = [...new Set([...before.filter((c) => !remove.some(([r]) => r === c)), ...add])].sort((a, b) => a - b);
  // Categories a dry run would create have no id yet: show their names.
  const shown = (ids: number[]) => ids.map((id) => (id < 0 ? `new: ${env.planned.get(id) ?? id}` : id));
  if (add.length === 0 && remove.length === 0) {
    journal.settle(LINKS_SCOPE, sku, String(pid), hash);
    return { action: 'skipped', targetId: String(pid), reason: 'the product is already in these categories' };
  }
  const result: WriteResult = {
    action: before.length === 0 ? 'created' : 'updated',
    targetId: String(pid),
    changes: [{ field: 'categories', before: shown(before), after: shown(after) }],
    sent: { add: shown(add), remove: remove.map(([c]) => c) },
  };
  if (ctx.dryRun) return result;
  await journal.write(LINKS_SCOPE,
    sku,
    hash,
    async () => {
      for (const category of add) await client.productToCategories.create({ product_id: pid, category_id: category }, { signal: ctx.signal });
      for (const [, linkId] of remove) await client.productToCategories.delete(linkId, { signal: ctx.signal });
    },
    () => String(pid),
  );
  return result;
}
