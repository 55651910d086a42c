// SalesOrders API V3: /api/v3/SalesOrders (list, get, create, patch, delete, lines, shipment, tax, types).
import { isoStamp, parseV3Date, queryGetAllCi, queryGetCi } from './dates';
import { problem, v3Detail, validationProblem, type V3Detail } from './errors';
import { etagHeader, ifMatchAccepts } from './etag';
import type { SalesOrder } from './model';
import { parseV3Paging, v3NextPage, v3Paged } from './paging';
import type { Router } from './router';
import { orderIdAt } from './seed-documents';
import { findCi, ORDER_TYPES } from './seed-master';
import type { SimContext, SimRequest, SimResponse } from './types';
import { applyPatch, bookStock, buildOrder, newLines, patchLines } from './v3-order-build';
import { ORDER_EXPANSIONS, renderLine, renderListItem, renderOrder, renderTax, type OrderExpansion } from './v3-render';
import { AddLinesSchema, NewOrderSchema, parseV3, PatchLinesSchema, PatchOrderSchema } from './v3-schemas';

const orderUrl = (ctx: SimContext, o: SalesOrder): string => `${ctx.baseUrl}/api/v3/SalesOrders/${o.type}/${o.orderId}`;
const etag = (ctx: SimContext, o: SalesOrder): Record<string, string> => ({ ETag: etagHeader(o.version, ctx.config.quoteEtag) });

function findOrder(req: SimRequest, ctx: SimContext): { index: number; record: SalesOrder } | SimResponse {
  const hit = ctx.store.salesOrders.findByKey(`${req.params.type ?? ''}/${req.params.orderId ?? ''}`);
  return hit ?? problem(404, 'Not Found', { detail: `Sales order ${req.params.type ?? ''}/${req.params.orderId ?? ''} was not found or is not accessible.`, instance: req.path });
}

/** V3 requires If-Match on changes: 428 when missing, 412 when stale [C S5]. */
function ifMatch(req: SimRequest, o: SalesOrder): SimResponse | undefined {
  const h = req.headers['if-match'];
  if (!h) return problem(428, 'Precondition Required', { detail: `The If-Match header is required. Send the ETag (version) of ${o.type}/${o.orderId} from GET.`, instance: req.path });
  if (!ifMatchAccepts(h, o.version)) return problem(412, 'Precondition Failed', { detail: `Order ${o.type}/${o.orderId} has changed (current version differs from If-Match). GET it again and retry.`, instance: req.path });
  return undefined;
}

function save(ctx: SimContext, index: number, o: SalesOrder): void {
  o.lastModified = isoStamp(ctx.now());
  o.version = ctx.store.versions.next();
  ctx.store.salesOrders.put(index, o);
}

const accepted = (ctx: SimContext, o: SalesOrder): SimResponse => ({ status: 202, headers: { Location: orderUrl(ctx, o), ...etag(ctx, o) } });

function parseExpand(req: SimRequest): Set<OrderExpansion> | string {
  const out = new Set<OrderExpansion>();
  for (const raw of queryGetAllCi(req.query, 'expand').flatMap((v) => v.split(','))) {
    const hit = ORDER_EXPANSIONS.find((e) => e.toLowerCase() === raw.trim().toLowerCase());
    if (!hit) return raw.trim();
    out.add(hit);
  }
  return out;
}

