// POST /__sim/orders: insert orders as-is (e.g. the real sample order), with their rows.
import { err } from './errors';
import type { Json, Rec } from './json';
import { arr, idOf, isObj, num, obj, str } from './json';
import type { SimState } from './state';

// Raw orders without hrefs get this placeholder host, which responses rewrite to ours.
const PLACEHOLDER = 'http://sim.invalid';

function ordersOf(b: Json | undefined): Json[] {
  if (Array.isArray(b)) return b;
  if (isObj(b)) {
    const list = arr(b, 'orders');
    if (list) return list;
    const one = obj(b, 'order');
    if (one) return [one];
    return [b];
  }
  throw err.validation('POST /__sim/orders takes an order object, a list of orders, {"orders": [...]} or {"order": {...}}.');
}

export function insertRawOrders(state: SimState, b: Json | undefined): number[] {
  const inserted: number[] = [];
  for (const [n, item] of ordersOf(b).entries()) {
    if (!isObj(item)) throw err.validation(`orders[${n}] must be an object.`);
    const given = idOf(item.id);
    if (item.id !== undefined && given === undefined) throw err.validation(`orders[${n}].id must be a number.`);
    const id = given ?? state.orders.insert({}).id;
    const hrefText = str(item, 'href');
    const m = hrefText ? /^(https?:\/\/[^/]+)\/api\/rest\/v1\//.exec(hrefText) : null;
    const rawBase = m?.[1] ?? PLACEHOLDER;
    const order: Rec = { ...item, id, _raw_base: rawBase };
    if (!hrefText) order.href = `${rawBase}/api/rest/v1/orders/${id}/`;
    const rows = arr(item, 'orderrows');
    // Rows given inline are stored as order rows; the order keeps a link, as GET returns it.
    if (rows) order.orderrows = { href: `${rawBase}/api/rest/v1/orders/${id}/orderrows/` };
    state.orders.put(order);
    state.orderrows.clear(id);
    for (const [k, row] of (rows ?? []).entries()) {
      if (!isObj(row)) throw err.validation(`orders[${n}].orderrows[${k}] must be an object.`);
      const { href: _h, product_href: _p, parent: _parent, id: rowId, ...fields } = row;
      const rowIdGiven = idOf(rowId);
      if (rowIdGiven === undefined) state.orderrows.insert(id, fields);
      else state.orderrows.update({ ...fields, id: rowIdGiven, order_id: id });
    }
    const ordernumber = num(order, 'ordernumber');
    if (ordernumber !== undefined && ordernumber >= state.counters.nextOrderNumber) state.counters.nextOrderNumber = ordernumber + 1;
    inserted.push(id);
  }
  return inserted;
}
