// /orders: list (is_completed defaults to true), get, create, patch with webhooks; order rows.
import type { Ctx, Route } from '../context';
import { created, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { Json, JsonObject, Rec } from '../json';
import { arr, bool, cents, eur, isObj, num, obj, str } from '../json';
import { pagedList, pagedRecords } from '../collection';
import { rowRecord, withTotals } from '../order-rows';
import { isoSeconds } from '../hmac';
import { assignFields, body, need, nowIso, parseBoolParam, parseNumParam } from './common';
import { customerFrom, defaultShippingCents, rowSpecs, userRef } from './order-input';
import type { OrderFlags } from './order-input';
import { orderHookBody, renderOrder, renderOrderRow } from './order-render';

/** YYYY-MM-DD (whole day) or a full date-time bound on create_date. */
function dateBound(ctx: Ctx, name: string, end: boolean): string | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T${end ? '23:59:59' : '00:00:00'}Z`;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw err.validation(`Query parameter '${name}' must be a date like 2024-01-31, got '${v}'.`);
  return isoSeconds(t);
}

function orderFilter(ctx: Ctx): (o: Rec) => boolean {
  const tests: ((o: Rec) => boolean)[] = [];
  const completed = parseBoolParam(ctx, 'is_completed') ?? true;
  tests.push((o) => (o.is_completed !== false) === completed);
  for (const name of ['ordernumber', 'status', 'paymethod_id'] as const) {
    const v = parseNumParam(ctx, name);
    if (v !== undefined) tests.push((o) => o[name] === v);
  }
  const paid = parseBoolParam(ctx, 'is_paid');
  if (paid !== undefined) tests.push((o) => (o.paid === true) === paid);
  const tx = ctx.query.get('transaction_id');
  if (tx) tests.push((o) => String(o.transaction_id ?? '') === tx);
  const deliver = ctx.query.get('deliver_date');
  if (deliver) tests.push((o) => (str(o, 'deliver_date') ?? '').startsWith(deliver));
  const takeOut = ctx.query.get('take_out_date');
  if (takeOut) tests.push((o) => (str(obj(o, 'take_out_window') ?? {}, 'start') ?? '').startsWith(takeOut));
  const min = dateBound(ctx, 'min_create_date', false);
  const max = dateBound(ctx, 'max_create_date', true);
  if (min) tests.push((o) => (str(o, 'create_date') ?? '') >= min);
  if (max) tests.push((o) => (str(o, 'create_date') ?? '') <= max);
  return (o) => tests.every((t) => t(o));
}

function rowsOf(ctx: Ctx, orderId: number): Rec[] {
  return ctx.state.orderrows.list(orderId);
}

function flagsOf(o: JsonObject): OrderFlags {
  return { rowsIncludeTax: bool(o, 'order_row_taxes_included') ?? true, intraCommunity: bool(o, 'is_intra_community_order') ?? false };
}

/** Replace all rows of an order and recalculate it. */
function replaceRows(ctx: Ctx, order: Rec, inputs: Json[]): Rec {
  const specs = rowSpecs(ctx, inputs, flagsOf(order));
  ctx.state.orderrows.clear(order.id);
  const rows = specs.map((spec) => {
    const draft = ctx.state.orderrows.insert(order.id, {});
    const rec = rowRecord(spec, draft.id, order.id);
    ctx.state.orderrows.update(rec);
    return rec;
  });
  return withTotals(order, rows);
}

function emitOrderChanges(ctx: Ctx, before: Rec, after: Rec): void {
  const at = nowIso(ctx);
  if (before.status !== after.status) {
    ctx.emit('orders.updated.status', orderHookBody(ctx, after, at, { previous_status: before.status ?? null, status: after.status ?? null }));
  }
  if (before.paid !== after.paid) ctx.emit('orders.updated.ispaid', orderHookBody(ctx, after, at, { paid: after.paid ?? false }));
  if (before.track_and_trace_code !== after.track_and_trace_code || before.track_and_trace_carrier !== after.track_and_trace_carrier) {
    ctx.emit(
      'orders.updated.trackandtrace',
      orderHookBody(ctx, after, at, { track_and_trace_code: after.track_and_trace_code ?? '', track_and_trace_carrier: after.track_and_trace_carrier ?? null }),
    );
  }
}

const PATCH_SAME = ['invoicenumber', 'paid', 'safety_deposit_returned', 'total_shipping', 'paymethod_costs', 'extra_costs',
  'extra_costs_description', 'taxes_included', 'order_row_taxes_included', 'shipping_taxes_included', 'is_intra_community_order',
  'currency', 'is_platform_sale', 'orderedinlng', 'status', 'track_and_trace_code', 'track_and_trace_carrier', 'deliver_date',
  'deliver_method', 'reservationnumber'] as const;
const RECALC = ['total_shipping', 'paymethod_costs', 'extra_costs', 'taxes_included', 'order_row_taxes_included', 'shipping_taxes_included',
  'is_intra_community_order'];

function checkStatus(b: JsonObject): void {
  const status = num(b, 'status');
  if (status !== undefined && (status < 1 || status > 14)) throw err.validation(`Field 'status' must be an order status 1-14, got ${status}.`);
}

function patchOrder(ctx: Ctx): Rec {
  const o = need(ctx, ctx.state.orders, idAt(ctx));
  const b = body(ctx, 'orders.patch');
  checkStatus(b);
  let next: Rec = { ...o };
  assignFields(next, b, PATCH_SAME);
  if (typeof b.track_and_trace_code === 'string' && b.track_and_trace_code !== o.track_and_trace_code) {
    next.track_and_trace_deeplink = b.track_and_trace_code ? `https://jouw.postnl.nl/track-and-trace/${b.track_and_trace_code}` : '';
  }
  if (isObj(b.customer)) next.customer = customerFrom(b.customer, obj(o, 'customer'));
  const rowsInput = arr(b, 'orderrows');
  if (rowsInput) next = replaceRows(ctx, next, rowsInput);
  else if (RECALC.some((k) => b[k] !== undefined) && rowsOf(ctx, o.id).length > 0) next = withTotals(next, rowsOf(ctx, o.id));
  ctx.state.orders.update(next);
  emitOrderChanges(ctx, o, next);
  return next;
}

