import { z } from 'zod';
import { pathParam } from '../../shared/path-param';

export const syncCategoriesParams = z.strictObject({
  idField: pathParam('Category id field', 'categoryID', 'The Visma.net sales category id of a category record.'),
  nameField: pathParam('Category name field', 'description', 'The name the shop category gets.'),
  parentField: pathParam('Parent id field', 'parentID', 'The id of the parent category (empty or 0 = top level).'),
  positionField: pathParam('Position field', 'sortOrder', 'The position among its siblings; empty = leave the shop\'s order.'),
  skuField: pathParam('Product number field', 'inventoryNumber', 'On product records: the SKU of the shop product.'),
  categoriesField: pathParam('Product categories field', 'salesCategories', 'On product records: the sales category ids (numbers, or objects with categoryId).'),
  removeOtherLinks: z
    .boolean()
    .default(false)
    .meta({ title: 'Remove other category links', description: 'Off: links made by hand in the shop stay. On: a product ends up only in its Visma.net categories.', ui: { widget: 'toggle' } }),
});

export type SyncCategoriesParams = z.infer<typeof syncCategoriesParams>;
