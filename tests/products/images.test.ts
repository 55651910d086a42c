import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../engine';
import { imagesFlow } from './flows';
import { loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { Sims, VismaItem } from './harness';

let sims: Sims;
let ledger: Ledger;
let withImage: VismaItem[];
const flow = imagesFlow();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PNG the simulators accept: the PNG signature and a few bytes that differ per call. */
const png = (tag: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`koppel-test-${tag}`)]);

async function photosOf(sku: string) {
  const product = (await shopStore(sims, 'products')).find((p) => p.productnumber === sku);
  return (await shopStore(sims, 'productphotos')).filter((p) => p.product_id === product?.id);
}

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  ledger = memoryLedger();
  withImage = (await vismaItems(sims)).filter((i) => i.status === 'Active' && i.attachments.length > 0);
  await runWith(loadFlow('products'), sims, ledger);
  await shopRequests(sims);
});
afterAll(async () => {
  ledger.close();
  await sims.close();
});

describe('item image → CCV main photo', () => {
  it('uploads each image attachment as the main photo, byte for byte, and nothing on the next run', async () => {
    expect(withImage.length).toBeGreaterThan(0);
    const dry = await runWith(flow, sims, ledger, { dryRun: true });
    expect(dry.records.filter((r) => r.nodeId === 'photo' && r.action === 'created').map((r) => r.key).sort()).toEqual(withImage.map((i) => i.inventoryNumber).sort());
    expect(writesOf(await shopRequests(sims))).toEqual([]);

    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    for (const item of withImage) {
      const attachment = item.attachments[0];
      const file = await sims.vismaClient.attachments.download(attachment?.id ?? '');
      const photos = await photosOf(item.inventoryNumber);
      expect(photos.map((p) => ({ main: p.is_mainphoto, type: p.file_type, sha: p.source_sha256, alt: p.alttext })), item.inventoryNumber).toEqual([
        { main: true, type: 'png', sha: sha(file.bytes), alt: item.description },
      ]);
    }
    expect(writesOf(await shopRequests(sims))).toHaveLength(withImage.length);
    await runWith(flow, sims, ledger);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('replaces the photo only when the image changes: a new revision with the same bytes is not uploaded again', async () => {
    const item = withImage[0];
    if (!item) throw new Error('no item with an image');
    const name = item.attachments[0]?.name ?? 'image.png';
    const oldPhotos = await photosOf(item.inventoryNumber);
    const current = await sims.vismaClient.attachments.download(item.attachments[0]?.id ?? '');

    await sims.vismaClient.inventory.uploadAttachment(item.inventoryNumber, { fileName: name, bytes: current.bytes, contentType: 'image/png' });
    const same = await runWith(flow, sims, ledger);
    expect(same.records.filter((r) => r.nodeId === 'photo').map((r) => [r.key, r.action])).toEqual([[item.inventoryNumber, 'skipped']]);
    expect(writesOf(await shopRequests(sims))).toEqual([]);

    const next = png('v2');
    await sims.vismaClient.inventory.uploadAttachment(item.inventoryNumber, { fileName: name, bytes: next, contentType: 'image/png' });
    const changed = await runWith(flow, sims, ledger);
    expect(changed.records.filter((r) => r.nodeId === 'photo').map((r) => [r.key, r.action])).toEqual([[item.inventoryNumber, 'updated']]);
    const photos = await photosOf(item.inventoryNumber);
    expect(photos.map((p) => ({ main: p.is_mainphoto, sha: p.source_sha256 }))).toEqual([{ main: true, sha: sha(next) }]);
    expect(photos[0]?.id).not.toBe(oldPhotos[0]?.id);
    expect(writesOf(await shopRequests(sims)).map((w) => w.method)).toEqual(['POST', 'DELETE']);
  });
});
