import { round2 } from '../../engine';
import type { VismaItem } from './harness';

/** What the example products flow should make of a Visma.net item, computed from the simulator's own store. */
export const TARIFF: Record<string, string> = { '01': 'normal', '02': 'low a', '03': 'zero' };
export const RATE: Record<string, number> = { normal: 21, 'low a': 9, 'low b': 9, 'extra low': 0, zero: 0 };

/** Visma's Available per the simulator: on hand minus sales order bookings and unavailable stock. */
export function available(item: VismaItem, warehouses?: readonly string[]): number {
  return item.stock.filter((s) => !warehouses || warehouses.includes(s.warehouse)).reduce((n, s) => n + s.onHand - s.soBooked - s.notAvailable, 0);
}

export function tariffOf(item: VismaItem): string {
  return TARIFF[item.vatCode ?? ''] ?? 'normal';
}

export function expectedProduct(item: VismaItem, packageId: number): Record<string, unknown> {
  const tariff = tariffOf(item);
  const ean = item.crossReferences.find((c) => c.alternateType === 'Barcode')?.alternateID;
  return {
    productnumber: item.inventoryNumber,
    name: item.description,
    description: item.body,
    shortdescription: (item.description ?? '').slice(0, 255),
    // Visma prices are excl. VAT in the flow; the simulated shop shows prices incl. VAT.
    price: round2((item.defaultPrice ?? 0) * (1 + (RATE[tariff] ?? 0) / 100)),
    discount: 0,
    stock: Math.max(0, available(item)),
    ...(ean !== undefined ? { eannumber: ean } : {}),
    is_active: true,
    taxtariff: tariff,
    package_id: packageId,
  };
}
