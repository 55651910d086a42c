// Applies an unwrapped InventoryUpdateDto to an item, with the master-data checks the ERP does.
import { isoStamp } from './dates';
import { bool, num, str } from './main-api';
import type { CrossRef, Item, StockRow } from './model';
import { ACCOUNTS, ATTRIBUTE_DEFS, findCi, ITEM_CLASSES, POSTING_CLASSES, WAREHOUSES } from './seed-master';
import { VAT_CATEGORIES } from './seed-vat';
import { isRecord } from './types';
import type { Unwrapped } from './wrap';

const NON_STOCK_TYPES = new Set(['NonStockItem', 'LaborItem', 'ServiceItem', 'ChargeItem', 'ExpenseItem']);
const ACCOUNT_FIELDS = ['expenseAccrualAccount', 'inventoryAccount', 'expenseAccount', 'cogsAccount', 'expenseNonTaxableAccount', 'expenseEuAccount', 'expenseImportAccount', 'salesAccount', 'salesNonTaxableAccount', 'salesEuAccount', 'salesExportAccount'];
const SUBACCOUNT_FIELDS = ['expenseSubaccount', 'cogsSubaccount', 'salesSubaccount'];

export function emptyStock(warehouse: string, stamp: string): StockRow {
  return { warehouse, onHand: 0, soBooked: 0, soAllocated: 0, soShipped: 0, purchaseOrders: 0, notAvailable: 0, lastModified: stamp };
}

export function blankItem(index: number, number: string, now: number): Item {
  const stamp = isoStamp(now);
  return {
    inventoryId: 1000 + index, inventoryNumber: number, status: 'Active', type: 'FinishedGoodItem', stockItem: true, kitItem: false,
    description: null, body: null, note: null, itemClass: 'ALG', postingClass: 'STD', vatCode: '01', defaultPrice: 0, recommendedPrice: null,
    currentCost: 0, lastCost: 0, baseUnit: 'PCS', salesUnit: 'PCS', purchaseUnit: 'PCS', defaultWarehouse: 'MAIN', crossReferences: [],
    attachments: [], attributes: [], salesCategories: [], stock: [], packaging: null, intrastat: null, accounts: { salesAccount: '8000' },
    createdDateTime: stamp, lastModifiedDateTime: stamp, availabilityLastModified: stamp, attachmentLastModified: stamp, timestamp: '', extra: {},
  };
}

function applyCrossReferences(item: Item, lines: unknown[], errors: string[]): void {
  for (const [i, raw] of lines.entries()) {
    if (!isRecord(raw)) continue;
    const op = str(raw.operation) ?? 'Insert';
    const type = str(raw.alternateType);
    const id = str(raw.alternateID);
    const where = `crossReferences[${i}]`;
    if (!id) {
      errors.push(`${where}: 'Alternate ID' cannot be empty.`);
      continue;
    }
    const idx = item.crossReferences.findIndex((c) => c.alternateID === id && (type === null || c.alternateType === type));
    if (op === 'Delete') {
      if (idx === -1) errors.push(`${where}: cross reference ${type ?? ''} ${id} does not exist on item ${item.inventoryNumber}.`);
      else item.crossReferences.splice(idx, 1);
      continue;
    }
    const patch: Partial<CrossRef> = {};
    if ('description' in raw) patch.description = str(raw.description);
    if ('uom' in raw) patch.uom = str(raw.uom);
    if ('bAccount' in raw) patch.bAccount = str(raw.bAccount);
    if (op === 'Update') {
      const existing = item.crossReferences[idx];
      if (!existing) errors.push(`${where}: cross reference ${type ?? ''} ${id} does not exist on item ${item.inventoryNumber}; use operation Insert.`);
      else item.crossReferences[idx] = { ...existing, ...patch };
      continue;
    }
    if (idx !== -1) {
      errors.push(`${where}: cross reference ${type ?? 'Global'} ${id} already exists on item ${item.inventoryNumber}; use operation Update.`);
      continue;
    }
    item.crossReferences.push({ alternateType: type ?? 'Global', alternateID: id, description: patch.description ?? null, uom: patch.uom ?? item.baseUnit, bAccount: patch.bAccount ?? null });
  }
}

