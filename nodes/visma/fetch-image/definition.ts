import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineNode, failItem, isJsonObject, numberOf, textOf } from '../../../engine';
import type { Item, JsonObject } from '../../../engine';
import { VismaApiError } from '../../../connectors/visma-net/index';
import { chunk } from '../../shared/chunk';
import { requireVisma } from '../../shared/require-visma';

const IMAGE_TYPES: Record<string, string> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', gif: 'gif', webp: 'webp' };
const CONTENT_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

const paramsSchema = z.strictObject({
  namePattern: z
    .string()
    .optional()
    .meta({ title: 'File name pattern', description: 'Which attachment is the image (a regular expression, e.g. -main\\.jpg$); empty = the first png, jpg, gif or webp.', ui: { widget: 'text' } })
    .refine((s) => {
      if (s === undefined) return true;
      try {
        new RegExp(s, 'i');
        return true;
      } catch {
        return false;
      }
    }, 'this is not a valid regular expression'),
  maxMegabytes: z.number().min(0.1).max(50).default(10).meta({ title: 'Largest image (MB)', description: 'Larger files are refused (CCV Shop limits photo sizes).', ui: { widget: 'number' } }),
});

interface Attachment {
  id: string;
  name: string;
  revision: number | undefined;
}

function attachmentsOf(json: JsonObject): Attachment[] {
  const list = Array.isArray(json.attachments) ? json.attachments.filter(isJsonObject) : [];
  return list.flatMap((a) => {
    const id = textOf(a.id);
    return id === undefined ? [] : [{ id, name: textOf(a.name) ?? '', revision: numberOf(a.revision) }];
  });
}

function extensionOf(name: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m?.[1] ? IMAGE_TYPES[m[1].toLowerCase()] : undefined;
}

/** Downloads each item's image attachment, so that a shop step can upload it. */
export const vismaFetchImageNode = defineNode({
  type: 'visma.fetchImage',
  version: 1,
  title: 'Read item image',
  category: 'visma',
  description:
    "Downloads the image attachment of each item (GET /v1/attachment/{id}, latest revision) and adds it as `image` {attachmentId, revision, name, fileType, sha256, base64} to the record. Items without an image leave on 'No image'. Needs items read with attachments.",
  icon: 'image',
  connection: 'visma-net',
  clientOf: requireVisma,
  inputs: [{ name: 'in', title: 'Items' }],
  outputs: [
    { name: 'out', title: 'With image', description: 'The item with its image added.' },
    { name: 'none', title: 'No image', description: 'Items without an image attachment, unchanged.' },
    { name: 'error', title: 'Error', description: 'Items whose image could not be downloaded.' },
  ],
  params: paramsSchema,
  async *run(ctx, inputs) {
    const client = ctx.client;
    const pattern = ctx.params.namePattern ? new RegExp(ctx.params.namePattern, 'i') : undefined;
    const maxBytes = ctx.params.maxMegabytes * 1024 * 1024;
    // Images are large: hand them on a few at a time.
    const size = Math.min(ctx.settings.batchSize, 10);
    for await (const batch of inputs.in ?? []) {
      for (const part of chunk(batch, size)) {
        const out: Item[] = [];
        const none: Item[] = [];
        const failed: Item[] = [];
        for (const item of part) {
          const all = attachmentsOf(item.json);
          const pick = all.find((a) => (pattern ? pattern.test(a.name) : extensionOf(a.name) !== undefined));
          if (!pick) {
            none.push(item);
            continue;
          }
          try {
            const file = await client.attachments.download(pick.id, { signal: ctx.signal });
            const fileType = extensionOf(pick.name) ?? extensionOf(file.fileName ?? '') ?? CONTENT_TYPES[(file.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''];
            if (fileType === undefined) {
              failed.push(failItem(item, `The attachment '${pick.name}' of item '${item.key}' is not a png, jpg, gif or webp image. Attach the image in one of these formats, or set the file name pattern.`, { nodeId: ctx.nodeId, field: 'attachments' }));
              continue;
            }
            if (file.bytes.length > maxBytes) {
              failed.push(failItem(item, `The image '${pick.name}' of item '${item.key}' is ${(file.bytes.length / 1048576).toFixed(1)} MB, more than ${ctx.params.maxMegabytes} MB. Attach a smaller image in Visma.net.`, { nodeId: ctx.nodeId, field: 'attachments' }));
              continue;
            }
            const image: JsonObject = {
              attachmentId: pick.id,
              revision: pick.revision ?? null,
              name: pick.name,
              fileType,
              size: file.bytes.length,
              sha256: createHash('sha256').update(file.bytes).digest('hex'),
              base64: file.bytes.toString('base64'),
            };
            out.push({ key: item.key, json: { ...item.json, image } });
          } catch (err) {
            if (ctx.signal.aborted) throw err;
            if (err instanceof VismaApiError && (err.kind === 'not-found' || err.kind === 'validation' || err.kind === 'malformed')) {
              failed.push(failItem(item, `The image '${pick.name}' of item '${item.key}' could not be downloaded: ${err.message}`, { nodeId: ctx.nodeId, field: 'attachments' }));
              continue;
            }
            throw new Error(`Downloading the image of item '${item.key}' from Visma.net failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        if (out.length) yield { port: 'out', items: out };
        if (none.length) yield { port: 'none', items: none };
        if (failed.length) yield { port: 'error', items: failed };
      }
    }
  },
});
