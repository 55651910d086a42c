import { createCatalog, type AnyNodeDefinition } from '../engine';
import { coreNodes } from './core/index';
import { productNodes } from './ccv/product-nodes';
import { orderNodes } from './orders/index';

/**
 * Every node type Koppel offers. One line per node; the palette groups them by `category`.
 */
const definitions: AnyNodeDefinition[] = [
  ...coreNodes,
  // Visma.net → CCV Shop: products, stock, categories, images
  ...productNodes,
  // CCV Shop → Visma.net: customers, orders
  ...orderNodes,
];

export const catalog = createCatalog(definitions);
