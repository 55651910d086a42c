import { z } from 'zod';
import { inventorySchema, type Inventory } from './inventory-schemas';
import { getOne, int, listAll, seg, str, type CallOptions, type ResourceContext } from './support';

export interface SalesCategory {
  categoryID?: number | null;
  description?: string | null;
  parentID?: number | null;
  sortOrder?: number | null;
  subCategories?: SalesCategory[] | null;
  [key: string]: unknown;
}

/** SalesCategoryDto is a tree: each category carries its `subCategories`. */
export const salesCategorySchema: z.ZodType<SalesCategory> = z.looseObject({
  categoryID: int,
  description: str,
  parentID: int,
  sortOrder: int,
  get subCategories() {
    return z.array(salesCategorySchema).nullish();
  },
});

export interface FlatSalesCategory {
  categoryID: number;
  description: string;
  parentID: number | undefined;
  /** Descriptions from the root down, e.g. `['Clothing', 'Shirts']`. */
  path: string[];
  depth: number;
}

/** Webshop-like sales categories: `/v1/salescategory` (not paged). */
export class SalesCategoriesResource {
  constructor(private readonly ctx: ResourceContext) {}

  /** The category tree as Visma.net returns it. */
  async tree(opts: CallOptions = {}): Promise<SalesCategory[]> {
    return listAll(this.ctx, '/v1/salescategory', salesCategorySchema, 'the sales categories', opts);
  }

  async get(categoryId: number, opts: CallOptions = {}): Promise<SalesCategory> {
    return getOne(this.ctx, `/v1/salescategory/${seg(this.ctx, categoryId)}`, salesCategorySchema, `sales category ${categoryId}`, opts);
  }

  /** Items in one category: `/v1/salescategory/{categoryId}/item`. */
  async items(categoryId: number, opts: CallOptions = {}): Promise<Inventory[]> {
    return listAll(this.ctx, `/v1/salescategory/${seg(this.ctx, categoryId)}/item`, inventorySchema, `the items of sales category ${categoryId}`, opts);
  }
}

/** Depth-first list of a category tree with each category's path, for mapping to shop categories. */
export function flattenSalesCategories(tree: readonly SalesCategory[], parentPath: string[] = []): FlatSalesCategory[] {
  const out: FlatSalesCategory[] = [];
  const sorted = [...tree].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  for (const category of sorted) {
    if (category.categoryID == null) continue;
    const description = category.description ?? String(category.categoryID);
    const path = [...parentPath, description];
    out.push({ categoryID: category.categoryID, description, parentID: category.parentID ?? undefined, path, depth: parentPath.length });
    out.push(...flattenSalesCategories(category.subCategories ?? [], path));
  }
  return out;
}
