import { defineNode } from '../../../engine';
import { requireVisma } from '../../shared/require-visma';
import { createSalesOrderKind, salesOrderParamsSchema } from './kind';
import { migratePostOrderParams, postOrderExpressions } from '../../shared/orders/post-params';
import { runPostOrders } from '../../shared/orders/post-pipeline';
import { postOrderPorts } from '../../shared/orders/ports';

export const postSalesOrderNode = defineNode({
  type: 'visma.postSalesOrder',
  version: 2,
  migrate: migratePostOrderParams,
  title: 'Post as sales order',
  category: 'visma',
  icon: 'file-order',
  connection: 'visma-net',
  clientOf: requireVisma,
  writes: true,
  description:
    'Posts each CCV Shop order as a Visma.net sales order (SalesOrders API V3), once: the reference (CCV- + order number) goes into ' +
    'the customer order and reference fields, and an order that is already in Visma.net is skipped. Before anything is posted the ' +
    'order must add up to the cent, every item must exist, and every value must be mapped. Lines carry quantity and the unit price ' +
    'without VAT, as an ERP keeps them (converted when the shop entered prices with VAT); row discounts and coupons become line ' +
    'discounts, so VAT is reduced per rate. Shipping, payment and extra costs are lines with their own items and revenue accounts. ' +
    'Visma.net computes VAT from the VAT zone and each line\'s VAT code; Koppel picks the code by country of delivery and percentage, ' +
    'and checks first that Visma.net arrives at the percentage the shop charged, so the order totals what the customer paid. ' +
    'Intra-community business orders with a VAT number get the reverse-charge zone and code (table key EU-B2B).',
  inputs: postOrderPorts.inputs,
  outputs: postOrderPorts.outputs('sales order'),
  params: salesOrderParamsSchema,
  expressions: postOrderExpressions,
  run: (ctx, inputs) => runPostOrders(ctx, inputs, createSalesOrderKind()),
});