function applyAttributes(item: Item, lines: unknown[], errors: string[]): void {
  for (const [i, raw] of lines.entries()) {
    if (!isRecord(raw)) continue;
    const id = str(raw.attributeId);
    const def = findCi(ATTRIBUTE_DEFS, (a) => a.attributeID, id);
    if (!id || !def) {
      errors.push(`attributeLines[${i}]: attribute '${id ?? ''}' does not exist. Known attributes: ${ATTRIBUTE_DEFS.map((a) => a.attributeID).join(', ')}.`);
      continue;
    }
    const value = str(raw.attributeValue);
    const existing = item.attributes.findIndex((a) => a.id === def.attributeID);
    if (value === null) {
      if (existing !== -1) item.attributes.splice(existing, 1);
      continue;
    }
    const allowed = def.values.map((v) => v.id);
    const canonical = allowed.length === 0 ? value : allowed.find((v) => v.toLowerCase() === value.toLowerCase());
    if (canonical === undefined) {
      errors.push(`attributeLines[${i}]: '${value}' is not a valid value for attribute ${def.attributeID} (allowed: ${allowed.join(', ')}).`);
      continue;
    }
    if (existing === -1) item.attributes.push({ id: def.attributeID, value: canonical });
    else item.attributes[existing] = { id: def.attributeID, value: canonical };
  }
}

/** Mutates `item`; returns the validation errors (empty when all is well). */
export function applyInventoryUpdate(item: Item, u: Unwrapped, creating: boolean): string[] {
  const errors: string[] = [];
  const set = <K extends keyof Item>(k: K, v: Item[K]): void => {
    item[k] = v;
  };
  if ('status' in u) set('status', str(u.status) ?? 'Active');
  if ('type' in u) {
    const type = str(u.type) ?? 'FinishedGoodItem';
    set('type', type);
    set('stockItem', !NON_STOCK_TYPES.has(type));
  }
  for (const k of ['description', 'body', 'note', 'baseUnit', 'salesUnit', 'purchaseUnit'] as const) if (k in u) set(k, str(u[k]));
  if ('itemClass' in u) {
    const cls = findCi(ITEM_CLASSES, (c) => c.id, str(u.itemClass));
    if (!cls) errors.push(`Item class '${str(u.itemClass) ?? ''}' cannot be found in the system.`);
    else set('itemClass', cls.id);
  }
  if ('postingClass' in u) {
    const pc = findCi(POSTING_CLASSES, (c) => c.id, str(u.postingClass));
    if (!pc) errors.push(`Posting class '${str(u.postingClass) ?? ''}' cannot be found in the system.`);
    else set('postingClass', pc.id);
  }
  if ('vatCode' in u) {
    const cat = findCi(VAT_CATEGORIES, (c) => c.id, str(u.vatCode));
    if (u.vatCode !== null && !cat) errors.push(`VAT category '${str(u.vatCode) ?? ''}' cannot be found in the system (known: ${VAT_CATEGORIES.map((c) => c.id).join(', ')}).`);
    else set('vatCode', cat?.id ?? null);
  }
  if ('defaultPrice' in u) {
    const price = num(u.defaultPrice);
    if (price !== null && price < 0) errors.push(`'Default price' cannot be negative.`);
    else set('defaultPrice', price);
  }
  if ('kitItem' in u) set('kitItem', bool(u.kitItem) ?? false);
  if ('defaultWarehouse' in u) {
    const wh = findCi(WAREHOUSES, (w) => w.id, str(u.defaultWarehouse));
    if (u.defaultWarehouse !== null && !wh) errors.push(`Warehouse '${str(u.defaultWarehouse) ?? ''}' cannot be found in the system.`);
    else set('defaultWarehouse', wh?.id ?? null);
  }
  for (const k of ['defaultIssueFrom', 'defaultReceiptTo', 'supplierDetails']) if (k in u) item.extra[k] = u[k];
  for (const k of ACCOUNT_FIELDS) {
    if (!(k in u)) continue;
    const cd = str(u[k]);
    if (cd !== null && !ACCOUNTS.some((a) => a.accountCD === cd)) errors.push(`Account '${cd}' (${k}) cannot be found in the chart of accounts.`);
    else item.accounts[k] = cd;
  }
  for (const k of SUBACCOUNT_FIELDS) if (k in u) item.accounts[k] = u[k];
  if ('packaging' in u) set('packaging', isRecord(u.packaging) ? { ...(item.packaging ?? {}), ...u.packaging } : null);
  if ('intrastat' in u) set('intrastat', isRecord(u.intrastat) ? { ...(item.intrastat ?? {}), ...u.intrastat } : null);
  if (Array.isArray(u.crossReferences)) applyCrossReferences(item, u.crossReferences, errors);
  if (Array.isArray(u.attributeLines)) applyAttributes(item, u.attributeLines, errors);
  if (creating) {
    if (!item.inventoryNumber) errors.push(`'Item ID' cannot be empty.`);
    if (!item.description) errors.push(`'Description' cannot be empty.`);
  } else if ('description' in u && !item.description) {
    errors.push(`'Description' cannot be empty.`);
  }
  if (!item.stockItem) {
    item.stock = [];
    item.defaultWarehouse = null;
  }
  return errors;
}
