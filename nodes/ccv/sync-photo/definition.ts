import { z } from 'zod';
import { requireShop, shopLedger } from '../../shared/require-shop';
import { contentHash, defineNode, getAtPath, isJsonObject, parseFieldPath, stripMeta, textOf } from '../../../engine';
import type { Item, Json, JsonObject, NodeContext } from '../../../engine';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { CcvClient } from '../../../connectors/ccv-shop/index';
import { isCreateOnly } from '../../shared/record-fields';
import { RecordProblem, steps, writeBatches } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';
import { pathParam } from '../../shared/path-param';

const SCOPE = 'photo';

const paramsSchema = z.strictObject({
  skuField: pathParam('Product number field', 'inventoryNumber', 'The SKU of the shop product.'),
  imageField: pathParam('Image field', 'image', 'The image {fileType, base64, sha256, name} (from "Read item image").'),
  altField: pathParam('Alt text field', 'description', 'Text shown when the image cannot be; empty = the product number.'),
});
type Params = z.infer<typeof paramsSchema>;

interface Image {
  fileType: string;
  base64: string;
  sha256: string;
  name: string;
}

function imageOf(value: Json | undefined): Image | undefined {
  if (!isJsonObject(value)) return undefined;
  const fileType = textOf(value.fileType);
  const base64 = typeof value.base64 === 'string' && value.base64 !== '' ? value.base64 : undefined;
  if (!fileType || !base64) return undefined;
  return { fileType, base64, sha256: textOf(value.sha256) ?? contentHash(base64), name: textOf(value.name) ?? `image.${fileType}` };
}

/** The record without the image bytes, for the run log and ledger. */
function withoutBytes(item: Item): Json {
  const json = stripMeta(item.json);
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(json)) out[k] = isJsonObject(v) && typeof v.base64 === 'string' ? { ...v, base64: `(${v.base64.length} base64 characters)` } : v;
  return out;
}

async function photoIds(client: CcvClient, productId: number, signal: AbortSignal): Promise<Set<number>> {
  const ids = new Set<number>();
  for await (const p of client.productPhotos.list(productId, { signal })) ids.add(p.id);
  return ids;
}

async function syncPhoto(ctx: NodeContext<Params>, client: CcvClient, item: Item, journal: Journal): Promise<WriteResult> {
  const p = ctx.params;
  const sku = textOf(getAtPath(item.json, parseFieldPath(p.skuField))) ?? item.key;
  const image = imageOf(getAtPath(item.json, parseFieldPath(p.imageField)));
  if (!image) throw new RecordProblem(`Product '${sku}' has no image in '${p.imageField}'. Put "Read item image" before this step.`, p.imageField);
  const alttext = (textOf(getAtPath(item.json, parseFieldPath(p.altField))) ?? sku).slice(0, 255);
  // The bytes decide, not the attachment revision: a new revision of the same picture is not uploaded again.
  const hash = contentHash({ sha256: image.sha256, alttext });
  const mapping = ctx.ledger.getMapping(SCOPE, sku);
  if (mapping && mapping.hash === hash && !ctx.ledger.pendingWrite(SCOPE, sku)) return { action: 'skipped', targetId: mapping.targetId, reason: 'image unchanged since the last run' };

  if (mapping && isCreateOnly(item, p.imageField)) return { action: 'skipped', targetId: mapping.targetId, reason: `'${p.imageField}' is uploaded only once (update on resync is off)` };
  const old = mapping ? /^(\d+)@(\d+)$/.exec(mapping.targetId) : null;
  let productId = old ? Number(old[2]) : undefined;
  let photos = productId !== undefined ? await photoIds(client, productId, ctx.signal).catch((err: unknown) => (err instanceof CcvApiError && err.kind === 'not-found' ? undefined : Promise.reject(err))) : undefined;
  if (photos === undefined) {
    const product = await client.products.findByNumber(sku, { signal: ctx.signal });
    if (!product) throw new RecordProblem(`Product '${sku}' is not in the shop, so its image cannot be uploaded. Create the products first.`, p.skuField);
    productId = product.id;
    photos = await photoIds(client, product.id, ctx.signal);
  }
  const pid = productId ?? 0;
  const previous = old && photos.has(Number(old[1])) ? Number(old[1]) : undefined;
  const body = { file_type: image.fileType, source: image.base64, alttext, is_mainphoto: true };
  const sent = { file_type: image.fileType, alttext, is_mainphoto: true, file: image.name, bytes: Math.floor((image.base64.length * 3) / 4) };
  const changes = [{ field: 'main photo', ...(previous !== undefined ? { before: `photo ${previous}` } : {}), after: image.name }];
  const action = previous === undefined ? 'created' : 'updated';
  if (ctx.dryRun) return { action, targetId: previous !== undefined ? `${previous}@${pid}` : undefined, changes, sent };
  const created = await journal.write(SCOPE,
    sku,
    hash,
    async () => {
      const photo = await client.productPhotos.create(pid, body, { signal: ctx.signal });
      // Only the photo Koppel uploaded before is replaced; photos added in the shop by hand stay.
      if (previous !== undefined) await client.productPhotos.delete(previous, { signal: ctx.signal });
      return photo;
    },
    (photo) => `${photo.id}@${pid}`,
  );
  return { action, targetId: `${created.id}@${pid}`, changes, sent };
}

export const ccvSyncPhotoNode = defineNode({
  type: 'ccv.syncPhoto',
  version: 1,
  title: 'Upload main photo',
  category: 'ccv',
  description:
    "Uploads each product's image as its CCV Shop main photo, and replaces the photo Koppel uploaded before only when the image itself changed (hash in the ledger). Photos added in the shop by hand are left alone. Dry run: planned uploads.",
  icon: 'image',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [{ name: 'in', title: 'Items with image', description: 'From "Read item image".' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'Products whose photo was uploaded or was already right.' },
    { name: 'error', title: 'Error', description: 'Products whose photo could not be uploaded.' },
  ],
  params: paramsSchema,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    yield* writeBatches(ctx, inputs.in, steps((item, journal) => syncPhoto(ctx, client, item, journal)), { target: 'photo', service: 'CCV Shop', sourceOf: withoutBytes });
  },
});
