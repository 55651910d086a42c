import { defineNode } from '../../../engine';
import { requireVisma } from '../../shared/require-visma';
import { createJournalKind, journalParamsSchema } from './kind';
import { migratePostOrderParams, postOrderExpressions } from '../../shared/orders/post-params';
import { runPostOrders } from '../../shared/orders/post-pipeline';
import { postOrderPorts } from '../../shared/orders/ports';

export const postJournalTransactionNode = defineNode({
  type: 'visma.postJournalTransaction',
  version: 2,
  migrate: migratePostOrderParams,
  title: 'Post as financial mutation',
  category: 'visma',
  icon: 'book',
  connection: 'visma-net',
  clientOf: requireVisma,
  writes: true,
  description:
    'Books each CCV Shop order as a journal transaction (memoriaal / Buchungssatz), once: the order total on the receivable ' +
    'account of its pay method (e.g. the iDEAL interim account), revenue without VAT per VAT rate and country on the revenue ' +
    'accounts, shipping and payment costs on their own accounts, and the VAT per rate on the VAT account. Discounts reduce revenue ' +
    'per rate. Every line carries the reference (CCV- + order number), by which a batch that is already there is found and skipped.',
  inputs: postOrderPorts.inputs,
  outputs: postOrderPorts.outputs('journal transaction'),
  params: journalParamsSchema,
  expressions: (p) => [...postOrderExpressions(p, { items: false, carrier: false }), ...(p.receivableTable.trim() ? [{ field: 'receivableTable', source: `$table(${JSON.stringify(p.receivableTable)}, '')` }] : [])],
  run: (ctx, inputs) => runPostOrders(ctx, inputs, createJournalKind(ctx.tables)),
});
