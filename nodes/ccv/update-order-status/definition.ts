import { z } from 'zod';
import { requireShop } from '../../shared/require-shop';
import { CcvApiError, orderSchema } from '../../../connectors/ccv-shop/index';
import type { OrderPatch } from '../../../connectors/ccv-shop/index';
import { contentHash, defineNode, stripMeta } from '../../../engine';
import type { FieldChange, Item } from '../../../engine';
import { stopsTheStep } from '../../../connectors/common/index';
import { RecordProblem, writeBatches } from '../../shared/batch-writer';
import type { Planned, WriteResult } from '../../shared/batch-writer';

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
  clientOf: requireShop,
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
    const client = ctx.client;
    const p = ctx.params;
    const patch: OrderPatch = { status: p.status, ...(p.mail ? { mail: true } : {}), ...(p.note.trim() ? { note: p.note.trim() } : {}) };
    const hash = contentHash({ status: p.status, mail: p.mail, note: p.note.trim() });
    const plan = async (item: Item): Promise<Planned> => {
      const parsed = orderSchema.safeParse(stripMeta(item.json));
      if (!parsed.success) throw new RecordProblem(`Record '${item.key}' is not a CCV Shop order (it has no order id); connect this step after "Fetch orders".`, 'id');
      const order = parsed.data;
      const id = String(order.id);
      const before = order.status ?? null;
      const done = ctx.ledger.getMapping(SCOPE, id);
      const already: WriteResult = { action: 'skipped', targetId: id, reason: `status is already ${p.status}` };
      if (done && done.hash === hash) return { kind: 'done', result: already };
      // Already there (set by hand, or by a run that stopped before noting it): the id map is settled, nothing sent.
      if (before === p.status) return ctx.dryRun ? { kind: 'done', result: already } : { kind: 'write', scope: SCOPE, key: id, hash, send: async () => ({ ...already, targetId: id }) };
      const changes: FieldChange[] = [{ field: 'status', before, after: p.status }];
      if (ctx.dryRun) return { kind: 'done', result: { action: 'updated', targetId: id, changes } };
      return {
        kind: 'write',
        scope: SCOPE,
        key: id,
        hash,
        send: async () => {
          try {
            await client.orders.patch(order.id, patch, { signal: ctx.signal });
          } catch (error) {
            if (error instanceof CcvApiError && !stopsTheStep(error)) throw new RecordProblem(`The status of order '${item.key}' could not be set: ${error.message}`, 'status');
            throw error;
          }
          return { action: 'updated', targetId: id, changes };
        },
      };
    };
    yield* writeBatches(ctx, inputs.in, plan, { target: 'order status', service: 'CCV Shop', concurrency: 4 });
  },
});
