// Main API inventory: /v1/inventory (list/get/create/update, cross references, attachments) and /v1/inventorysummary.
import { randomUUID } from 'node:crypto';
import { isoStamp, queryGetAllCi } from './dates';
import { InventoryCrossReferenceUpdateDto, InventoryUpdateDto } from './dto-items';
import { messageError, notFound, recordErrors } from './errors';
import { parseMultipart } from './http-io';
import { ALL_EXPANDS, EXPAND_FLAGS, renderItem, summaryRow, type Expands } from './inventory-render';
import { applyInventoryUpdate, blankItem, emptyStock } from './inventory-write';
import { bind, checkIfMatch, created, dateFilters, eqCi, etag, idSegment, noContent, ok, pagedList, q, str, type Pred } from './main-api';
import type { Item } from './model';
import type { Router } from './router';
import { isRecord, type SimContext, type SimRequest, type SimResponse } from './types';

function parseExpands(req: SimRequest): Expands {
  const ex: Expands = { ...ALL_EXPANDS };
  for (const flag of [...EXPAND_FLAGS, 'addCostPriceStatistics' as const]) {
    const v = q(req, flag);
    if (v !== undefined) ex[flag] = v.toLowerCase() === 'true';
  }
  if (q(req, 'addCostPriceStatistics') === undefined) ex.addCostPriceStatistics = false;
  return ex;
}

/** `attributes={"COLOR":"RED"}` or `{"SIZE":"S,M"}` (comma = OR) [C S1]. */
function attributePred(raw: string | undefined): Pred<Item> | string | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return `The attributes filter must be JSON like {"COLOR":"RED"}; got ${raw}.`;
  }
  if (!isRecord(parsed)) return `The attributes filter must be a JSON object like {"COLOR":"RED"}.`;
  const wanted = Object.entries(parsed).map(([id, v]) => ({ id: id.toLowerCase(), values: String(v).split(',').map((s) => s.trim().toLowerCase()) }));
  return (item) => wanted.every((w) => item.attributes.some((a) => a.id.toLowerCase() === w.id && w.values.includes(a.value.toLowerCase())));
}

function listInventory(req: SimRequest, ctx: SimContext): SimResponse {
  const d = dateFilters<Item>(req, ctx, ['lastModifiedDateTime', 'createdDateTime', 'availabilityLastModifiedDateTime', 'attachmentLastModifiedDateTime'], (r, n) =>
    n === 'createdDateTime' ? r.createdDateTime : n === 'availabilityLastModifiedDateTime' ? r.availabilityLastModified : n === 'attachmentLastModifiedDateTime' ? r.attachmentLastModified : r.lastModifiedDateTime);
  if (!d.ok) return d.res;
  const preds = d.preds;
  const number = q(req, 'inventoryNumber');
  if (number !== undefined) preds.push((r) => eqCi(r.inventoryNumber, number));
  const status = q(req, 'status');
  if (status !== undefined) preds.push((r) => eqCi(r.status, status));
  const alt = q(req, 'alternateID');
  if (alt !== undefined) preds.push((r) => r.crossReferences.some((c) => eqCi(c.alternateID, alt)));
  const description = q(req, 'description')?.toLowerCase();
  if (description !== undefined) preds.push((r) => (r.description ?? '').toLowerCase().includes(description));
  const cat = q(req, 'salesCategory');
  if (cat !== undefined) {
    if (!/^\d+$/.test(cat)) return messageError(400, `The request is invalid. salesCategory must be a whole number, got '${cat}'.`);
    preds.push((r) => r.salesCategories.includes(Number(cat)));
  }
  const types = queryGetAllCi(req.query, 'inventoryTypes').flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (types.length > 0) preds.push((r) => types.includes(r.type.toLowerCase()));
  const attr = attributePred(q(req, 'attributes'));
  if (typeof attr === 'string') return messageError(400, attr);
  if (attr) preds.push(attr);
  const ex = parseExpands(req);
  return pagedList(req, ctx, 'inventory', ctx.store.inventory, preds, (r) => renderItem(r, ex));
}