function createOrder(ctx: Ctx): Rec {
  const s = ctx.state;
  const b = body(ctx, 'orders.post');
  checkStatus(b);
  const customer = customerFrom(obj(b, 'customer') ?? {});
  const completed = bool(b, 'is_completed') ?? true;
  const rowsIncl = bool(b, 'order_row_taxes_included') ?? s.settings.prices_include_vat !== false;
  const intra = bool(b, 'is_intra_community_order') ?? false;
  const specs = rowSpecs(ctx, arr(b, 'orderrows') ?? [], { rowsIncludeTax: rowsIncl, intraCommunity: intra });
  const user = userRef(ctx, num(b, 'user_id'));
  const ordernumber = completed ? s.counters.nextOrderNumber++ : null;
  const draft = s.orders.insert({});
  const order: Rec = {
    id: draft.id,
    ordernumber_prefix: null,
    ordernumber,
    ordernumber_full: ordernumber === null ? null : String(ordernumber),
    invoicenumber: num(b, 'invoicenumber') ?? null,
    transaction_id: null,
    create_date: nowIso(ctx),
    deliver_method: str(b, 'deliver_method') ?? 'shipping',
    deliver_date: str(b, 'deliver_date') ?? null,
    take_out_window: { start: null, end: null },
    is_platform_sale: bool(b, 'is_platform_sale') ?? false,
    orderedinlng: str(b, 'orderedinlng') ?? 'nl',
    status: completed ? (num(b, 'status') ?? 1) : null,
    is_completed: completed,
    ...(completed ? {} : { _basket_path: `/Basket/?order=${draft.id}` }),
    paid: bool(b, 'paid') ?? false,
    safety_deposit_returned: bool(b, 'safety_deposit_returned') ?? false,
    // POST /orders has no pay method field; API orders show none [I].
    paymethod_id: 0,
    paymethod: '',
    paymethod_label: '',
    taxes_included: bool(b, 'taxes_included') ?? true,
    order_row_taxes_included: rowsIncl,
    shipping_taxes_included: bool(b, 'shipping_taxes_included') ?? (rowsIncl && !intra),
    shipping_tax_percentage: intra ? 0 : 21,
    is_intra_community_order: intra,
    total_orderrow_price: 0,
    total_shipping: num(b, 'total_shipping') ?? eur(defaultShippingCents(customer, rowsIncl && !intra)),
    total_discounts: 0,
    total_price: 0,
    currency: str(b, 'currency') ?? str(s.settings, 'currency') ?? 'EUR',
    total_tax: 0,
    total_weight: 0,
    extra_payment_option: '',
    extra_payment_option_price: 0,
    extra_payment_option_no_sentprice: false,
    extra_payment_option_pay_on_pickup: false,
    extra_price: 0,
    paymethod_costs: num(b, 'paymethod_costs') ?? 0,
    credit_point_discount: 0,
    extra_costs: num(b, 'extra_costs') ?? 0,
    extra_costs_description: str(b, 'extra_costs_description') ?? '',
    track_and_trace_code: str(b, 'track_and_trace_code') ?? '',
    track_and_trace_carrier: str(b, 'track_and_trace_carrier') ?? null,
    track_and_trace_deeplink: '',
    reservationnumber: str(b, 'reservationnumber') ?? '',
    delivery_option: null,
    user,
    discountcoupon: { code: '', discount: 0, type: '', enddate: null, onetimeuse: false, minimumprice: 0, givesfreeshipping: false },
    customer,
    pickup_address: null,
    _packing_slip_path: completed ? `/onderhoud/AdminItems/StandaloneObjects/PackingSlip.php?OrderId=${draft.id}` : null,
  };
  const rows = specs.map((spec) => {
    const rowDraft = s.orderrows.insert(order.id, {});
    const rec = rowRecord(spec, rowDraft.id, order.id);
    s.orderrows.update(rec);
    return rec;
  });
  const full = withTotals(order, rows);
  s.orders.update(full);
  ctx.emit('orders.created', orderHookBody(ctx, full, nowIso(ctx), {}));
  return full;
}

