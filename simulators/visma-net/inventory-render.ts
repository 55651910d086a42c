// Renders items as InventoryDto (main API), InventorySummaryDto rows and V3 InventoryItemAvailabilityDto.
import type { Item, StockRow } from './model';
import { money } from './rng';
import { ACCOUNTS, ATTRIBUTE_DEFS, findCi, ITEM_CLASSES, POSTING_CLASSES, SALES_CATEGORIES, WAREHOUSES } from './seed-master';
import { VAT_CATEGORIES } from './seed-vat';

/** Visma's availability arithmetic, simplified: booked orders reduce "available", allocations reduce "for shipment" [I]. */
export function availability(s: StockRow): { available: number; forShipment: number } {
  return { available: s.onHand - s.soBooked - s.notAvailable, forShipment: s.onHand - s.soAllocated - s.notAvailable };
}

export const EXPAND_FLAGS = [
  'expandCrossReference', 'expandAttachment', 'expandAttribute', 'expandWarehouseDetail', 'expandAccountInformation',
  'expandInventoryUnits', 'expandSupplierDetails', 'expandSalesCategories', 'expandNote',
] as const;
export type ExpandFlag = (typeof EXPAND_FLAGS)[number];
export type Expands = Record<ExpandFlag, boolean> & { addCostPriceStatistics: boolean };

export const ALL_EXPANDS: Expands = {
  expandCrossReference: true, expandAttachment: true, expandAttribute: true, expandWarehouseDetail: true, expandAccountInformation: true,
  expandInventoryUnits: true, expandSupplierDetails: true, expandSalesCategories: true, expandNote: true, addCostPriceStatistics: true,
};

const ref = (id: string | null, description: string | null | undefined): { id: string; description: string | null } | null => (id ? { id, description: description ?? null } : null);

function accountRef(cd: unknown): Record<string, unknown> | null {
  const a = ACCOUNTS.find((x) => x.accountCD === cd);
  return a ? { type: a.type, number: a.accountCD, description: a.description } : null;
}

export function renderItem(item: Item, ex: Expands): Record<string, unknown> {
  const cls = findCi(ITEM_CLASSES, (c) => c.id, item.itemClass);
  const out: Record<string, unknown> = {
    inventoryId: item.inventoryId,
    inventoryNumber: item.inventoryNumber,
    status: item.status,
    type: item.type,
    description: item.description,
    body: item.body,
    itemClass: cls ? { type: cls.type, attributes: cls.attributes, id: cls.id, description: cls.description } : null,
    postingClass: ref(item.postingClass, findCi(POSTING_CLASSES, (p) => p.id, item.postingClass)?.description),
    vatCode: ref(item.vatCode, findCi(VAT_CATEGORIES, (c) => c.id, item.vatCode)?.description),
    lotSerialClass: null,
    defaultPrice: item.defaultPrice,
    pendingCost: 0,
    pendingCostDate: null,
    currentCost: item.currentCost,
    effectiveDate: null,
    lastCost: item.lastCost,
    lastModifiedDateTime: item.lastModifiedDateTime,
    baseUnit: item.baseUnit,
    salesUnit: item.salesUnit,
    purchaseUnit: item.purchaseUnit,
    stockItem: item.stockItem,
    kitItem: item.kitItem,
  };
  if (ex.expandAccountInformation) {
    const acc: Record<string, unknown> = {};
    for (const k of ['expenseAccrualAccount', 'inventoryAccount', 'expenseAccount', 'cogsAccount', 'expenseNonTaxableAccount', 'expenseEuAccount', 'expenseImportAccount', 'salesAccount', 'salesNonTaxableAccount', 'salesEuAccount', 'salesExportAccount']) {
      acc[k] = accountRef(item.accounts[k]);
    }
    for (const k of ['expenseSubaccount', 'cogsSubaccount', 'salesSubaccount']) acc[k] = item.accounts[k] ?? null;
    out.accountInformation = acc;
  }
  if (ex.addCostPriceStatistics && item.stockItem) {
    out.costPriceStatistics = { lastCost: item.lastCost, averageCost: item.currentCost, minCost: item.currentCost, maxCost: item.lastCost };
  }
  if (ex.expandCrossReference) {
    out.crossReferences = item.crossReferences.map((c) => ({
      alternateType: c.alternateType, bAccount: c.bAccount ? { internalId: null, number: c.bAccount, name: null } : null,
      alternateID: c.alternateID, description: c.description, uom: c.uom, timestamp: item.timestamp,
    }));
  }
  if (ex.expandAttachment) out.attachments = item.attachments.map((a) => ({ name: a.name, id: a.id, revision: a.revision }));
  if (ex.expandAttribute) {
    out.attributes = item.attributes.map((a) => ({ id: a.id, value: a.value, description: findCi(ATTRIBUTE_DEFS, (d) => d.attributeID, a.id)?.description ?? null }));
  }
  if (ex.expandWarehouseDetail) out.warehouseDetails = item.stock.map((s) => warehouseDetail(item, s));
  if (ex.expandInventoryUnits) {
    out.inventoryUnits = [{ unitType: 3, itemClass: null, inventoryID: item.inventoryId, toUnit: item.baseUnit, sampleToUnit: item.baseUnit, fromUnit: item.salesUnit, unitMultDiv: 'Multiply', unitRate: 1, priceAdjustmentMultiplier: 1, recordID: item.inventoryId }];
  }
  out.defaultWarehouse = ref(item.defaultWarehouse, findCi(WAREHOUSES, (w) => w.id, item.defaultWarehouse)?.description);
  out.defaultIssueFrom = null;
  out.defaultReceiptTo = null;
  if (ex.expandSupplierDetails) out.supplierDetails = Array.isArray(item.extra.supplierDetails) ? item.extra.supplierDetails : [];
  if (ex.expandSalesCategories) {
    out.salesCategories = item.salesCategories.map((id) => ({ categoryId: id, description: SALES_CATEGORIES.find((c) => c.categoryID === id)?.description ?? null }));
  }
  Object.assign(out, {
    packaging: item.packaging,
    intrastat: item.intrastat,
    recommendedPrice: item.recommendedPrice,
    priceManagerID: null,
    priceManager: null,
    priceClass: null,
    priceWorkgroupID: null,
    priceClassID: null,
  });
  if (ex.expandNote) out.note = item.note;
  out.timestamp = item.timestamp;
  out.errorInfo = null;
  return out;
}

