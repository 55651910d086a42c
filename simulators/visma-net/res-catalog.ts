// Item classes, attributes, sales categories, warehouses, attachments and blobs (main API).
import { createHash } from 'node:crypto';
import { isoStamp } from './dates';
import { messageError, notFound } from './errors';
import { ALL_EXPANDS, renderItem } from './inventory-render';
import { eqCi, ok, pagedArray, pagedList, q } from './main-api';
import type { Router } from './router';
import { ATTRIBUTE_DEFS, attributeDto, findCi, ITEM_CLASSES, POSTING_CLASSES, SALES_CATEGORIES, salesCategoryDto, WAREHOUSES } from './seed-master';
import type { SimContext, SimRequest, SimResponse } from './types';

function download(req: SimRequest, ctx: SimContext, id: string | undefined): SimResponse {
  const att = id ? ctx.store.attachment(id) : undefined;
  if (!att) return notFound(`Attachment ${id ?? ''} not found.`);
  return { status: 200, raw: att.bytes, contentType: att.contentType, headers: { 'Content-Disposition': `attachment; filename="${att.name}"` } };
}

function blobMetadata(ctx: SimContext, id: string | undefined): Record<string, unknown> | undefined {
  const att = id ? ctx.store.attachment(id) : undefined;
  if (!att) return undefined;
  return {
    blobId: att.id, blobName: att.name, contentType: att.contentType,
    mD5Hash: createHash('md5').update(att.bytes).digest('base64'), fileChecksum: createHash('sha256').update(att.bytes).digest('hex'),
    size: att.bytes.length, countryCode: 'NL', createdDateTimeUtc: att.created,
  };
}

export function registerCatalog(r: Router): void {
  r.get('/v1/inventory/itemClass', (req, ctx) => pagedArray(req, ctx, 'itemClass', ITEM_CLASSES.map((c) => ({ ...c, errorInfo: null }))));
  r.get('/v1/inventory/itemclass/:itemClassNumber', (req) => {
    const c = findCi(ITEM_CLASSES, (x) => x.id, req.params.itemClassNumber);
    return c ? ok({ ...c, errorInfo: null }) : notFound(`Item class ${req.params.itemClassNumber ?? ''} not found.`);
  });
  r.get('/v1/inventory/itemPostClass', () => ok(POSTING_CLASSES));

  r.get('/v1/attribute', (req, ctx) => {
    const id = q(req, 'attributeID');
    const type = q(req, 'controlType');
    const rows = ATTRIBUTE_DEFS.filter((a) => eqCi(a.attributeID, id) && eqCi(a.controlType, type)).map(attributeDto);
    return pagedArray(req, ctx, 'attribute', rows);
  });
  r.get('/v1/attribute/:attributeId', (req) => {
    const a = findCi(ATTRIBUTE_DEFS, (x) => x.attributeID, req.params.attributeId);
    return a ? ok(attributeDto(a)) : notFound(`Attribute ${req.params.attributeId ?? ''} not found.`);
  });

  r.get('/v1/salescategory', () => ok(SALES_CATEGORIES.filter((c) => c.parentID === 0).map(salesCategoryDto)));
  r.get('/v1/salescategory/:categoryId', (req) => {
    const c = SALES_CATEGORIES.find((x) => String(x.categoryID) === req.params.categoryId);
    return c ? ok(salesCategoryDto(c)) : notFound(`Sales category ${req.params.categoryId ?? ''} not found.`);
  });
  r.get('/v1/salescategory/:categoryId/item', (req, ctx) => {
    const id = Number(req.params.categoryId);
    if (!SALES_CATEGORIES.some((c) => c.categoryID === id)) return notFound(`Sales category ${req.params.categoryId ?? ''} not found.`);
    return pagedList(req, ctx, 'inventory', ctx.store.inventory, [(it) => it.salesCategories.includes(id)], (it) => renderItem(it, ALL_EXPANDS));
  });

  r.get('/v1/warehouse', (req, ctx) => {
    const active = q(req, 'active');
    const branch = q(req, 'branch');
    const rows = WAREHOUSES.filter((w) => (active === undefined || String(w.dto.active) === active.toLowerCase()) && eqCi(w.dto.branch.number, branch)).map((w) => w.dto);
    return pagedArray(req, ctx, 'warehouse', rows);
  });
  r.get('/v1/warehouse/:warehouseID', (req) => {
    const w = findCi(WAREHOUSES, (x) => x.id, req.params.warehouseID);
    return w ? ok(w.dto) : notFound(`Warehouse ${req.params.warehouseID ?? ''} not found.`);
  });

  r.get('/v1/attachment/:attachmentId', (req, ctx) => download(req, ctx, req.params.attachmentId));
  r.get('/v1/blob/download/:blobId', (req, ctx) => download(req, ctx, req.params.blobId));
  r.get('/v1/blob/metadata/:blobId', (req, ctx) => {
    const meta = blobMetadata(ctx, req.params.blobId);
    return meta ? ok(meta) : notFound(`Blob ${req.params.blobId ?? ''} not found.`);
  });
  r.get('/v1/blob/presignedurl', (req, ctx) => {
    const id = q(req, 'blobId');
    if (!id) return messageError(400, 'blobId is required.');
    const meta = blobMetadata(ctx, id);
    if (!meta) return notFound(`Blob ${id} not found.`);
    const expires = Math.floor(ctx.now() / 1000) + 900;
    const url = `${ctx.baseUrl}/blob-presigned/${id}?expires=${expires}&sig=${createHash('sha256').update(`${id}:${expires}`).digest('hex').slice(0, 32)}`;
    return ok({ preSignedUrl: url, metadata: q(req, 'includeMetadata')?.toLowerCase() === 'true' ? meta : null });
  });
}

/** The presigned URL itself needs no token (it is signed). */
export function presignedDownload(ctx: SimContext, id: string, query: URLSearchParams): SimResponse {
  const expires = Number(query.get('expires'));
  const sig = createHash('sha256').update(`${id}:${expires}`).digest('hex').slice(0, 32);
  if (query.get('sig') !== sig) return { status: 403, raw: Buffer.from('Signature does not match.'), contentType: 'text/plain' };
  if (!(expires * 1000 > ctx.now())) return { status: 403, raw: Buffer.from(`Request has expired (at ${isoStamp(expires * 1000)}).`), contentType: 'text/plain' };
  const att = ctx.store.attachment(id);
  return att ? { status: 200, raw: att.bytes, contentType: att.contentType } : { status: 404, raw: Buffer.from('Not found'), contentType: 'text/plain' };
}