function findItem(ctx: SimContext, req: SimRequest): { index: number; record: Item } | undefined {
  if (req.params.inventoryId !== undefined || req.params.inventoryID !== undefined) {
    const id = Number(req.params.inventoryId ?? req.params.inventoryID);
    const index = id - 1000;
    const record = Number.isInteger(id) ? ctx.store.inventory.get(index) : undefined;
    return record ? { index, record } : undefined;
  }
  return ctx.store.inventory.findByKey(req.params.inventoryNumber ?? '');
}

function missing(req: SimRequest): SimResponse {
  const id = req.params.inventoryNumber ?? req.params.inventoryId ?? req.params.inventoryID ?? '';
  return notFound(`Inventory item with inventoryNumber = ${id} not found. If the item number contains characters like / ? # & +, send it as b64(<base64url>).`);
}

function getItem(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findItem(ctx, req);
  if (!hit) return missing(req);
  return ok(renderItem(hit.record, ALL_EXPANDS), etag(ctx, hit.record.timestamp));
}

function touch(item: Item, ctx: SimContext): void {
  item.lastModifiedDateTime = isoStamp(ctx.now());
  item.timestamp = ctx.store.versions.next();
}

function createItem(req: SimRequest, ctx: SimContext): SimResponse {
  const b = bind(req, ctx, InventoryUpdateDto);
  if (!b.ok) return b.res;
  const number = str(b.value.inventoryNumber) ?? '';
  if (number && ctx.store.inventory.indexOfKey(number) !== undefined) {
    return recordErrors('Inserting', 'Inventory item', [`Inventory item '${number}' already exists. Use PUT /v1/inventory/${idSegment(number)} to change it.`]);
  }
  const coll = ctx.store.inventory;
  const item = blankItem(coll.end, number, ctx.now());
  const errors = applyInventoryUpdate(item, b.value, true);
  if (errors.length > 0) return recordErrors('Inserting', 'Inventory item', errors);
  if (item.stockItem && item.defaultWarehouse) item.stock = [emptyStock(item.defaultWarehouse, item.createdDateTime)];
  touch(item, ctx);
  coll.insert(item);
  return created(ctx, `/v1/inventory/${idSegment(number)}`, item.timestamp);
}

function updateItem(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findItem(ctx, req);
  if (!hit) return missing(req);
  const stale = checkIfMatch(req, hit.record.timestamp, `Inventory item ${hit.record.inventoryNumber}`);
  if (stale) return stale;
  const b = bind(req, ctx, InventoryUpdateDto);
  if (!b.ok) return b.res;
  const item = structuredClone(hit.record);
  const newNumber = str(b.value.inventoryNumber);
  if (newNumber !== null && newNumber.toLowerCase() !== item.inventoryNumber.toLowerCase()) {
    return recordErrors('Updating', 'Inventory item', [`The item number cannot be changed with PUT; use POST /v1/inventory/action/changeInventoryNbr/${item.inventoryId}.`]);
  }
  const wasStock = item.stockItem;
  const errors = applyInventoryUpdate(item, b.value, false);
  if (errors.length > 0) return recordErrors('Updating', 'Inventory item', errors);
  if (item.stockItem && !wasStock && item.stock.length === 0) {
    item.defaultWarehouse ??= 'MAIN';
    item.stock = [emptyStock(item.defaultWarehouse, isoStamp(ctx.now()))];
  }
  touch(item, ctx);
  ctx.store.inventory.put(hit.index, item);
  return noContent(ctx, item.timestamp);
}

function crossRefDto(item: Item, c: Item['crossReferences'][number]): Record<string, unknown> {
  return { alternateType: c.alternateType, bAccount: c.bAccount ? { internalId: null, number: c.bAccount, name: null } : null, alternateID: c.alternateID, description: c.description, uom: c.uom, timestamp: item.timestamp };
}

