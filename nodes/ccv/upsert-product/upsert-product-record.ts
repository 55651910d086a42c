import { contentHash } from '../../../engine';
import type { FieldChange, FieldHashes, IdMapping, Item, JsonObject, NodeContext } from '../../../engine';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { CcvClient, CheckedBody, Product, ProductPatch } from '../../../connectors/ccv-shop/index';
import { checkedCreate, checkedUpdate, fieldHashes, prepareProduct } from './product-body';
import type { PreparedProduct } from './product-body';
import { createChanges, productChanges, productJson } from './product-diff';
import type { ProductIndex } from './product-index';
import type { Journal, Planned, WriteResult } from '../../shared/batch-writer';
import type { ShopFacts } from '../../shared/shop-facts';
import type { UpsertProductParams } from './params';

/** Ledger scope of the id map: product number → CCV product id. */
export const PRODUCT_SCOPE = 'product';


export interface UpsertEnv {
  ctx: NodeContext<UpsertProductParams, CcvClient>;
  client: CcvClient;
  facts: ShopFacts;
  index: ProductIndex;
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

const isNotFound = (err: unknown): boolean => err instanceof CcvApiError && err.kind === 'not-found';

async function packageIdFor(env: UpsertEnv): Promise<number> {
  const fixed = env.ctx.params.defaultPackageId;
  return fixed !== undefined ? Number(fixed) : env.facts.firstPackageId();
}

/** The fields whose value changed since the last write (by their hashes in the id map), with the value sent now. */
function changedSince(prep: PreparedProduct, fields: FieldHashes, last: FieldHashes | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, after] of Object.entries(prep.update)) if (last?.[field] !== fields[field]) out.push({ field, after });
  return out;
}

async function create(env: UpsertEnv, prep: PreparedProduct): Promise<WriteResult & { targetId: string }> {
  const { ctx, client, index } = env;
  const body = checkedCreate(prep, await packageIdFor(env));
  const created = await client.products.createReturningId(body, { signal: ctx.signal });
  index.add(prep.productnumber, created.id);
  return { action: 'created', targetId: String(created.id), changes: createChanges(body.value), sent: body.value };
}

async function patch(env: UpsertEnv, prep: PreparedProduct, id: number, changes: FieldChange[], body: CheckedBody<ProductPatch> = checkedUpdate(prep)): Promise<WriteResult & { targetId: string }> {
  await env.client.products.patch(id, body, { signal: env.ctx.signal });
  return { action: 'updated', targetId: String(id), changes, sent: body.value };
}

/**
 * The write of a product whose id is known: one PATCH with every field that is updated on re-sync (a shop-side edit
 * of such a field is overwritten, a create-only field never is). Deleted in the shop since: it is looked for by its
 * number (someone may have made it again) and otherwise created again.
 */
async function patchOrRecreate(env: UpsertEnv, prep: PreparedProduct, id: number, changes: FieldChange[], body: CheckedBody<ProductPatch>): Promise<WriteResult & { targetId: string }> {
  try {
    return await patch(env, prep, id, changes, body);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    env.index.forget(prep.productnumber, id);
    env.ctx.log('info', `Product '${prep.productnumber}' (id ${id}) is no longer in the shop; looking for it by its number.`, { key: prep.productnumber });
    const again = await env.index.find(prep.productnumber);
    return again !== undefined && again !== id ? patch(env, prep, again, changes, body) : create(env, prep);
  }
}

/** Field-hash key in the id map: Koppel hid the product because its item was not for sale. */
const HIDDEN = '(hidden by Koppel)';

/**
 * An item that is no longer for sale (the mapping gives active = false): never created; a product already in the
 * shop is hidden or set to stock 0, once (the id map remembers it), and shown again when the item is for sale again.
 */
async function planNotForSale(env: UpsertEnv, prep: PreparedProduct, mapping: IdMapping | undefined): Promise<Planned> {
  const { ctx, index } = env;
  const how = ctx.params.notForSale;
  const change: JsonObject = how === 'hide' ? { active: false } : { stock: 0 };
  const hash = contentHash({ notForSale: how, change });
  if (mapping?.hash === hash) return { kind: 'done', result: { action: 'skipped', targetId: mapping.targetId, reason: 'not for sale in Visma.net; already handled in the shop' } };
  const mapped = mapping ? Number(mapping.targetId) : undefined;
  const id = mapped !== undefined && Number.isInteger(mapped) ? mapped : await index.find(prep.productnumber);
  if (id === undefined) return { kind: 'done', result: { action: 'skipped', reason: 'not for sale in Visma.net, so not created in the shop' } };
  const changes: FieldChange[] = how === 'hide' ? [{ field: 'active', after: false }] : [{ field: 'stock', after: 0 }];
  const reason = how === 'hide' ? 'not for sale in Visma.net: hidden in the shop' : 'not for sale in Visma.net: stock set to 0';
  if (ctx.dryRun) return { kind: 'done', result: { action: 'updated', targetId: String(id), changes, sent: change, reason } };
  const body = checkedUpdate(prep, change);
  return {
    kind: 'write',
    scope: PRODUCT_SCOPE,
    key: prep.productnumber,
    hash,
    fields: how === 'hide' ? { [HIDDEN]: 'yes' } : {},
    send: async () => {
      try {
        await env.client.products.patch(id, body, { signal: ctx.signal });
      } catch (err) {
        // Gone from the shop already: nothing to hide.
        if (!isNotFound(err)) throw err;
        return { action: 'skipped', targetId: String(id), reason: 'not for sale in Visma.net and no longer in the shop' };
      }
      return { action: 'updated', targetId: String(id), changes, sent: change, reason };
    },
  };
}

