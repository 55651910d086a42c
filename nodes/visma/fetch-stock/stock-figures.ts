import type { Json, JsonObject } from '../../../engine';
import { isJsonObject, numberOf, textOf } from '../../../engine';

/** Stock of one item in one warehouse, whatever Visma.net endpoint it came from. */
export interface StockRow {
  warehouse: string;
  onHand: number;
  available: number;
  availableForShipment: number;
  /** Quantity booked on sales orders; only the inventory summary has it. */
  soBooked?: number;
}

export const stockFigures = ['available', 'availableForShipment', 'onHand', 'availableMinusBooked', 'expression'] as const;
export type StockFigure = (typeof stockFigures)[number];

export const stockFigureLabels: Record<StockFigure, string> = {
  available: 'Available: on hand minus sales reservations (Visma "Available")',
  availableForShipment: 'Available for shipment',
  onHand: 'On hand',
  availableMinusBooked: 'Available minus SO booked (inventory summary, one extra call per item)',
  expression: 'An expression (JSONata)',
};

const rowsOf = (value: Json | undefined): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/** `warehouseDetails[]` of GET /v1/inventory: `{warehouse, quantityOnHand, available, availableForShipment}`. */
export function rowsFromWarehouseDetails(item: JsonObject): StockRow[] {
  return rowsOf(item.warehouseDetails).flatMap((w) => {
    const warehouse = textOf(w.warehouse);
    if (warehouse === undefined) return [];
    return [{ warehouse, onHand: numberOf(w.quantityOnHand) ?? 0, available: numberOf(w.available) ?? 0, availableForShipment: numberOf(w.availableForShipment) ?? 0 }];
  });
}

/** `availability[]` of V3 GET /api/v3/Inventory: `{warehouseId, quantityOnHand, quantityAvailable, quantityAvailableForShipment}`. */
export function rowsFromAvailability(item: JsonObject): StockRow[] {
  return rowsOf(item.availability).flatMap((w) => {
    const warehouse = textOf(w.warehouseId);
    if (warehouse === undefined) return [];
    return [
      {
        warehouse,
        onHand: numberOf(w.quantityOnHand) ?? 0,
        available: numberOf(w.quantityAvailable) ?? 0,
        availableForShipment: numberOf(w.quantityAvailableForShipment) ?? 0,
      },
    ];
  });
}

/** The rows of the chosen warehouses (all when none are chosen); warehouse ids compare case-insensitively. */
export function selectWarehouses(rows: readonly StockRow[], warehouses: readonly string[]): StockRow[] {
  if (warehouses.length === 0) return [...rows];
  const wanted = new Set(warehouses.map((w) => w.trim().toLowerCase()));
  return rows.filter((r) => wanted.has(r.warehouse.toLowerCase()));
}

/** The sum over the rows of one figure; `availableMinusBooked` needs rows with `soBooked`. */
export function sumFigure(rows: readonly StockRow[], figure: Exclude<StockFigure, 'expression'>): number {
  let total = 0;
  for (const r of rows) {
    if (figure === 'availableMinusBooked') total += r.available - (r.soBooked ?? 0);
    else total += r[figure];
  }
  // Quantities are decimals in Visma; keep sums free of float noise (0.1 + 0.2).
  return Math.round(total * 1e6) / 1e6;
}

export function rowsToJson(rows: readonly StockRow[]): JsonObject[] {
  return rows.map((r) => ({
    warehouse: r.warehouse,
    onHand: r.onHand,
    available: r.available,
    availableForShipment: r.availableForShipment,
    ...(r.soBooked !== undefined ? { soBooked: r.soBooked } : {}),
  }));
}
