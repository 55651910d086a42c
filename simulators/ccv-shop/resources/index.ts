// Every API route of the simulator.
import type { Route } from '../context';
import { attributeRoutes } from './attributes';
import { categoryRoutes } from './categories';
import { categoryLinkRoutes } from './category-links';
import { miscRoutes } from './misc';
import { orderExtraRoutes } from './order-extras';
import { orderRoutes } from './orders';
import { photoRoutes } from './product-photos';
import { productRoutes } from './products';
import { propertyRoutes } from './properties';
import { userRoutes } from './users';
import { variantRoutes } from './variants';
import { webhookRoutes } from './webhooks';

export const ALL_ROUTES: Route[] = [
  ...miscRoutes,
  ...productRoutes,
  ...photoRoutes,
  ...categoryRoutes,
  ...categoryLinkRoutes,
  ...attributeRoutes,
  ...variantRoutes,
  ...propertyRoutes,
  ...orderRoutes,
  ...orderExtraRoutes,
  ...userRoutes,
  ...webhookRoutes,
];