export function warehouseDetail(item: Item, s: StockRow): Record<string, unknown> {
  const a = availability(s);
  return { isDefault: s.warehouse === item.defaultWarehouse, warehouse: s.warehouse, quantityOnHand: s.onHand, available: a.available, availableForShipment: a.forShipment, lastModifiedDateTime: s.lastModified };
}

export function summaryRow(item: Item, s: StockRow): Record<string, unknown> {
  const a = availability(s);
  const wh = findCi(WAREHOUSES, (w) => w.id, s.warehouse);
  const unitCost = item.currentCost ?? 0;
  return {
    inventory: { number: item.inventoryNumber, description: item.description },
    warehouse: { id: s.warehouse, description: wh?.description ?? null },
    location: { id: 1, name: 'A1' },
    available: a.available, availableForShipment: a.forShipment, notAvailable: s.notAvailable,
    soBooked: s.soBooked, soAllocated: s.soAllocated, soShipped: s.soShipped, soBackOrdered: 0,
    inIssues: 0, inReceipts: 0, inTransit: 0, inAssemblyDemand: 0, inAssemblySupply: 0,
    purchasePrepared: 0, purchaseOrders: s.purchaseOrders, poReceipts: 0, expired: 0, onHand: s.onHand,
    soToPurchase: 0, purchaseForSO: 0, purchaseForSOPrepared: 0, purchaseForSOReceipts: 0, soToDropShip: 0,
    dropShipForSO: 0, dropShipForSOPrepared: 0, dropShipForSOReceipts: 0,
    baseUnit: item.baseUnit, estimatedUnitCost: unitCost, estimatedTotalCost: money(unitCost * s.onHand), errorInfo: null,
  };
}

/** V3 `InventoryItemAvailabilityDto`. */
export function renderAvailability(item: Item, rows: StockRow[], withLocations: boolean, withAttributes: boolean): Record<string, unknown> {
  const unitCost = item.currentCost ?? 0;
  return {
    inventoryId: item.inventoryNumber,
    internalId: item.inventoryId,
    description: item.description,
    baseUnit: item.baseUnit,
    attributes: withAttributes ? Object.fromEntries(item.attributes.map((a) => [a.id, a.value])) : null,
    availability: rows.map((s) => {
      const a = availability(s);
      const wh = findCi(WAREHOUSES, (w) => w.id, s.warehouse);
      const quantities = { quantityOnHand: s.onHand, quantityAvailable: a.available, quantityAvailableForShipment: a.forShipment, quantityNotAvailable: s.notAvailable, quantityPurchaseOrders: s.purchaseOrders };
      return {
        warehouseId: s.warehouse, internalWarehouseId: wh?.internalId ?? 0, description: wh?.description ?? null, ...quantities,
        estimatedUnitCost: unitCost, estimatedTotalCost: money(unitCost * s.onHand), lastModified: s.lastModified,
        locations: withLocations ? [{ locationId: 'A1', internalLocationId: 1, description: 'Voorraadlocatie A1', lastModified: s.lastModified, ...quantities }] : null,
      };
    }),
  };
}
