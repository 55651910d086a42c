// Request DTOs of inventory, cross references and attributes.
// Derived mechanically from visma-net-erp-service-api.trimmed.openapi.json (field names, wrapping, enums, nullability).
import { dto, en, lines, plain, plainObj, segments, type DtoSpec } from './dto-spec';

export const AttributeLineUpdateDto: DtoSpec = dto('AttributeLineUpdateDto', {
  attributeId: 'str', attributeValue: 'str',
});

export const PackagingUpdateDto: DtoSpec = dto('PackagingUpdateDto', {
  baseItemWeight: 'num', weightUOM: 'str', baseItemVolume: 'num', volumeUOM: 'str',
});

export const SupplierDetailsDto: DtoSpec = dto('SupplierDetailsDto', {
  operation: plain(en(['Insert','Update','Delete'])), active: 'bool!', default: 'bool!', supplierID: 'str',
  location: 'str', purchaseUnit: 'str', supplierItemID: 'str', override: 'bool!', shipmentLeadTime: 'int!',
  minOrderFreq: 'int!', minOrderQty: 'num!', maxOrderQty: 'num!', lotSize: 'num!', eoq: 'num!', currencyID: 'str',
});

export const IntrastatUpdateDto: DtoSpec = dto('IntrastatUpdateDto', {
  cN8: 'str', countryOfOrigin: 'str', supplementaryMeasureUnit: 'str',
});

export const CrossReferenceUpdateDto: DtoSpec = dto('CrossReferenceUpdateDto', {
  operation: plain(en(['Insert','Update','Delete'])), alternateType: en(['CPN','VPN','Global','Barcode']),
  bAccount: 'str', alternateID: 'str', description: 'str', uom: 'str',
});

export const InventoryUpdateDto: DtoSpec = dto('InventoryUpdateDto', {
  inventoryNumber: 'str',
  status: en(['Active','NoSales','NoPurchases','NoRequest','Inactive','MarkedForDeletion','Unknown'], true),
  type: en(['NonStockItem','LaborItem','ServiceItem','ChargeItem','ExpenseItem','FinishedGoodItem','ComponentPartItem','SubassemblyItem'], true),
  description: 'str', body: 'str', itemClass: 'str', postingClass: 'str', vatCode: 'str', defaultPrice: 'num',
  baseUnit: 'str', salesUnit: 'str', purchaseUnit: 'str', expenseAccrualAccount: 'str', inventoryAccount: 'str',
  expenseAccount: 'str', cogsAccount: 'str', expenseNonTaxableAccount: 'str', expenseEuAccount: 'str',
  expenseImportAccount: 'str', expenseSubaccount: segments(), cogsSubaccount: segments(), salesAccount: 'str',
  salesNonTaxableAccount: 'str', salesEuAccount: 'str', salesExportAccount: 'str', salesSubaccount: segments(),
  attributeLines: lines(AttributeLineUpdateDto), packaging: plainObj(PackagingUpdateDto),
  supplierDetails: lines(SupplierDetailsDto), intrastat: plainObj(IntrastatUpdateDto),
  crossReferences: lines(CrossReferenceUpdateDto), defaultWarehouse: 'str', defaultIssueFrom: 'str',
  defaultReceiptTo: 'str', kitItem: 'bool', note: 'str',
});

export const InventoryCrossReferenceUpdateDto: DtoSpec = dto('InventoryCrossReferenceUpdateDto', {
  alternateType: en(['CPN','VPN','Global','Barcode']), bAccount: 'str', alternateID: 'str', description: 'str',
  uom: 'str',
});

export const AttributeDetailUpdateDto: DtoSpec = dto('AttributeDetailUpdateDto', {
  operation: plain(en(['Insert','Update','Delete'])), valueId: 'str', description: 'str', sortOrder: 'int',
  disabled: 'bool',
});

export const AttributeUpdateDto: DtoSpec = dto('AttributeUpdateDto', {
  attributeID: 'str', description: 'str', internal: 'bool',
  controlType: en(['Text','Combo','MultiSelectCombo','Lookup','Checkbox','Datetime'], true), entryMask: 'str',
  regExp: 'str', details: lines(AttributeDetailUpdateDto),
});

