import { z } from 'zod';
import type { WrapSpec } from '../wrap';
import { attachmentSchema, bool, idDescription, int, num, str, withMetadata } from './support';

// ---- responses (plain JSON, reference/visma-net/README.md §6.1 / fields.md InventoryDto) ----

export const crossReferenceSchema = z.looseObject({
  alternateType: str,
  bAccount: z.looseObject({ internalId: int, number: str, name: str }).nullish(),
  alternateID: str,
  description: str,
  uom: str,
  timestamp: str,
});
export type InventoryCrossReference = z.infer<typeof crossReferenceSchema>;

export const warehouseDetailSchema = z.looseObject({
  isDefault: bool,
  warehouse: str,
  quantityOnHand: num,
  available: num,
  availableForShipment: num,
  lastModifiedDateTime: str,
});

export const inventorySchema = z.looseObject({
  inventoryId: int,
  inventoryNumber: str,
  status: str,
  type: str,
  description: str,
  body: str,
  itemClass: z.looseObject({ id: str, description: str, type: str }).nullish(),
  postingClass: idDescription.nullish(),
  vatCode: idDescription.nullish(),
  defaultPrice: num,
  recommendedPrice: num,
  pendingCost: num,
  currentCost: num,
  lastCost: num,
  costPriceStatistics: z.looseObject({ lastCost: num, averageCost: num, minCost: num, maxCost: num }).nullish(),
  baseUnit: str,
  salesUnit: str,
  purchaseUnit: str,
  stockItem: bool,
  kitItem: bool,
  crossReferences: z.array(crossReferenceSchema).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  attributes: z.array(z.looseObject({ id: str, value: str, description: str })).nullish(),
  warehouseDetails: z.array(warehouseDetailSchema).nullish(),
  defaultWarehouse: idDescription.nullish(),
  salesCategories: z.array(z.looseObject({ categoryId: int, description: str })).nullish(),
  packaging: z.looseObject({ baseItemWeight: num, weightUOM: str, baseItemVolume: num, volumeUOM: str }).nullish(),
  intrastat: z.looseObject({ cN8: str, countryOfOrigin: str, supplementaryMeasureUnit: str }).nullish(),
  priceClass: idDescription.nullish(),
  note: str,
  lastModifiedDateTime: str,
  timestamp: str,
  ...withMetadata,
});
export type Inventory = z.infer<typeof inventorySchema>;

export const inventorySummarySchema = z.looseObject({
  inventory: z.looseObject({ number: str, description: str }).nullish(),
  warehouse: idDescription.nullish(),
  // LocationInInventorySummaryDto.id is an int32 in the spec.
  location: z.looseObject({ id: int, name: str }).nullish(),
  available: num,
  availableForShipment: num,
  notAvailable: num,
  onHand: num,
  soBooked: num,
  soAllocated: num,
  soShipped: num,
  soBackOrdered: num,
  soToPurchase: num,
  inIssues: num,
  inReceipts: num,
  inTransit: num,
  purchaseOrders: num,
  poReceipts: num,
  expired: num,
  baseUnit: str,
  estimatedUnitCost: num,
  estimatedTotalCost: num,
  ...withMetadata,
});
export type InventorySummary = z.infer<typeof inventorySummarySchema>;

// ---- writes (InventoryUpdateDto, wrapped; checked against the OpenAPI in the tests) ----

const segment = z.strictObject({ segmentId: z.number().int(), segmentValue: z.string() });
const lineOperation = z.enum(['Insert', 'Update', 'Delete']);
export const alternateTypeSchema = z.enum(['CPN', 'VPN', 'Global', 'Barcode']);

export const crossReferenceLineInputSchema = z.strictObject({
  operation: lineOperation,
  alternateType: alternateTypeSchema.nullish(),
  bAccount: z.string().nullish(),
  alternateID: z.string().nullish(),
  description: z.string().nullish(),
  uom: z.string().nullish(),
});

