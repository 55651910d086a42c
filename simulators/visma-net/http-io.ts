// Reading request bodies (JSON, form, multipart) and decoding paths (incl. `b64()` ids, reference/visma-net/README.md §4.4).
import type { IncomingMessage } from 'node:http';
import { INVALID_JSON } from './types';

const MAX_BODY = 20 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseJsonBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType && !/json/i.test(contentType)) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return INVALID_JSON;
  }
}

/** Splits and decodes a path the way IIS does: `%2F` becomes `/` before routing, so ids with `/` need b64(). */
export function decodePath(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return decoded.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1)).map(decodeB64Segment);
}

function decodeB64Segment(seg: string): string {
  const m = /^b64\(([A-Za-z0-9_\-+/=]*)\)$/i.exec(seg);
  if (!m || m[1] === undefined) return seg;
  return Buffer.from(m[1].replace(/\+/g, '-').replace(/\//g, '_'), 'base64url').toString('utf8');
}

export interface MultipartFile {
  fieldName: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** Returns the file parts of a multipart/form-data body. */
export function parseMultipart(raw: Buffer, contentType: string | undefined): MultipartFile[] | undefined {
  const m = contentType ? /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType) : null;
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return undefined;
  const delim = Buffer.from(`--${boundary}`);
  const files: MultipartFile[] = [];
  let pos = raw.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delim, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const disp = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
      const fileName = /filename\*?=(?:UTF-8'')?"?([^";\r\n]+)"?/i.exec(disp)?.[1];
      if (fileName !== undefined) {
        files.push({
          fieldName: /name="([^"]*)"/i.exec(disp)?.[1] ?? '',
          fileName: decodeURIComponent(fileName),
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream',
          data: Buffer.from(part.subarray(headerEnd + 4)),
        });
      }
    }
    pos = next;
  }
  return files;
}
