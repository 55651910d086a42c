import type { NodeTypeInfo } from '../../host/contract';

export type Category = NodeTypeInfo['category'];
export const CATEGORY_ORDER: readonly Category[] = ['trigger', 'visma', 'ccv', 'logic', 'transform'];

export interface PaletteGroup {
  category: Category;
  items: NodeTypeInfo[];
}

/** Groups the catalogue for the palette in a fixed order, titles sorted, optionally filtered by a search text. */
export function groupCatalog(catalog: readonly NodeTypeInfo[], search = ''): PaletteGroup[] {
  const q = search.trim().toLowerCase();
  const match = (n: NodeTypeInfo) =>
    q === '' || n.title.toLowerCase().includes(q) || n.description.toLowerCase().includes(q) || n.type.toLowerCase().includes(q);
  return CATEGORY_ORDER.map((category) => ({
    category,
    items: catalog
      .filter((n) => n.category === category && match(n))
      .sort((a, b) => a.title.localeCompare(b.title)),
  })).filter((g) => g.items.length > 0);
}

/** The MIME type the canvas accepts from palette drags (also used by end-to-end tests). */
export const NODE_DRAG_MIME = 'application/koppel-node';
