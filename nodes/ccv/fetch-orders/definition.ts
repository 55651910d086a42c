import { z } from 'zod';
import { requireShop } from '../../shared/require-shop';
import { CcvApiError } from '../../../connectors/ccv-shop/index';
import type { Order, OrderFilters, OrderRow } from '../../../connectors/ccv-shop/index';
import { defineNode, failItem, toJsonRecord, withMeta } from '../../../engine';
import type { Item } from '../../../engine';
import { orderNumberText } from '../../shared/orders/order-input';

const CURSOR = 'created-since';

const paramsSchema = z.strictObject({
  paid: z
    .enum(['paid', 'unpaid', 'any'])
    .default('paid')
    .meta({
      title: 'Payment',
      ui: {
        widget: 'select',
        options: [
          { value: 'paid', label: 'only paid orders' },
          { value: 'unpaid', label: 'only unpaid orders' },
          { value: 'any', label: 'paid and unpaid' },
        ],
      },
    }),
  statuses: z
    .array(z.number().int().min(1).max(14))
    .default([])
    .meta({ title: 'Order statuses', description: 'Only orders in these statuses (1 New, 2 In process, 4 Wait for payment, 5 Sent, 7 Completed, ...); empty = all.', ui: { widget: 'list' } }),
  createdSince: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use a date like 2025-01-31.')
    .default('')
    .meta({ title: 'Orders created since', description: 'For the first run: the oldest order date to read (YYYY-MM-DD); empty = all orders.', ui: { widget: 'text' } }),
  lookbackDays: z
    .number()
    .int()
    .min(0)
    .max(366)
    .default(14)
    .meta({
      title: 'Look back (days)',
      description: 'Later runs read from the newest order of the last good run minus this many days, so orders paid a little later are still found. Orders sent before are skipped.',
      ui: { widget: 'number' },
    }),
});

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** An order record, stamped with the shop it came from (its reference prefix keeps several shops apart in Visma.net). */
function orderItem(order: Order, rows: OrderRow[], origin: { shop: string; referencePrefix: string }): Item {
  return withMeta({ key: orderNumberText(order), json: toJsonRecord({ ...order, orderrows: { href: order.orderrows?.href ?? null, collection: rows } }) }, { origin });
}

export const fetchOrdersNode = defineNode({
  type: 'ccv.fetchOrders',
  version: 1,
  title: 'Fetch orders',
  category: 'ccv',
  icon: 'cart',
  connection: 'ccv-shop',
  clientOf: requireShop,
  description:
    'Reads orders from CCV Shop, filtered by payment and status, with their rows. CCV has no "changed since" filter, so Koppel ' +
    'reads from a date it keeps per flow (the newest order of the last good run, minus a few look-back days); the writing steps ' +
    'remember what they sent, so every order is handled once.',
  inputs: [{ name: 'in', title: 'Start' }],
  outputs: [
    { name: 'out', title: 'Orders', description: 'One record per order (key: the order number), rows in orderrows.collection.' },
    { name: 'error', title: 'Error', description: 'Orders whose rows could not be read.' },
  ],
  params: paramsSchema,
  async *run(ctx, inputs) {
    const client = ctx.client;
    const p = ctx.params;
    const origin = { shop: client.config.origin, referencePrefix: client.config.referencePrefix };
    const statuses = new Set(p.statuses);
    for await (const start of inputs.in ?? []) {
      if (start.length === 0) continue;
      const since = ctx.ledger.getCursor(CURSOR) ?? (p.createdSince || undefined);
      const filters: OrderFilters = {
        ...(p.paid !== 'any' ? { paid: p.paid === 'paid' } : {}),
        ...(statuses.size === 1 ? { status: p.statuses[0] } : {}),
        ...(since ? { min_create_date: since } : {}),
        orderby: 'id',
      };
      let newest: string | undefined;
      for await (const page of client.orders.pages(filters, { signal: ctx.signal })) {
        const out: Item[] = [];
        const failed: Item[] = [];
        for (const order of page.items) {
          if (statuses.size > 1 && !statuses.has(order.status ?? 0)) continue;
          const created = order.create_date?.slice(0, 10);
          if (created && (newest === undefined || created > newest)) newest = created;
          try {
            const rows: OrderRow[] = [];
            for await (const row of client.orderRows.list(order.id, { signal: ctx.signal })) rows.push(row);
            out.push(orderItem(order, rows, origin));
          } catch (error) {
            if (!(error instanceof CcvApiError) || error.kind === 'auth' || error.kind === 'forbidden') throw error;
            const item = orderItem(order, [], origin);
            failed.push(failItem(item, `The rows of order '${item.key}' could not be read: ${error.message}`, { nodeId: ctx.nodeId, field: 'orderrows' }));
          }
        }
        if (out.length) yield { port: 'out', items: out };
        if (failed.length) yield { port: 'error', items: failed };
      }
      if (newest) {
        const next = daysBefore(newest, p.lookbackDays);
        ctx.ledger.proposeCursor(CURSOR, since && since > next ? since : next);
      }
    }
  },
});
