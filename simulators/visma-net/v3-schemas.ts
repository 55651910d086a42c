// zod schemas of the SalesOrders API V3 request bodies (plain JSON), from visma-net-salesorders-v3.trimmed.openapi.json.
import { z } from 'zod';
import { v3Detail, validationProblem, type V3Detail } from './errors';
import { INVALID_JSON, type SimResponse } from './types';

const s = (max?: number) => (max === undefined ? z.string() : z.string().max(max)).nullish();
const n = z.number().nullish();
const b = z.boolean().nullish();
const i32 = z.number().int().nullish();
const date = z.string().nullish(); // parsed separately so the error can say which format is expected

const NewAddress = z.looseObject({ line1: s(50), line2: s(50), line3: s(50), postalCode: s(20), city: s(50), countryId: s(2), stateId: s(50) });
const NewContact = z.looseObject({ name: s(255), attention: s(255), email: s(255), phone1: s(50) });
const PatchAddress = NewAddress.extend({ overridesDefault: b });
const PatchContact = NewContact.extend({ overridesDefault: b });

export const NewLineSchema = z.looseObject({
  inventoryId: z.string().min(1),
  quantity: z.number().optional(),
  unitOfMeasure: s(6), unitPrice: n, hasManualPrice: b,
  discountPercent: z.number().min(-100).max(100).nullish(), discountAmount: n, discountCode: s(10), hasManualDiscount: b,
  taxCategoryId: s(), description: s(256), note: s(2048), warehouseId: s(), warehouseLocationId: s(), branchId: s(30),
  salesAccountId: s(10), salesPersonId: s(15), requestDate: date, shipDate: date, shippingRule: s(), operation: s(), externalLink: s(255),
  subaccount: z.record(z.string(), z.string()).nullish(), projectTaskId: s(30), reasonCode: s(), purchaseOrderSource: s(), supplierId: s(),
  supplierPrice: n, unitCost: n, commissionable: b, undershipThreshold: z.number().min(0).max(100).nullish(), overshipThreshold: z.number().min(100).max(999).nullish(),
});
export type NewLine = z.infer<typeof NewLineSchema>;

/** PatchSalesOrderLineDto was not transcribed; reference/visma-net/README.md §11: it mirrors the new-line DTO with a required lineId [I]. */
export const PatchLineSchema = NewLineSchema.partial().extend({ lineId: z.number().int(), sortOrder: i32 });
export type PatchLine = z.infer<typeof PatchLineSchema>;

const Shipping = {
  fobPointId: s(15), insurance: b, intrastatTransactionTypeId: i32, preferredWarehouseId: s(30), priority: i32, residentialDelivery: b, rule: s(),
  saturdayDelivery: b, scheduledDate: date, shipSeparately: b, shipViaId: s(15), termsId: s(15), zoneId: s(15),
};
const Financial = { cashDiscountDate: date, dueDate: date, invoiceDate: date, invoiceId: s(15), invoiceSeparately: b, postPeriod: s(6) };
const Print = z.looseObject({ descriptionOnInvoice: b, noteOnExternalDocuments: b, noteOnInternalDocuments: b }).nullish();
const Common = {
  branchId: s(30), cancelBy: date, currencyId: s(5), date, description: s(255), note: s(2048), originalOrderId: s(15), originalOrderType: s(2),
  ownerId: s(), print: Print, projectId: s(30), requestOn: date, salesPersonId: s(15), status: s(), taxZoneId: s(), useReplacementCostForMarginAndProfit: b,
  freight: z.looseObject({ cost: n, premiumAmount: n, taxCategoryId: s(10) }).nullish(),
  financialInformation: z.looseObject(Financial).nullish(),
  paymentSettings: z.looseObject({ cashAccountId: s(10), paymentMethodId: s(), paymentReference: s(40) }).nullish(),
};

export const NewOrderSchema = z.looseObject({
  ...Common,
  type: z.string().min(1),
  customer: z.looseObject({ contactId: i32, gln: s(), id: s(), locationId: s(), order: s(40), refNo: s(40), termsId: s() }),
  orderId: s(15),
  billing: z.looseObject({ address: NewAddress.nullish(), contact: NewContact.nullish() }).nullish(),
  shipping: z.looseObject({ address: NewAddress.nullish(), contact: NewContact.nullish(), ...Shipping }).nullish(),
  orderLines: z.array(NewLineSchema).nullish(),
});
export type NewOrder = z.infer<typeof NewOrderSchema>;

export const PatchOrderSchema = z.looseObject({
  ...Common,
  customer: z.looseObject({ contactId: i32, id: s(), locationId: s(), order: s(40), refNo: s(40), termsId: s() }).nullish(),
  billing: z.looseObject({ address: PatchAddress.nullish(), contact: PatchContact.nullish() }).nullish(),
  shipping: z.looseObject({ address: PatchAddress.nullish(), contact: PatchContact.nullish(), ...Shipping }).nullish(),
});
export type PatchOrder = z.infer<typeof PatchOrderSchema>;

export const AddLinesSchema = z.looseObject({ lines: z.array(NewLineSchema).nullish() });
export const PatchLinesSchema = z.looseObject({ lines: z.array(PatchLineSchema).nullish() });

export function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function detailsOf(issues: readonly z.core.$ZodIssue[]): V3Detail[] {
  return issues.map((issue) => {
    const property = propertyPath(issue.path);
    if (issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message)) return v3Detail('0001-NullNotAllowed', property, [], `${property} is required.`);
    if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'string') {
      return v3Detail(issue.code === 'too_small' ? '0001-EmptyNotAllowed' : '0002-InvalidLength', property, [], `${property}: ${issue.message}.`);
    }
    if (issue.code === 'too_big' || issue.code === 'too_small') return v3Detail('0100-OutsideValidRange', property, [], `${property}: ${issue.message}.`);
    return v3Detail('0003-InvalidValue', property, [], `${property}: ${issue.message}.`);
  });
}

/** Parses a V3 body; invalid bodies become a 400 SalesOrderValidationProblemDetails. */
export function parseV3<T>(schema: z.ZodType<T>, body: unknown, instance: string): { ok: true; data: T } | { ok: false; res: SimResponse } {
  if (body === undefined || body === INVALID_JSON) {
    return { ok: false, res: validationProblem([v3Detail('0001-NullNotAllowed', '$', [], body === undefined ? 'A non-empty request body is required.' : 'The request body is not valid JSON.')], instance) };
  }
  const r = schema.safeParse(body);
  return r.success ? { ok: true, data: r.data } : { ok: false, res: validationProblem(detailsOf(r.error.issues), instance) };
}
