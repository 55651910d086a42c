import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or undefined when the path tries to leave it (`..`, encoded
 * separators, NUL bytes, absolute or drive paths).
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[A-Za-z]:$/.test(s))) return undefined;
  const rootResolved = path.resolve(root);
  const file = path.resolve(rootResolved, ...segments);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) return undefined;
  return file;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Serves the built renderer; unknown paths without a file extension get index.html (client-side routes). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string, headers: Record<string, string>): Promise<void> {
  const target = resolveStaticPath(root, urlPath);
  if (target === undefined) {
    send(res, 404, 'Not found', headers);
    return;
  }
  let file = target;
  if (!(await isFile(file))) {
    const looksLikeAsset = path.extname(file) !== '';
    const index = path.join(path.resolve(root), 'index.html');
    if (looksLikeAsset || !(await isFile(index))) {
      send(res, 404, looksLikeAsset ? 'Not found' : 'The Koppel web UI has not been built. Build the renderer (out/renderer) and start koppel serve again.', headers);
      return;
    }
    file = index;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file),
    // The HTML names hashed assets; always fetch it fresh so a rebuild shows up.
    'cache-control': isHtml ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
