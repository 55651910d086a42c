// Public surface of the Visma.net ERP connector.
export { VismaClient, type ConnectionCheck } from './client';
export { defaultScopes, defaultUrls, resolveConfig, type B64Mode, type ResolvedVismaConfig, type VismaConfig, type VismaLogger, type VismaLogLine } from './config';
export { VismaApiError, isVismaApiError, isTransientError, kindForStatus, type VismaErrorDetail, type VismaErrorKind } from './errors';
export { parseErrorBody, type ParsedErrorBody } from './error-body';
export { wrap, unwrap, type FieldRule, type WrapOptions, type WrapSpec } from './wrap';
export { plainBody } from './plain-body';
export { formatDocumentDate, formatLocalDateTime, parseVismaDateTime } from './dates';
export { b64Id, needsB64, mainPathSegment, idFromLocation, salesOrderFromLocation, type SalesOrderKey } from './ids';
export { buildQuery, deltaParams, type DateCondition, type DeltaFilter, type QueryParams } from './query';
export { mainPages, v3Pages, paginationObjectPages, itemsOf, type ListMetadata } from './paging';
export type { CreateResult, CreateOptions } from './create';
export type { HttpMethod, VismaRequest, VismaResponse } from './transport';
export type { CallOptions, PageOptions } from './resources/support';

export * from './resources/inventory-schemas';
export { defaultInventoryExpand, type InventoryExpand, type InventoryListOptions, type AttachmentUpload } from './resources/inventory';
export * from './resources/customer-schemas';
export type { CustomerListOptions, FindByEmailOptions } from './resources/customers';
export type { ContactListOptions } from './resources/contacts';
export * from './resources/customer-invoice-schemas';
export type { CustomerInvoiceListOptions } from './resources/customer-invoices';
export {
  journalTransactionSchema,
  journalTransactionInputSchema,
  journalTransactionWrapSpec,
  type JournalTransaction,
  type JournalTransactionInput,
  type JournalTransactionListOptions,
} from './resources/journal-transactions';
export * from './resources/sales-order-schemas';
export type { SalesOrderListOptions, SalesOrderWithVersion } from './resources/sales-orders';
export type { AvailabilityOptions } from './resources/inventory-availability';
export { itemClassSchema, type ItemClass } from './resources/item-classes';
export { attributeSchema, type Attribute, type AttributeListOptions } from './resources/attributes';
export { salesCategorySchema, flattenSalesCategories, type SalesCategory, type FlatSalesCategory } from './resources/sales-categories';
export { blobMetadataSchema, fileNameOf, type BlobMetadata, type DownloadedFile } from './resources/attachments';
export { vatCategorySchema, vatZoneSchema, vatCodeSchema, vatRateOn, type VatCategory, type VatZone, type VatCode } from './resources/vat';
export { paymentMethodSchema, type PaymentMethod } from './resources/payment-methods';
export { creditTermSchema, type CreditTerm, type CreditTermListOptions } from './resources/credit-terms';
export { carrierSchema, type Carrier } from './resources/carriers';
export { branchSchema, type Branch, type BranchExpand } from './resources/branches';
export { currencySchema, type Currency } from './resources/currencies';
export { warehouseSchema, type Warehouse } from './resources/warehouses';

// Resource classes, for typing code that receives them (construct them through VismaClient).
export type { InventoryResource } from './resources/inventory';
export type { InventorySummaryResource } from './resources/inventory-summary';
export type { InventoryAvailabilityResource } from './resources/inventory-availability';
export type { ItemClassesResource } from './resources/item-classes';
export type { AttributesResource } from './resources/attributes';
export type { SalesCategoriesResource } from './resources/sales-categories';
export type { AttachmentsResource } from './resources/attachments';
export type { CustomersResource } from './resources/customers';
export type { ContactsResource } from './resources/contacts';
export type { CustomerClassesResource } from './resources/customer-classes';
export type { VatCategoriesResource, VatZonesResource, VatCodesResource } from './resources/vat';
export type { PaymentMethodsResource } from './resources/payment-methods';
export type { CreditTermsResource } from './resources/credit-terms';
export type { CarriersResource } from './resources/carriers';
export type { BranchesResource } from './resources/branches';
export type { CurrenciesResource } from './resources/currencies';
export type { WarehousesResource } from './resources/warehouses';
export type { CustomerInvoicesResource } from './resources/customer-invoices';
export type { JournalTransactionsResource } from './resources/journal-transactions';
export type { SalesOrdersResource } from './resources/sales-orders';
