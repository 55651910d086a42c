import type { AnyNodeDefinition } from '../../engine';
import { vismaFetchNode } from '../visma/fetch';
import { vismaFetchImageNode } from '../visma/fetch-image';
import { vismaFetchStockNode } from '../visma/fetch-stock';
import { vismaGroupVariantsNode } from '../visma/group-variants';
import { ccvSyncCategoriesNode } from './sync-categories';
import { ccvSyncPhotoNode } from './sync-photo';
import { ccvSyncPropertiesNode } from './sync-properties';
import { ccvSyncStockNode } from './sync-stock';
import { ccvUpsertProductNode } from './upsert-product';
import { ccvUpsertVariantProductNode } from './upsert-variant-product';

/** The Visma.net → CCV Shop nodes for products, stock, categories and images, for the catalogue. */
export const productNodes: readonly AnyNodeDefinition[] = [
  vismaFetchNode,
  vismaFetchStockNode,
  vismaFetchImageNode,
  vismaGroupVariantsNode,
  ccvUpsertProductNode,
  ccvUpsertVariantProductNode,
  ccvSyncStockNode,
  ccvSyncCategoriesNode,
  ccvSyncPhotoNode,
  ccvSyncPropertiesNode,
];
