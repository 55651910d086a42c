import { z } from 'zod';
import { bool, dateInput, int, num, str } from './support';

// SalesOrders API V3 (reference/visma-net/README.md §6.3): plain JSON both ways. Inputs mirror NewSalesOrderCommand / PatchSalesOrderCommand.

const text = z.string().nullish();
const date = dateInput.nullish();

/** If you give an address or contact, give all of its fields: V3 defaults nothing from the customer. */
export const orderAddressInputSchema = z.strictObject({ line1: text, line2: text, line3: text, postalCode: text, city: text, countryId: text, stateId: text });
export const orderContactInputSchema = z.strictObject({ name: text, attention: text, email: text, phone1: text });

export const orderLineInputSchema = z.strictObject({
  inventoryId: z.string(),
  quantity: z.number().optional(),
  unitOfMeasure: text,
  /** Without it the price rules apply; with `hasManualPrice: false` the rules override it. */
  unitPrice: z.number().nullish(),
  hasManualPrice: z.boolean().nullish(),
  discountPercent: z.number().nullish(),
  discountAmount: z.number().nullish(),
  discountCode: text,
  hasManualDiscount: z.boolean().nullish(),
  /** VAT category override. */
  taxCategoryId: text,
  description: text,
  note: text,
  warehouseId: text,
  warehouseLocationId: text,
  branchId: text,
  salesAccountId: text,
  salesPersonId: text,
  requestDate: date,
  shipDate: date,
  /** `CancelRemainder` | `BackOrderAllowed` | `ShipComplete`. */
  shippingRule: text,
  /** `Issue` | `Receipt`. */
  operation: text,
  externalLink: text,
  subaccount: z.record(z.string(), z.unknown()).nullish(),
  projectTaskId: text,
  reasonCode: text,
  purchaseOrderSource: text,
  supplierId: text,
  supplierPrice: z.number().nullish(),
  unitCost: z.number().nullish(),
  commissionable: z.boolean().nullish(),
  undershipThreshold: z.number().nullish(),
  overshipThreshold: z.number().nullish(),
});
export type SalesOrderLineInput = z.input<typeof orderLineInputSchema>;

const financial = z.strictObject({ invoiceDate: date, dueDate: date, cashDiscountDate: date, invoiceId: text, invoiceSeparately: z.boolean().nullish(), postPeriod: text });
const freight = z.strictObject({ cost: z.number().nullish(), premiumAmount: z.number().nullish(), taxCategoryId: text });
const payment = z.strictObject({ paymentMethodId: text, cashAccountId: text, paymentReference: text });
const print = z.strictObject({ descriptionOnInvoice: z.boolean().nullish(), noteOnExternalDocuments: z.boolean().nullish(), noteOnInternalDocuments: z.boolean().nullish() });
const shippingFields = {
  shipViaId: text,
  termsId: text,
  zoneId: text,
  fobPointId: text,
  preferredWarehouseId: text,
  rule: text,
  scheduledDate: date,
  shipSeparately: z.boolean().nullish(),
  residentialDelivery: z.boolean().nullish(),
  saturdayDelivery: z.boolean().nullish(),
  insurance: z.boolean().nullish(),
  priority: z.number().int().nullish(),
  intrastatTransactionTypeId: z.number().int().nullish(),
};
const headerFields = {
  status: text,
  date,
  requestOn: date,
  cancelBy: date,
  description: text,
  note: text,
  currencyId: text,
  branchId: text,
  taxZoneId: text,
  salesPersonId: text,
  ownerId: text,
  projectId: text,
  originalOrderId: text,
  originalOrderType: text,
  useReplacementCostForMarginAndProfit: z.boolean().nullish(),
  financialInformation: financial.nullish(),
  paymentSettings: payment.nullish(),
  freight: freight.nullish(),
  print: print.nullish(),
};

export const newSalesOrderInputSchema = z.strictObject({
  type: z.string().min(1),
  /** `id` is the customer number; `refNo` / `order` hold the webshop reference (≤ 40). */
  customer: z.strictObject({ id: text, locationId: text, contactId: z.number().int().nullish(), gln: text, order: text, refNo: text, termsId: text }),
  /** Only for order types with manual numbering. */
  orderId: text,
  billing: z.strictObject({ address: orderAddressInputSchema.nullish(), contact: orderContactInputSchema.nullish() }).nullish(),
  shipping: z.strictObject({ address: orderAddressInputSchema.nullish(), contact: orderContactInputSchema.nullish(), ...shippingFields }).nullish(),
  orderLines: z.array(orderLineInputSchema).nullish(),
  ...headerFields,
});
export type NewSalesOrderInput = z.input<typeof newSalesOrderInputSchema>;