function crossRefWrite(req: SimRequest, ctx: SimContext, update: boolean): SimResponse {
  const hit = findItem(ctx, req);
  if (!hit) return missing(req);
  const b = bind(req, ctx, InventoryCrossReferenceUpdateDto);
  if (!b.ok) return b.res;
  const item = structuredClone(hit.record);
  const alternateID = update ? (str(b.value.alternateID) ?? req.params.alternateId ?? null) : str(b.value.alternateID);
  const line = update ? { ...b.value, operation: 'Update', alternateType: req.params.alternateType, alternateID } : { ...b.value, operation: 'Insert' };
  if (update && alternateID !== req.params.alternateId) {
    // Changing the id itself: remove the old one, insert the new one.
    const errs = applyInventoryUpdate(item, { crossReferences: [{ operation: 'Delete', alternateType: req.params.alternateType, alternateID: req.params.alternateId }, { ...line, operation: 'Insert' }] }, false);
    if (errs.length > 0) return recordErrors('Updating', 'Inventory item', errs);
  } else {
    const errs = applyInventoryUpdate(item, { crossReferences: [line] }, false);
    if (errs.length > 0) return recordErrors(update ? 'Updating' : 'Inserting', 'Inventory item', errs);
  }
  touch(item, ctx);
  ctx.store.inventory.put(hit.index, item);
  const saved = item.crossReferences.find((c) => c.alternateID === alternateID);
  return ok(saved ? crossRefDto(item, saved) : {});
}

function uploadAttachment(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findItem(ctx, req);
  if (!hit) return missing(req);
  const file = parseMultipart(req.rawBody, req.headers['content-type'])?.[0];
  if (!file) return messageError(400, 'No file found. Send multipart/form-data with one file part (the file name becomes the attachment name).');
  const item = structuredClone(hit.record);
  const existing = item.attachments.find((a) => a.name === file.fileName);
  const id = existing?.id ?? randomUUID();
  const revision = (existing?.revision ?? 0) + 1;
  if (existing) existing.revision = revision;
  else item.attachments.push({ id, name: file.fileName, revision });
  ctx.store.uploads.set(id, { id, name: file.fileName, revision, contentType: file.contentType, bytes: file.data, created: isoStamp(ctx.now()) });
  item.attachmentLastModified = isoStamp(ctx.now());
  touch(item, ctx);
  ctx.store.inventory.put(hit.index, item);
  return created(ctx, `/v1/attachment/${id}`);
}

function summary(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findItem(ctx, req);
  if (!hit) return missing(req);
  const wh = q(req, 'warehouse');
  const location = q(req, 'location');
  const rows = hit.record.stock.filter((s) => eqCi(s.warehouse, wh) && (location === undefined || location.toUpperCase() === 'A1'));
  return ok(rows.map((s) => summaryRow(hit.record, s)));
}

export function registerInventory(r: Router): void {
  r.get('/v1/inventory', listInventory);
  r.post('/v1/inventory', createItem);
  r.get('/v1/inventory/:inventoryNumber', getItem);
  r.put('/v1/inventory/:inventoryNumber', updateItem);
  r.get('/v1/inventory/internal/:inventoryId', getItem);
  r.put('/v1/inventory/internal/:inventoryID', updateItem);
  r.get('/v1/inventory/:inventoryNumber/crossReferences', (req, ctx) => {
    const hit = findItem(ctx, req);
    return hit ? ok(hit.record.crossReferences.map((c) => crossRefDto(hit.record, c))) : missing(req);
  });
  r.post('/v1/inventory/:inventoryNumber/crossReferences', (req, ctx) => crossRefWrite(req, ctx, false));
  r.put('/v1/inventory/:inventoryNumber/crossReferences/:alternateType/:alternateId', (req, ctx) => crossRefWrite(req, ctx, true));
  r.post('/v1/inventory/:inventoryNumber/attachment', uploadAttachment);
  r.get('/v1/inventorysummary/:inventoryNumber', summary);
}
