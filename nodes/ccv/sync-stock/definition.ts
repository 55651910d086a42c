import { z } from 'zod';
import { requireShop, shopLedger } from '../../shared/require-shop';
import { contentHash, defineNode, getAtPath, parseFieldPath, numberOf, textOf } from '../../../engine';
import type { FieldChange, Item, NodeContext } from '../../../engine';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { CcvClient } from '../../../connectors/ccv-shop/index';
import { isCreateOnly } from '../../shared/record-fields';
import { RecordProblem, writeBatches } from '../../shared/batch-writer';
import type { Planned, WriteResult } from '../../shared/batch-writer';
import { StockIndex } from './stock-index';
import { pathParam } from '../../shared/path-param';
import { currentStock, decodeTarget, encodeTarget, findStockTarget } from './stock-target';
import type { StockTarget } from './stock-target';

const SCOPE = 'stock';

const paramsSchema = z.strictObject({
  skuField: pathParam('SKU field', 'inventoryNumber', 'The field with the SKU (product number or variant SKU).'),
  stockField: pathParam('Stock field', 'stock', 'The field with the stock figure.'),
  target: z
    .enum(['auto', 'product', 'variant'])
    .default('auto')
    .meta({
      title: 'Write to',
      ui: {
        widget: 'select',
        options: [
          { value: 'auto', label: 'the product with this number, else the variant with this SKU' },
          { value: 'product', label: 'products only' },
          { value: 'variant', label: 'variants (attribute combinations) only' },
        ],
      },
    }),
  stockEnabled: z
    .enum(['unchanged', 'on', 'off'])
    .default('unchanged')
    .meta({
      title: 'Shop manages stock',
      description: "Sets the product's stockenabled (for a variant: on its product).",
      ui: { widget: 'select', options: [{ value: 'unchanged', label: 'leave as it is' }, { value: 'on', label: 'on' }, { value: 'off', label: 'off' }] },
    }),
});
type Params = z.infer<typeof paramsSchema>;

interface Env {
  ctx: NodeContext<Params>;
  client: CcvClient;
  /** Parents whose stockenabled is set (or being set) in this run. */
  parentsDone: Map<number, Promise<void>>;
  index: StockIndex;
}

async function writeStock(env: Env, t: StockTarget, stock: number): Promise<void> {
  const { ctx, client } = env;
  const enabled = ctx.params.stockEnabled === 'unchanged' ? undefined : ctx.params.stockEnabled === 'on';
  if (t.kind === 'product') {
    await client.products.patch(t.productId, enabled === undefined ? { stock } : { stock, stockenabled: enabled }, { signal: ctx.signal });
    return;
  }
  await client.attributeCombinations.patch(t.combinationId, { stock }, { signal: ctx.signal });
  if (enabled === undefined) return;
  // Variants of one product are written side by side: the first one switches the product, the others wait for it.
  let parent = env.parentsDone.get(t.productId);
  if (!parent) {
    parent = client.products.patch(t.productId, { stockenabled: enabled }, { signal: ctx.signal });
    env.parentsDone.set(t.productId, parent);
    parent.catch(() => env.parentsDone.delete(t.productId));
  }
  await parent;
}

/**
 * Decides one SKU's stock write, reading as little as possible: unchanged since the last write → nothing; known to
 * the id map → one PATCH, no read first; unknown → where it lives from the shop's product list (StockIndex), then one
 * PATCH, or nothing when the shop already has the figure. A dry run reads the current figure for the before value.
 */
