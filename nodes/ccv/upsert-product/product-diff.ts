import type { FieldChange, Json, JsonObject } from '../../../engine';
import { isJsonObject, toJsonRecord } from '../../../engine';
import type { Product } from '../../../connectors/ccv-shop/index';

/** Write fields whose value is read back under another name: `package_id` ← `package.id`, ... */
const READ_AS: Record<string, string> = {
  package_id: 'package',
  brand_id: 'brand',
  condition_id: 'condition',
  supplier_id: 'supplier',
  color_id: 'color',
};

/** The shop's current value of a write field, as JSON. */
export function currentValue(product: JsonObject, field: string): Json | undefined {
  const via = READ_AS[field];
  if (via !== undefined) {
    const ref = product[via];
    return isJsonObject(ref) ? ref.id : undefined;
  }
  return product[field];
}

export function productJson(product: Product): JsonObject {
  return toJsonRecord(product);
}

/** Equal for a sync: empty text equals null, numbers within half a cent, text ignoring surrounding spaces. */
export function sameValue(wanted: Json | undefined, current: Json | undefined): boolean {
  const empty = (v: Json | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  if (empty(wanted) && empty(current)) return true;
  if (typeof wanted === 'number' && typeof current === 'number') return Math.abs(wanted - current) < 0.005;
  if (typeof wanted === 'string' && typeof current === 'string') return wanted.trim() === current.trim();
  if (typeof wanted === 'number' && typeof current === 'string') return current.trim() !== '' && Math.abs(Number(current) - wanted) < 0.005;
  return JSON.stringify(wanted ?? null) === JSON.stringify(current ?? null);
}

/** The fields of `wanted` that differ from the shop's product, with before and after. */
export function productChanges(wanted: JsonObject, current: JsonObject): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, after] of Object.entries(wanted)) {
    const before = currentValue(current, field);
    if (sameValue(after, before)) continue;
    out.push(before === undefined ? { field, after } : { field, before, after });
  }
  return out;
}

/** "Planned create" changes: every field with its new value. */
export function createChanges(body: JsonObject): FieldChange[] {
  return Object.entries(body).map(([field, after]) => ({ field, after }));
}
