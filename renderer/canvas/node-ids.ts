/** Node ids must match the flow schema: a letter first, then letters, digits, "-" or "_", at most 64. */
const ID_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function isValidNodeId(id: string): boolean {
  return ID_RE.test(id);
}

/** A readable, unique id from a node type: 'visma.fetchInventory' → 'fetchInventory', 'fetchInventory-2', ... */
export function newNodeId(typeOrBase: string, taken: ReadonlySet<string>): string {
  const last = typeOrBase.split('.').pop() ?? '';
  let base = last.replace(/-\d+$/, '').replace(/[^A-Za-z0-9_-]/g, '-').replace(/-+/g, '-').replace(/^[-_0-9]+/, '');
  if (base === '') base = 'node';
  base = base.slice(0, 56);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}-${i}`;
    if (!taken.has(id)) return id;
  }
}

/** A unique slot name for a connection type: 'visma', 'visma-2', ... */
export function newSlotName(slotType: string, taken: ReadonlySet<string>): string {
  const base = slotType === 'ccv-shop' ? 'shop' : slotType === 'visma-net' ? 'visma' : 'connection';
  return newNodeId(base, taken);
}
