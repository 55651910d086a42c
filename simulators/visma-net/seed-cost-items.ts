// Optional seeded non-stock items for order costs (shipping, payment), as a company that invoices web orders has.
// They follow the generated inventory (indices size, size+1) so that the generated items keep their numbers.
import { isoStamp } from './dates';
import { seededVersion } from './etag';
import type { Item } from './model';
import { SEED_BASE_MS } from './seed-inventory';

/** Item number, description, sales account and VAT code of each cost item (accounts as in the GL seed). */
export const COST_ITEMS = [
  { number: 'VERZENDKOSTEN', description: 'Verzendkosten', salesAccount: '8050', vatCode: '01' },
  { number: 'BETAALKOSTEN', description: 'Betaal- en verwerkingskosten', salesAccount: '8060', vatCode: '01' },
  // The item Koppel's rounding lines go on (VAT code 04: no VAT in any zone).
  { number: 'AFRONDING', description: 'Afrondingsverschil', salesAccount: '8095', vatCode: '04' },
] as const;

export function costItemNumberAt(k: number): string {
  return COST_ITEMS[k]?.number ?? `COST-${k}`;
}

/** Cost item `k`, stored at inventory index `index` (its inventoryId follows the generated items). */
export function generateCostItem(k: number, index: number): Item {
  const def = COST_ITEMS[k] ?? COST_ITEMS[0];
  const stamp = isoStamp(SEED_BASE_MS);
  return {
    inventoryId: 1000 + index,
    inventoryNumber: def.number,
    status: 'Active',
    type: 'NonStockItem',
    stockItem: false,
    kitItem: false,
    description: def.description,
    body: null,
    note: null,
    itemClass: 'DIENST',
    postingClass: 'STD',
    vatCode: def.vatCode,
    defaultPrice: 0,
    recommendedPrice: 0,
    currentCost: 0,
    lastCost: 0,
    baseUnit: 'PCS',
    salesUnit: 'PCS',
    purchaseUnit: 'PCS',
    defaultWarehouse: null,
    crossReferences: [],
    attachments: [],
    attributes: [{ id: 'WEBSHOP', value: '0' }],
    salesCategories: [],
    stock: [],
    packaging: null,
    intrastat: null,
    accounts: { salesAccount: def.salesAccount, salesEuAccount: def.salesAccount, salesExportAccount: def.salesAccount, cogsAccount: '7000', inventoryAccount: null },
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    availabilityLastModified: stamp,
    attachmentLastModified: stamp,
    timestamp: seededVersion(1, index),
    extra: {},
  };
}
