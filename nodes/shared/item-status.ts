/** Visma.net item statuses (reference/visma-net/README.md §6.1) under which the item cannot be sold. */
const NOT_FOR_SALE: ReadonlySet<string> = new Set(['inactive', 'nosales', 'markedfordeletion']);

/** Whether an item with this status may be sold; an unknown or missing status counts as for sale. */
export function isForSale(status: unknown): boolean {
  return typeof status !== 'string' || !NOT_FOR_SALE.has(status.trim().toLowerCase());
}
