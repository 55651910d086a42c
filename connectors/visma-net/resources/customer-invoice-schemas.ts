import { z } from 'zod';
import type { WrapSpec } from '../wrap';
import { attachmentSchema, bool, dateInput, idDescription, int, lineOperation, num, numberName, segmentsInput, str, text, withMetadata } from './support';

// ---- responses (CustomerInvoiceDto, reference/visma-net/README.md §6.4) ----

export const customerInvoiceLineSchema = z.looseObject({
  lineNumber: int,
  inventoryNumber: str,
  description: str,
  quantity: num,
  unitPrice: num,
  unitPriceInCurrency: num,
  amount: num,
  amountInCurrency: num,
  discountPercent: num,
  discountAmount: num,
  vatCode: idDescription.nullish(),
  account: z.looseObject({ number: str, description: str }).nullish(),
  uom: str,
  branchNumber: numberName.nullish(),
  note: str,
});

export const customerInvoiceSchema = z.looseObject({
  referenceNumber: str,
  documentType: str,
  status: str,
  hold: bool,
  customer: numberName.nullish(),
  documentDate: str,
  documentDueDate: str,
  postPeriod: str,
  financialPeriod: str,
  currencyId: str,
  amount: num,
  balance: num,
  vatTotal: num,
  vatTaxableTotal: num,
  vatExemptTotal: num,
  detailTotal: num,
  discountTotal: num,
  roundingDiff: num,
  externalReference: str,
  customerRefNumber: str,
  paymentReference: str,
  invoiceText: str,
  creditTerms: idDescription.nullish(),
  paymentMethod: idDescription.nullish(),
  branchNumber: numberName.nullish(),
  invoiceLines: z.array(customerInvoiceLineSchema).nullish(),
  taxDetails: z.array(z.looseObject({ taxId: str, vatRate: num, taxableAmount: num, vatAmount: num })).nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  lastModifiedDateTime: str,
  createdDateTime: str,
  timeStamp: str,
  ...withMetadata,
});
export type CustomerInvoice = z.infer<typeof customerInvoiceSchema>;

export const releaseResultSchema = z.looseObject({ actionId: str, actionResult: str, errorInfo: str });
export type ReleaseResult = z.infer<typeof releaseResultSchema>;

// ---- writes (CustomerInvoiceUpdateDto, wrapped; POST /v2/customerinvoice, PUT /v1/customerinvoice/{n}) ----

export const customerInvoiceLineInputSchema = z.strictObject({
  operation: lineOperation,
  lineNumber: z.number().int().nullish(),
  inventoryNumber: text,
  description: text,
  quantity: z.number().nullish(),
  unitPriceInCurrency: z.number().nullish(),
  manualAmountInCurrency: z.number().nullish(),
  accountNumber: text,
  /** The VAT category (e.g. "03"); the VAT id follows from the customer's VAT zone. */
  vatCodeId: text,
  uom: text,
  discountPercent: z.number().nullish(),
  discountAmountInCurrency: z.number().nullish(),
  manualDiscount: z.boolean().nullish(),
  discountCode: text,
  subaccount: segmentsInput,
  salesperson: text,
  deferralSchedule: z.number().int().nullish(),
  deferralCode: text,
  termStartDate: dateInput.nullish(),
  termEndDate: dateInput.nullish(),
  note: text,
  branchNumber: text,
  domesticServicesDeductible: z.boolean().nullish(),
  itemType: z.enum(['Service', 'MaterialCost', 'OtherCost']).nullish(),
  typeOfWork: text,
  taskId: text,
  startDate: dateInput.nullish(),
  endDate: dateInput.nullish(),
});

const addressOverride = z.strictObject({
  overrideAddress: z.boolean().nullish(),
  addressLine1: text,
  addressLine2: text,
  addressLine3: text,
  postalCode: text,
  city: text,
  countryId: text,
  county: text,
});
const contactOverride = z.strictObject({ overrideContact: z.boolean().nullish(), name: text, attention: text, email: text, phone1: text });

export const customerInvoiceInputSchema = z.strictObject({
  customerNumber: text,
  childCustomerNumber: text,
  referenceNumber: text,
  overrideNumberSeries: z.boolean().nullish(),
  documentDate: dateInput.nullish(),
  origInvoiceDate: dateInput.nullish(),
  documentDueDate: dateInput.nullish(),
  cashDiscountDate: dateInput.nullish(),
  creditTermsId: text,
  currencyId: text,
  exchangeRate: z.number().nullish(),
  externalReference: text,
  customerRefNumber: text,
  paymentReference: text,
  paymentMethodId: text,
  cashAccount: text,
  invoiceText: text,
  note: text,
  branchNumber: text,
  financialPeriod: text,
  postPeriod: text,
  hold: z.boolean().nullish(),
  locationId: text,
  customerVatZoneId: text,
  contact: z.number().int().nullish(),
  project: text,
  customerProject: text,
  salesPersonID: z.number().int().nullish(),
  salesperson: text,
  billingAddress: addressOverride.nullish(),
  invoiceContact: contactOverride.nullish(),
  sendToAutoInvoice: z.boolean().nullish(),
  dontPrint: z.boolean().nullish(),
  dontEmail: z.boolean().nullish(),
  consolidateInvoices: z.boolean().nullish(),
  startDate: dateInput.nullish(),
  endDate: dateInput.nullish(),
  accountingCostRef: text,
  originatorDocRef: text,
  contractDocRef: text,
  revoked: z.boolean().nullish(),
  directDebitMandateId: text,
  excludeDebtCollection: z.boolean().nullish(),
  domesticServicesDeductibleDocument: z.boolean().nullish(),
  rotRutDetails: z
    .strictObject({
      distributedAutomaticaly: z.boolean().nullish(),
      type: z.enum(['Rut', 'Rot']).nullish(),
      appartment: text,
      estate: text,
      organizationNbr: text,
      distribution: z
        .array(z.strictObject({ operation: lineOperation, lineNbr: z.number().int().nullish(), personalId: text, amount: z.number().nullish(), extra: z.boolean().nullish() }))
        .nullish(),
    })
    .nullish(),
  taxDetailLines: z.array(z.strictObject({ taxId: text, taxableAmount: z.number().nullish(), vatAmount: z.number().nullish() })).nullish(),
  invoiceLines: z.array(customerInvoiceLineInputSchema).nullish(),
});
export type CustomerInvoiceInput = z.input<typeof customerInvoiceInputSchema>;

/** `rotRutDetails` is a plain object with wrapped fields; line subaccounts stay plain. */
export const customerInvoiceWrapSpec: WrapSpec = {
  rotRutDetails: 'inline',
  invoiceLines: { fields: { subaccount: 'raw' } },
};

export const invoiceDateFields: readonly string[] = ['documentDate', 'origInvoiceDate', 'documentDueDate', 'cashDiscountDate'];
