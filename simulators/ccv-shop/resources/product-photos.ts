// Product photos: POST adds one, PUT replaces all (an empty list deletes all), PATCH only
// alttext/is_mainphoto. `source` is raw base64 without a `data:` prefix (reference/ccv-shop/README.md §6.2).
import { createHash } from 'node:crypto';
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { Json, JsonObject, Rec } from '../json';
import { arr, bool, isObj, str } from '../json';
import { plainList } from '../collection';
import { body, need, touchProduct } from './common';

export function renderPhoto(ctx: Ctx, p: Rec): JsonObject {
  return {
    href: href(ctx, 'productphotos', p.id),
    id: p.id,
    filename: p.filename ?? '',
    alttext: p.alttext ?? null,
    is_mainphoto: p.is_mainphoto === true,
    deeplink: `${ctx.base}${str(p, 'deeplink_path') ?? ''}`,
    parent: { href: href(ctx, 'products', typeof p.product_id === 'number' ? p.product_id : 0) },
  };
}

const TYPES: Record<string, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  jpg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b.subarray(0, 3).toString('latin1') === 'GIF',
  webp: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

interface Upload {
  fileType: string;
  bytes: Buffer;
  alttext: string | null;
  main: boolean | undefined;
}

/** Decode and check one photo body; `where` names the item for the error message. */
function decodeUpload(ctx: Ctx, b: JsonObject, where: string): Upload {
  const fileType = (str(b, 'file_type') ?? '').toLowerCase();
  const source = str(b, 'source') ?? '';
  const isType = TYPES[fileType];
  if (!isType) throw err.fileType(fileType, where);
  if (source.startsWith('data:')) {
    throw err.fileNotSaved(`${where}: source starts with 'data:'. Send the raw base64 without the 'data:image/...;base64,' prefix.`);
  }
  const compact = source.replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw err.fileNotSaved(`${where}: source is not valid base64.`);
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > ctx.config.photoMaxBytes) throw err.fileSize(ctx.config.photoMaxBytes);
  if (!isType(bytes)) throw err.fileNotSaved(`${where}: the decoded source is not a ${fileType} image.`);
  return { fileType, bytes, alttext: str(b, 'alttext') ?? null, main: bool(b, 'is_mainphoto') };
}

function store(ctx: Ctx, productId: number, up: Upload): Rec {
  const product = need(ctx, ctx.state.products, productId, 'products');
  const stem = (str(product, 'productnumber') || 'product').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const rec = ctx.state.productphotos.insert(productId, {
    filename: '',
    alttext: up.alttext,
    is_mainphoto: up.main === true,
    file_type: up.fileType,
    source_bytes: up.bytes.length,
    source_sha256: createHash('sha256').update(up.bytes).digest('hex'),
  });
  const filename = `${stem}-${rec.id}.${up.fileType}`;
  const full: Rec = { ...rec, filename, deeplink_path: `/Files/2/117000/117035/ProductPhotos/Source/${filename}` };
  ctx.state.productphotos.update(full);
  if (up.main === true) setMain(ctx, productId, full.id);
  return full;
}

/** Only one main photo per product. */
function setMain(ctx: Ctx, productId: number, mainId: number): void {
  for (const p of ctx.state.productphotos.list(productId)) {
    const shouldBe = p.id === mainId;
    if ((p.is_mainphoto === true) !== shouldBe) ctx.state.productphotos.update({ ...p, is_mainphoto: shouldBe });
  }
}

export const photoRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'products/:id/productphotos',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      return ok(
        plainList(ctx, ctx.state.productphotos.list(pid), {
          orderby: ['id', 'ismainphoto'],
          key: (r, f) => (f === 'ismainphoto' ? r.is_mainphoto === true : r.id),
          render: (r) => renderPhoto(ctx, r),
        }),
      );
    },
  },
  {
    method: 'POST',
    pattern: 'products/:id/productphotos',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      const up = decodeUpload(ctx, body(ctx, 'productphotos.post'), 'photo');
      const rec = store(ctx, pid, up);
      touchProduct(ctx, pid);
      return created(renderPhoto(ctx, need(ctx, ctx.state.productphotos, rec.id)));
    },
  },
  {
    method: 'PUT',
    pattern: 'products/:id/productphotos',
    handler: (ctx) => {
      const pid = need(ctx, ctx.state.products, idAt(ctx), 'products').id;
      const items = arr(body(ctx, 'productphotos.put'), 'productphotos') ?? [];
      // Check every photo before deleting anything, so a bad item leaves the product as it was [I].
      const uploads = items.map((item: Json, n) => decodeUpload(ctx, isObj(item) ? item : {}, `productphotos[${n}]`));
      ctx.state.productphotos.clear(pid);
      for (const up of uploads) store(ctx, pid, up);
      touchProduct(ctx, pid);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'productphotos/:id',
    handler: (ctx) => ok(renderPhoto(ctx, need(ctx, ctx.state.productphotos, idAt(ctx)))),
  },
  {
    method: 'PATCH',
    pattern: 'productphotos/:id',
    handler: (ctx) => {
      const photo = need(ctx, ctx.state.productphotos, idAt(ctx));
      const b = body(ctx, 'productphotos.patch');
      const next: Rec = { ...photo };
      if (b.alttext !== undefined) next.alttext = b.alttext;
      if (typeof b.is_mainphoto === 'boolean') next.is_mainphoto = b.is_mainphoto;
      ctx.state.productphotos.update(next);
      const pid = ctx.state.productphotos.parentIdOf(next);
      if (pid !== undefined) {
        if (b.is_mainphoto === true) setMain(ctx, pid, next.id);
        touchProduct(ctx, pid);
      }
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'productphotos/:id',
    handler: (ctx) => {
      const photo = need(ctx, ctx.state.productphotos, idAt(ctx));
      ctx.state.productphotos.remove(photo.id);
      const pid = ctx.state.productphotos.parentIdOf(photo);
      if (pid !== undefined) touchProduct(ctx, pid);
      return noContent();
    },
  },
];