function list(req: SimRequest, ctx: SimContext): SimResponse {
  const expandGiven = queryGetCi(req.query, 'expand') !== null;
  const paging = parseV3Paging(req.query, 100, expandGiven ? 100 : ctx.config.v3MaxPageSize);
  if (!paging.ok) return validationProblem([v3Detail('0100-OutsideValidRange', paging.property, [], paging.message)], req.path);
  const details: V3Detail[] = [];
  const since = queryGetCi(req.query, 'modifiedSince');
  const sinceMs = since ? parseV3Date(since) : undefined;
  if (since && sinceMs === undefined) details.push(v3Detail('0003-InvalidValue', 'modifiedSince', [], `modifiedSince '${since}' is not a valid date-time.`));
  const orderBy = queryGetCi(req.query, 'orderBy');
  const ob = orderBy ? /^(created|lastModified|orderId)(?:\s+(asc|desc))?$/i.exec(orderBy.trim()) : null;
  if (orderBy && !ob) details.push(v3Detail('0003-InvalidValue', 'orderBy', [], `orderBy must be created, lastModified or orderId, optionally followed by asc or desc.`));
  if (details.length > 0) return validationProblem(details, req.path);
  const type = req.params.type;
  const customerId = queryGetCi(req.query, 'customerId');
  const status = queryGetCi(req.query, 'status');
  const filter = queryGetCi(req.query, 'filter')?.toLowerCase();
  const rows: SalesOrder[] = [];
  for (const [, o] of ctx.store.salesOrders.entries()) {
    if (type && o.type.toLowerCase() !== type.toLowerCase()) continue;
    if (customerId && o.customerId.toLowerCase() !== customerId.toLowerCase()) continue;
    if (status && o.status.toLowerCase() !== status.toLowerCase()) continue;
    if (sinceMs !== undefined && Date.parse(o.lastModified) < sinceMs) continue;
    if (filter && !o.orderId.toLowerCase().includes(filter)) continue; // "Filter applied to orderId": substring [I]
    rows.push(o);
  }
  const key = ob?.[1]?.toLowerCase() ?? 'orderid';
  const dir = ob?.[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const val = (o: SalesOrder): string => (key === 'created' ? o.created : key === 'lastmodified' ? o.lastModified : `${o.type}/${o.orderId}`);
  rows.sort((a, b) => (val(a) < val(b) ? -dir : val(a) > val(b) ? dir : 0));
  const { pageIndex, pageSize } = paging.page;
  const page = rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
  return { status: 200, json: v3Paged(page.map((o) => renderListItem(ctx, o)), rows.length, v3NextPage(ctx.baseUrl, req.path, req.query, paging.page, rows.length)) };
}

function create(req: SimRequest, ctx: SimContext): SimResponse {
  const parsed = parseV3(NewOrderSchema, req.body, req.path);
  if (!parsed.ok) return parsed.res;
  const cmd = parsed.data;
  const type = findCi(ORDER_TYPES, (t) => t.orderType, cmd.type);
  if (!type || !type.active) return validationProblem([v3Detail('0003-InvalidValue', 'type', [], `Sales order type '${cmd.type}' does not exist or is not active.`)], req.path);
  const coll = ctx.store.salesOrders;
  const manual = type.manualNumbering || ctx.config.numbering.salesOrders === 'manual';
  if (manual && !cmd.orderId) return validationProblem([v3Detail('0001-NullNotAllowed', 'orderId', [], `Order type ${type.orderType} uses manual numbering: orderId is required.`)], req.path);
  if (!manual && cmd.orderId) return validationProblem([v3Detail('0004-ValueNotAllowed', 'orderId', [], `Order type ${type.orderType} numbers orders automatically; omit orderId.`)], req.path);
  let orderId = cmd.orderId ?? orderIdAt(coll.end);
  for (let n = coll.end + 1; !manual && coll.indexOfKey(`${type.orderType}/${orderId}`) !== undefined; n++) orderId = orderIdAt(n);
  if (coll.indexOfKey(`${type.orderType}/${orderId}`) !== undefined) return problem(409, 'Conflict', { detail: `Order ${type.orderType}/${orderId} already exists.`, instance: req.path });
  const details: V3Detail[] = [];
  const order = buildOrder(ctx, { ...cmd, type: type.orderType }, orderId, details);
  if (details.length > 0) return validationProblem(details, req.path);
  order.version = ctx.store.versions.next();
  coll.insert(order);
  bookStock(ctx, order.lines, 1);
  return { status: 201, headers: { Location: orderUrl(ctx, order), ...etag(ctx, order) } };
}

function patch(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findOrder(req, ctx);
  if ('status' in hit) return hit;
  const pre = ifMatch(req, hit.record);
  if (pre) return pre;
  if (['Completed', 'Cancelled', 'Invoiced'].includes(hit.record.status)) {
    return validationProblem([v3Detail('0005-InvalidState', 'status', [], `Order ${hit.record.type}/${hit.record.orderId} has status ${hit.record.status} and can no longer be changed.`)], req.path);
  }
  const parsed = parseV3(PatchOrderSchema, req.body, req.path);
  if (!parsed.ok) return parsed.res;
  const order = structuredClone(hit.record);
  const details: V3Detail[] = [];
  applyPatch(ctx, order, parsed.data, details);
  if (details.length > 0) return validationProblem(details, req.path);
  save(ctx, hit.index, order);
  return accepted(ctx, order);
}

function remove(req: SimRequest, ctx: SimContext): SimResponse {
  const hit = findOrder(req, ctx);
  if ('status' in hit) return hit;
  const pre = ifMatch(req, hit.record);
  if (pre) return pre;
  if (hit.record.lines.some((l) => l.shippedQuantity > 0)) return validationProblem([v3Detail('1825-DeleteSalesOrderWithShippedLines', 'orderId')], req.path);
  bookStock(ctx, hit.record.lines, -1);
  ctx.store.salesOrders.remove(hit.index);
  return { status: 202 };
}

function linesWrite(req: SimRequest, ctx: SimContext, mode: 'add' | 'patch' | 'delete'): SimResponse {
  const hit = findOrder(req, ctx);
  if ('status' in hit) return hit;
  const pre = ifMatch(req, hit.record);
  if (pre) return pre;
  const order = structuredClone(hit.record);
  const details: V3Detail[] = [];
  if (mode === 'add') {
    const parsed = parseV3(AddLinesSchema, req.body, req.path);
    if (!parsed.ok) return parsed.res;
    const added = newLines(ctx, order, parsed.data.lines ?? [], 'lines', details);
    if (details.length > 0) return validationProblem(details, req.path);
    order.lines.push(...added);
    order.nextLineId += added.length;
    bookStock(ctx, added, 1);
  } else if (mode === 'patch') {
    const parsed = parseV3(PatchLinesSchema, req.body, req.path);
    if (!parsed.ok) return parsed.res;
    const next = patchLines(ctx, order, parsed.data.lines ?? [], details);
    if (details.length > 0) return validationProblem(details, req.path);
    bookStock(ctx, order.lines, -1);
    bookStock(ctx, next, 1);
    order.lines = next;
  } else {
    const raw = queryGetAllCi(req.query, 'ids').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    if (raw.length === 0) details.push(v3Detail('0001-NullNotAllowed', 'ids', [], 'ids is required: comma-separated line ids.'));
    if (raw.length > 1000) details.push(v3Detail('0100-OutsideValidRange', 'ids', [], 'At most 1000 line ids per call.'));
    const ids = raw.map(Number);
    raw.forEach((r, i) => {
      const line = order.lines.find((l) => l.lineId === ids[i]);
      if (!/^\d+$/.test(r) || !line) details.push(v3Detail('0200-LineIdDoesNotExist', 'ids', [r]));
      else if (line.shippedQuantity > 0) details.push(v3Detail('1823-DeleteLineWhichIsAlreadyShipped', 'ids', [], `Cannot delete line ${r}: it has been shipped.`));
    });
    if (details.length > 0) return validationProblem(details, req.path);
    bookStock(ctx, order.lines.filter((l) => ids.includes(l.lineId)), -1);
    order.lines = order.lines.filter((l) => !ids.includes(l.lineId));
  }
  save(ctx, hit.index, order);
  return accepted(ctx, order);
}

export function registerV3Orders(r: Router): void {
  r.get('/api/v3/SalesOrders/types', () => {
    // Not in the transcribed spec (exists since 2025, reference/visma-net/README.md §6.3): shape inferred from SalesOrderTypeDto [I].
    const rows = ORDER_TYPES.map((t) => ({ id: t.orderType, description: t.description, active: t.active, behavior: t.behavior, defaultOperation: t.defaultOperation, customerDocumentType: t.customerDocumentType, manualNumbering: t.manualNumbering }));
    return { status: 200, json: v3Paged(rows, rows.length, null) };
  });
  r.get('/api/v3/SalesOrders', list);
  r.post('/api/v3/SalesOrders', create);
  r.get('/api/v3/SalesOrders/:type', list);
  r.get('/api/v3/SalesOrders/:type/:orderId', (req, ctx) => {
    const hit = findOrder(req, ctx);
    if ('status' in hit) return hit;
    const expand = parseExpand(req);
    if (typeof expand === 'string') return validationProblem([v3Detail('0003-InvalidValue', 'expand', [], `Unknown expand '${expand}'; use ${ORDER_EXPANSIONS.join(', ')}.`)], req.path);
    return { status: 200, json: renderOrder(ctx, hit.record, expand), headers: etag(ctx, hit.record) };
  });
  r.patch('/api/v3/SalesOrders/:type/:orderId', patch);
  r.delete('/api/v3/SalesOrders/:type/:orderId', remove);
  r.get('/api/v3/SalesOrders/:type/:orderId/lines', (req, ctx) => {
    const hit = findOrder(req, ctx);
    if ('status' in hit) return hit;
    const paging = parseV3Paging(req.query, 100, ctx.config.v3MaxPageSize);
    if (!paging.ok) return validationProblem([v3Detail('0100-OutsideValidRange', paging.property, [], paging.message)], req.path);
    const { pageIndex, pageSize } = paging.page;
    const lines = hit.record.lines;
    const page = lines.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize).map((l) => renderLine(ctx, hit.record, l));
    return { status: 200, json: v3Paged(page, lines.length, v3NextPage(ctx.baseUrl, req.path, req.query, paging.page, lines.length)) };
  });
  r.post('/api/v3/SalesOrders/:type/:orderId/lines', (req, ctx) => linesWrite(req, ctx, 'add'));
  r.patch('/api/v3/SalesOrders/:type/:orderId/lines', (req, ctx) => linesWrite(req, ctx, 'patch'));
  r.delete('/api/v3/SalesOrders/:type/:orderId/lines', (req, ctx) => linesWrite(req, ctx, 'delete'));
  r.get('/api/v3/SalesOrders/:type/:orderId/lines/:lineId', (req, ctx) => {
    const hit = findOrder(req, ctx);
    if ('status' in hit) return hit;
    const line = hit.record.lines.find((l) => String(l.lineId) === req.params.lineId);
    return line ? { status: 200, json: renderLine(ctx, hit.record, line) } : problem(404, 'Not Found', { detail: `Line ${req.params.lineId ?? ''} does not exist on order ${hit.record.type}/${hit.record.orderId}.`, instance: req.path });
  });
  r.get('/api/v3/SalesOrders/:type/:orderId/shipment', (req, ctx) => {
    const hit = findOrder(req, ctx);
    if ('status' in hit) return hit;
    const o = hit.record;
    const shipped = o.lines.reduce((a, l) => a + l.shippedQuantity, 0);
    const rows = shipped > 0 ? [{ id: `SH${o.orderId}`, type: 'Shipment', date: o.lastModified, quantity: shipped, weight: 0, volume: 0, inventoryDocumentType: 'Issue', inventoryReferenceId: null, invoiceType: 'Invoice', invoiceId: null }] : [];
    return { status: 200, json: rows };
  });
  r.get('/api/v3/SalesOrders/:type/:orderId/tax', (req, ctx) => {
    const hit = findOrder(req, ctx);
    return 'status' in hit ? hit : { status: 200, json: renderTax(ctx, hit.record) };
  });
}
