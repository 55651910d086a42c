// Renumbering actions: POST /v1/inventory/action/changeInventoryNbr/{internalId} and /v1/customer/action/changeCustomerCd/{internalId}.
// Documents that refer to the old number keep the old number here (the real ERP cascades) [I].
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoStamp } from './dates';
import { messageError, notFound } from './errors';
import { ok } from './main-api';
import type { Router } from './router';
import { INVALID_JSON, type SimContext, type SimRequest, type SimResponse } from './types';

const InventoryNbr = z.looseObject({ inventoryNbr: z.string().min(1) });
const CustomerCd = z.looseObject({ customerCd: z.string().min(1) });

function body<T>(schema: z.ZodType<T>, req: SimRequest, field: string): { ok: true; data: T } | { ok: false; res: SimResponse } {
  const r = req.body === INVALID_JSON ? undefined : schema.safeParse(req.body);
  return r?.success ? { ok: true, data: r.data } : { ok: false, res: messageError(400, `The body must be {"${field}": "<new number>"} (plain JSON, not value-wrapped).`) };
}

const done = (): SimResponse => ok({ actionId: randomUUID(), actionResult: 'Done', errorInfo: null });
const failed = (errorInfo: string): SimResponse => ok({ actionId: randomUUID(), actionResult: 'Failed', errorInfo });

function renumberItem(req: SimRequest, ctx: SimContext): SimResponse {
  const index = Number(req.params.internalId) - 1000;
  const item = Number.isInteger(index) ? ctx.store.inventory.get(index) : undefined;
  if (!item) return notFound(`Inventory item with internal id ${req.params.internalId ?? ''} not found.`);
  const b = body(InventoryNbr, req, 'inventoryNbr');
  if (!b.ok) return b.res;
  if (ctx.store.inventory.indexOfKey(b.data.inventoryNbr) !== undefined) return failed(`Inventory item '${b.data.inventoryNbr}' already exists.`);
  const next = structuredClone(item);
  next.inventoryNumber = b.data.inventoryNbr;
  next.lastModifiedDateTime = isoStamp(ctx.now());
  next.timestamp = ctx.store.versions.next();
  ctx.store.inventory.put(index, next);
  return done();
}

function renumberCustomer(req: SimRequest, ctx: SimContext): SimResponse {
  const index = Number(req.params.internalId) - 5000;
  const c = Number.isInteger(index) ? ctx.store.customers.get(index) : undefined;
  if (!c) return notFound(`Customer with internal id ${req.params.internalId ?? ''} not found.`);
  const b = body(CustomerCd, req, 'customerCd');
  if (!b.ok) return b.res;
  if (ctx.store.customers.indexOfKey(b.data.customerCd) !== undefined) return failed(`Customer '${b.data.customerCd}' already exists.`);
  const next = structuredClone(c);
  next.number = b.data.customerCd;
  next.lastModifiedDateTime = isoStamp(ctx.now());
  next.timeStamp = ctx.store.versions.next();
  ctx.store.customers.put(index, next);
  return done();
}

export function registerRenumber(r: Router): void {
  r.post('/v1/inventory/action/changeInventoryNbr/:internalId', renumberItem);
  r.post('/v1/customer/action/changeCustomerCd/:internalId', renumberCustomer);
}