function needRow(ctx: Ctx): { row: Rec; order: Rec } {
  const row = need(ctx, ctx.state.orderrows, idAt(ctx));
  const order = need(ctx, ctx.state.orders, num(row, 'order_id') ?? 0, 'orders');
  return { row, order };
}

export const orderRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'orders',
    handler: (ctx) =>
      ok(
        pagedList(ctx, ctx.state.orders.ids(), (id) => ctx.state.orders.get(id), {
          orderby: ['create_date', 'deliver_date', 'id', 'ordernumber'],
          filter: orderFilter(ctx),
          peek: (id) => ctx.state.orders.peek(id),
          cacheKey: `orders@${ctx.state.uid}.${ctx.state.orders.version}`,
          render: (o) => renderOrder(ctx, o),
        }),
      ),
  },
  { method: 'GET', pattern: 'orders/:id', handler: (ctx) => ok(renderOrder(ctx, need(ctx, ctx.state.orders, idAt(ctx)))) },
  { method: 'POST', pattern: 'orders', handler: (ctx) => created(renderOrder(ctx, createOrder(ctx))) },
  {
    method: 'PATCH',
    pattern: 'orders/:id',
    handler: (ctx) => {
      patchOrder(ctx);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: 'orders/:id/orderrows',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.orders, idAt(ctx));
      return ok(pagedRecords(ctx, rowsOf(ctx, o.id), { render: (r) => renderOrderRow(ctx, r) }));
    },
  },
  {
    method: 'PUT',
    pattern: 'orders/:id/orderrows',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.orders, idAt(ctx));
      ctx.state.orders.update(replaceRows(ctx, o, arr(body(ctx, 'orderrows.put'), 'orderrows') ?? []));
      return noContent();
    },
  },
  {
    method: 'POST',
    pattern: 'orders/:id/orderrows',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.orders, idAt(ctx));
      const [spec] = rowSpecs(ctx, [body(ctx, 'orderrow.input')], flagsOf(o));
      if (!spec) throw err.validation('POST /orders/:id/orderrows/ needs one order row.');
      const draft = ctx.state.orderrows.insert(o.id, {});
      const rec = rowRecord(spec, draft.id, o.id);
      ctx.state.orderrows.update(rec);
      ctx.state.orders.update(withTotals(o, rowsOf(ctx, o.id)));
      return created(renderOrderRow(ctx, rec));
    },
  },
  { method: 'GET', pattern: 'orderrows/:id', handler: (ctx) => ok(renderOrderRow(ctx, needRow(ctx).row)) },
  {
    method: 'PATCH',
    pattern: 'orderrows/:id',
    handler: (ctx) => {
      const { row, order } = needRow(ctx);
      const b = body(ctx, 'orderrows.patch');
      if (order.is_completed !== false) {
        throw err.notAllowedOnResource(`order ${order.id} is completed; order rows can only be patched on non-completed orders. Use PUT /orders/${order.id}/orderrows/.`);
      }
      const input: JsonObject = { product_id: row.product_id ?? null, product_name: row.product_name ?? '', product_number: row.product_number ?? '',
        price: b.price ?? row.price ?? 0, discount: b.discount ?? row.discount ?? 0, count: b.count ?? row.count ?? 1, tax: row.tax ?? 0,
        package_id: row.package_id ?? null, unit: row.unit ?? '', weight: row.weight ?? 0 };
      const [spec] = rowSpecs(ctx, [input], flagsOf(order));
      if (spec) {
        // Keep the chosen variant options of the row.
        spec.attributes = (arr(row, 'attributes') ?? []).flatMap((a) =>
          isObj(a) ? [{ option_name: str(a, 'option_name') ?? '', value_name: str(a, 'value_name') ?? '', priceCents: cents(num(a, 'price') ?? 0) }] : [],
        );
        spec.sub_product_number = str(row, 'sub_product_number') ?? '';
        spec.sub_sku_number = str(row, 'sub_sku_number') ?? '';
        spec.sub_ean_number = str(row, 'sub_ean_number') ?? '';
        ctx.state.orderrows.update(rowRecord(spec, row.id, order.id));
      }
      ctx.state.orders.update(withTotals(order, rowsOf(ctx, order.id)));
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'orderrows/:id',
    handler: (ctx) => {
      const { row, order } = needRow(ctx);
      ctx.state.orderrows.remove(row.id);
      ctx.state.orders.update(withTotals(order, rowsOf(ctx, order.id)));
      return noContent();
    },
  },
];