/** A dry run: read what the shop has, so the planned changes show the real before and after. */
async function preview(env: UpsertEnv, prep: PreparedProduct, mapping: IdMapping | undefined): Promise<WriteResult> {
  const { ctx, client, index } = env;
  let current = mapping ? await productById(client, Number(mapping.targetId), ctx.signal) : undefined;
  if (!current) {
    const id = await index.find(prep.productnumber);
    current = id !== undefined ? await productById(client, id, ctx.signal) : undefined;
  }
  if (!current) {
    const body = checkedCreate(prep, await packageIdFor(env));
    return { action: 'created', changes: createChanges(body.value), sent: body.value };
  }
  const id = String(current.id);
  const changes = productChanges(prep.update, productJson(current));
  if (changes.length === 0) return { action: 'skipped', targetId: id, reason: 'the shop already has these values' };
  return { action: 'updated', targetId: id, changes, sent: checkedUpdate(prep).value };
}

/**
 * Decides what one product record needs, by its number (SKU), reading as little as possible:
 * - unchanged since the last write (same content hash in the id map, no write left pending): nothing at all;
 * - known to the id map: one PATCH of the fields updated on re-sync, no read first;
 * - unknown: the shop's product list says whether it exists (see ProductIndex), then one PATCH or one POST;
 * - a write left pending by a stopped run: looked up first (by id, else by number), so it is never created twice.
 * A dry run reads the product to show the field-level before and after, and writes nothing.
 */
export async function planProduct(env: UpsertEnv, item: Item): Promise<Planned> {
  const { ctx, client, facts, index } = env;
  const p = ctx.params;
  const prep = prepareProduct(item, {
    mappedIncludeVat: p.mappedPricesIncludeVat,
    shopIncludesVat: await facts.pricesIncludeVat(),
    vatRates: p.vatRates,
    defaultTaxtariff: p.defaultTaxtariff,
  });
  const mapping = ctx.ledger.getMapping(PRODUCT_SCOPE, prep.productnumber);
  const pending = ctx.ledger.pendingWrite(PRODUCT_SCOPE, prep.productnumber);
  if (prep.create.active === false && p.notForSale !== 'keep') return planNotForSale(env, prep, mapping);
  if (mapping && mapping.hash === prep.hash && !pending) return { kind: 'done', result: { action: 'skipped', targetId: mapping.targetId, reason: 'unchanged since the last run' } };
  if (ctx.dryRun) return { kind: 'done', result: await preview(env, prep, mapping) };
  // Koppel hid this product while its item was not for sale; now it is again, so it is shown again.
  if (mapping?.fields?.[HIDDEN] === 'yes' && Number.isInteger(Number(mapping.targetId))) {
    const shown: PreparedProduct = { ...prep, update: { ...prep.update, active: true } };
    const body = checkedUpdate(shown);
    return {
      kind: 'write',
      scope: PRODUCT_SCOPE,
      key: prep.productnumber,
      hash: prep.hash,
      fields: fieldHashes(prep.update),
      send: () => patchOrRecreate(env, shown, Number(mapping.targetId), [{ field: 'active', before: false, after: true }], body),
    };
  }

  // Checked now, so a record the shop would refuse fails before anything is written; sent as checked.
  const body = checkedUpdate(prep);
  const fields = fieldHashes(prep.update);
  const changes = changedSince(prep, fields, mapping?.fields);
  const write = (send: () => Promise<WriteResult & { targetId: string }>): Planned => ({ kind: 'write', scope: PRODUCT_SCOPE, key: prep.productnumber, hash: prep.hash, fields, send });

  if (pending) {
    // A stopped run may have written it: what the shop has decides, so nothing is created twice.
    let current = mapping ? await productById(client, Number(mapping.targetId), ctx.signal) : undefined;
    current ??= await client.products.findByNumber(prep.productnumber, { signal: ctx.signal });
    const found = current;
    if (!found) return write(() => create(env, prep));
    const diff = productChanges(prep.update, productJson(found));
    // Already there as wanted: nothing is sent; the write settles the id map and clears the pending intent.
    if (diff.length === 0) return write(async () => ({ action: 'skipped', targetId: String(found.id), reason: 'the shop already has these values (an earlier run was stopped after writing it)' }));
    return write(() => patch(env, prep, found.id, diff, body));
  }
  const mappedId = mapping ? Number(mapping.targetId) : undefined;
  if (mappedId !== undefined && Number.isInteger(mappedId)) return write(() => patchOrRecreate(env, prep, mappedId, changes, body));
  const existing = await index.find(prep.productnumber);
  if (existing !== undefined) return write(() => patchOrRecreate(env, prep, existing, changes, body));
  return write(() => create(env, prep));
}

/** Plans and writes one product at once, journaled (for steps that write more than the product per record). */
export async function upsertProductWith(env: UpsertEnv, item: Item, journal: Journal): Promise<WriteResult> {
  const planned = await planProduct(env, item);
  if (planned.kind === 'done') return planned.result;
  if (planned.kind === 'steps') return planned.run(journal);
  return journal.write(planned.scope, planned.key, planned.hash, planned.send, (r) => r.targetId, planned.fields);
}
