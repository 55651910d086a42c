import { defineNode } from '../../../engine';
import { requireVisma } from '../../shared/require-visma';
import { createInvoiceKind, invoiceParamsSchema } from './kind';
import { migratePostOrderParams, postOrderExpressions } from '../../shared/orders/post-params';
import { runPostOrders } from '../../shared/orders/post-pipeline';
import { postOrderPorts } from '../../shared/orders/ports';

export const postCustomerInvoiceNode = defineNode({
  type: 'visma.postCustomerInvoice',
  version: 2,
  migrate: migratePostOrderParams,
  title: 'Post as sales invoice',
  category: 'visma',
  icon: 'file-invoice',
  connection: 'visma-net',
  clientOf: requireVisma,
  writes: true,
  description:
    'Posts each CCV Shop order as a Visma.net sales invoice (customer invoice), once: the reference (CCV- + order number) is the ' +
    'external reference, by which an invoice that is already there is found and skipped. The same checks and line rules as for sales ' +
    'orders apply: amounts without VAT, discounts per line, shipping and payment costs as lines, VAT code by country of delivery and ' +
    'percentage, revenue account per country. Optionally the invoice is released right away.',
  inputs: postOrderPorts.inputs,
  outputs: postOrderPorts.outputs('invoice'),
  params: invoiceParamsSchema,
  expressions: (p) => postOrderExpressions(p, { items: true, carrier: false }),
  run: (ctx, inputs) => runPostOrders(ctx, inputs, createInvoiceKind()),
});
