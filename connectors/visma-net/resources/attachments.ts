import { z } from 'zod';
import { getOne, int, seg, str, type CallOptions, type ResourceContext } from './support';

export const blobMetadataSchema = z.looseObject({
  blobId: str,
  blobName: str,
  contentType: str,
  mD5Hash: str,
  fileChecksum: str,
  size: int,
  countryCode: str,
  createdDateTimeUtc: str,
});
export type BlobMetadata = z.infer<typeof blobMetadataSchema>;

export interface DownloadedFile {
  bytes: Buffer;
  /** From the `Content-Type` header; the spec only says "object" ([I]). */
  contentType: string | undefined;
  /** From `Content-Disposition`, when the server names the file. */
  fileName: string | undefined;
  size: number;
  etag: string | undefined;
}

/** Attachment files (product images, invoice PDFs): `/v1/attachment/{id}` and the blob API (reference/visma-net/README.md §6.1). */
export class AttachmentsResource {
  constructor(private readonly ctx: ResourceContext) {}

  /** The latest revision's bytes of an attachment (ids come from `attachments[].id` of items and documents). */
  async download(attachmentId: string, opts: CallOptions = {}): Promise<DownloadedFile> {
    return this.bytes(`/v1/attachment/${seg(this.ctx, attachmentId)}`, `attachment '${attachmentId}'`, opts);
  }

  async downloadBlob(blobId: string, opts: CallOptions = {}): Promise<DownloadedFile> {
    return this.bytes(`/v1/blob/download/${seg(this.ctx, blobId)}`, `file '${blobId}'`, opts);
  }

  /** Name, type, size and checksum of a blob (whether a blob id equals an attachment id is not documented, [I]). */
  async blobMetadata(blobId: string, opts: CallOptions = {}): Promise<BlobMetadata> {
    return getOne(this.ctx, `/v1/blob/metadata/${seg(this.ctx, blobId)}`, blobMetadataSchema, `the details of file '${blobId}'`, opts);
  }

  private async bytes(path: string, what: string, opts: CallOptions): Promise<DownloadedFile> {
    const res = await this.ctx.transport.request({ service: 'main', method: 'GET', path, what, responseType: 'bytes', signal: opts.signal });
    return {
      bytes: res.body,
      contentType: res.headers['content-type'],
      fileName: fileNameOf(res.headers['content-disposition']),
      size: res.body.length,
      etag: res.headers['etag'],
    };
  }
}

/** `attachment; filename="a.jpg"; filename*=UTF-8''a%20b.jpg` → the (decoded) name. */
export function fileNameOf(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return (plain?.[2] ?? plain?.[1])?.trim() || undefined;
}
