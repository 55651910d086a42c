// First ids per resource. Distinct ranges make a client that mixes up ids (a product id used
// as a category id, say) fail loudly instead of hitting a record by accident.
export const IDS = {
  packages: 12,
  brands: 34,
  suppliers: 51,
  conditions: 61,
  colors: 71,
  categories: 201,
  attributes: 301,
  attributevalues: 401,
  productpropertygroups: 501,
  productproperties: 601,
  productpropertyoptions: 701,
  productpropertyvalues: 751,
  producttopropertygroups: 781,
  webhooks: 801,
  ordernotes: 901,
  credentials: 71921,
  webshop: 117035,
  users: 24464001,
  products: 100001,
  orders: 339000001,
  productphotos: 1000001,
  producttocategories: 2000001,
  productattributevalues: 3000001,
  attributecombinations: 4000001,
  orderrows: 7000001,
} as const;

/** Slots reserved per parent for generated children (child id = base + parentIndex * slots + k). */
export const SLOTS = { photos: 4, categories: 2, variants: 8, orderrows: 8 } as const;