const patchAddress = orderAddressInputSchema.extend({ overridesDefault: z.boolean().nullish() });
const patchContact = orderContactInputSchema.extend({ overridesDefault: z.boolean().nullish() });

export const patchSalesOrderInputSchema = z.strictObject({
  customer: z.strictObject({ id: text, locationId: text, contactId: z.number().int().nullish(), order: text, refNo: text, termsId: text }).nullish(),
  billing: z.strictObject({ address: patchAddress.nullish(), contact: patchContact.nullish() }).nullish(),
  shipping: z.strictObject({ address: patchAddress.nullish(), contact: patchContact.nullish(), ...shippingFields }).nullish(),
  ...headerFields,
});
export type PatchSalesOrderInput = z.input<typeof patchSalesOrderInputSchema>;

// ---- responses ----

const cdDescription = z.looseObject({ id: str, description: str });
const orderAddress = z.looseObject({
  id: int,
  line1: str,
  line2: str,
  line3: str,
  postalCode: str,
  city: str,
  country: z.looseObject({ id: str, name: str }).nullish(),
  county: z.looseObject({ id: str, name: str }).nullish(),
  overridesDefault: bool,
});
const orderContact = z.looseObject({ id: int, name: str, attention: str, email: str, phone1: str, phone2: str, fax: str, overridesDefault: bool });

export const salesOrderSchema = z.looseObject({
  type: str,
  orderId: str,
  status: z.looseObject({ description: str, hold: bool, cancelled: bool }).nullish(),
  date: str,
  requestOn: str,
  cancelBy: str,
  lastModified: str,
  createdBy: str,
  currencyId: str,
  description: str,
  note: str,
  orderQty: num,
  totals: z.looseObject({ orderTotal: num, taxTotal: num, taxableTotal: num, discountTotal: num, freightTotal: num, unbilledAmount: num, unshippedAmount: num }).nullish(),
  customer: z.looseObject({ id: str, internalId: int, name: str, order: str, refNo: str, contactId: int, taxZone: cdDescription.nullish() }).nullish(),
  billing: z.looseObject({ address: orderAddress.nullish(), contact: orderContact.nullish() }).nullish(),
  shipping: z.looseObject({ address: orderAddress.nullish(), contact: orderContact.nullish(), shipVia: cdDescription.nullish(), rule: str }).nullish(),
  financialInformation: z.looseObject({ invoiceId: str, invoiceDate: str, dueDate: str, terms: cdDescription.nullish() }).nullish(),
  paymentSettings: z.looseObject({ paymentMethod: cdDescription.nullish(), cashAccountId: str, paymentReference: str }).nullish(),
  branch: cdDescription.nullish(),
  /** The concurrency token; the same value comes as the ETag header. */
  version: str,
});
export type SalesOrder = z.infer<typeof salesOrderSchema>;

export const salesOrderListItemSchema = z.looseObject({
  type: str,
  orderId: str,
  status: str,
  customerId: str,
  customerName: str,
  customerOrder: str,
  customerRefNo: str,
  date: str,
  requestOn: str,
  orderTotal: num,
  orderQty: num,
  currency: str,
  location: str,
  lastModified: str,
  description: str,
});
export type SalesOrderListItem = z.infer<typeof salesOrderListItemSchema>;

export const v3PageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ value: z.array(item).nullish(), totalCount: int, nextPage: z.string().nullish() });

export const availabilitySchema = z.looseObject({
  inventoryId: str,
  internalId: int,
  description: str,
  baseUnit: str,
  attributes: z.record(z.string(), z.unknown()).nullish(),
  availability: z
    .array(
      z.looseObject({
        warehouseId: str,
        internalWarehouseId: int,
        description: str,
        quantityOnHand: num,
        quantityAvailable: num,
        quantityAvailableForShipment: num,
        quantityNotAvailable: num,
        quantityPurchaseOrders: num,
        lastModified: str,
        locations: z
          .array(z.looseObject({ locationId: str, description: str, quantityOnHand: num, quantityAvailable: num, quantityAvailableForShipment: num, lastModified: str }))
          .nullish(),
      }),
    )
    .nullish(),
});
export type InventoryAvailability = z.infer<typeof availabilitySchema>;