export const inventoryInputSchema = z.strictObject({
  inventoryNumber: z.string().nullish(),
  status: z.enum(['Active', 'NoSales', 'NoPurchases', 'NoRequest', 'Inactive', 'MarkedForDeletion', 'Unknown']).nullish(),
  type: z.enum(['NonStockItem', 'LaborItem', 'ServiceItem', 'ChargeItem', 'ExpenseItem', 'FinishedGoodItem', 'ComponentPartItem', 'SubassemblyItem']).nullish(),
  description: z.string().nullish(),
  body: z.string().nullish(),
  itemClass: z.string().nullish(),
  postingClass: z.string().nullish(),
  vatCode: z.string().nullish(),
  defaultPrice: z.number().nullish(),
  baseUnit: z.string().nullish(),
  salesUnit: z.string().nullish(),
  purchaseUnit: z.string().nullish(),
  expenseAccrualAccount: z.string().nullish(),
  inventoryAccount: z.string().nullish(),
  expenseAccount: z.string().nullish(),
  cogsAccount: z.string().nullish(),
  expenseNonTaxableAccount: z.string().nullish(),
  expenseEuAccount: z.string().nullish(),
  expenseImportAccount: z.string().nullish(),
  expenseSubaccount: z.array(segment).nullish(),
  cogsSubaccount: z.array(segment).nullish(),
  salesAccount: z.string().nullish(),
  salesNonTaxableAccount: z.string().nullish(),
  salesEuAccount: z.string().nullish(),
  salesExportAccount: z.string().nullish(),
  salesSubaccount: z.array(segment).nullish(),
  attributeLines: z.array(z.strictObject({ attributeId: z.string(), attributeValue: z.string().nullish() })).nullish(),
  packaging: z
    .strictObject({ baseItemWeight: z.number().nullish(), weightUOM: z.string().nullish(), baseItemVolume: z.number().nullish(), volumeUOM: z.string().nullish() })
    .nullish(),
  supplierDetails: z
    .array(
      z.strictObject({
        operation: lineOperation,
        active: z.boolean().nullish(),
        default: z.boolean().nullish(),
        supplierID: z.string().nullish(),
        location: z.string().nullish(),
        purchaseUnit: z.string().nullish(),
        supplierItemID: z.string().nullish(),
        override: z.boolean().nullish(),
        shipmentLeadTime: z.number().int().nullish(),
        minOrderFreq: z.number().int().nullish(),
        minOrderQty: z.number().nullish(),
        maxOrderQty: z.number().nullish(),
        lotSize: z.number().nullish(),
        eoq: z.number().nullish(),
        currencyID: z.string().nullish(),
      }),
    )
    .nullish(),
  intrastat: z.strictObject({ cN8: z.string().nullish(), countryOfOrigin: z.string().nullish(), supplementaryMeasureUnit: z.string().nullish() }).nullish(),
  crossReferences: z.array(crossReferenceLineInputSchema).nullish(),
  defaultWarehouse: z.string().nullish(),
  defaultIssueFrom: z.string().nullish(),
  defaultReceiptTo: z.string().nullish(),
  kitItem: z.boolean().nullish(),
  note: z.string().nullish(),
});
export type InventoryInput = z.input<typeof inventoryInputSchema>;

/** `packaging` and `intrastat` are plain objects with wrapped fields; subaccount segments stay plain. */
export const inventoryWrapSpec: WrapSpec = {
  expenseSubaccount: 'raw',
  cogsSubaccount: 'raw',
  salesSubaccount: 'raw',
  packaging: 'inline',
  intrastat: 'inline',
};

/** Body of POST `/v1/inventory/{n}/crossReferences` and its PUT (InventoryCrossReferenceUpdateDto). */
export const crossReferenceInputSchema = crossReferenceLineInputSchema.omit({ operation: true });
export type CrossReferenceInput = z.input<typeof crossReferenceInputSchema>;