async function planStock(env: Env, item: Item, paths: { sku: ReturnType<typeof parseFieldPath>; stock: ReturnType<typeof parseFieldPath> }): Promise<Planned> {
  const { ctx, client, index } = env;
  const p = ctx.params;
  const sku = textOf(getAtPath(item.json, paths.sku)) ?? item.key;
  const stock = numberOf(getAtPath(item.json, paths.stock));
  if (stock === undefined) throw new RecordProblem(`SKU '${sku}' has no stock figure in '${p.stockField}'. Map a number to it.`, p.stockField);
  const hash = contentHash({ stock, stockEnabled: p.stockEnabled });
  const mapping = ctx.ledger.getMapping(SCOPE, sku);
  const pending = ctx.ledger.pendingWrite(SCOPE, sku);
  const done = (result: WriteResult): Planned => ({ kind: 'done', result });
  if (mapping && mapping.hash === hash && !pending) return done({ action: 'skipped', targetId: mapping.targetId, reason: 'stock unchanged since the last run' });

  // Stock marked "only when created" in the mapping: the first figure is written, later ones are not.
  if (mapping && isCreateOnly(item, p.stockField)) return done({ action: 'skipped', targetId: mapping.targetId, reason: `'${p.stockField}' is written only the first time (update on resync is off)` });
  let target = mapping ? decodeTarget(mapping.targetId) : undefined;
  const notFound = (err: unknown) => (err instanceof CcvApiError && err.kind === 'not-found' ? undefined : Promise.reject(err));
  // A dry run, or a write a stopped run may have made: read what the shop has now.
  if (target && (ctx.dryRun || pending)) target = await currentStock(client, target, ctx.signal).catch(notFound);
  target ??= await index.find(sku, p.target);
  // Not in the shop and nothing to sell (e.g. an item no longer for sale, never created there): nothing to do.
  // Noted in the id map (with no target), so the next run does not look for it again while the figure stays 0.
  if (!target && stock === 0) {
    const absent: WriteResult = { action: 'skipped', reason: 'not in the shop, and its stock is 0' };
    return ctx.dryRun ? done(absent) : { kind: 'write', scope: SCOPE, key: sku, hash, send: async () => ({ ...absent, targetId: '' }) };
  }
  if (!target) {
    const where = p.target === 'product' ? 'no product with this number' : p.target === 'variant' ? 'no variant with this SKU' : 'no product with this number and no variant with this SKU';
    throw new RecordProblem(`SKU '${sku}': the shop has ${where}. Create the product first (run the product flow), or check the SKU.`, p.skuField);
  }
  const id = encodeTarget(target);
  const wantEnabled = p.stockEnabled === 'unchanged' ? undefined : p.stockEnabled === 'on';
  const changes: FieldChange[] = [];
  if (target.stock === undefined || target.stock !== stock) changes.push(target.stock === undefined ? { field: 'stock', after: stock } : { field: 'stock', before: target.stock, after: stock });
  if (target.kind === 'product' && wantEnabled !== undefined && target.stockenabled !== wantEnabled) {
    changes.push(target.stockenabled === undefined ? { field: 'stockenabled', after: wantEnabled } : { field: 'stockenabled', before: target.stockenabled, after: wantEnabled });
  }
  const where = target.kind === 'product' ? 'product' : 'variant';
  const write = (send: () => Promise<WriteResult & { targetId: string }>): Planned => ({ kind: 'write', scope: SCOPE, key: sku, hash, send });
  if (changes.length === 0) {
    // Already right: nothing is sent; the write only settles the id map (and a pending intent).
    return ctx.dryRun ? done({ action: 'skipped', targetId: id, reason: `the shop's ${where} already has this stock` }) : write(async () => ({ action: 'skipped', targetId: id, reason: `the shop's ${where} already has this stock` }));
  }
  if (ctx.dryRun) return done({ action: 'updated', targetId: id, changes, sent: { stock } });
  const first = target;
  return write(async () => {
    try {
      await writeStock(env, first, stock);
      return { action: 'updated', targetId: id, changes, sent: { stock } };
    } catch (err) {
      // Deleted in the shop since the last run: find the SKU again, once.
      if (!(err instanceof CcvApiError && err.kind === 'not-found' && mapping)) throw err;
      const again = await findStockTarget(client, sku, p.target, ctx.signal);
      if (!again) throw err;
      await writeStock(env, again, stock);
      return { action: 'updated', targetId: encodeTarget(again), changes: [{ field: 'stock', after: stock }], sent: { stock } };
    }
  });
}

export const ccvSyncStockNode = defineNode({
  type: 'ccv.syncStock',
  version: 1,
  title: 'Update stock',
  category: 'ccv',
  description:
    'Writes stock figures to CCV Shop: to the product with the SKU as product number, or to the variant (attribute combination) with that SKU. Only figures that changed since the last run are written (id map and hash in the ledger). Optionally switches "shop manages stock" (stockenabled) on or off. Dry run: planned updates with the shop\'s current stock as before.',
  icon: 'boxes',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [{ name: 'in', title: 'Stock', description: 'Records with a SKU and a stock figure, e.g. from "Read stock from Visma.net".' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'Records whose stock was written or was already right.' },
    { name: 'error', title: 'Error', description: 'SKUs not found in the shop, or without a figure.' },
  ],
  params: paramsSchema,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    const paths = { sku: parseFieldPath(ctx.params.skuField), stock: parseFieldPath(ctx.params.stockField) };
    const env: Env = { ctx, client, parentsDone: new Map(), index: new StockIndex(client, ctx.signal) };
    yield* writeBatches(ctx, inputs.in, (item) => planStock(env, item, paths), {
      target: 'stock',
      service: 'CCV Shop',
      concurrency: 4,
      beforeBatch: (items) => ctx.ledger.prefetchMappings(SCOPE, items.map((i) => textOf(getAtPath(i.json, paths.sku)) ?? i.key)),
    });
  },
});
