import { itemMeta } from '../../engine';
import type { FieldChange, Item, Json } from '../../engine';

/** Field-level before/after for the records of a dry run and the log; equal values are left out. */
export function changesBetween(before: Record<string, Json | undefined>, after: Record<string, Json | undefined>, fields: Iterable<string>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before[field];
    const a = after[field];
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    const change: FieldChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    out.push(change);
  }
  return out;
}

/**
 * Whether the mapper marked a field "only when created" (update on resync off). A path counts when it or one of its
 * parents is marked: `properties` covers `properties.Land`.
 */
export function isCreateOnly(item: Item, path: string): boolean {
  const marked = itemMeta(item).createOnly ?? [];
  return marked.some((f) => f === path || path.startsWith(`${f}.`));
}
