import type { AnyNodeDefinition } from '../../engine';
import { fetchCustomersNode } from '../ccv/fetch-customers';
import { fetchOrdersNode } from '../ccv/fetch-orders';
import { updateOrderStatusNode } from '../ccv/update-order-status';
import { postCustomerInvoiceNode } from '../visma/post-customer-invoice';
import { postJournalTransactionNode } from '../visma/post-journal-transaction';
import { postSalesOrderNode } from '../visma/post-sales-order';
import { upsertCustomerNode } from '../visma/upsert-customer';

export { fetchCustomersNode, fetchOrdersNode, updateOrderStatusNode, postCustomerInvoiceNode, postJournalTransactionNode, postSalesOrderNode, upsertCustomerNode };

/** CCV Shop → Visma.net: customers and orders. */
export const orderNodes: readonly AnyNodeDefinition[] = [
  fetchOrdersNode,
  fetchCustomersNode,
  upsertCustomerNode,
  postSalesOrderNode,
  postCustomerInvoiceNode,
  postJournalTransactionNode,
  updateOrderStatusNode,
];
