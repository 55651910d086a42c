import { z } from 'zod';
import { CcvApiError, CcvClient, orderSchema } from '../../../connectors/ccv-shop/index';
import type { OrderPatch } from '../../../connectors/ccv-shop/index';
import { contentHash, defineNode, failItem, stripMeta } from '../../../engine';
import type { FieldChange, Item } from '../../../engine';

const SCOPE = 'order-status';

const paramsSchema = z.strictObject({
  status: z
    .number()
    .int()
    .min(1)
    .max(14)
    .default(2)
    .meta({ title: 'New status', description: '1 New, 2 In process, 3 Wait for manufacturer, 4 Wait for payment, 5 Sent, 6 Delivered, 7 Completed, 8 Cancelled, ... (the shop may show its own names).', ui: { widget: 'number' } }),
  mail: z.boolean().default(false).meta({ title: 'Mail the customer', description: 'CCV Shop mails the customer about the new status.', ui: { widget: 'toggle' } }),
  note: z.string().default('').meta({ title: 'Note', description: 'Text added to the status mail.', ui: { widget: 'text' } }),
});

export const updateOrderStatusNode = defineNode({
  type: 'ccv.updateOrderStatus',
  version: 1,
  title: 'Set order status',
  category: 'ccv',
  icon: 'flag',
  connection: 'ccv-shop',
  writes: true,
  description:
    'Writes a status back to each order in CCV Shop (PATCH /orders/:id/), e.g. "In process" once the order is in Visma.net. ' +
    'Each order is set once; an order that already has the status is left alone.',
  inputs: [{ name: 'in', title: 'Orders', description: 'Orders, e.g. the posted ones from a "Post as ..." step.' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'The orders, status set or already set.' },
    { name: 'error', title: 'Error', description: 'Orders whose status could not be set, with the reason.' },
  ],
  params: paramsSchema,
  async *run(ctx, inputs) {
    const label = ctx.nodeName ?? ctx.nodeId;
    if (!(ctx.client instanceof CcvClient)) throw new Error(`'${label}' needs a CCV Shop connection: choose one for its slot.`);
    const client = ctx.client;
    const p = ctx.params;
    const patch: OrderPatch = { status: p.status, ...(p.mail ? { mail: true } : {}), ...(p.note.trim() ? { note: p.note.trim() } : {}) };
    const hash = contentHash({ status: p.status, mail: p.mail, note: p.note.trim() });
    for await (const batch of inputs.in ?? []) {
      const out: Item[] = [];
      const failed: Item[] = [];
      for (const item of batch) {
        if (ctx.signal.aborted) break;
        const parsed = orderSchema.safeParse(stripMeta(item.json));
        if (!parsed.success) {
          const reason = `Record '${item.key}' is not a CCV Shop order (it has no order id); connect this step after "Fetch orders".`;
          ctx.outcome({ key: item.key, action: 'failed', target: 'order status', reason });
          failed.push(failItem(item, reason, { nodeId: ctx.nodeId, field: 'id' }));
          continue;
        }
        const id = String(parsed.data.id);
        const before = parsed.data.status ?? null;
        const done = ctx.ledger.getMapping(SCOPE, id);
        if ((done && done.hash === hash) || before === p.status) {
          if (!done || done.hash !== hash) ctx.ledger.setMapping(SCOPE, id, id, hash);
          ctx.outcome({ key: item.key, action: 'skipped', target: 'order status', targetId: id, reason: `status is already ${p.status}` });
          out.push(item);
          continue;
        }
        const changes: FieldChange[] = [{ field: 'status', before, after: p.status }];
        if (ctx.dryRun) {
          ctx.outcome({ key: item.key, action: 'updated', target: 'order status', targetId: id, changes });
          out.push(item);
          continue;
        }
        try {
          await client.orders.patch(parsed.data.id, patch, { signal: ctx.signal });
          ctx.ledger.setMapping(SCOPE, id, id, hash);
          ctx.outcome({ key: item.key, action: 'updated', target: 'order status', targetId: id, changes });
          out.push(item);
        } catch (error) {
          if (!(error instanceof CcvApiError) || error.kind === 'auth' || error.kind === 'forbidden') throw error;
          const reason = `The status of order '${item.key}' could not be set: ${error.message}`;
          ctx.outcome({ key: item.key, action: 'failed', target: 'order status', reason });
          failed.push(failItem(item, reason, { nodeId: ctx.nodeId, field: 'status' }));
        }
      }
      if (out.length) yield { port: 'out', items: out };
      if (failed.length) yield { port: 'error', items: failed };
    }
  },
});
