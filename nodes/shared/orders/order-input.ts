import { orderSchema } from '../../../connectors/ccv-shop/index';
import type { Order, OrderRow } from '../../../connectors/ccv-shop/index';
import { stripMeta } from '../../../engine';
import type { Item, JsonObject } from '../../../engine';
import { recordProblem } from '../messages';

/** A CCV Shop order as it travels through an orders flow: the order with its rows loaded. */
export interface ShopOrder {
  order: Order;
  rows: OrderRow[];
  /** The record as it came in, to pass on with what was added. */
  json: JsonObject;
}

/** Reads an order record made by "Fetch orders" (rows in `orderrows.collection`). */
export function readOrder(item: Item): ShopOrder {
  const json = stripMeta(item.json);
  const parsed = orderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue?.message ?? 'unreadable';
    if (!issue?.path.length) throw recordProblem('order.notAnOrderRecord', { key: item.key, detail }, 'the record');
    const at = issue.path.join('.');
    throw recordProblem('order.notAnOrder', { key: item.key, at, detail }, at);
  }
  const rows = parsed.data.orderrows?.collection;
  if (!rows) {
    throw recordProblem('order.noRows', { key: item.key }, 'orderrows');
  }
  return { order: parsed.data, rows, json };
}

/** The order number as the shop shows it (`ordernumber_full`, e.g. "WEB-1001"), else the number, else the id. */
export function orderNumberText(order: Order): string {
  const full = order.ordernumber_full;
  if (full !== null && full !== undefined && String(full).trim() !== '') return String(full).trim();
  if (order.ordernumber !== null && order.ordernumber !== undefined) return String(order.ordernumber);
  return String(order.id);
}

/** The reference Koppel writes into Visma.net and finds a document back by: prefix + shop order number. */
export function orderReference(order: Order, prefix: string): string {
  return `${prefix}${orderNumberText(order)}`;
}
