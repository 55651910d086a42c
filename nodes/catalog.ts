import { createCatalog, type AnyNodeDefinition } from '../engine';
import { filterNode } from './core/filter/definition';
import { mapNode } from './core/map/definition';
import { manualTrigger } from './trigger/manual/definition';
import { fetchCustomersNode } from './ccv/fetch-customers/definition';
import { fetchOrdersNode } from './ccv/fetch-orders/definition';
import { ccvSyncCategoriesNode } from './ccv/sync-categories/definition';
import { ccvSyncPhotoNode } from './ccv/sync-photo/definition';
import { ccvSyncPropertiesNode } from './ccv/sync-properties/definition';
import { ccvSyncStockNode } from './ccv/sync-stock/definition';
import { updateOrderStatusNode } from './ccv/update-order-status/definition';
import { ccvUpsertProductNode } from './ccv/upsert-product/definition';
import { ccvUpsertVariantProductNode } from './ccv/upsert-variant-product/definition';
import { vismaFetchNode } from './visma/fetch/definition';
import { vismaFetchImageNode } from './visma/fetch-image/definition';
import { vismaFetchStockNode } from './visma/fetch-stock/definition';
import { vismaGroupVariantsNode } from './visma/group-variants/definition';
import { postCustomerInvoiceNode } from './visma/post-customer-invoice/definition';
import { postJournalTransactionNode } from './visma/post-journal-transaction/definition';
import { postSalesOrderNode } from './visma/post-sales-order/definition';
import { upsertCustomerNode } from './visma/upsert-customer/definition';

/**
 * Every node type Koppel offers, one line each; the palette groups them by `category`. Each lives in its own folder,
 * named after its type id: `ccv.upsertProduct` → `nodes/ccv/upsert-product/definition.ts` (checked by a test).
 */
export const definitions: readonly AnyNodeDefinition[] = [
  manualTrigger,
  filterNode,
  mapNode,
  // Visma.net → CCV Shop: products, stock, categories, images
  vismaFetchNode,
  vismaFetchStockNode,
  vismaFetchImageNode,
  vismaGroupVariantsNode,
  ccvUpsertProductNode,
  ccvUpsertVariantProductNode,
  ccvSyncStockNode,
  ccvSyncCategoriesNode,
  ccvSyncPhotoNode,
  ccvSyncPropertiesNode,
  // CCV Shop → Visma.net: customers, orders
  fetchOrdersNode,
  fetchCustomersNode,
  upsertCustomerNode,
  postSalesOrderNode,
  postCustomerInvoiceNode,
  postJournalTransactionNode,
  updateOrderStatusNode,
];

export const catalog = createCatalog([...definitions]);
