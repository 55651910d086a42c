import type { Item, JsonObject, NodeContext } from '../../engine';
import { CcvApiError, productCreateSchema, productPatchSchema } from '../../connectors/ccv-shop/index';
import type { CcvClient, Product } from '../../connectors/ccv-shop/index';
import { checkProductFields, prepareProduct } from './product-body';
import type { PreparedProduct } from './product-body';
import { createChanges, productChanges, productJson } from './product-diff';
import { RecordProblem } from './record-writer';
import type { WriteResult } from './record-writer';
import type { ShopFacts } from './shop-facts';
import { journaled, settle } from './write-journal';

/** Ledger scope of the id map: product number → CCV product id. */
export const PRODUCT_SCOPE = 'product';

export interface UpsertProductParams {
  mappedPricesIncludeVat: boolean;
  vatRates: Record<string, number>;
  defaultTaxtariff: string;
  defaultPackageId?: number | string;
}

export interface UpsertEnv {
  ctx: NodeContext<UpsertProductParams>;
  client: CcvClient;
  facts: ShopFacts;
}

/** A product by id, or undefined when it is gone from the shop (deleted since the last run). */
export async function productById(client: CcvClient, id: number, signal: AbortSignal): Promise<Product | undefined> {
  if (!Number.isInteger(id)) return undefined;
  try {
    return await client.products.get(id, { signal });
  } catch (err) {
    if (err instanceof CcvApiError && err.kind === 'not-found') return undefined;
    throw err;
  }
}

async function createProduct(env: UpsertEnv, prep: PreparedProduct): Promise<WriteResult> {
  const { ctx, client, facts } = env;
  const body: JsonObject = { ...prep.create };
  if (body.package_id === undefined) body.package_id = env.ctx.params.defaultPackageId !== undefined ? Number(env.ctx.params.defaultPackageId) : await facts.firstPackageId();
  checkProductFields(prep.productnumber, body);
  const parsed = productCreateSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'name';
    throw new RecordProblem(`Product '${prep.productnumber}' cannot be created without a valid '${field}' (${issue?.message ?? 'missing'}). Map a value for '${field}'.`, field);
  }
  const changes = createChanges(body);
  if (ctx.dryRun) return { action: 'created', changes, sent: body };
  const created = await journaled(ctx, PRODUCT_SCOPE, prep.productnumber, prep.hash, () => client.products.create(parsed.data, { signal: ctx.signal }), (p) => String(p.id));
  return { action: 'created', targetId: String(created.id), changes, sent: body };
}

async function updateProduct(env: UpsertEnv, prep: PreparedProduct, current: Product): Promise<WriteResult> {
  const { ctx, client } = env;
  const id = String(current.id);
  const changes = productChanges(prep.update, productJson(current));
  if (changes.length === 0) {
    settle(ctx, PRODUCT_SCOPE, prep.productnumber, id, prep.hash);
    return { action: 'skipped', targetId: id, reason: 'the shop already has these values' };
  }
  const patch: JsonObject = {};
  for (const c of changes) {
    const v = prep.update[c.field];
    if (v !== undefined) patch[c.field] = v;
  }
  const parsed = productPatchSchema.safeParse(patch);
  if (!parsed.success) checkProductFields(prep.productnumber, patch);
  if (ctx.dryRun || !parsed.success) return { action: 'updated', targetId: id, changes, sent: patch };
  await journaled(ctx, PRODUCT_SCOPE, prep.productnumber, prep.hash, () => client.products.patch(current.id, parsed.data, { signal: ctx.signal }), () => id);
  return { action: 'updated', targetId: id, changes, sent: patch };
}

/**
 * Create or update one product by its number (SKU). Unchanged since the last write (same content hash in the id
 * map) → skipped without a request. Otherwise the product is read (by the mapped id, else looked up by number, so
 * an interrupted create is never repeated) and only the fields that differ are patched; create-only fields are
 * sent on create and never on update.
 */
export async function upsertProductRecord(env: UpsertEnv, item: Item): Promise<WriteResult> {
  const { ctx, client, facts } = env;
  const p = ctx.params;
  const prep = prepareProduct(item, {
    mappedIncludeVat: p.mappedPricesIncludeVat,
    shopIncludesVat: await facts.pricesIncludeVat(),
    vatRates: p.vatRates,
    defaultTaxtariff: p.defaultTaxtariff,
  });
  const mapping = ctx.ledger.getMapping(PRODUCT_SCOPE, prep.productnumber);
  const pending = ctx.ledger.pendingWrite(PRODUCT_SCOPE, prep.productnumber);
  if (mapping && mapping.hash === prep.hash && !pending) return { action: 'skipped', targetId: mapping.targetId, reason: 'unchanged since the last run' };
  let current = mapping ? await productById(client, Number(mapping.targetId), ctx.signal) : undefined;
  current ??= await client.products.findByNumber(prep.productnumber, { signal: ctx.signal });
  return current ? updateProduct(env, prep, current) : createProduct(env, prep);
}
